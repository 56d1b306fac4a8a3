import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { waitUntil } from '../../e2e/support/wait';
import { browserChrome } from './browser-chrome';
import { watchEventPage, type EventPage } from './event-page';
import { watchExtensionConsole, type ExtensionConsole } from './extension-console';

/** The unmodified production build that `npm run build:firefox` writes. */
export const FIREFOX_EXTENSION_DIR = resolve('.output/firefox-mv3');
const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

export interface FirefoxExtensionBrowser {
  browser: Browser;
  /** The tab in front: the one a test browses in, and the active tab the popup acts on. */
  tab: Page;
  /** A page of the extension kept open in the background, where the extension APIs are. */
  extensionPage: Page;
  /**
   * Opens the popup page in a background tab: `tab` stays the active tab that the popup acts on,
   * as when the user clicks the toolbar button over it, and the extension gets that tab (activeTab)
   * as that click gives it.
   */
  openPopup(): Promise<Page>;
  /** Opens the options page in a background tab of its own, loaded afresh. */
  openOptions(): Promise<Page>;
  /** Errors the extension's own pages and background wrote to their consoles so far. */
  extensionErrors(): Promise<string[]>;
  /** The extension's background, an event page in Firefox. */
  eventPage: EventPage;
  close(): Promise<void>;
}

/**
 * Starts Firefox ESR over WebDriver BiDi with every request sent through `proxyPort` (which knows
 * the Cisco and gateway host names), and installs the built extension as a temporary add-on.
 */
export async function launchFirefoxWithExtension(options: { proxyPort: number }): Promise<FirefoxExtensionBrowser> {
  const manifestPath = join(FIREFOX_EXTENSION_DIR, 'manifest.json');
  if (!existsSync(manifestPath)) throw new Error(`No Firefox build in ${FIREFOX_EXTENSION_DIR}: run "npm run build:firefox" first.`);
  const geckoId: string = JSON.parse(readFileSync(manifestPath, 'utf8')).browser_specific_settings.gecko.id;
  const uuid = randomUUID();
  const extensionOrigin = `moz-extension://${uuid}`;

  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    acceptInsecureCerts: true,
    timeout: 60_000,
    protocolTimeout: 30_000,
    // Newer Firefox lets WebDriver BiDi open moz-extension pages, and reach the browser's own
    // console, only with this flag.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      // The extension's pages get this origin, known before the install.
      'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: uuid }),
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': options.proxyPort,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': options.proxyPort,
      'network.proxy.no_proxies_on': '',
      'network.captive-portal-service.enabled': false,
      'network.connectivity-service.enabled': false,
      'intl.locale.requested': 'en-US',
      // permissions.request, made inside the person's click, is answered by a doorhanger that no
      // test can press (it is the browser's, not a page's): the site is granted without one, as
      // the person's Allow would.
      'extensions.webextOptionalPermissionPrompts': false,
    },
  });
  try {
    // Watched before the install, so the background's first errors count too.
    const chrome = await browserChrome(browser);
    const extensionConsole: ExtensionConsole = await watchExtensionConsole(chrome, geckoId, `${extensionOrigin}/`);
    const installed = await browser.installExtension(FIREFOX_EXTENSION_DIR);
    if (installed !== geckoId) throw new Error(`Installed ${installed}, expected ${geckoId}`);
    const [tab] = await browser.pages();
    if (!tab) throw new Error('Firefox opened no tab');
    return {
      browser,
      tab,
      extensionPage: await openExtensionPage(browser, `${extensionOrigin}/options.html`),
      async openPopup() {
        // The toolbar click gives the extension the tab in front (activeTab): all it may reach of a
        // site it has no host permission for, such as an on-premises gateway.
        await chrome(`WebExtensionPolicy.getByID(${JSON.stringify(geckoId)}).extension.tabManager.addActiveTabPermission()`);
        return openExtensionPage(browser, `${extensionOrigin}/popup.html`);
      },
      openOptions: () => openExtensionPage(browser, `${extensionOrigin}/options.html`),
      extensionErrors: () => extensionConsole.errors(),
      eventPage: await watchEventPage(chrome, geckoId),
      close: () => browser.close(),
    };
  } catch (error) {
    await browser.close();
    throw error;
  }
}

async function openExtensionPage(browser: Browser, url: string): Promise<Page> {
  const page = await browser.newPage({ background: true });
  // goto of a moz-extension page loads it but never resolves (puppeteer#14314): poll instead.
  page.goto(url).catch(() => undefined);
  await waitUntil(`${url} to load`, async () => {
    const loaded = await page.evaluate(() => location.href !== 'about:blank' && document.readyState === 'complete').catch(() => false);
    return loaded || undefined;
  });
  return page;
}
