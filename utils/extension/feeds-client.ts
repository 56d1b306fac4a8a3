import { browser } from 'wxt/browser';
import { readFeeds, watchFeeds } from './feeds-store';
import { t } from '../i18n/i18n';
import type { CheckFeed, CheckReply, FeedsReply, ForgetFeeds, RemoveFeed, SavePastedFeed } from './messages';
import type { StoredFeed } from './stored-feed';

/** What the popup needs from the feeds store; the background is the only writer. */
export interface FeedsClient {
  read(): Promise<StoredFeed[]>;
  watch(onChange: (feeds: StoredFeed[]) => void): () => void;
  savePasted(text: string): Promise<FeedsReply>;
  remove(feedId: string): Promise<FeedsReply>;
  forgetAll(): Promise<FeedsReply>;
  check(feedId: string): Promise<CheckReply>;
}

export const feedsClient: FeedsClient = {
  read: readFeeds,
  watch: watchFeeds,
  savePasted: (text) => ask({ type: 'save-pasted-feed', text }),
  remove: (feedId) => ask({ type: 'remove-feed', feedId }),
  forgetAll: () => ask({ type: 'forget-feeds' }),
  check: (feedId) => ask({ type: 'check-feed', feedId }),
};

async function ask(message: SavePastedFeed | RemoveFeed | ForgetFeeds): Promise<FeedsReply>;
async function ask(message: CheckFeed): Promise<CheckReply>;
async function ask(message: SavePastedFeed | RemoveFeed | ForgetFeeds | CheckFeed): Promise<FeedsReply | CheckReply> {
  try {
    return (await browser.runtime.sendMessage(message)) as FeedsReply | CheckReply;
  } catch {
    return { ok: false, error: { code: 'background-unavailable', message: t('backgroundUnavailable') } };
  }
}
