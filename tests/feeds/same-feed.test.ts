import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readFeeds, saveFeed, type NewFeed } from '@/utils/feeds/feeds-store';
import { chosenFeed } from '@/utils/feeds/chosen-feed';
import { FEED_IDS, SECRETS, storedFeed } from '../support/feeds';

beforeEach(() => fakeBrowser.reset());

/** Feed 0 as a paste or a page gives it, with `fields` changed. */
function feedWith(fields: Partial<NewFeed['fields']>, extra: Partial<NewFeed> = {}): NewFeed {
  const { key: _key, actedAt: _actedAt, ...feed } = storedFeed(0);
  return { ...feed, ...extra, fields: { ...feed.fields, ...fields } };
}

describe('one kept feed is one feed id with the same host, path, secret and port', () => {
  // A feed URL of the same id and secret elsewhere is another feed: the gateway would poll another host.
  it.each<[string, Partial<NewFeed['fields']>, Partial<NewFeed>]>([
    ['a look-alike host', { hostname: 'private.intel.amp.cisco.com.evil.example' }, {}],
    ['another region’s host', { hostname: 'private.intel.eu.amp.cisco.com' }, {}],
    ['another polling path', { pollingPath: `/ctia/feed/${FEED_IDS[0]}/view.txt` }, {}],
    ['another secret', { collectionName: SECRETS[1] }, {}],
    ['another port', {}, { port: 8443 }],
  ])('a pasted URL on %s is kept beside the real capture of the same id, both flagged, and the real one is not absorbed', async (_, fields, extra) => {
    await saveFeed(feedWith(fields, { ...extra, source: 'pasted', seenAt: 1 }), true);
    const real = feedWith({}, { source: 'copy', seenAt: 2, seenOn: 'xdr.us.security.cisco.com' });
    const { key, outcome } = await saveFeed(real, true);
    expect([key, outcome]).toEqual([`${FEED_IDS[0]}~2`, 'side-by-side']);
    const feeds = await readFeeds();
    expect(feeds.map((feed) => [feed.key, feed.fields, feed.port, feed.conflict])).toEqual([
      [`${FEED_IDS[0]}~2`, real.fields, undefined, true],
      [FEED_IDS[0], feedWith(fields).fields, extra.port, true],
    ]);
    expect(chosenFeed(feeds)?.fields).toEqual(real.fields);
  });

  it('the same URL again, on port 443 said or unsaid, is the same feed', async () => {
    await saveFeed(feedWith({}, { seenAt: 1 }), true);
    const { key, outcome } = await saveFeed(feedWith({}, { port: 443, seenAt: 2 }), true);
    expect([key, outcome]).toEqual([FEED_IDS[0], 'saved']);
    expect((await readFeeds()).map((feed) => [feed.key, feed.actedAt, feed.conflict])).toEqual([[FEED_IDS[0], 2, undefined]]);
  });
});
