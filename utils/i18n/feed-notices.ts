import type { FeedUrlWarning } from '../feed/feed-url';
import type { FeedOutput } from '../feed/feed-output';
import type { StoredFeed } from '../feeds/stored-feed';
import { describeFeedWarning } from './describe-parse';
import { t } from './i18n';

/** A worded notice; its code tells it apart from the others. */
export interface Notice {
  code: string;
  message: string;
}

/** What the notices are drawn from: a feed just parsed, or one kept, with the Output the console showed. */
export interface NoticedFeed {
  fields: { hostname: string };
  port?: number;
  warnings: FeedUrlWarning[];
  output?: FeedOutput;
}

/** Warnings that mean the gateway will reject the feed. */
const BLOCKING = new Set(['judgements-output', 'judgements-view']);

/**
 * What to tell the admin about a feed: the parser's warnings, refined by the Output the console
 * showed. A known Output settles what the URL's shape only hinted at.
 */
export function feedNotices(feed: NoticedFeed): { alerts: Notice[]; notes: Notice[] } {
  const notices = feed.warnings
    .filter((w) => w.code !== 'judgements-view' || feed.output === undefined)
    .map(({ code }): Notice => ({ code, message: describeFeedWarning(code, feed) }));
  if (feed.output === 'judgements') notices.unshift({ code: 'judgements-output', message: t('judgementsOutput') });
  return {
    alerts: notices.filter((n) => BLOCKING.has(n.code)),
    notes: notices.filter((n) => !BLOCKING.has(n.code)),
  };
}

/** What the last check said of this feed's secret, and whether another secret was seen for its id. */
export function secretNotices(feed: Pick<StoredFeed, 'conflict' | 'secretCheck'>): { alerts: Notice[]; notes: Notice[] } {
  const refused = feed.secretCheck === 'refused';
  return {
    alerts: refused ? [{ code: 'secret-refused', message: t('feedSecretRefused') }] : [],
    notes: [
      ...(feed.conflict ? [{ code: 'two-secrets', message: t('feedConflict') }] : []),
      ...(feed.secretCheck === 'accepted' ? [{ code: 'secret-accepted', message: t('feedSecretAccepted') }] : []),
    ],
  };
}
