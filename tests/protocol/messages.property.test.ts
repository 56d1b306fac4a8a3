import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readFeeds } from '@/utils/feeds/feeds-store';
import { POPUP, EXTENSION_ID, testHandler } from '../support/background';
import { feedUrl, storedFeed } from '../support/feeds';

const { handleMessage } = testHandler();
const TYPES = ['save-pasted-feed', 'remove-feed', 'forget-feeds', 'check-feed', 'capture-feed', 'delete-everything'];

/** Objects shaped like messages, with the right and wrong types of every field. */
const messageLike = fc.record(
  {
    type: fc.constantFrom(...TYPES),
    text: fc.oneof(fc.string(), fc.constant(feedUrl(1)), fc.integer()),
    feedId: fc.oneof(fc.string(), fc.constant(storedFeed(0).feedId)),
    url: fc.oneof(fc.string(), fc.constant(feedUrl(2, 'evil.example'))),
    output: fc.oneof(fc.constantFrom('observables', 'judgements', 'both'), fc.integer()),
    source: fc.constantFrom('page', 'copy', 'pasted', 7),
  },
  { requiredKeys: [] },
);

const senders = fc.constantFrom(
  {},
  { id: 'another-extension', url: 'chrome-extension://another-extension/popup.html' },
  { id: EXTENSION_ID, url: 'https://evil.example/', tab: { id: 1 } },
  { id: EXTENSION_ID, url: `chrome-extension://${EXTENSION_ID}.evil/popup.html` },
);

beforeEach(() => fakeBrowser.reset());

describe('the background on any message', () => {
  it('rejects anything from a sender that is not its own page or a console page, changing nothing', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.anything(), messageLike), senders, async (message, sender) => {
        await fakeBrowser.storage.session.set({ feeds: [storedFeed(0)] });
        const reply = await handleMessage(message, sender as never);
        expect(reply.ok).toBe(false);
        expect(await readFeeds()).toEqual([storedFeed(0)]);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on any payload from its own popup, and answers with ok or an error', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.anything(), messageLike), async (message) => {
        const reply = await handleMessage(message, POPUP);
        expect(typeof reply.ok).toBe('boolean');
        if (!reply.ok) expect(reply.error.message.length).toBeGreaterThan(5);
      }),
      { numRuns: 300 },
    );
  });
});
