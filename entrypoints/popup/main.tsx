import { render } from 'preact';
import { browser } from 'wxt/browser';
import { feedsClient, gatewaysClient, tabClient, type FeedsClient, type TabClient } from '@/utils/protocol/background-client';
import type { StoredFeed } from '@/utils/feeds/stored-feed';
import { isForgettableGateway, reachableGateways } from '@/utils/gateways/known-gateways';
import { feedDestinations } from '@/utils/destinations/feed-destinations';
import { App } from './App';
import '@/components/theme.css';
import './style.css';

// Asked without waiting: the popup draws at once, and Autofill says when the tab is known.
const activeTab = browser.tabs.query({ active: true, currentWindow: true }).then(([tab]) => tab);
const tabForm = tabClient(activeTab.then((tab) => tab?.id));
// The form is looked for before the first render, so its answer is often in when Autofill is drawn.
const inspection = tabForm.inspect();
const tab: TabClient = { ...tabForm, inspect: () => inspection };
// The kept feeds too (Autofill names the one it fills): the first read is the one begun here.
let feedsAtOpen: Promise<StoredFeed[]> | undefined = feedsClient.read();
const feeds: FeedsClient = { ...feedsClient, read: () => feedsAtOpen ?? feedsClient.read() };
void feedsAtOpen.finally(() => (feedsAtOpen = undefined));
const hostAccess = {
  has: (pattern: string) => browser.permissions.contains({ origins: [pattern] }),
  request: (pattern: string) => browser.permissions.request({ origins: [pattern] }),
};

render(
  <App
    feeds={feeds}
    activeTab={{ form: tab, url: activeTab.then((tab) => tab?.url) }}
    gateways={{ reachable: () => reachableGateways(hostAccess.has), mayForget: isForgettableGateway, forget: gatewaysClient.forget, destinations: feedDestinations }}
    hostAccess={hostAccess}
    writeClipboard={(text) => navigator.clipboard.writeText(text)}
  />,
  document.getElementById('app')!,
);
