import { browser } from 'wxt/browser';
import { readFeeds, watchFeeds } from './feeds-store';
import { t } from '../i18n/i18n';
import type { CheckFeed, CheckReply, ChooseFeed, FeedsReply, ForgetFeeds, RemoveFeed, SavePastedFeed } from './messages';
import type { StoredFeed } from './stored-feed';

/** What the popup needs from the feeds store; the background is the only writer. */
export interface FeedsClient {
  read(): Promise<StoredFeed[]>;
  watch(onChange: (feeds: StoredFeed[]) => void): () => void;
  savePasted(text: string): Promise<FeedsReply>;
  choose(key: string): Promise<FeedsReply>;
  remove(key: string): Promise<FeedsReply>;
  forgetAll(): Promise<FeedsReply>;
  check(key: string): Promise<CheckReply>;
}

export const feedsClient: FeedsClient = {
  read: readFeeds,
  watch: watchFeeds,
  savePasted: (text) => ask({ type: 'save-pasted-feed', text }),
  choose: (key) => ask({ type: 'choose-feed', key }),
  remove: (key) => ask({ type: 'remove-feed', key }),
  forgetAll: () => ask({ type: 'forget-feeds' }),
  check: (key) => ask({ type: 'check-feed', key }),
};

async function ask(message: SavePastedFeed | ChooseFeed | RemoveFeed | ForgetFeeds): Promise<FeedsReply>;
async function ask(message: CheckFeed): Promise<CheckReply>;
async function ask(message: SavePastedFeed | ChooseFeed | RemoveFeed | ForgetFeeds | CheckFeed): Promise<FeedsReply | CheckReply> {
  try {
    return (await browser.runtime.sendMessage(message)) as FeedsReply | CheckReply;
  } catch {
    return { ok: false, error: { code: 'background-unavailable', message: t('backgroundUnavailable') } };
  }
}
