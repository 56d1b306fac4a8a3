import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { AUTOFILL_COMMAND } from './utils/commands';

export default defineConfig({
  imports: false,
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
  manifest: {
    name: 'ETF Autofill',
    // activeTab + scripting reach an on-premises gateway on any host, only after the user asks.
    permissions: ['storage', 'activeTab', 'scripting'],
    // The Cloud Gateway's admin UI.
    host_permissions: ['https://*.iphmx.com/*'],
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
