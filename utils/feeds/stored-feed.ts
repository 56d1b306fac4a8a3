import * as z from 'zod/mini';
import { FEED_PATH } from '../feed/cisco-hosts';
import { FEED_OUTPUTS } from '../feed/feed-output';
import { MAX_FEED_TITLE } from '../feed/feed-title';
import { FEED_URL_WARNING_CODES } from '../feed/feed-url';
import { WholeNumber } from '../platform/whole-number';

/** A CTIA feed id: "feed-" and a UUID. */
export const FeedId = z.string().check(z.regex(/^feed-[0-9a-f-]{36}$/i));

/**
 * A kept feed's own name: its feed id, or, for a second secret seen with the same feed id, the id
 * and "~2", "~3"…, so both are kept side by side. Never holds anything secret.
 */
export const FeedKey = z.string().check(z.regex(/^feed-[0-9a-f-]{36}(~\d{1,3})?$/i));

/**
 * How the extension came by a feed: the person pasted it in the popup, copied it in a console, or
 * it was only seen in a page (whatever the page drew around it: markup proves nothing).
 */
export const FeedSource = z.enum(['pasted', 'copy', 'page']);
export type FeedSource = z.infer<typeof FeedSource>;

/** A feed as the extension keeps it: the parsed gateway fields plus where it came from. */
export const StoredFeed = z.object({
  key: FeedKey,
  feedId: FeedId,
  fields: z.object({
    // Regular expressions rather than zod's length and prefix checks, which would add their code to the background.
    hostname: z.string().check(z.regex(/^[^\s/]{1,253}$/)),
    pollingPath: z.string().check(z.regex(new RegExp(`^${FEED_PATH}.{0,${100 - FEED_PATH.length}}$`))),
    collectionName: z.string().check(z.regex(/^[0-9a-f-]{36}$/i)),
  }),
  /** The feed host's port, when the URL named one other than 443. */
  port: z.optional(WholeNumber.check(z.minimum(1), z.maximum(65535))),
  region: z.nullable(z.enum(['us', 'eu', 'apjc'])),
  /** Codes only, worded when shown; a `message` kept by an earlier version is read and dropped. */
  warnings: z.array(z.object({ code: z.enum(FEED_URL_WARNING_CODES) })),
  /** The feed's title as the Cisco page shows it, when known. */
  title: z.optional(z.string().check(z.maxLength(MAX_FEED_TITLE))),
  /** The feed's Output as the Cisco page shows it, when known. */
  output: z.optional(z.enum(FEED_OUTPUTS)),
  source: FeedSource,
  /** The console host the feed was seen on; nothing of the page's path or query is kept. */
  seenOn: z.optional(z.string().check(z.maxLength(253))),
  seenAt: z.number(),
  /**
   * When the person last acted on this feed: pasted or copied it, picked it in the popup, or used
   * the in-page note of their copy. A feed only seen in a page has none: it is
   * listed, but never filled unless the person picks it.
   */
  actedAt: z.optional(z.number()),
  /** Another secret was seen for the same feed id: both are kept, and both say so. */
  conflict: z.optional(z.boolean()),
  /** What the feed host said of this secret at the last Check feed. */
  secretCheck: z.optional(z.enum(['accepted', 'refused'])),
});
export type StoredFeed = z.infer<typeof StoredFeed>;
