import type { StoredFeed } from '@/utils/feeds/stored-feed';

/** Example feed ids and secrets: UUIDs of the shape CTIA issues, made up for the tests. */
export const FEED_IDS = [
  'feed-8f2b1c3e-5d4a-4e6f-9a7b-1c2d3e4f5a6b',
  'feed-1e0c9d8b-7a6f-4e5d-8c4b-3a2f1e0d9c8b',
  'feed-5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d',
] as const;
export const SECRETS = [
  '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
  'f9e8d7c6-b5a4-4938-a7b6-c5d4e3f2a1b0',
  '1b4e28ba-2fa1-41d2-883f-0016d3cca427',
] as const;

export function feedUrl(index = 0, host = 'private.intel.amp.cisco.com'): string {
  return `https://${host}/ctia/feed/${FEED_IDS[index]}/view.txt?s=${SECRETS[index]}`;
}

/** A kept feed the person pasted (so acted on) at `seenAt`; `extra` changes any part. */
export function storedFeed(index = 0, extra: Partial<StoredFeed> = {}): StoredFeed {
  const seenAt = extra.seenAt ?? 1_700_000_000_000 + index;
  return {
    key: extra.feedId ?? FEED_IDS[index]!,
    feedId: FEED_IDS[index]!,
    fields: {
      hostname: 'private.intel.amp.cisco.com',
      pollingPath: `/ctia/feed/${FEED_IDS[index]}/view`,
      collectionName: SECRETS[index]!,
    },
    region: 'us',
    warnings: [],
    source: 'pasted',
    seenAt,
    actedAt: seenAt,
    ...extra,
  };
}
