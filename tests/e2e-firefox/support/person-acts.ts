import type { Browser, ElementHandle, Page } from 'puppeteer-core';
import { waitUntil } from '../../e2e/support/wait';
import { byRole, writeClipboard } from './pages';

// What the person does in a console page, the acts that choose a feed: pressing the console's own
// Copy button (which writes with the Clipboard API), or selecting a URL and pressing Ctrl+C; and in
// a gateway's form, a paste with Ctrl+V. All go through the browser's input (WebDriver BiDi
// `input.performActions`), so the page sees trusted events and the person's user activation, as it
// does from a person.

/**
 * Opens the feed's Feed Details drawer and presses the console's Copy button named `button` with a
 * real click; waits until the page's write to the clipboard has settled (written or refused).
 */
export async function copyWithConsoleButton(page: Page, title: string, button: string): Promise<void> {
  await (await byRole(page, 'link', title)).click();
  await (await byRole(page, 'button', button)).click();
  await waitUntil(`the console's ${button} to write`, () => page.evaluate(() => document.body.dataset.copied));
}

/** Selects the whole text of the element matching `selector` and presses Ctrl+C, as the person does. */
export async function copySelection(page: Page, selector: string): Promise<void> {
  await page.waitForSelector(selector, { timeout: 10_000 });
  await page.evaluate((selector) => getSelection()!.selectAllChildren(document.querySelector(selector)!), selector);
  await page.keyboard.down('Control');
  await page.keyboard.press('c');
  await page.keyboard.up('Control');
}

/**
 * The extension's own window opened at `path` (the confirmation window, say), once it is there and
 * loaded: a page of the browser that was not open before.
 */
export function extensionWindow(browser: Browser, path: string, before: readonly Page[]): Promise<Page> {
  return waitUntil(`the extension's window ${path}`, async () => {
    for (const page of await browser.pages()) {
      if (before.includes(page)) continue;
      const loaded = await page
        .evaluate((path) => location.protocol === 'moz-extension:' && location.pathname === path && document.readyState === 'complete', path)
        .catch(() => false);
      if (loaded) return page;
    }
    return undefined;
  });
}

/** The person's paste: `text` on the clipboard (copied elsewhere), `field` clicked, then Ctrl+V. */
export async function pasteInto(extensionPage: Page, field: ElementHandle<Element>, text: string): Promise<void> {
  await writeClipboard(extensionPage, text);
  await field.click();
  const { keyboard } = field.frame.page();
  await keyboard.down('Control');
  await keyboard.press('v');
  await keyboard.up('Control');
}
