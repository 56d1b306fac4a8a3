import type { Browser, ElementHandle, Page } from 'puppeteer-core';
import { waitUntil } from '../../e2e/support/wait';

/**
 * The trimmed text of every element matching `selector`, in the document and in every open shadow
 * root (the announcement on a gateway is in one), in document order. The console's notes are in
 * closed roots: read them with in-page-notes.
 */
export function textsInPage(page: Page, selector: string): Promise<string[]> {
  return page.evaluate((selector) => {
    const texts: string[] = [];
    const visit = (root: Document | ShadowRoot) => {
      for (const element of root.querySelectorAll('*')) {
        if (element.matches(selector)) texts.push(element.textContent?.trim() ?? '');
        if (element.shadowRoot) visit(element.shadowRoot);
      }
    };
    visit(document);
    return texts;
  }, selector);
}

/**
 * The element with this role and accessible name, from Firefox's accessibility tree. Polled with
 * `$` rather than waitForSelector, which the extension pages' CSP blocks.
 */
export function byRole(page: Page, role: string, name: string): Promise<ElementHandle<Element>> {
  const selector = `::-p-aria([name="${name}"][role="${role}"])`;
  return waitUntil(`${role} "${name}" in ${page.url()}`, async () => (await page.$(selector)) ?? undefined);
}

/**
 * The value of the control labelled `label` (a `<label for>`). Found by its label, not its role:
 * Firefox gives a masked field no textbox role.
 */
export function valueOf(page: Page, label: string): Promise<string> {
  return waitUntil(`a field labelled "${label}"`, () =>
    page.evaluate((label) => {
      const labelElement = [...document.querySelectorAll('label')].find((element) => element.textContent?.trim() === label);
      return (labelElement?.control as HTMLInputElement | null | undefined)?.value;
    }, label),
  );
}

/**
 * What the system clipboard holds: pasted with Ctrl+V, as a person would, into a text box of a
 * blank page of its own, which is then closed.
 */
export async function readClipboard(browser: Browser): Promise<string> {
  const page = await browser.newPage();
  try {
    await page.evaluate(() => {
      const box = document.body.appendChild(document.createElement('textarea'));
      box.focus();
    });
    await page.keyboard.down('Control');
    await page.keyboard.press('v');
    await page.keyboard.up('Control');
    return await page.evaluate(() => document.querySelector('textarea')!.value);
  } finally {
    await page.close();
  }
}

/**
 * Puts `text` on the system clipboard, as the person's copy elsewhere would: written with the
 * Clipboard API inside a real click on a button of a page of the extension (kept in a background
 * tab, so the tab in front stays in front); the button goes again.
 */
export async function writeClipboard(extensionPage: Page, text: string): Promise<void> {
  const button = await extensionPage.evaluateHandle((text) => {
    const button = document.body.appendChild(document.createElement('button'));
    button.textContent = 'Copy';
    // In view over whatever the page shows, wherever it is scrolled.
    button.style.cssText = 'position: fixed; top: 0; left: 0; z-index: 2147483647';
    button.addEventListener('click', () => {
      navigator.clipboard.writeText(text).then(
        () => (button.dataset.written = 'yes'),
        () => (button.dataset.written = 'no'),
      );
    });
    return button;
  }, text);
  try {
    await button.click();
    const written = await waitUntil('the clipboard to be written', () => button.evaluate((button) => button.dataset.written));
    if (written !== 'yes') throw new Error('The browser refused to write the clipboard');
  } finally {
    await button.evaluate((button) => button.remove());
  }
}

/** The lines of the extension's in-page message on the gateway, once there is one, and its role. */
export async function announcement(page: Page): Promise<{ role: string | null; lines: string[] }> {
  return waitUntil('the announcement on the gateway', () =>
    page.evaluate(() => {
      const box = document.querySelector('etf-autofill-announcement')?.shadowRoot?.querySelector('[role]');
      return box ? { role: box.getAttribute('role'), lines: [...box.querySelectorAll('p')].map((p) => p.textContent ?? '') } : undefined;
    }),
  );
}
