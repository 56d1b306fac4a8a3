import { describe, expect, it, vi } from 'vitest';
import { MAX_FEED_BYTES, checkFeed, feedViewUrl } from '@/utils/check-feed/fetch-feed';
import { FEED_IDS, SECRETS } from '../support/feeds';

const FIELDS = { hostname: 'private.intel.eu.amp.cisco.com', pollingPath: `/ctia/feed/${FEED_IDS[0]}/view`, collectionName: SECRETS[0] };
const URL_POLLED = `https://private.intel.eu.amp.cisco.com/ctia/feed/${FEED_IDS[0]}/view?s=${SECRETS[0]}`;

function answering(response: Response | (() => Promise<Response>)) {
  return vi.fn(async (_url: string | URL | Request, _init?: RequestInit) => (typeof response === 'function' ? response() : response));
}

describe('checkFeed', () => {
  it('asks a feed host on another port there', async () => {
    const fetch = answering(new Response('{"observables":[]}', { status: 200 }));
    await checkFeed(FIELDS, { port: 8443, fetchImpl: fetch });
    expect(fetch.mock.calls[0]![0]).toBe(URL_POLLED.replace('.com/', '.com:8443/'));
  });

  it('asks exactly the URL the gateway polls, without cookies, credentials, referrer or redirects', async () => {
    const fetch = answering(new Response('{"observables":[{"type":"domain","value":"a.example"}]}', { status: 200 }));
    expect(feedViewUrl(FIELDS)).toBe(URL_POLLED);
    expect(await checkFeed(FIELDS, { fetchImpl: fetch })).toEqual({ kind: 'observables', total: 1, byType: { domain: 1 } });
    expect(fetch).toHaveBeenCalledTimes(1);
    const [url, init] = fetch.mock.calls[0]!;
    expect(url).toBe(URL_POLLED);
    expect(init).toMatchObject({ credentials: 'omit', redirect: 'manual', cache: 'no-store', referrerPolicy: 'no-referrer' });
  });

  it.each([
    ['401', new Response('wrong secret', { status: 401 }), { kind: 'problem', code: 'wrong-secret', status: 401 }],
    ['a redirect status', new Response(null, { status: 302, headers: { location: 'https://sso.example/' } }), { kind: 'problem', code: 'redirect', status: 302 }],
    ['a body declared over 50 MB', new Response('{}', { status: 200, headers: { 'content-length': String(MAX_FEED_BYTES + 1) } }), { kind: 'problem', code: 'too-large', status: 200 }],
    // A fetch may hand over an answer without a body: the declared size still speaks, not a network failure.
    ['a body declared over 50 MB that never came', new Response(null, { status: 200, headers: { 'content-length': String(MAX_FEED_BYTES + 1) } }), { kind: 'problem', code: 'too-large', status: 200 }],
  ])('reports %s', async (_, response, expected) => {
    expect(await checkFeed(FIELDS, { fetchImpl: answering(response) })).toEqual(expected);
  });

  // What the browser hands over for `redirect: 'manual'`: a redirect it will not follow, status 0.
  const opaqueRedirect = () => Object.defineProperties(new Response(null, { status: 200 }), { type: { value: 'opaqueredirect' }, status: { value: 0 } });

  it.each([
    ['a redirect the browser kept opaque', opaqueRedirect(), { kind: 'problem', code: 'redirect', status: undefined }],
    ['299, the last success status', new Response('', { status: 299 }), { kind: 'problem', code: 'http-error', status: 299 }],
    ['300, the first redirect status', new Response(null, { status: 300 }), { kind: 'problem', code: 'redirect', status: 300 }],
    ['399, the last redirect status', new Response(null, { status: 399 }), { kind: 'problem', code: 'redirect', status: 399 }],
    ['400, the first client error', new Response('{"errors":{"s":"missing-required-key"}}', { status: 400 }), { kind: 'problem', code: 'missing-secret', status: 400 }],
  ])('tells the gateway’s answer from its status: %s', async (_, response, expected) => {
    expect(await checkFeed(FIELDS, { fetchImpl: answering(response) })).toStrictEqual(expected);
  });

  it('reads characters whose bytes arrive in two chunks', async () => {
    // "ド" is three bytes in UTF-8: the first ends one chunk, the other two start the next.
    const json = new TextEncoder().encode('{"observables":[{"type":"ドメイン","value":"a.example"}]}');
    const split = json.indexOf(0xe3) + 1;
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(json.slice(0, split));
        controller.enqueue(json.slice(split));
        controller.close();
      },
    });
    const check = await checkFeed(FIELDS, { fetchImpl: answering(new Response(body, { status: 200 })) });
    expect(check).toEqual({ kind: 'observables', total: 1, byType: { ドメイン: 1 } });
  });

  /** An empty feed padded with spaces to exactly `size` bytes, sent 1 MB at a time. */
  function feedOfBytes(size: number): ReadableStream<Uint8Array> {
    const spaces = new Uint8Array(1024 * 1024).fill(0x20);
    const json = new TextEncoder().encode('{"observables":[]}');
    let sent = 0;
    return new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent === size) return controller.close();
        const chunk = spaces.slice(0, Math.min(spaces.length, size - sent));
        if (sent === 0) chunk.set(json);
        controller.enqueue(chunk);
        sent += chunk.length;
      },
    });
  }

  it.each([
    ['declared', { 'content-length': String(MAX_FEED_BYTES) }],
    ['not declared', {}],
  ])('reads a body of exactly 50 MB, its size %s', async (_, headers) => {
    const response = new Response(feedOfBytes(MAX_FEED_BYTES), { status: 200, headers });
    expect(await checkFeed(FIELDS, { fetchImpl: answering(response) })).toEqual({ kind: 'observables', total: 0, byType: {} });
  });

  it('stops reading a body that grows past 50 MB without saying so', async () => {
    const chunk = new Uint8Array(1024 * 1024).fill(0x20);
    let sent = 0;
    let cancelled = false;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent++;
        controller.enqueue(chunk);
      },
      cancel() {
        cancelled = true;
      },
    });
    expect(await checkFeed(FIELDS, { fetchImpl: answering(new Response(body, { status: 200 })) })).toEqual({ kind: 'problem', code: 'too-large', status: 200 });
    expect(cancelled).toBe(true);
    expect(sent).toBeLessThanOrEqual(52);
  });

  it('reports a network failure without the URL or the secret', async () => {
    const fetch = vi.fn(async () => {
      throw new TypeError(`Failed to fetch ${URL_POLLED}`);
    });
    const check = await checkFeed(FIELDS, { fetchImpl: fetch });
    expect(check).toEqual({ kind: 'problem', code: 'network' });
    expect(JSON.stringify(check)).not.toContain(SECRETS[0]);
  });

  it('gives up when the feed does not answer in time', async () => {
    const fetch = vi.fn((_url: string | URL | Request, init?: RequestInit) =>
      new Promise<Response>((_resolve, reject) => init!.signal!.addEventListener('abort', () => reject(init!.signal!.reason))),
    );
    expect(await checkFeed(FIELDS, { fetchImpl: fetch, timeoutMs: 50 })).toEqual({ kind: 'problem', code: 'timeout' });
  });

  it('gives up when the body stalls past the timeout', async () => {
    const stalled = new ReadableStream<Uint8Array>({ start(controller) { controller.enqueue(new TextEncoder().encode('{"observ')); } });
    // This fetch leaves the body open after the abort, which the check must not wait on.
    const fetch = answering(new Response(stalled, { status: 200 }));
    expect(await checkFeed(FIELDS, { fetchImpl: fetch, timeoutMs: 50 })).toEqual({ kind: 'problem', code: 'timeout' });
  });
});
