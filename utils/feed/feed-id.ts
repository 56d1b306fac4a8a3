/** A UUID, as CTIA writes feed ids and secrets. */
export const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

/** A CTIA feed id, whole: "feed-" and a UUID. */
export const FEED_ID = new RegExp(`^feed-${UUID}$`, 'i');

/** A CTIA feed id anywhere in a text (a Polling Path, say). */
export const FEED_ID_IN_TEXT = new RegExp(`feed-${UUID}`, 'i');
