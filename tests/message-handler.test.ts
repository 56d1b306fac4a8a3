import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readFeeds } from '@/utils/feeds-store';
import { createMessageHandler } from '@/utils/message-handler';
import { MAX_PASTED_TEXT } from '@/utils/messages';
import { FEED_IDS, SECRETS, feedUrl } from './feeds';

const EXTENSION_ID = 'etf-autofill-id';
const BASE_URL = `chrome-extension://${EXTENSION_ID}/`;
const POPUP = { id: EXTENSION_ID, url: `${BASE_URL}popup.html` };
const handleMessage = createMessageHandler({ extensionId: EXTENSION_ID, extensionBaseUrl: BASE_URL, now: () => 1234 });

beforeEach(() => fakeBrowser.reset());

describe('background message handler', () => {
  it('parses and keeps a feed pasted in the popup', async () => {
    const reply = await handleMessage({ type: 'save-pasted-feed', text: ` ${feedUrl(0)}\n` }, POPUP);
    const expected = {
      feedId: FEED_IDS[0],
      fields: { hostname: 'private.intel.amp.cisco.com', pollingPath: `/ctia/feed/${FEED_IDS[0]}/view`, collectionName: SECRETS[0] },
      region: 'us',
      warnings: [{ code: 'txt-view', message: expect.any(String) }],
      source: 'pasted',
      seenAt: 1234,
    };
    expect(reply).toEqual({ ok: true, feeds: [expected] });
    expect(await readFeeds()).toEqual([expected]);
  });

  it('answers a URL that is not a feed with the parser’s error and stores nothing', async () => {
    const reply = await handleMessage({ type: 'save-pasted-feed', text: 'https://example.com/' }, POPUP);
    expect(reply).toEqual({ ok: false, error: { code: 'not-a-feed-url', message: expect.stringContaining('not a feed URL') } });
    expect(await readFeeds()).toEqual([]);
  });

  it.each([
    ['another extension', { id: 'someone-else', url: `chrome-extension://someone-else/popup.html` }],
    ['a web page', { id: EXTENSION_ID, url: 'https://evil.example/', tab: { id: 1 } }],
    ['an unknown sender', {}],
    ['a look-alike URL', { id: EXTENSION_ID, url: `chrome-extension://${EXTENSION_ID}.evil/popup.html` }],
  ])('refuses %s and stores nothing', async (_, sender) => {
    const reply = await handleMessage({ type: 'save-pasted-feed', text: feedUrl(0) }, sender as never);
    expect(reply).toEqual({ ok: false, error: { code: 'forbidden-sender', message: expect.any(String) } });
    expect(await readFeeds()).toEqual([]);
  });

  it.each([
    ['no payload', undefined],
    ['a string', 'save-pasted-feed'],
    ['an unknown type', { type: 'delete-everything' }],
    ['text of the wrong type', { type: 'save-pasted-feed', text: 42 }],
    ['text over the size limit', { type: 'save-pasted-feed', text: `${feedUrl(0)} ${'x'.repeat(MAX_PASTED_TEXT)}` }],
  ])('rejects %s and stores nothing', async (_, message) => {
    const reply = await handleMessage(message, POPUP);
    expect(reply).toEqual({ ok: false, error: { code: 'invalid-message', message: 'The request was malformed and was ignored.' } });
    expect(await readFeeds()).toEqual([]);
  });
});
