import { regionOrHost } from '../feed/cisco-hosts';
import { t, uiLanguage } from './i18n';
import type { StoredFeed } from '../feeds/stored-feed';

/** The name a feed goes by in lists: its console title, else its id shortened. */
export function feedName(feed: Pick<StoredFeed, 'title' | 'feedId'>): string {
  return feed.title ?? t('feedUntitled', feed.feedId.slice(5, 13));
}

/** "EU · seen on xdr.eu.security.cisco.com · 5 minutes ago": where the feed lives and came from. */
export function feedOrigin(feed: StoredFeed, now: number): string {
  const console = feed.seenOn ?? t('originConsolePage');
  const how = feed.source === 'pasted' ? t('originPasted') : t(ORIGIN_WORDS[feed.source], console);
  return `${regionOrHost(feed)} · ${how} · ${timeAgo(feed.seenAt, now)}`;
}

const ORIGIN_WORDS = { copy: 'originCopiedOn', page: 'originSeenOn' } as const;

function timeAgo(then: number, now: number): string {
  const minutes = Math.round((now - then) / 60_000);
  if (minutes < 1) return t('originJustNow');
  const relative = new Intl.RelativeTimeFormat(uiLanguage(), { numeric: 'auto' });
  return minutes < 60 ? relative.format(-minutes, 'minute') : relative.format(-Math.round(minutes / 60), 'hour');
}
