import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { PRIVATE_INTEL_ORIGINS } from './utils/cisco-hosts';
import { AUTOFILL_COMMAND } from './utils/commands';

export default defineConfig({
  imports: false,
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
  manifest: {
    name: 'ETF Autofill',
    // activeTab + scripting reach an on-premises gateway on any host, only after the user asks.
    permissions: ['storage', 'activeTab', 'scripting'],
    // The Cloud Gateway's admin UI, and Cisco's private-intel hosts that Check feed asks.
    host_permissions: ['https://*.iphmx.com/*', ...PRIVATE_INTEL_ORIGINS],
    // A feed on the organisation's own CTIA host: asked for, one origin at a time, at Check feed.
    optional_host_permissions: ['https://*/*'],
    commands: {
      _execute_action: {
        suggested_key: { default: 'Alt+Shift+E' },
        description: 'Open ETF Autofill',
      },
      [AUTOFILL_COMMAND]: {
        suggested_key: { default: 'Alt+Shift+F' },
        description: 'Autofill the Add Source form with the newest captured feed',
      },
    },
  },
});
