/** A feed as the extension stores it in session storage, as far as the tests look. */
export interface StoredShape {
  key: string;
  title?: string;
  fields: { collectionName: string };
  actedAt?: number;
  source: string;
}

/** A kept feed as the tests look at it: whether the person acted on it, and how it came. */
export interface KeptFeed {
  key: string;
  title?: string;
  secret: string;
  acted: boolean;
  source: string;
}

export function keptFeed(stored: StoredShape): KeptFeed {
  return {
    key: stored.key,
    ...(stored.title !== undefined && { title: stored.title }),
    secret: stored.fields.collectionName,
    acted: stored.actedAt !== undefined,
    source: stored.source,
  };
}
