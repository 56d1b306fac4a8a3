import { createStore, get, update, type UseStore } from 'idb-keyval';
import { FEED_ID } from '../feed/feed-id';
import { MAX_FEED_TITLE } from '../feed/feed-title';
import { webUrl } from '../platform/web-url';

/**
 * Where a feed went: the person submitted a gateway's Add Source form that ETF Autofill had filled,
 * fixed or pasted into. Kept so the popup, the options page and the Add to window can say a feed is
 * already on a gateway. Nothing secret: the feed's id and title, the gateway's origin, the Source
 * Name it was submitted as, and when.
 */
export interface FeedDestination {
  feedId: string;
  title?: string;
  gatewayOrigin: string;
  sourceName: string;
  submittedAt: number;
}

export const MAX_DESTINATIONS = 200;
/** The gateway's own limit on a Source Name is far lower; anything longer is not one. */
export const MAX_SOURCE_NAME = 100;
/**
 * Where the list lives (exported for tests, which read and break it directly). A database of its
 * own: idb-keyval cannot add a store to one that exists, such as the known gateways'.
 */
export const DESTINATIONS_DB = { database: 'etf-autofill-destinations', store: 'destinations', key: 'destinations' } as const;

let store: UseStore | undefined;
/** Opened on first use: the database is not touched by merely loading this module. */
function destinationStore(): UseStore {
  store ??= createStore(DESTINATIONS_DB.database, DESTINATIONS_DB.store);
  return store;
}

/**
 * Records that a feed was submitted to a gateway: newest first, one entry per feed and gateway (the
 * newest replaces the one before), at most MAX_DESTINATIONS. Only the fields above are kept; a
 * destination that is not whole is not recorded.
 */
export async function recordDestination(destination: FeedDestination): Promise<void> {
  const entry = asDestination(destination);
  if (!entry) return;
  await update(
    DESTINATIONS_DB.key,
    (stored: unknown) => [entry, ...validDestinations(stored).filter((kept) => !samePlace(kept, entry))].slice(0, MAX_DESTINATIONS),
    destinationStore(),
  );
}

/** Newest first. A store that cannot be read, or holds anything unexpected, reads as none; a bad entry is dropped. */
export async function feedDestinations(): Promise<FeedDestination[]> {
  try {
    return validDestinations(await get(DESTINATIONS_DB.key, destinationStore()));
  } catch {
    return [];
  }
}

export async function forgetDestination(feedId: string, gatewayOrigin: string): Promise<void> {
  await update(
    DESTINATIONS_DB.key,
    (stored: unknown) => validDestinations(stored).filter((kept) => !samePlace(kept, { feedId, gatewayOrigin })),
    destinationStore(),
  );
}

/** The newest record of this feed on the gateway at `gatewayOrigin`, if it was added there. */
export function destinationAt(destinations: FeedDestination[], feedId: string, gatewayOrigin: string): FeedDestination | undefined {
  return destinations.find((destination) => samePlace(destination, { feedId, gatewayOrigin }));
}

function samePlace(a: Pick<FeedDestination, 'feedId' | 'gatewayOrigin'>, b: Pick<FeedDestination, 'feedId' | 'gatewayOrigin'>): boolean {
  return a.feedId === b.feedId && a.gatewayOrigin === b.gatewayOrigin;
}

/**
 * The entries that are whole and within bounds. Only the background writes this store, so a plain
 * check of each entry's shape does: no schema library for it in the popup.
 */
function validDestinations(stored: unknown): FeedDestination[] {
  if (!Array.isArray(stored)) return [];
  return stored.map(asDestination).filter((destination) => destination !== null);
}

/** `value` as a destination, carrying its own fields and nothing else; null when it is not whole. */
function asDestination(value: unknown): FeedDestination | null {
  if (typeof value !== 'object' || value === null) return null;
  const { feedId, title, gatewayOrigin, sourceName, submittedAt } = value as Record<string, unknown>;
  if (
    !(
      typeof feedId === 'string' &&
      FEED_ID.test(feedId) &&
      (title === undefined || isText(title, MAX_FEED_TITLE)) &&
      typeof gatewayOrigin === 'string' &&
      webUrl(gatewayOrigin)?.origin === gatewayOrigin &&
      isText(sourceName, MAX_SOURCE_NAME) &&
      typeof submittedAt === 'number' &&
      Number.isFinite(submittedAt)
    )
  ) {
    return null;
  }
  return { feedId, ...(title !== undefined && { title }), gatewayOrigin, sourceName, submittedAt };
}

function isText(value: unknown, maxLength: number): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= maxLength;
}
