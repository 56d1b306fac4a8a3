import type { StoredFeed } from './stored-feed';

const NORMAL = '#0b5cad';
const WARNING = '#b42318';

/** The toolbar badge: how many feeds are captured, red when one of them outputs Judgements. */
export function badgeFor(feeds: StoredFeed[]): { text: string; color: string } {
  return {
    text: feeds.length === 0 ? '' : String(feeds.length),
    color: feeds.some((f) => f.output === 'judgements') ? WARNING : NORMAL,
  };
}
