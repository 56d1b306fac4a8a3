import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, beforeEach, expect } from 'vitest';
import type { FixtureServer } from '../../e2e/support/fixture-server';
import { forgetKnownGateways } from '../../e2e/support/known-gateways-page';
import { startLocalWorld } from '../../e2e/support/local-world';
import { startConnectProxy, type ConnectProxy } from './connect-proxy';
import { launchFirefoxWithExtension, type FirefoxExtensionBrowser } from './firefox-browser';

/**
 * One local world, its proxy and one Firefox with the extension per test file; before each test the
 * tabs a test opened (popups) are closed, and once the background has handled what they sent, the
 * captured feeds and the known gateways are forgotten. Any error written to the console of any page
 * (the consoles, the gateways) or of the extension's own pages (the popup, the background) fails
 * the file.
 */
/** How long to let the background finish what the last test's pages sent, when it cannot be watched. */
const SETTLE_MS = 1_000;

export function useFirefoxWithExtension() {
  let server: FixtureServer | undefined;
  let proxy: ConnectProxy | undefined;
  let firefox: FirefoxExtensionBrowser | undefined;
  const consoleErrors: string[] = [];

  function watchConsole(page: Page) {
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(`${page.url()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => consoleErrors.push(`${page.url()}: ${String(error)}`));
  }

  beforeAll(async () => {
    server = await startLocalWorld();
    proxy = await startConnectProxy(server);
    firefox = await launchFirefoxWithExtension({ proxyPort: proxy.port });
    for (const page of await firefox.browser.pages()) watchConsole(page);
    firefox.browser.on('targetcreated', async (target) => {
      const page = await target.page();
      if (page) watchConsole(page);
    });
  });

  afterAll(async () => {
    consoleErrors.push(...((await firefox?.extensionErrors()) ?? []));
    await firefox?.close();
    await proxy?.close();
    await server?.close();
    expect(consoleErrors, 'errors in page consoles').toEqual([]);
  });

  beforeEach(async () => {
    const { browser, tab, extensionPage } = firefox!;
    for (const page of await browser.pages()) {
      if (page !== tab && page !== extensionPage) await page.close();
    }
    await tab.bringToFront();
    await tab.goto('about:blank');
    // What the last test's pages sent may still be handled: a capture finishing after the clear
    // would write its feeds back. Once the background is idle, nothing is. Where the browser's side
    // cannot be watched (chrome-context evaluations answered no value on Firefox ESR 140), or the
    // background stays busy, a short pause instead: this only keeps one failed test from failing the next.
    await firefox!.eventPage.idle().catch(() => new Promise((settle) => setTimeout(settle, SETTLE_MS)));
    await extensionPage.evaluate(() => chrome.storage.session.clear());
    await extensionPage.evaluate(forgetKnownGateways);
  });

  return {
    get firefox(): FirefoxExtensionBrowser {
      if (!firefox) throw new Error('Firefox starts in beforeAll');
      return firefox;
    },
    /** The local server of the saved sites, for the routes a test adds (the gateway's sign-in). */
    get server(): FixtureServer {
      if (!server) throw new Error('The local world starts in beforeAll');
      return server;
    },
  };
}
