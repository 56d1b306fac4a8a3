import { browser } from 'wxt/browser';
import { fillAndAnnounce } from '../autofill/fill-and-announce';
import { readFeed } from '../feeds/feeds-store';
import { gatewayTab } from '../autofill/gateway-tab';
import { t } from '../i18n/i18n';
import { readOptions } from '../options/options-store';
import { createPendingFills, type PendingFills } from './pending-fill';
import { storageItem } from '../platform/storage-item';
import { webUrl } from '../platform/web-url';
import { within } from '../platform/within';

/** How long one look into a waiting tab may take before the next tab event asks again: a hung page never blocks the queue. */
const TAB_CALL_MS = 10_000;

/** The waiting "Add to <gateway>" fills, in session storage: a restarted service worker goes on waiting. */
const waitingFills = storageItem<unknown>('session', 'pendingFills', []);

/**
 * "Add to <gateway>" in the browser: opens the gateway's Add Source page in a new tab beside the
 * console and fills it once the form is there, as the keyboard fill does, with the kept feed.
 */
export function createGatewayOpener(): PendingFills {
  const pending = createPendingFills({
    async openTab(url, besideTabId) {
      const beside = besideTabId === undefined ? undefined : await browser.tabs.get(besideTabId).catch(() => undefined);
      const tab = await browser.tabs.create({ url, ...(beside && { index: beside.index + 1, openerTabId: beside.id, windowId: beside.windowId }) });
      return tab.id!;
    },
    // A page the extension may not see has no `url`: a sign-in at the organisation's identity
    // provider, say, which leads back to the gateway. It is waited through, as a loading page is.
    tabUrl: (tabId) => browser.tabs.get(tabId).then((tab) => tab.url ?? '', () => undefined),
    async inspect(tabId, origin) {
      const answer = await within<{ ok: boolean; sourcesList?: boolean }>(gatewayTab(tabId).inspect(), TAB_CALL_MS, { ok: false });
      // The inspection ran in the page only while it showed `origin`; a page elsewhere answers nothing useful.
      return { ok: answer.ok && (await onOrigin(tabId, origin)), sourcesList: answer.sourcesList === true };
    },
    async fill(tabId, origin, feedKey) {
      const feed = await readFeed(feedKey);
      if (!feed) return;
      const { options } = await readOptions();
      // A form the person has not looked at yet: focus stays off Submit, so no Enter submits it unseen.
      await within(fillAndAnnounce(gatewayTab(tabId), origin, feed, new Date(), options, { focusSubmit: false }), TAB_CALL_MS, undefined);
    },
    mayReach: (origin) => browser.permissions.contains({ origins: [`${origin}/*`] }),
    hint: (tabId) => within(gatewayTab(tabId).announce([t('addToPressAddSource')], false), TAB_CALL_MS, undefined),
    now: Date.now,
    load: waitingFills.get,
    save: waitingFills.set,
  });
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'complete' || change.url) void pending.onTabUpdated(tabId);
  });
  browser.tabs.onRemoved.addListener((tabId) => void pending.onTabRemoved(tabId));
  return pending;
}

async function onOrigin(tabId: number, origin: string): Promise<boolean> {
  const url = await browser.tabs.get(tabId).then((tab) => tab.url, () => undefined);
  return webUrl(url)?.origin === origin;
}
