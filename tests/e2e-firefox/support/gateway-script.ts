import type { Page } from 'puppeteer-core';
import { waitUntil } from '../../e2e/support/wait';

/**
 * Waits (bounded) until the gateway script watches `page`: its in-page part, which the background
 * injects on External Threat Feeds pages, is in the page's content-script world (it starts watching
 * as it arrives). Asked from an extension page, as the extension itself would ask.
 */
export async function waitForGatewayScript(extensionPage: Page, page: Page): Promise<void> {
  const url = page.url();
  await waitUntil(`the gateway script on ${url}`, () =>
    extensionPage.evaluate(async (url) => {
      const tab = (await chrome.tabs.query({})).find((tab) => tab.url === url);
      if (tab?.id === undefined) return undefined;
      const [injection] = await chrome.scripting.executeScript({
        target: { tabId: tab.id },
        func: () => (globalThis as { etfAutofill?: { isCurrent?(): boolean } }).etfAutofill?.isCurrent?.() === true,
      });
      return injection?.result === true || undefined;
    }, url),
  );
}
