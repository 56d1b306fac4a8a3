import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { FeedCheck } from '@/utils/check-feed/feed-check';
import { readFeeds } from '@/utils/feeds/feeds-store';
import { POPUP, testHandler } from '../support/background';
import { FEED_IDS, feedUrl } from '../support/feeds';

beforeEach(() => fakeBrowser.reset());

describe('Check feed asks the browser about the feed’s own host only', () => {
  /** A browser that has granted the extension these hosts, and nothing else. */
  const granting = (...patterns: string[]) => vi.fn(async (pattern: string) => patterns.includes(pattern));

  it.each([
    ['Cisco’s EU host', 'private.intel.eu.amp.cisco.com'],
    ['the organisation’s own CTIA host', 'intel.corp.example'],
  ])('checks a feed on %s when that host is granted', async (_, host) => {
    const mayContact = granting(`https://${host}/*`);
    const { handleMessage, checked } = testHandler({ mayContact });
    await handleMessage({ type: 'save-pasted-feed', text: feedUrl(0, host) }, POPUP);
    expect(await handleMessage({ type: 'check-feed', key: FEED_IDS[0] }, POPUP)).toMatchObject({ ok: true, check: { kind: 'observables' } });
    expect(mayContact).toHaveBeenCalledWith(`https://${host}/*`);
    expect(checked.map((fields) => fields.hostname)).toEqual([host]);
  });

  it('contacts nothing when only other hosts are granted', async () => {
    const { handleMessage, checked } = testHandler({ mayContact: granting('https://private.intel.amp.cisco.com/*', 'https://intel.other.example/*') });
    await handleMessage({ type: 'save-pasted-feed', text: feedUrl(0, 'intel.corp.example') }, POPUP);
    expect(await handleMessage({ type: 'check-feed', key: FEED_IDS[0] }, POPUP)).toMatchObject({ ok: true, check: { kind: 'problem', code: 'permission-refused' } });
    expect(checked).toEqual([]);
  });
});

describe('what Check feed keeps of the host’s answer about the secret', () => {
  it.each<[string, FeedCheck, string | undefined]>([
    ['a refusal of the secret: refused', { kind: 'problem', code: 'wrong-secret', status: 401 }, 'refused'],
    ['observables: accepted', { kind: 'observables', total: 1, byType: { domain: 1 } }, 'accepted'],
    ['a network failure: nothing', { kind: 'problem', code: 'network' }, undefined],
    ['a timeout: nothing', { kind: 'problem', code: 'timeout' }, undefined],
    ['a missing feed: nothing', { kind: 'problem', code: 'not-found', status: 404 }, undefined],
    ['a server error: nothing', { kind: 'problem', code: 'http-error', status: 503 }, undefined],
  ])('%s', async (_, verdict, secretCheck) => {
    const background = testHandler();
    background.answer.current = verdict;
    await background.handleMessage({ type: 'save-pasted-feed', text: feedUrl(0) }, POPUP);
    await background.handleMessage({ type: 'check-feed', key: FEED_IDS[0] }, POPUP);
    expect((await readFeeds())[0]!.secretCheck).toBe(secretCheck);
  });
});
