import type { StoredFeed } from './stored-feed';

/** The feed the person acted on last: what Autofill offers first and the keyboard fills. */
export function chosenFeed<F extends Pick<StoredFeed, 'actedAt'>>(feeds: F[]): F | undefined {
  let chosen: F | undefined;
  for (const feed of feeds) if (feed.actedAt !== undefined && feed.actedAt > (chosen?.actedAt ?? -Infinity)) chosen = feed;
  return chosen;
}
