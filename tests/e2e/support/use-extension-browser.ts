import { afterAll, beforeAll, beforeEach, expect } from 'vitest';
import { launchExtensionBrowser, type ExtensionBrowser } from './extension-browser';
import type { FixtureServer } from './fixture-server';
import { startLocalWorld } from './local-world';

/**
 * One local world and one Chromium with the extension per test file; before each test the
 * captured feeds are forgotten and every tab is closed. `addRoutes` adds a file's own mock answers.
 * Any error the extension writes to a page's console (its content script, its injected script)
 * fails the file, and so does a feed secret in any console message of a page, the popup or the
 * service worker.
 */
export function useExtensionBrowser(addRoutes?: (server: FixtureServer) => void) {
  let server: FixtureServer | undefined;
  let browser: ExtensionBrowser | undefined;
  const extensionErrors: string[] = [];

  beforeAll(async () => {
    server = await startLocalWorld();
    addRoutes?.(server);
    browser = await launchExtensionBrowser({ hostRules: server.hostRules });
    const extensionOrigin = `chrome-extension://${browser.extensionId}/`;
    browser.context.on('page', (page) => {
      page.on('console', (message) => {
        if (message.type() === 'error' && message.location().url.startsWith(extensionOrigin)) {
          extensionErrors.push(`${page.url()}: ${message.text()}`);
        }
      });
      page.on('pageerror', (error) => {
        if (error.stack?.includes(extensionOrigin)) extensionErrors.push(`${page.url()}: ${error.message}`);
      });
    });
  });

  afterAll(async () => {
    const secretsLogged = await browser?.console.leaks();
    await browser?.close();
    await server?.close();
    expect(extensionErrors, 'errors from the extension in page consoles').toEqual([]);
    expect(secretsLogged, 'console messages with a feed secret in them').toEqual([]);
  });

  beforeEach(async () => {
    await browser!.inExtensionPage(() => chrome.storage.session.clear());
    for (const page of browser!.context.pages()) await page.close();
  });

  return {
    /** Errors the extension wrote to page consoles so far. */
    extensionErrors,
    get browser(): ExtensionBrowser {
      if (!browser) throw new Error('The browser starts in beforeAll');
      return browser;
    },
  };
}
