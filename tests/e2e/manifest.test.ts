import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/** The built manifests, exactly as the stores and the browsers get them. */
function manifest(target: 'chrome-mv3' | 'firefox-mv3') {
  return JSON.parse(readFileSync(`.output/${target}/manifest.json`, 'utf8'));
}

const CONSOLE_MATCHES = [
  'https://securex.apjc.security.cisco.com/*',
  'https://securex.eu.security.cisco.com/*',
  'https://securex.us.security.cisco.com/*',
  'https://visibility.amp.cisco.com/*',
  'https://visibility.apjc.amp.cisco.com/*',
  'https://visibility.eu.amp.cisco.com/*',
  'https://xdr.apjc.security.cisco.com/*',
  'https://xdr.eu.security.cisco.com/*',
  'https://xdr.us.security.cisco.com/*',
];
const HOST_PERMISSIONS = [
  'https://*.iphmx.com/*',
  'https://private.intel.amp.cisco.com/*',
  'https://private.intel.eu.amp.cisco.com/*',
  'https://private.intel.apjc.amp.cisco.com/*',
];

describe.each(['chrome-mv3', 'firefox-mv3'] as const)('the %s manifest', (target) => {
  const built = manifest(target);

  it('asks for exactly these permissions, and never for all sites or tabs', () => {
    expect(built.manifest_version).toBe(3);
    expect(built.permissions).toEqual(['storage', 'activeTab', 'scripting']);
    expect(built.host_permissions).toEqual(HOST_PERMISSIONS);
    expect(built.optional_host_permissions).toEqual(['https://*/*', 'http://*/*']);
    expect(JSON.stringify(built)).not.toContain('<all_urls>');
    expect(JSON.stringify(built)).not.toMatch(/"tabs"|"\*:\/\/\*\/\*"/);
  });

  it('runs its content scripts on the nine console hosts, before the page’s own code (the capture, and the Clipboard API watch in the page’s world), and a glance at every Cloud Gateway page once it is there', () => {
    const scripts = built.content_scripts.map((script: { matches: string[]; js: string[]; run_at: string; world?: string }) => ({
      js: script.js,
      runAt: script.run_at,
      world: script.world ?? 'ISOLATED',
      matches: [...script.matches].sort(),
    }));
    expect(scripts).toEqual([
      { js: ['gateway-watch.js'], runAt: 'document_idle', world: 'ISOLATED', matches: ['https://*.iphmx.com/*'] },
      { js: ['content-scripts/cisco.js'], runAt: 'document_start', world: 'ISOLATED', matches: CONSOLE_MATCHES },
      { js: ['content-scripts/clipboard-watch.js'], runAt: 'document_start', world: 'MAIN', matches: CONSOLE_MATCHES },
    ]);
  });

  it('has icons, a popup, options and the two shortcuts', () => {
    expect(built.icons).toEqual({ 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' });
    expect(built.action.default_popup).toBe('popup.html');
    expect(built.options_ui.page).toBe('options.html');
    expect(Object.keys(built.commands)).toEqual(['_execute_action', 'autofill-newest-feed']);
  });
});

it('Firefox: a gecko id, a minimum version with storage.session, and no data collected', () => {
  expect(manifest('firefox-mv3').browser_specific_settings).toEqual({
    gecko: { id: 'etf-autofill@etf-autofill.example', strict_min_version: '140.0', data_collection_permissions: { required: ['none'] } },
    gecko_android: { strict_min_version: '142.0' },
  });
});

it('Chrome: a managed-storage schema for enterprise policy, and the version that has URL.parse', () => {
  expect(manifest('chrome-mv3').storage).toEqual({ managed_schema: 'managed_schema.json' });
  expect(manifest('chrome-mv3').minimum_chrome_version).toBe('126');
  expect(Object.keys(JSON.parse(readFileSync('.output/chrome-mv3/managed_schema.json', 'utf8')).properties)).toEqual([
    'sourceNameTemplate',
    'descriptionTemplate',
    'pollIntervalHours',
    'pollIntervalMinutes',
    'feedAgeDays',
    'pollSegmentDays',
    'gateways',
  ]);
});
