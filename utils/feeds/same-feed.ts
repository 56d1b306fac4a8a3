import type { StoredFeed } from './stored-feed';

/**
 * Whether two feeds are one: the same host, port, polling path (which names the feed id) and secret.
 * The store keeps one entry per feed; another secret for the same feed id is another feed.
 */
export function sameFeed(a: Pick<StoredFeed, 'fields' | 'port'>, b: Pick<StoredFeed, 'fields' | 'port'>): boolean {
  return (
    a.fields.hostname === b.fields.hostname &&
    a.fields.pollingPath === b.fields.pollingPath &&
    a.fields.collectionName === b.fields.collectionName &&
    (a.port ?? 443) === (b.port ?? 443)
  );
}
