import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { fillChosenFeed } from '@/utils/autofill/fill-chosen-feed';
import { badgeFor } from '@/utils/feeds/badge';
import { FILL_COMMAND } from '@/utils/autofill/fill-command';
import { checkFeed } from '@/utils/check-feed/fetch-feed';
import { gatewayTab } from '@/utils/autofill/gateway-tab';
import { startGatewayPage } from '@/utils/autofill/tab-call';
import { syncGatewayScripts } from '@/utils/gateways/gateway-scripts';
import { readOptions, refreshPolicy } from '@/utils/options/options-store';
import { readFeeds, watchFeeds } from '@/utils/feeds/feeds-store';
import { createMessageHandler } from '@/utils/protocol/message-handler';
import { createGatewayOpener } from '@/utils/add-to-gateway/gateway-opener';
import { dropLegacyGatewayList } from '@/utils/gateways/known-gateways';
import { questionAddress } from '@/utils/add-to-gateway/add-to-question';
import type { StoredFeed } from '@/utils/feeds/stored-feed';

export default defineBackground(() => {
  const gateways = createGatewayOpener();
  const handleMessage = createMessageHandler({
    extensionId: browser.runtime.id,
    extensionBaseUrl: browser.runtime.getURL('/'),
    now: Date.now,
    checkFeed: (fields, port) => checkFeed(fields, { port }),
    mayContact: (origin) => browser.permissions.contains({ origins: [origin] }),
    tab: (tabId) => ({ form: gatewayTab(tabId), url: () => browser.tabs.get(tabId).then((tab) => tab.url, () => undefined) }),
    openGateway: (gateway, feedKey, besideTabId) => gateways.start({ gateway, feedKey, besideTabId }),
    startGatewayPage,
    gatewaysChanged: syncGatewayScripts,
    confirmAddTo: async (question) => {
      await browser.windows.create({ url: browser.runtime.getURL(questionAddress(question) as '/confirm-add.html'), type: 'popup', width: 460, height: 340 });
    },
  });
  browser.runtime.onMessage.addListener((message, sender) => handleMessage(message, sender));

  browser.commands.onCommand.addListener(async (command, tab) => {
    if (command !== FILL_COMMAND || tab?.id === undefined) return;
    const { options } = await readOptions();
    await fillChosenFeed(gatewayTab(tab.id), tab.url, new Date(), options);
  });

  // The gateway script follows the trusted gateways the person allowed: registered ones persist, this
  // catches up with whatever changed while the worker slept.
  void syncGatewayScripts().catch(() => undefined);
  browser.permissions.onAdded.addListener(() => void syncGatewayScripts().catch(() => undefined));
  browser.permissions.onRemoved.addListener(() => void syncGatewayScripts().catch(() => undefined));

  // Gateways an older version kept where content scripts could write them are trusted no more.
  void dropLegacyGatewayList();
  // Clicks read the policy from a local copy, never from the slow policy service itself.
  // The policy may list gateways: the gateway script follows them.
  const refreshPolicyAndScripts = () => refreshPolicy().then(syncGatewayScripts).catch(() => undefined);
  void refreshPolicyAndScripts();
  browser.storage.onChanged.addListener((_changes, area) => area === 'managed' && void refreshPolicyAndScripts());

  readFeeds().then(showBadge, () => undefined);
  watchFeeds((feeds) => void showBadge(feeds).catch(() => undefined));
});

async function showBadge(feeds: StoredFeed[]) {
  const { text, color } = badgeFor(feeds);
  await browser.action.setBadgeBackgroundColor({ color });
  await browser.action.setBadgeText({ text });
}
