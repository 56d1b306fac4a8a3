import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  destinationAt,
  feedDestinations,
  forgetDestination,
  MAX_DESTINATIONS,
  MAX_SOURCE_NAME,
  recordDestination,
  type FeedDestination,
} from '@/utils/destinations/feed-destinations';
import { MAX_FEED_TITLE } from '@/utils/feed/feed-title';
import { clearDestinations, readRawDestinations, writeRawDestinations } from '../support/destinations-db';
import { FEED_IDS, SECRETS } from '../support/feeds';

const CLOUD = 'https://dh1234-esa1.iphmx.com';
const ON_PREM = 'https://esa.corp.example:8443';

/** Feed `index` submitted to `gatewayOrigin` at `submittedAt`; `extra` changes any part. */
function destination(index: number, gatewayOrigin: string, submittedAt: number, extra: Partial<FeedDestination> = {}): FeedDestination {
  return { feedId: FEED_IDS[index]!, title: `Feed ${index}`, gatewayOrigin, sourceName: `XDR_feed_${index}`, submittedAt, ...extra };
}

beforeEach(clearDestinations);

describe('recording where a feed went', () => {
  it('keeps the feed id, title, gateway origin, Source Name and time, and nothing else', async () => {
    const submitted = { ...destination(0, CLOUD, 1000), collectionName: SECRETS[0], hostname: 'private.intel.amp.cisco.com' };
    await recordDestination(submitted);
    const kept = { feedId: FEED_IDS[0], title: 'Feed 0', gatewayOrigin: CLOUD, sourceName: 'XDR_feed_0', submittedAt: 1000 };
    expect(await readRawDestinations()).toEqual([kept]);
    expect(await feedDestinations()).toEqual([kept]);
  });

  it('keeps a feed without a title', async () => {
    await recordDestination({ feedId: FEED_IDS[1], gatewayOrigin: ON_PREM, sourceName: 'C2', submittedAt: 5 });
    expect(await feedDestinations()).toEqual([{ feedId: FEED_IDS[1], gatewayOrigin: ON_PREM, sourceName: 'C2', submittedAt: 5 }]);
  });

  it('lists the newest first, one entry per feed and gateway: submitting again replaces it and moves it to the front', async () => {
    await recordDestination(destination(0, CLOUD, 1));
    await recordDestination(destination(0, ON_PREM, 2));
    await recordDestination(destination(1, CLOUD, 3));
    await recordDestination(destination(0, CLOUD, 4, { sourceName: 'XDR_phishing' }));
    expect((await feedDestinations()).map(({ feedId, gatewayOrigin, sourceName, submittedAt }) => [feedId, gatewayOrigin, sourceName, submittedAt])).toEqual([
      [FEED_IDS[0], CLOUD, 'XDR_phishing', 4],
      [FEED_IDS[1], CLOUD, 'XDR_feed_1', 3],
      [FEED_IDS[0], ON_PREM, 'XDR_feed_0', 2],
    ]);
  });

  it(`keeps the ${MAX_DESTINATIONS} most recent`, async () => {
    expect(MAX_DESTINATIONS).toBe(200);
    await writeRawDestinations(Array.from({ length: MAX_DESTINATIONS }, (_, i) => destination(0, `https://esa${MAX_DESTINATIONS - i}.corp.example`, MAX_DESTINATIONS - i)));
    await recordDestination(destination(1, CLOUD, 1000));
    const kept = await feedDestinations();
    expect(kept).toHaveLength(MAX_DESTINATIONS);
    expect(kept.slice(0, 2).map((d) => d.gatewayOrigin)).toEqual([CLOUD, `https://esa${MAX_DESTINATIONS}.corp.example`]);
    expect(kept.at(-1)!.gatewayOrigin).toBe('https://esa2.corp.example');
  });

  it.each([
    ['an http gateway on a port', { gatewayOrigin: 'http://10.0.0.5:8080' }],
    [`a Source Name of ${MAX_SOURCE_NAME} characters`, { sourceName: 'S'.repeat(MAX_SOURCE_NAME) }],
    [`a title of ${MAX_FEED_TITLE} characters`, { title: 'T'.repeat(MAX_FEED_TITLE) }],
    ['an upper-case feed id', { feedId: FEED_IDS[2].toUpperCase() }],
  ])('records %s', async (_, extra) => {
    const whole = destination(2, CLOUD, 7, extra);
    await recordDestination(whole);
    expect(await feedDestinations()).toEqual([whole]);
  });

  it.each([
    ['a feed id that is no CTIA feed id', { feedId: 'feed-123' }],
    ['a feed key of a second secret', { feedId: `${FEED_IDS[0]}~2` }],
    ['a gateway origin with a path', { gatewayOrigin: `${CLOUD}/mail_policies/etf/add_source/` }],
    ['a gateway origin with a trailing slash', { gatewayOrigin: `${CLOUD}/` }],
    ['a gateway that is no web page', { gatewayOrigin: 'chrome-extension://abcdefghijklmnop' }],
    ['a gateway that is no URL', { gatewayOrigin: 'dh1234-esa1.iphmx.com' }],
    ['an empty Source Name', { sourceName: '' }],
    [`a Source Name longer than ${MAX_SOURCE_NAME} characters`, { sourceName: 'S'.repeat(MAX_SOURCE_NAME + 1) }],
    [`a title longer than ${MAX_FEED_TITLE} characters`, { title: 'T'.repeat(MAX_FEED_TITLE + 1) }],
    ['an empty title', { title: '' }],
    ['a time that is no number', { submittedAt: Number.NaN }],
  ])('records nothing for %s', async (_, extra) => {
    await recordDestination(destination(0, CLOUD, 1, extra));
    expect(await readRawDestinations()).toBeUndefined();
  });

  it('forgets one feed on one gateway, leaving the others in order', async () => {
    await recordDestination(destination(0, CLOUD, 1));
    await recordDestination(destination(0, ON_PREM, 2));
    await recordDestination(destination(1, CLOUD, 3));
    await forgetDestination(FEED_IDS[0], CLOUD);
    expect((await feedDestinations()).map((d) => [d.feedId, d.gatewayOrigin])).toEqual([
      [FEED_IDS[1], CLOUD],
      [FEED_IDS[0], ON_PREM],
    ]);
  });
});

describe('finding a feed on a gateway', () => {
  const destinations = [destination(0, CLOUD, 3), destination(1, CLOUD, 2), destination(0, ON_PREM, 1)];

  it.each([
    ['the feed on that gateway', FEED_IDS[0], CLOUD, destinations[0]],
    ['the same feed on another gateway', FEED_IDS[0], ON_PREM, destinations[2]],
    ['another feed on that gateway', FEED_IDS[1], CLOUD, destinations[1]],
    ['a feed never added there', FEED_IDS[1], ON_PREM, undefined],
    ['the gateway over another scheme', FEED_IDS[0], 'http://dh1234-esa1.iphmx.com', undefined],
    ['the gateway on another port', FEED_IDS[0], 'https://esa.corp.example', undefined],
  ])('%s', (_, feedId, gatewayOrigin, expected) => {
    expect(destinationAt(destinations, feedId, gatewayOrigin)).toBe(expected);
  });
});

describe('a broken store', () => {
  const whole = destination(0, CLOUD, 1);

  it.each([
    ['a string', 'https://dh1234-esa1.iphmx.com'],
    ['an object', { destinations: [whole] }],
    ['null', null],
    ['entries that are not objects', [null, 1, 'x', [whole]]],
  ])('reads as none when it holds %s', async (_, stored) => {
    await writeRawDestinations(stored);
    expect(await feedDestinations()).toEqual([]);
  });

  it.each([
    ['missing its Source Name', { feedId: FEED_IDS[1], gatewayOrigin: CLOUD, submittedAt: 2 }],
    ['with a feed id that is no CTIA feed id', { ...destination(1, CLOUD, 2), feedId: '../../etc' }],
    ['with a gateway that is no origin', { ...destination(1, CLOUD, 2), gatewayOrigin: 'javascript:alert(1)' }],
    ['with a title that is no text', { ...destination(1, CLOUD, 2), title: 42 }],
    ['with a time that is text', { ...destination(1, CLOUD, 2), submittedAt: '2' }],
    ['with an overlong Source Name', { ...destination(1, CLOUD, 2), sourceName: 'S'.repeat(MAX_SOURCE_NAME + 1) }],
  ])('drops an entry %s, keeping the whole ones', async (_, entry) => {
    await writeRawDestinations([entry, whole]);
    expect(await feedDestinations()).toEqual([whole]);
  });

  it('reads an entry without what it should not hold', async () => {
    await writeRawDestinations([{ ...whole, collectionName: SECRETS[0] }]);
    expect(await feedDestinations()).toEqual([whole]);
  });

  it('is replaced by the next destination recorded, and forgetting from it leaves none', async () => {
    await writeRawDestinations('garbage');
    await recordDestination(whole);
    expect(await readRawDestinations()).toEqual([whole]);
    await writeRawDestinations({ garbage: true });
    await forgetDestination(FEED_IDS[0], CLOUD);
    expect(await readRawDestinations()).toEqual([]);
  });

  it('reads as none when IndexedDB cannot be opened', async () => {
    vi.resetModules();
    vi.stubGlobal('indexedDB', {
      open: () => {
        throw new DOMException('The user denied permission to access the database.', 'InvalidStateError');
      },
    });
    try {
      const fresh = await import('@/utils/destinations/feed-destinations');
      expect(await fresh.feedDestinations()).toEqual([]);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
