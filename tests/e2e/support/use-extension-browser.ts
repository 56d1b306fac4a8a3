import { afterAll, beforeAll, beforeEach } from 'vitest';
import { launchExtensionBrowser, type ExtensionBrowser } from './extension-browser';
import type { FixtureServer } from './fixture-server';
import { startLocalWorld } from './local-world';

/**
 * One local world and one Chromium with the extension per test file; before each test the
 * captured feeds are forgotten and every tab is closed. `addRoutes` adds a file's own mock answers.
 */
export function useExtensionBrowser(addRoutes?: (server: FixtureServer) => void) {
  let server: FixtureServer | undefined;
  let browser: ExtensionBrowser | undefined;

  beforeAll(async () => {
    server = await startLocalWorld();
    addRoutes?.(server);
    browser = await launchExtensionBrowser({ hostRules: server.hostRules });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  beforeEach(async () => {
    await browser!.inServiceWorker(() => chrome.storage.session.clear());
    for (const page of browser!.context.pages()) await page.close();
  });

  return {
    get browser(): ExtensionBrowser {
      if (!browser) throw new Error('The browser starts in beforeAll');
      return browser;
    },
  };
}
