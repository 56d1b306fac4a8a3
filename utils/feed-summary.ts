import type { StoredFeed } from './stored-feed';

const REGION_NAMES = { us: 'US', eu: 'EU', apjc: 'APJC' } as const;

/** The name a feed goes by in lists: its console title, else its id shortened. */
export function feedName(feed: Pick<StoredFeed, 'title' | 'feedId'>): string {
  return feed.title ?? `Feed ${feed.feedId.slice(5, 13)}…`;
}

/** "EU · seen on xdr.eu.security.cisco.com · 5 min ago": where the feed lives and came from. */
export function feedOrigin(feed: StoredFeed, now: number): string {
  const where = feed.region ? REGION_NAMES[feed.region] : feed.fields.hostname;
  const how = feed.source === 'pasted' ? 'pasted' : `${feed.source === 'copy' ? 'copied' : 'seen'} on ${feed.seenOn ?? 'a console page'}`;
  return `${where} · ${how} · ${timeAgo(feed.seenAt, now)}`;
}

const relative = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });

function timeAgo(then: number, now: number): string {
  const minutes = Math.round((now - then) / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return relative.format(-minutes, 'minute');
  return relative.format(-Math.round(minutes / 60), 'hour');
}
