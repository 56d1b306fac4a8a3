import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { chooseFeed, MAX_CHOSEN_FEEDS, MAX_SEEN_FEEDS, readFeeds, recordCheck, removeFeed, saveFeed, watchFeeds, type NewFeed } from '@/utils/feeds/feeds-store';
import { chosenFeed } from '@/utils/feeds/chosen-feed';
import type { StoredFeed } from '@/utils/feeds/stored-feed';
import { FEED_IDS, SECRETS, storedFeed } from '../support/feeds';

beforeEach(() => fakeBrowser.reset());
afterEach(() => vi.restoreAllMocks());

/** A feed as a paste or a page gives it, before it is kept. */
function newFeed(index: number, extra: Partial<NewFeed> = {}): NewFeed {
  const { key: _key, actedAt: _actedAt, ...feed } = storedFeed(index);
  return { ...feed, ...extra };
}

/** Feed ids 0, 1, 2… of a made-up series, for filling the store. */
const seriesId = (i: number) => `feed-00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;

/** Feed `index` with secret `secret` in place of its own: another secret for the same feed id. */
function withSecret(index: number, secret: number): NewFeed {
  return newFeed(index, { fields: { ...newFeed(index).fields, collectionName: SECRETS[secret]! }, source: 'page' });
}

const CONSOLE = 'xdr.eu.security.cisco.com';

describe('feeds store', () => {
  it('keeps feeds most recent first in session storage only', async () => {
    await saveFeed(newFeed(0), true);
    await saveFeed(newFeed(1), true);
    expect((await readFeeds()).map((f) => f.key)).toEqual([FEED_IDS[1], FEED_IDS[0]]);
    expect(await fakeBrowser.storage.local.get()).toEqual({});
    expect(await fakeBrowser.storage.sync.get()).toEqual({});
  });

  it('keeps what an earlier sighting told (title, Output) when the person acts on the feed again', async () => {
    await saveFeed(newFeed(0, { title: 'Blocked domains', output: 'judgements', source: 'page' }), false);
    await saveFeed(newFeed(1), true);
    const { outcome } = await saveFeed(newFeed(0, { seenAt: 5, source: 'copy' }), true);
    expect(outcome).toBe('saved');
    expect(await readFeeds()).toEqual([
      storedFeed(0, { seenAt: 5, actedAt: 5, source: 'copy', title: 'Blocked domains', output: 'judgements' }),
      storedFeed(1),
    ]);
  });

  it('a sighting in page text lists a feed, but never makes it the chosen one', async () => {
    await saveFeed(newFeed(0, { seenAt: 1 }), true);
    const { outcome } = await saveFeed(newFeed(1, { seenAt: 2, source: 'page' }), false);
    expect(outcome).toBe('saved');
    const feeds = await readFeeds();
    expect(feeds.map((f) => [f.key, f.actedAt])).toEqual([
      [FEED_IDS[1], undefined],
      [FEED_IDS[0], 1],
    ]);
    expect(chosenFeed(feeds)?.key).toBe(FEED_IDS[0]);
  });

  it('a sighting never changes the fields of a kept feed: another secret for its id is kept beside it, both flagged', async () => {
    await saveFeed(newFeed(0, { source: 'copy' }), true);
    const planted = newFeed(0, { source: 'page', fields: { ...newFeed(0).fields, collectionName: SECRETS[2] } });
    const { key, outcome } = await saveFeed(planted, false);
    expect([key, outcome]).toEqual([`${FEED_IDS[0]}~2`, 'side-by-side']);
    const feeds = await readFeeds();
    expect(feeds.map((f) => [f.key, f.fields.collectionName, f.conflict, f.actedAt !== undefined])).toEqual([
      [`${FEED_IDS[0]}~2`, SECRETS[2], true, false],
      [FEED_IDS[0], SECRETS[0], true, true],
    ]);
    expect(chosenFeed(feeds)?.fields.collectionName).toBe(SECRETS[0]);
    // The same planted URL again changes nothing.
    expect((await saveFeed(planted, false)).outcome).toBe('unchanged');
    // Removing one leaves the other alone with its id: no longer in conflict.
    expect((await removeFeed(`${FEED_IDS[0]}~2`)).map((f) => [f.key, f.conflict])).toEqual([[FEED_IDS[0], undefined]]);
  });

  it('keeps a third secret for one feed id as "~3", beside the other two', async () => {
    await saveFeed(newFeed(0), true);
    await saveFeed(withSecret(0, 1), false);
    const { key, outcome } = await saveFeed(withSecret(0, 2), false);
    expect([key, outcome]).toEqual([`${FEED_IDS[0]}~3`, 'side-by-side']);
    expect((await readFeeds()).map((f) => [f.key, f.fields.collectionName, f.conflict])).toEqual([
      [`${FEED_IDS[0]}~3`, SECRETS[2], true],
      [`${FEED_IDS[0]}~2`, SECRETS[1], true],
      [FEED_IDS[0], SECRETS[0], true],
    ]);
  });

  it.each<[string, () => Promise<unknown>, string, [string, boolean | undefined][]]>([
    [
      'a feed kept after the pair: the secret left alone with its id',
      async () => {
        await saveFeed(newFeed(0), true);
        await saveFeed(withSecret(0, 1), false);
        await saveFeed(newFeed(1), true);
      },
      `${FEED_IDS[0]}~2`,
      [
        [FEED_IDS[1], undefined],
        [FEED_IDS[0], undefined],
      ],
    ],
    [
      'one of three secrets: the other two, still in conflict',
      async () => {
        await saveFeed(newFeed(0), true);
        await saveFeed(withSecret(0, 1), false);
        await saveFeed(withSecret(0, 2), false);
      },
      `${FEED_IDS[0]}~3`,
      [
        [`${FEED_IDS[0]}~2`, true],
        [FEED_IDS[0], true],
      ],
    ],
    [
      'one of a pair beside another pair: that other pair, still in conflict',
      async () => {
        await saveFeed(newFeed(0), true);
        await saveFeed(withSecret(0, 1), false);
        await saveFeed(newFeed(1), true);
        await saveFeed(withSecret(1, 2), false);
      },
      `${FEED_IDS[0]}~2`,
      [
        [`${FEED_IDS[1]}~2`, true],
        [FEED_IDS[1], true],
        [FEED_IDS[0], undefined],
      ],
    ],
  ])('removing %s', async (_, keep, removed, left) => {
    await keep();
    expect((await removeFeed(removed)).map((f) => [f.key, f.conflict])).toEqual(left);
  });

  it.each<[string, Partial<NewFeed>, Partial<NewFeed>]>([
    ['a feed pasted, then copied on a console, is known as copied there', {}, { source: 'copy', seenOn: CONSOLE }],
    ['a feed copied on a console, then pasted, still tells the console it came from', { source: 'copy', seenOn: CONSOLE }, {}],
  ])('%s', async (_, first, then) => {
    await saveFeed(newFeed(0, first), true);
    await saveFeed(newFeed(0, { ...then, seenAt: 5 }), true);
    expect(await readFeeds()).toEqual([storedFeed(0, { source: then.source ?? 'pasted', seenOn: CONSOLE, seenAt: 5, actedAt: 5 })]);
  });

  it('tells nothing new as unchanged, and leaves the order alone', async () => {
    await saveFeed(newFeed(0, { source: 'page', title: 'A' }), false);
    await saveFeed(newFeed(1), true);
    expect((await saveFeed(newFeed(0, { source: 'page', title: 'A', seenAt: 9 }), false)).outcome).toBe('unchanged');
    expect((await readFeeds()).map((f) => f.key)).toEqual([FEED_IDS[1], FEED_IDS[0]]);
  });

  it('choosing a feed makes it the chosen one and puts it first', async () => {
    await saveFeed(newFeed(0), true);
    await saveFeed(newFeed(1, { source: 'page' }), false);
    const feeds = await chooseFeed(FEED_IDS[1], 2_000_000_000_000);
    expect(feeds!.map((f) => [f.key, f.actedAt])).toEqual([
      [FEED_IDS[1], 2_000_000_000_000],
      [FEED_IDS[0], storedFeed(0).seenAt],
    ]);
    expect(chosenFeed(feeds!)?.key).toBe(FEED_IDS[1]);
    expect(await chooseFeed(`${FEED_IDS[2]}~2`, 100)).toBeNull();
  });

  it(`keeps at most ${MAX_CHOSEN_FEEDS} chosen feeds, dropping the oldest`, async () => {
    for (let i = 0; i < MAX_CHOSEN_FEEDS + 2; i++) await saveFeed(newFeed(0, { feedId: seriesId(i), seenAt: i }), true);
    const feeds = await readFeeds();
    expect(feeds).toHaveLength(MAX_CHOSEN_FEEDS);
    expect([feeds[0]!.seenAt, feeds.at(-1)!.seenAt]).toEqual([MAX_CHOSEN_FEEDS + 1, 2]);
  });

  it('a page showing many feed URLs pushes out only other seen feeds, never one the person acted on', async () => {
    for (let i = 0; i < 3; i++) await saveFeed(newFeed(0, { feedId: seriesId(i), seenAt: i }), true);
    for (let i = 100; i < 100 + MAX_CHOSEN_FEEDS + MAX_SEEN_FEEDS; i++) {
      await saveFeed(newFeed(0, { feedId: seriesId(i), seenAt: i, source: 'page' }), false);
    }
    const feeds = await readFeeds();
    expect(feeds.filter((f) => f.actedAt !== undefined).map((f) => f.key)).toEqual([seriesId(2), seriesId(1), seriesId(0)]);
    expect(feeds.filter((f) => f.actedAt === undefined)).toHaveLength(MAX_SEEN_FEEDS);
  });

  it('records what a check learnt about one secret, in place', async () => {
    await saveFeed(newFeed(0), true);
    await saveFeed(newFeed(1), true);
    const feeds = await recordCheck(FEED_IDS[0], { output: 'observables', secretCheck: 'accepted' });
    expect(feeds.map((f) => [f.key, f.output, f.secretCheck])).toEqual([
      [FEED_IDS[1], undefined, undefined],
      [FEED_IDS[0], 'observables', 'accepted'],
    ]);
  });

  it('lands every save when several arrive at once', async () => {
    await Promise.all([saveFeed(newFeed(0), true), saveFeed(newFeed(1), true), saveFeed(newFeed(2), true)]);
    expect((await readFeeds()).map((f) => f.seenAt).sort()).toEqual([storedFeed(0).seenAt, storedFeed(1).seenAt, storedFeed(2).seenAt]);
  });

  it.each([
    ['a string', 'not a list'],
    ['null', null],
    ['an object', { feeds: [] }],
  ])('reads %s in storage as no feeds', async (_, value) => {
    await fakeBrowser.storage.session.set({ feeds: value });
    expect(await readFeeds()).toEqual([]);
  });

  it('reads storage that cannot be read as no feeds', async () => {
    await saveFeed(newFeed(0), true);
    vi.spyOn(fakeBrowser.storage.session, 'get').mockRejectedValue(new Error('Storage is not available'));
    expect(await readFeeds()).toEqual([]);
  });

  it('reads a feed an earlier version kept with worded warnings, keeping only their codes', async () => {
    const worded = { ...storedFeed(0), warnings: [{ code: 'txt-view', message: 'Removed ".txt" from the path.' }] };
    await fakeBrowser.storage.session.set({ feeds: [worded] });
    expect(await readFeeds()).toEqual([{ ...storedFeed(0), warnings: [{ code: 'txt-view' }] }]);
  });

  it('drops corrupt and old-shaped entries and keeps the valid ones', async () => {
    const { key: _, ...withoutKey } = storedFeed(1);
    await fakeBrowser.storage.session.set({
      feeds: [storedFeed(0), { url: 'https://old-shape' }, withoutKey, { ...storedFeed(1), fields: { hostname: 'x' } }, 42, storedFeed(2)],
    });
    expect(await readFeeds()).toEqual([storedFeed(0), storedFeed(2)]);
    await saveFeed(newFeed(1), true);
    expect((await readFeeds()).map((f) => f.key)).toEqual([FEED_IDS[1], FEED_IDS[0], FEED_IDS[2]]);
  });

  const fields = storedFeed(0).fields;
  it.each<[string, Partial<typeof fields>]>([
    ['an empty hostname', { hostname: '' }],
    ['a hostname with a space', { hostname: 'private.intel.amp.cisco.com evil' }],
    ['a hostname with a path', { hostname: 'private.intel.amp.cisco.com/x' }],
    ['a hostname of 254 characters', { hostname: 'a'.repeat(254) }],
    ['a polling path that is not a feed path', { pollingPath: `/taxii-data/${FEED_IDS[0]}/view` }],
    ['a polling path with something before the feed path', { pollingPath: `/x/ctia/feed/${FEED_IDS[0]}/view` }],
    ['a polling path of 101 characters', { pollingPath: `/ctia/feed/${'a'.repeat(90)}` }],
    ['a secret of 35 characters', { collectionName: SECRETS[0].slice(1) }],
    ['a secret of 37 characters', { collectionName: `${SECRETS[0]}0` }],
    ['a secret that is a URL', { collectionName: 'https://evil.example/000000000000000' }],
  ])('drops an entry with %s', async (_, broken) => {
    await fakeBrowser.storage.session.set({ feeds: [{ ...storedFeed(0), fields: { ...fields, ...broken } }, storedFeed(1)] });
    expect((await readFeeds()).map((f) => f.key)).toEqual([FEED_IDS[1]]);
  });

  it.each([
    ['a hostname of 253 characters', { hostname: 'a'.repeat(253) }],
    ['a polling path of 100 characters', { pollingPath: `/ctia/feed/${'a'.repeat(89)}` }],
    ['a secret in capitals', { collectionName: SECRETS[0].toUpperCase() }],
  ])('keeps an entry with %s', async (_, edge) => {
    const feed = { ...storedFeed(0), fields: { ...fields, ...edge } };
    await fakeBrowser.storage.session.set({ feeds: [feed] });
    expect(await readFeeds()).toEqual([feed]);
  });

  const uuid = FEED_IDS[0].slice('feed-'.length);
  it.each<[string, Partial<StoredFeed>]>([
    ['a key with text before it', { key: `x${FEED_IDS[0]}` }],
    ['a key with text after it', { key: `${FEED_IDS[0]} x` }],
    ['a key with text after its suffix', { key: `${FEED_IDS[0]}~2 x` }],
    ['a key with a four-digit suffix', { key: `${FEED_IDS[0]}~1000` }],
    ['a feed id with text before it', { key: FEED_IDS[0], feedId: `x${FEED_IDS[0]}` }],
    ['a feed id with text after it', { key: FEED_IDS[0], feedId: `${FEED_IDS[0]} x` }],
    ['a feed id without "feed-"', { key: FEED_IDS[0], feedId: uuid }],
    ['a region Cisco has not', { region: 'asia' as StoredFeed['region'] }],
  ])('drops an entry with %s', async (_, broken) => {
    await fakeBrowser.storage.session.set({ feeds: [storedFeed(0, broken), storedFeed(1)] });
    expect((await readFeeds()).map((f) => f.key)).toEqual([FEED_IDS[1]]);
  });

  it.each<[string, Partial<StoredFeed>]>([
    ['a key with a one-digit suffix', { key: `${FEED_IDS[0]}~2` }],
    ['a key with a two-digit suffix', { key: `${FEED_IDS[0]}~12` }],
    ['a key with a three-digit suffix', { key: `${FEED_IDS[0]}~999` }],
    ['a key and feed id in capitals', { key: FEED_IDS[0].toUpperCase(), feedId: FEED_IDS[0].toUpperCase() }],
    ['the region us', { region: 'us' }],
    ['the region eu', { region: 'eu' }],
    ['the region apjc', { region: 'apjc' }],
    ['no region (a feed host outside Cisco’s regions)', { region: null }],
  ])('keeps an entry with %s', async (_, edge) => {
    await fakeBrowser.storage.session.set({ feeds: [storedFeed(0, edge)] });
    expect(await readFeeds()).toEqual([storedFeed(0, edge)]);
  });

  it('tells watchers about changes, validated', async () => {
    const seen: string[][] = [];
    const unwatch = watchFeeds((feeds) => seen.push(feeds.map((f) => f.key)));
    await saveFeed(newFeed(0), true);
    await fakeBrowser.storage.session.set({ feeds: 'garbage' });
    unwatch();
    await saveFeed(newFeed(1), true);
    expect(seen).toEqual([[FEED_IDS[0]], []]);
  });
});
