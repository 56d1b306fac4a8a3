import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { MAX_FEEDS, readFeeds, saveFeed, watchFeeds } from '@/utils/extension/feeds-store';
import { storedFeed } from './feeds';

beforeEach(() => fakeBrowser.reset());

describe('feeds store', () => {
  it('keeps feeds newest first in session storage only', async () => {
    await saveFeed(storedFeed(0));
    await saveFeed(storedFeed(1));
    expect((await readFeeds()).map((f) => f.feedId)).toEqual([storedFeed(1).feedId, storedFeed(0).feedId]);
    expect(await fakeBrowser.storage.local.get()).toEqual({});
    expect(await fakeBrowser.storage.sync.get()).toEqual({});
  });

  it('replaces an older capture of the same feed and keeps its title and output', async () => {
    await saveFeed(storedFeed(0, { title: 'Blocked domains', output: 'judgements', source: 'page' }));
    await saveFeed(storedFeed(1));
    await saveFeed(storedFeed(0, { seenAt: 5 }));
    expect(await readFeeds()).toEqual([
      storedFeed(0, { seenAt: 5, title: 'Blocked domains', output: 'judgements' }),
      storedFeed(1),
    ]);
  });

  it(`keeps at most ${MAX_FEEDS} feeds, dropping the oldest`, async () => {
    for (let i = 0; i < MAX_FEEDS + 2; i++) {
      const feedId = `feed-00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
      await saveFeed(storedFeed(0, { feedId, seenAt: i }));
    }
    const feeds = await readFeeds();
    expect(feeds).toHaveLength(MAX_FEEDS);
    expect(feeds[0]!.seenAt).toBe(MAX_FEEDS + 1);
    expect(feeds.at(-1)!.seenAt).toBe(2);
  });

  it('lands every save when several arrive at once', async () => {
    await Promise.all([saveFeed(storedFeed(0)), saveFeed(storedFeed(1)), saveFeed(storedFeed(2))]);
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

  it('reads a feed an earlier version kept with worded warnings, keeping only their codes', async () => {
    const worded = { ...storedFeed(0), warnings: [{ code: 'txt-view', message: 'Removed ".txt" from the path.' }] };
    await fakeBrowser.storage.session.set({ feeds: [worded] });
    expect(await readFeeds()).toEqual([{ ...storedFeed(0), warnings: [{ code: 'txt-view' }] }]);
  });

  it('drops corrupt and old-shaped entries and keeps the valid ones', async () => {
    await fakeBrowser.storage.session.set({
      feeds: [storedFeed(0), { url: 'https://old-shape' }, { ...storedFeed(1), fields: { hostname: 'x' } }, 42, storedFeed(2)],
    });
    expect(await readFeeds()).toEqual([storedFeed(0), storedFeed(2)]);
    await saveFeed(storedFeed(1));
    expect((await readFeeds()).map((f) => f.feedId)).toEqual([storedFeed(1).feedId, storedFeed(0).feedId, storedFeed(2).feedId]);
  });

  it('tells watchers about changes, validated', async () => {
    const seen: string[][] = [];
    const unwatch = watchFeeds((feeds) => seen.push(feeds.map((f) => f.feedId)));
    await saveFeed(storedFeed(0));
    await fakeBrowser.storage.session.set({ feeds: 'garbage' });
    unwatch();
    await saveFeed(storedFeed(1));
    expect(seen).toEqual([[storedFeed(0).feedId], []]);
  });
});
