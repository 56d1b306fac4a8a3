import { render } from 'preact';
import { browser } from 'wxt/browser';
import { feedsClient } from '@/utils/feeds-client';
import { gatewayTab } from '@/utils/gateway-tab';
import { rememberGateway } from '@/utils/known-gateways';
import { readOptions } from '@/utils/options';
import { App } from './App';
import '@/components/theme.css';
import './style.css';

const [activeTab] = await browser.tabs.query({ active: true, currentWindow: true });

render(
  <App
    feeds={feedsClient}
    gateway={activeTab?.id === undefined ? null : gatewayTab(activeTab.id)}
    writeClipboard={(text) => navigator.clipboard.writeText(text)}
    requestHostAccess={(origin) => browser.permissions.request({ origins: [origin] })}
    loadOptions={async () => (await readOptions()).options}
    rememberGateway={() => rememberGateway(activeTab?.url)}
  />,
  document.getElementById('app')!,
);
