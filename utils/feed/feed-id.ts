/** A UUID, as CTIA writes feed ids and secrets. */
export const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

/** A CTIA feed id, whole: "feed-" and a UUID. */
export const FEED_ID = new RegExp(`^feed-${UUID}$`, 'i');
