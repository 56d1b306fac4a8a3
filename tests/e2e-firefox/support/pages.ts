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
