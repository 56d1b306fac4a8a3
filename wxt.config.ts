import { readFileSync } from 'node:fs';
import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { PRIVATE_INTEL_ORIGINS } from './utils/feed/cisco-hosts';
import { FILL_COMMAND } from './utils/autofill/fill-command';
import { CLOUD_GATEWAY_MATCHES, GATEWAY_WATCH_SCRIPT } from './utils/gateway/gateway-hosts';

export default defineConfig({
  imports: false,
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()], build: { sourcemap: process.env.SOURCEMAP === '1' } }),
  zip: { excludeSources: ['docs/**', 'demo-output/**'] },
  hooks: {
    // The messages ship without the notes for translators, and without indentation: every byte of
    // them is in the store package.
    'build:publicAssets': (_wxt, files) => {
      files.forEach((file, i) => {
        if (!('absoluteSrc' in file) || !/^_locales\/[^/]+\/messages\.json$/.test(file.relativeDest)) return;
        const messages: Record<string, { message: string; description?: string }> = JSON.parse(readFileSync(file.absoluteSrc, 'utf8'));
        const shipped = Object.fromEntries(Object.entries(messages).map(([key, { description: _, ...rest }]) => [key, rest]));
        files[i] = { relativeDest: file.relativeDest, contents: JSON.stringify(shipped) };
      });
    },
  },
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // activeTab + scripting reach an on-premises gateway on any host, only after the user asks.
    permissions: ['storage', 'activeTab', 'scripting'],
    // The Cloud Gateway's admin UI, and Cisco's private-intel hosts that Check feed asks.
    host_permissions: [...CLOUD_GATEWAY_MATCHES, ...PRIVATE_INTEL_ORIGINS],
    // Asked for one origin at a time, on the person's click: a feed on the organisation's own CTIA
    // host (at Check feed), and an on-premises gateway, https or http, that "Add to" may open.
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    // A glance at every Cloud Gateway page, which asks for the rest on External Threat Feeds pages only.
    content_scripts: [{ matches: CLOUD_GATEWAY_MATCHES, js: [GATEWAY_WATCH_SCRIPT], all_frames: true, run_at: 'document_idle' }],
    commands: {
      _execute_action: {
        suggested_key: { default: 'Alt+Shift+E' },
        description: '__MSG_commandOpenPopup__',
      },
      [FILL_COMMAND]: {
        suggested_key: { default: 'Alt+Shift+F' },
        description: '__MSG_commandFillChosen__',
      },
    },
    // Lets IT preset the options by browser policy (Chrome and Edge read this schema); URL.parse
    // arrived in Chrome 126.
    ...(browser !== 'firefox' && { storage: { managed_schema: 'managed_schema.json' }, minimum_chrome_version: '126' }),
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: {
          id: 'etf-autofill@etf-autofill.example',
          // storage.session and data_collection_permissions are both there from Firefox 140 (ESR).
          strict_min_version: '140.0',
          data_collection_permissions: { required: ['none'] },
        },
        // Firefox for Android reads data_collection_permissions from 142.
        gecko_android: { strict_min_version: '142.0' },
      },
    }),
  }),
});
