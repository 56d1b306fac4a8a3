import * as z from 'zod/mini';
import type { StoredFeed } from './stored-feed';

/** A paste is a selection, not a document; anything longer is refused before it is parsed. */
export const MAX_PASTED_TEXT = 100_000;

export const SavePastedFeed = z.object({
  type: z.literal('save-pasted-feed'),
  text: z.string().check(z.maxLength(MAX_PASTED_TEXT)),
});

/** Every message the background accepts. Anything else is rejected unread. */
export const ExtensionMessage = z.discriminatedUnion('type', [SavePastedFeed]);
export type ExtensionMessage = z.infer<typeof ExtensionMessage>;

export interface ReplyError {
  code: string;
  message: string;
}

export type SaveFeedReply = { ok: true; feeds: StoredFeed[] } | { ok: false; error: ReplyError };
