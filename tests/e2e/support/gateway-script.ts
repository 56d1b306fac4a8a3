import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from './extension-browser';
import { waitUntil } from './wait';

/**
 * Waits (bounded) until the gateway script watches `page`: its in-page part, which the background
 * injects on External Threat Feeds pages, is in the page's isolated world (it starts watching as
 * it arrives). Asked from an extension page, as the extension itself would ask.
 */
export async function waitForGatewayScript(browser: ExtensionBrowser, page: Page): Promise<void> {
  const url = page.url();
  await waitUntil(`the gateway script on ${url}`, () =>
    browser.inExtensionPage<true | undefined>(`(async () => {
      const tab = (await chrome.tabs.query({})).find((tab) => tab.url === ${JSON.stringify(url)});
      if (!tab) return undefined;
      const [injection] = await chrome.scripting.executeScript({ target: { tabId: tab.id }, func: () => globalThis.etfAutofill?.isCurrent?.() === true });
      return injection?.result === true || undefined;
    })()`),
  );
}

/** Puts `text` on the clipboard, as the person's copy elsewhere would. */
export async function putOnClipboard(browser: ExtensionBrowser, page: Page, text: string): Promise<void> {
  await browser.cdp.send('Browser.grantPermissions', { origin: new URL(page.url()).origin, permissions: ['clipboardReadWrite', 'clipboardSanitizedWrite'] });
  await page.evaluate((value) => navigator.clipboard.writeText(value), text);
}

/** The person's paste: `text` on the clipboard, the field clicked, then Ctrl+V. */
export async function pasteInto(browser: ExtensionBrowser, page: Page, selector: string, text: string): Promise<void> {
  await putOnClipboard(browser, page, text);
  await page.click(selector);
  await page.keyboard.press('Control+V');
}
