import { feedsItem } from './feeds-item';
import { sameFeed } from './same-feed';
import { StoredFeed } from './stored-feed';

/** Feeds the person acted on: enough for a morning of work; older ones fall off the end. */
export const MAX_CHOSEN_FEEDS = 20;
/**
 * Feeds only seen in a page's text. Kept apart, so that a page showing many feed URLs can push
 * out only other such feeds, never one the person acted on.
 */
export const MAX_SEEN_FEEDS = 10;

/** The stored feeds; entries that are corrupt or of an older shape are dropped, never thrown. */
export function readFeeds(): Promise<StoredFeed[]> {
  return feedsItem.get().then(validFeeds, () => []);
}

/** The kept feed under `key`, if there is one. */
export async function readFeed(key: string): Promise<StoredFeed | undefined> {
  return (await readFeeds()).find((f) => f.key === key);
}

/** Calls `onChange` with the feeds whenever they change; returns the function that stops watching. */
export function watchFeeds(onChange: (feeds: StoredFeed[]) => void): () => void {
  return feedsItem.watch((value) => onChange(validFeeds(value)));
}

/** A feed as a paste or a console page gives it, before it is kept. */
export type NewFeed = Omit<StoredFeed, 'key' | 'actedAt' | 'conflict' | 'secretCheck'>;

/** saved: kept (new, or with something new); unchanged: known already; side-by-side: kept beside another secret of its feed id. */
export type SaveOutcome = 'saved' | 'unchanged' | 'side-by-side';

/**
 * Keeps `feed`. The same feed id with the same fields is one entry: a later sighting adds what it
 * tells (title, Output), never changes the fields. The same feed id with other fields (a page may
 * show a real feed's id with a made-up secret) is kept beside it, and both are flagged. With
 * `acted`, the person acted on it now: it becomes the chosen feed.
 */
export function saveFeed(feed: NewFeed, acted: boolean): Promise<{ key: string; outcome: SaveOutcome; feeds: StoredFeed[] }> {
  return serially(async () => {
    const feeds = await readFeeds();
    const sameId = feeds.filter((f) => f.feedId === feed.feedId);
    const previous = sameId.find((f) => sameFeed(f, feed));
    const actedAt = acted ? feed.seenAt : previous?.actedAt;
    if (previous) {
      const merged: StoredFeed = {
        ...previous,
        title: feed.title ?? previous.title,
        output: feed.output ?? previous.output,
        // A sighting never demotes what the person did: a pasted feed seen on a page stays pasted.
        ...(acted && { source: feed.source, seenOn: feed.seenOn ?? previous.seenOn, seenAt: feed.seenAt, actedAt }),
      };
      if (JSON.stringify(merged) === JSON.stringify(previous)) return { key: previous.key, outcome: 'unchanged', feeds };
      const next = await write([merged, ...feeds.filter((f) => f.key !== previous.key)]);
      return { key: previous.key, outcome: 'saved', feeds: next };
    }
    const key = sameId.length === 0 ? feed.feedId : freeKey(feed.feedId, feeds);
    const kept: StoredFeed = { ...feed, key, ...(actedAt !== undefined && { actedAt }), ...(sameId.length > 0 && { conflict: true }) };
    const others = feeds.map((f) => (f.feedId === feed.feedId ? { ...f, conflict: true } : f));
    const next = await write([kept, ...others]);
    return { key, outcome: sameId.length > 0 ? 'side-by-side' : 'saved', feeds: next };
  });
}

/** The person picked this feed (in the popup, or in its note on a console page): it becomes the chosen one. */
export function chooseFeed(key: string, now: number): Promise<StoredFeed[] | null> {
  return serially(async () => {
    const feeds = await readFeeds();
    const feed = feeds.find((f) => f.key === key);
    if (!feed) return null;
    return write([{ ...feed, actedAt: now }, ...feeds.filter((f) => f.key !== key)]);
  });
}

/** Records what a check learnt, in place: the feed's Output, and whether the host accepts its secret. */
export function recordCheck(key: string, learnt: Pick<StoredFeed, 'output' | 'secretCheck'>): Promise<StoredFeed[]> {
  return serially(async () => write((await readFeeds()).map((f) => (f.key === key ? { ...f, ...learnt } : f))));
}

/** Forgets one feed; the others keep their order. A secret left alone with its feed id is no longer in conflict. */
export function removeFeed(key: string): Promise<StoredFeed[]> {
  return serially(async () => {
    const feeds = await readFeeds();
    const feedId = feeds.find((f) => f.key === key)?.feedId;
    const rest = feeds.filter((f) => f.key !== key);
    const sameId = rest.filter((f) => f.feedId === feedId);
    return write(sameId.length === 1 ? rest.map((f) => (f === sameId[0] ? withoutConflict(f) : f)) : rest);
  });
}

function withoutConflict({ conflict: _, ...feed }: StoredFeed): StoredFeed {
  return feed;
}

/** Forgets every feed. */
export function forgetFeeds(): Promise<void> {
  return serially(() => feedsItem.remove());
}

/** Writes `feeds` (most recent first), keeping at most so many chosen and so many only-seen feeds. */
async function write(feeds: StoredFeed[]): Promise<StoredFeed[]> {
  let chosen = 0;
  let seen = 0;
  const next = feeds.filter((f) => (f.actedAt !== undefined ? ++chosen <= MAX_CHOSEN_FEEDS : ++seen <= MAX_SEEN_FEEDS));
  await feedsItem.set(next);
  return next;
}

/** The first of "<id>~2", "<id>~3"… not yet used. */
function freeKey(feedId: string, feeds: StoredFeed[]): string {
  for (let n = 2; ; n++) if (!feeds.some((f) => f.key === `${feedId}~${n}`)) return `${feedId}~${n}`;
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
