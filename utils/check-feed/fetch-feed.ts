import { classifyFeedResponse, type FeedCheck } from './feed-check';
import type { FeedFields } from '../feed/feed-url';

/** Beyond this the body is not read: a feed of tens of thousands of observables is a few MB. */
export const MAX_FEED_BYTES = 50 * 1024 * 1024;
export const FEED_TIMEOUT_MS = 10_000;

/** Exactly the URL the gateway will poll: its Hostname, Polling Port, Polling Path and Collection Name. */
export function feedViewUrl(fields: FeedFields, port = 443): string {
  const host = port === 443 ? fields.hostname : `${fields.hostname}:${port}`;
  return `https://${host}${fields.pollingPath}?s=${encodeURIComponent(fields.collectionName)}`;
}

/**
 * Asks the feed's own host for the feed, once, with no cookies or credentials and no redirects
 * followed, and says what the gateway will make of the answer. Never throws; errors never carry
 * the URL (it holds the secret).
 */
export async function checkFeed(
  fields: FeedFields,
  { port = 443, fetchImpl = fetch, timeoutMs = FEED_TIMEOUT_MS }: { port?: number; fetchImpl?: typeof fetch; timeoutMs?: number } = {},
): Promise<FeedCheck> {
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    const response = await fetchImpl(feedViewUrl(fields, port), {
      credentials: 'omit',
      redirect: 'manual',
      cache: 'no-store',
      referrerPolicy: 'no-referrer',
      signal,
    });
    if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400)) {
      await response.body?.cancel();
      return { kind: 'problem', code: 'redirect', status: response.status || undefined };
    }
    const body = await readBounded(response, signal);
    if (body === null) return { kind: 'problem', code: 'too-large', status: response.status };
    return classifyFeedResponse({ status: response.status, body });
  } catch {
    return { kind: 'problem', code: signal.aborted ? 'timeout' : 'network' };
  }
}

/**
 * The body as text, or null when it is (or declares itself) larger than MAX_FEED_BYTES. Throws
 * when `signal` aborts mid-body, whether or not the fetch implementation ends the stream itself.
 */
async function readBounded(response: Response, signal: AbortSignal): Promise<string | null> {
  if (Number(response.headers.get('content-length') ?? 0) > MAX_FEED_BYTES) {
    await response.body?.cancel();
    return null;
  }
  if (!response.body) return '';
  const reader = response.body.getReader();
  signal.addEventListener('abort', () => void reader.cancel().catch(() => undefined), { once: true });
  const decoder = new TextDecoder();
  let text = '';
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    signal.throwIfAborted();
    if (done) return text + decoder.decode();
    bytes += value.byteLength;
    if (bytes > MAX_FEED_BYTES) {
      await reader.cancel();
      return null;
    }
    text += decoder.decode(value, { stream: true });
  }
}
