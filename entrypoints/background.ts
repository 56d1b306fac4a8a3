import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { autofillNewestFeed } from '@/utils/autofill-newest';
import { badgeFor } from '@/utils/badge';
import { AUTOFILL_COMMAND } from '@/utils/commands';
import { checkFeed } from '@/utils/fetch-feed';
import { gatewayTab } from '@/utils/gateway-tab';
import { readOptions } from '@/utils/options';
import { readFeeds, watchFeeds } from '@/utils/feeds-store';
import { createMessageHandler } from '@/utils/message-handler';
import type { StoredFeed } from '@/utils/stored-feed';

export default defineBackground(() => {
  const handleMessage = createMessageHandler({
    extensionId: browser.runtime.id,
    extensionBaseUrl: browser.runtime.getURL('/'),
    now: Date.now,
    checkFeed: (fields, port) => checkFeed(fields, { port }),
    mayContact: (origin) => browser.permissions.contains({ origins: [origin] }),
  });
  browser.runtime.onMessage.addListener((message, sender) => handleMessage(message, sender));

  browser.commands.onCommand.addListener(async (command, tab) => {
    if (command !== AUTOFILL_COMMAND || tab?.id === undefined) return;
    const { options } = await readOptions();
    await autofillNewestFeed(gatewayTab(tab.id), tab.url, new Date(), options);
  });

  readFeeds().then(showBadge, () => undefined);
  watchFeeds((feeds) => void showBadge(feeds).catch(() => undefined));
});

async function showBadge(feeds: StoredFeed[]) {
  const { text, color } = badgeFor(feeds);
  await browser.action.setBadgeBackgroundColor({ color });
  await browser.action.setBadgeText({ text });
}
