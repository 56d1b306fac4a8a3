import * as z from 'zod/mini';
import { FEED_PATH } from '../feed/cisco-hosts';
import { FEED_URL_WARNING_CODES } from '../feed/feed-url';

/** A CTIA feed id: "feed-" and a UUID. */
export const FeedId = z.string().check(z.regex(/^feed-[0-9a-f-]{36}$/i));

/** A feed as the extension keeps it: the parsed gateway fields plus where it came from. */
export const StoredFeed = z.object({
  feedId: FeedId,
  fields: z.object({
    hostname: z.string().check(z.minLength(1), z.maxLength(253)),
    pollingPath: z.string().check(z.startsWith(FEED_PATH), z.maxLength(100)),
    collectionName: z.string().check(z.length(36)),
  }),
  /** The feed host's port, when the URL named one other than 443. */
  port: z.optional(z.int().check(z.minimum(1), z.maximum(65535))),
  region: z.nullable(z.enum(['us', 'eu', 'apjc'])),
  /** Codes only, worded when shown; a `message` kept by an earlier version is read and dropped. */
  warnings: z.array(z.object({ code: z.enum(FEED_URL_WARNING_CODES) })),
  /** The feed's title as the Cisco page shows it, when known. */
  title: z.optional(z.string().check(z.maxLength(200))),
  /** The feed's Output as the Cisco page shows it, when known. */
  output: z.optional(z.enum(['observables', 'judgements'])),
  source: z.enum(['pasted', 'page', 'copy']),
  /** The console host the feed was seen on; nothing of the page's path or query is kept. */
  seenOn: z.optional(z.string().check(z.maxLength(253))),
  seenAt: z.number(),
});
export type StoredFeed = z.infer<typeof StoredFeed>;
