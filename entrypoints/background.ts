import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { badgeFor } from '@/utils/badge';
import { readFeeds, watchFeeds } from '@/utils/feeds-store';
import { createMessageHandler } from '@/utils/message-handler';
import type { StoredFeed } from '@/utils/stored-feed';

export default defineBackground(() => {
  const handleMessage = createMessageHandler({
    extensionId: browser.runtime.id,
    extensionBaseUrl: browser.runtime.getURL('/'),
    now: Date.now,
  });
  browser.runtime.onMessage.addListener((message, sender) => handleMessage(message, sender));

  readFeeds().then(showBadge);
  watchFeeds(showBadge);
});

async function showBadge(feeds: StoredFeed[]) {
  const { text, color } = badgeFor(feeds);
  await browser.action.setBadgeBackgroundColor({ color });
  await browser.action.setBadgeText({ text });
}
