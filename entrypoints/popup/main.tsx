import { render } from 'preact';
import { browser } from 'wxt/browser';
import { feedsClient } from '@/utils/extension/feeds-client';
import { gatewayTab, type GatewayTab } from '@/utils/extension/gateway-tab';
import { forgetGateway, knownGateways, reachableGateways, rememberGateway } from '@/utils/extension/known-gateways';
import { readOptions } from '@/utils/extension/options';
import { App } from './App';
import '@/components/theme.css';
import './style.css';

// Asked without waiting: the popup draws at once, and Autofill says when the tab is known.
const activeTab = browser.tabs.query({ active: true, currentWindow: true }).then(([tab]) => tab);
const tab = gatewayTab(activeTab.then((tab) => tab?.id));
// The form is looked for before the first render, so its answer is often in when Autofill is drawn.
const inspection = tab.inspect();
const gateway: GatewayTab = { ...tab, inspect: () => inspection };

render(
  <App
    feeds={feedsClient}
    gateway={gateway}
    tabUrl={activeTab.then((tab) => tab?.url)}
    writeClipboard={(text) => navigator.clipboard.writeText(text)}
    requestHostAccess={(origin) => browser.permissions.request({ origins: [origin] })}
    hasHostAccess={(origin) => browser.permissions.contains({ origins: [origin] })}
    reachableGateways={() => reachableGateways((origin) => browser.permissions.contains({ origins: [origin] }))}
    loadOptions={async () => (await readOptions()).options}
    rememberGateway={async () => rememberGateway((await activeTab)?.url, Date.now())}
    isKnownGateway={async (origin) => (await knownGateways()).some((known) => known.origin === origin)}
    forgetGateway={forgetGateway}
  />,
  document.getElementById('app')!,
);
