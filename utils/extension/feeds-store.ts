import { storage } from 'wxt/utils/storage';
import type { FeedOutput } from '../feed/feed-output';
import { StoredFeed } from './stored-feed';

/** Enough for a morning of work; older captures fall off the end. */
export const MAX_FEEDS = 20;

/**
 * Captured feeds, newest first. Session storage keeps them in memory only: they survive the popup
 * closing and the service worker stopping, and vanish when the browser closes, as a secret should.
 */
const feedsItem = storage.defineItem<unknown>('session:feeds', { fallback: [] });

/** The stored feeds; entries that are corrupt or of an older shape are dropped, never thrown. */
export async function readFeeds(): Promise<StoredFeed[]> {
  return validFeeds(await feedsItem.getValue().catch(() => []));
}

/** Calls `onChange` with the feeds whenever they change; returns the function that stops watching. */
export function watchFeeds(onChange: (feeds: StoredFeed[]) => void): () => void {
  return feedsItem.watch((value) => onChange(validFeeds(value)));
}

/** Puts `feed` first, replacing an older capture of the same feed id and keeping what that knew. */
export function saveFeed(feed: StoredFeed): Promise<StoredFeed[]> {
  return serially(async () => putFirst(await readFeeds(), feed));
}

export type CaptureOutcome = 'saved' | 'unchanged' | 'conflict';

/**
 * Keeps a feed seen on a console page. A capture never changes the fields of a feed already kept
 * (a page may show a forged URL with a real feed's id; only the user's paste replaces fields), and
 * one that tells nothing new leaves the list's order alone.
 */
export function saveCapture(feed: StoredFeed): Promise<CaptureOutcome> {
  return serially(async () => {
    const feeds = await readFeeds();
    const previous = feeds.find((f) => f.feedId === feed.feedId);
    const differs = previous && (JSON.stringify(previous.fields) !== JSON.stringify(feed.fields) || (previous.port ?? 443) !== (feed.port ?? 443));
    if (differs) return 'conflict';
    if (previous && (feed.title ?? previous.title) === previous.title && (feed.output ?? previous.output) === previous.output) {
      return 'unchanged';
    }
    await putFirst(feeds, feed);
    return 'saved';
  });
}

async function putFirst(feeds: StoredFeed[], feed: StoredFeed): Promise<StoredFeed[]> {
  const previous = feeds.find((f) => f.feedId === feed.feedId);
  const merged: StoredFeed = {
    ...feed,
    title: feed.title ?? previous?.title,
    output: feed.output ?? previous?.output,
    seenOn: feed.seenOn ?? previous?.seenOn,
  };
  const next = [merged, ...feeds.filter((f) => f.feedId !== feed.feedId)].slice(0, MAX_FEEDS);
  await feedsItem.setValue(next);
  return next;
}

/** Records the Output a check found, in place: the feed keeps its position. */
export function setFeedOutput(feedId: string, output: FeedOutput): Promise<StoredFeed[]> {
  return serially(async () => {
    const next = (await readFeeds()).map((f) => (f.feedId === feedId ? { ...f, output } : f));
    await feedsItem.setValue(next);
    return next;
  });
}

/** Forgets one feed; the others keep their order. */
export function removeFeed(feedId: string): Promise<StoredFeed[]> {
  return serially(async () => {
    const next = (await readFeeds()).filter((f) => f.feedId !== feedId);
    await feedsItem.setValue(next);
    return next;
  });
}

/** Forgets every feed. */
export function forgetFeeds(): Promise<void> {
  return serially(() => feedsItem.removeValue());
}

/** Read-modify-write steps run one at a time, so two captures arriving together both land. */
let lastWrite: Promise<unknown> = Promise.resolve();
function serially<T>(step: () => Promise<T>): Promise<T> {
  const run = lastWrite.then(step, step);
  lastWrite = run.catch(() => undefined);
  return run;
}

function validFeeds(value: unknown): StoredFeed[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((entry) => {
    const parsed = StoredFeed.safeParse(entry);
    return parsed.success ? [parsed.data] : [];
  });
}
