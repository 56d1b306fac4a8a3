import { browser } from 'wxt/browser';
import { readFeeds, watchFeeds } from './feeds-store';
import type { SaveFeedReply, SavePastedFeed } from './messages';
import type { StoredFeed } from './stored-feed';
import type * as z from 'zod/mini';

/** What the popup needs from the feeds store; the background is the only writer. */
export interface FeedsClient {
  read(): Promise<StoredFeed[]>;
  watch(onChange: (feeds: StoredFeed[]) => void): () => void;
  savePasted(text: string): Promise<SaveFeedReply>;
}

export const feedsClient: FeedsClient = {
  read: readFeeds,
  watch: watchFeeds,
  async savePasted(text) {
    const message: z.infer<typeof SavePastedFeed> = { type: 'save-pasted-feed', text };
    try {
      return (await browser.runtime.sendMessage(message)) as SaveFeedReply;
    } catch {
      return { ok: false, error: { code: 'background-unavailable', message: 'The extension could not save this feed. Reopen the popup and paste it again.' } };
    }
  },
};
