import { regionOfHost, type Region } from './cisco-hosts';
import { findUrlInText } from './url-in-text';

/** The three values the gateway's Add Source form needs from a feed URL. */
export interface FeedFields {
  hostname: string;
  pollingPath: string;
  collectionName: string;
}

export type FeedUrlErrorCode =
  | 'empty'
  | 'not-a-url'
  | 'not-https'
  | 'not-a-feed-url'
  | 'missing-secret'
  | 'bad-secret';

export type FeedUrlWarningCode = 'txt-view' | 'judgements-view' | 'unrecognized-host' | 'custom-port';

export interface Notice<Code extends string> {
  code: Code;
  message: string;
}

export interface ParsedFeedUrl {
  ok: true;
  fields: FeedFields;
  feedId: string;
  region: Region | null;
  warnings: Notice<FeedUrlWarningCode>[];
}

export type FeedUrlResult = ParsedFeedUrl | { ok: false; error: Notice<FeedUrlErrorCode> };

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const SECRET = new RegExp(`^${UUID}$`, 'i');
/** What follows `/ctia/feed/`: the feed id, then the JSON view or the plain-text view. */
const FEED_VIEW = new RegExp(`^(feed-${UUID})/view(\\.txt)?/?$`, 'i');
const FEED_PATH = '/ctia/feed/';
/** Zero-width characters that rich-text copies slip into URLs. */
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff]/g;
const COPY_AGAIN = "Open the feed's Feed Details in SecureX / XDR and copy the whole URL again.";

/**
 * Splits a CTIA feed URL, found anywhere in `text`, into the gateway's Hostname, Polling Path and
 * Collection Name. Accepts the `view`, `view.txt`, `:443` and URL-encoded long-id shapes. Never throws.
 */
export function parseFeedUrl(text: string): FeedUrlResult {
  const cleaned = text.replace(INVISIBLE, '');
  if (cleaned.trim() === '') {
    return fail('empty', 'Paste a feed URL. It looks like https://private.intel.amp.cisco.com/ctia/feed/feed-…/view.txt?s=…');
  }
  const candidate = findUrlInText(cleaned);
  const url = candidate === null ? null : URL.parse(candidate);
  if (url === null) {
    return fail('not-a-url', `This is not a web address. ${COPY_AGAIN}`);
  }
  if (url.protocol !== 'https:') {
    return fail('not-https', `Feed URLs start with https://, this one with ${url.protocol}//. ${COPY_AGAIN}`);
  }

  const path = decodeOrKeep(url.pathname);
  if (!path.startsWith(FEED_PATH)) {
    return fail('not-a-feed-url', `This is not a feed URL: its path does not start with ${FEED_PATH}. ${COPY_AGAIN}`);
  }
  // The long shape nests the whole feed URL as the id; the real id follows the last /ctia/feed/.
  const view = FEED_VIEW.exec(path.slice(path.lastIndexOf(FEED_PATH) + FEED_PATH.length));
  if (view === null) {
    return fail('not-a-feed-url', `The feed id in this URL is incomplete or altered (expected …/ctia/feed/feed-<id>/view.txt). ${COPY_AGAIN}`);
  }

  const secret = url.searchParams.get('s');
  if (!secret) {
    return fail('missing-secret', `The URL has no secret (the part after ?s=), which the gateway needs as Collection Name. ${COPY_AGAIN}`);
  }
  if (!SECRET.test(secret)) {
    return fail('bad-secret', `The secret after ?s= is cut short or altered: it should be 36 characters like 1b4e28ba-2fa1-11d2-883f-0016d3cca427. ${COPY_AGAIN}`);
  }

  const feedId = view[1]!; // the pattern's first group always matches
  const hostname = url.hostname.replace(/\.$/, '');
  const region = regionOfHost(hostname);
  const warnings: Notice<FeedUrlWarningCode>[] = [];
  if (view[2]) {
    warnings.push({ code: 'txt-view', message: 'Removed ".txt" from the path: the gateway reads the feed\'s JSON view.' });
  } else {
    warnings.push({
      code: 'judgements-view',
      message: "This URL ends in /view instead of /view.txt, the shape SecureX gives feeds whose Output is Judgements, which the gateway rejects. Check that the feed's Output is Observables; switching it keeps the same URL and secret.",
    });
  }
  if (region === null) {
    warnings.push({
      code: 'unrecognized-host',
      message: `${hostname} is not one of Cisco's private intelligence hosts. Use it only if it is your organisation's own threat intelligence server.`,
    });
  }
  if (url.port !== '') {
    warnings.push({ code: 'custom-port', message: `This URL uses port ${url.port}: set Polling Port to ${url.port} instead of 443.` });
  }

  return {
    ok: true,
    fields: { hostname, pollingPath: `${FEED_PATH}${feedId}/view`, collectionName: secret },
    feedId,
    region,
    warnings,
  };
}

function fail(code: FeedUrlErrorCode, message: string): FeedUrlResult {
  return { ok: false, error: { code, message } };
}

function decodeOrKeep(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}
