import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from '../tests/e2e/support/extension-browser';
import { pasteInto, waitForGatewayScript } from '../tests/e2e/support/gateway-script';
import { clickNoteButton, waitForNoteButton, waitForNoteText } from '../tests/e2e/support/in-page-notes';
import { FIXTURE_FEEDS } from '../tests/e2e/support/local-world';
import type { PopupPage } from '../tests/e2e/support/popup-page';
import { waitUntil } from '../tests/e2e/support/wait';
import { copyFeedFromDetails } from '../tests/e2e/support/xdr-feeds';

export const XDR_FEEDS_PAGE = 'https://xdr.us.security.cisco.com/intelligence/feeds/';
export const GATEWAY_ADD_SOURCE_PAGE = 'https://dh1234-esa1.iphmx.com/mail_policies/etf/add_source/';
const FEED = FIXTURE_FEEDS[0];
/** The second feed, added to the gateway from the console: its Feed Details draw the URL in pieces, which the person copies. */
const SECOND_FEED = FIXTURE_FEEDS[2];
const ADD_TO_GATEWAY = `Add to ${new URL(GATEWAY_ADD_SOURCE_PAGE).host}`;
/** The gateway's Edit Source page: of a source made by hand with the classic mistakes, or empty. */
const EDIT_SOURCE_PAGE = 'https://dh1234-esa1.iphmx.com/mail_policies/etf/edit_source/';
/** The third feed, pasted straight into the gateway's form. */
const PASTED_FEED = FIXTURE_FEEDS[1];

/**
 * The whole flow, as a person would click it: copy a feed in XDR, see it in the popup, check it,
 * autofill the gateway's Add Source form, and find it filled but not submitted; then add a second
 * feed to that gateway from the console, confirming it in ETF Autofill's own window; on the gateway,
 * fix a source made by hand, and paste a feed URL into the form, submit it, and be reminded to
 * commit. Saves a screenshot
 * per step in `outputDir`; throws, naming the step, at the first one that does not work.
 */
export async function runDemoWalk(browser: ExtensionBrowser, outputDir: string, log: (line: string) => void): Promise<void> {
  await mkdir(outputDir, { recursive: true });
  const shot = (name: string) => join(outputDir, name);
  let consolePage: Page | undefined;
  let gatewayPage: Page | undefined;
  let popup: PopupPage | undefined;
  let confirmWindow: Page | undefined;

  const steps: [string, () => Promise<void>][] = [
    ['Open the "Phishing domains" feed in the XDR console and press its Copy button', async () => {
      consolePage = await browser.context.newPage();
      await consolePage.setViewportSize({ width: 1100, height: 620 });
      await consolePage.goto(XDR_FEEDS_PAGE);
      await copyFeedFromDetails(consolePage, FEED.title);
      await waitForNoteText(consolePage, 'Feed captured for the email gateway');
      await consolePage.screenshot({ path: shot('1-feed-captured.png') });
    }],
    ['The popup shows the captured feed', async () => {
      popup = await browser.openPopup(consolePage!);
      await waitUntil('the Hostname field', async () => ((await popup!.valueOf('Hostname')) === FEED.host ? true : undefined));
      const names = await popup.namesOf('radio');
      if (!names[0]?.startsWith(FEED.title)) throw new Error(`the newest feed is "${names[0]}", not "${FEED.title}"`);
      await popup.screenshot(shot('2-popup.png'));
    }],
    ['Check the feed', async () => {
      await popup!.click('button', 'Check feed');
      const status = await waitUntil('the check result', async () => {
        const text = (await popup!.textsOf('status')).join('');
        return text.startsWith('OK — ') ? text : undefined;
      }, 15_000);
      log(`    ${status.replace(/\n/g, ' ')}`);
      await popup!.screenshot(shot('3-check-feed.png'));
      await popup!.close();
    }],
    ["Switch to the gateway's Add Source page and press Autofill", async () => {
      gatewayPage = await browser.context.newPage();
      await gatewayPage.setViewportSize({ width: 1100, height: 760 });
      await gatewayPage.goto(GATEWAY_ADD_SOURCE_PAGE);
      popup = await browser.openPopup(gatewayPage);
      await popup.waitForEnabled('button', 'Autofill Add Source form');
      await popup.click('button', 'Autofill Add Source form');
      const status = await waitUntil('the fill report', async () => {
        const text = (await popup!.textsOf('status')).join('');
        return text.startsWith('Filled 8 of 8 fields') ? text : undefined;
      });
      log(`    ${status.split('\n')[0]}`);
      await popup.screenshot(shot('4-autofill.png'));
      await popup.close();
    }],
    ['The form is filled and not submitted', async () => {
      const page = gatewayPage!;
      const value = (selector: string) => page.locator(selector).inputValue();
      const filled = [await value('#source_hostname'), await value('#source_polling_path'), await value('#source_collection_name'), await value('#poll_port')];
      const expected = [FEED.host, `/ctia/feed/${FEED.id}/view`, FEED.secret, '443'];
      if (filled.join() !== expected.join()) throw new Error('the form does not hold the feed’s Hostname, Polling Path, Collection Name and port 443');
      if (!(await page.locator('#use_https_yes').isChecked()) || !(await page.locator('#source_config_cred_no').isChecked())) {
        throw new Error('Use HTTPS is not Yes, or Configure User Credentials is not No');
      }
      if ((await page.evaluate(() => document.body.dataset.submitted)) !== undefined) throw new Error('the form was submitted');
      await page.screenshot({ path: shot('5-form-filled.png') });
    }],
    ['Add a second feed to the gateway from the console: Add to opens ETF Autofill’s own window', async () => {
      const page = consolePage!;
      await page.bringToFront();
      await page.getByRole('button', { name: 'Close' }).click();
      await page.getByRole('link', { name: SECOND_FEED.title }).click();
      const pieces = page.locator('.url-pieces');
      await pieces.waitFor({ timeout: 10_000 });
      await pieces.selectText();
      await page.keyboard.press('Control+C');
      await waitForNoteButton(page, ADD_TO_GATEWAY);
      const asked = browser.context.waitForEvent('page', { timeout: 10_000, predicate: (opened) => opened.url().includes('/confirm-add.html') });
      await clickNoteButton(page, ADD_TO_GATEWAY);
      confirmWindow = await asked;
      await confirmWindow.getByRole('button', { name: ADD_TO_GATEWAY }).waitFor({ timeout: 10_000 });
      await confirmWindow.screenshot({ path: shot('6-confirm-add.png') });
    }],
    ['Press Add in ETF Autofill’s window: the gateway opens in a new tab, its form filled', async () => {
      const opened = browser.context.waitForEvent('page', { timeout: 10_000, predicate: (page) => page.url().startsWith(new URL(GATEWAY_ADD_SOURCE_PAGE).origin) });
      await confirmWindow!.getByRole('button', { name: ADD_TO_GATEWAY }).click();
      const addPage = await opened;
      await addPage.setViewportSize({ width: 1100, height: 760 });
      await waitUntil('the new tab’s form to be filled', async () => {
        const hostname = await addPage.locator('#source_hostname').inputValue().catch(() => '');
        return hostname === SECOND_FEED.host ? true : undefined;
      });
      if ((await addPage.locator('#source_collection_name').inputValue()) !== SECOND_FEED.secret) throw new Error('the Collection Name is not the second feed’s');
      await addPage.locator('etf-autofill-announcement [role]').waitFor({ timeout: 10_000 });
      if ((await addPage.evaluate(() => document.body.dataset.submitted)) !== undefined) throw new Error('the form was submitted');
      await addPage.screenshot({ path: shot('7-add-to-gateway.png') });
    }],
    ['On the gateway, a source made by hand shows its mistakes; Fix corrects them', async () => {
      const page = await browser.context.newPage();
      await page.setViewportSize({ width: 1100, height: 760 });
      await page.goto(`${EDIT_SOURCE_PAGE}?source=hand-made`);
      await waitForNoteButton(page, 'Fix');
      await page.screenshot({ path: shot('8-source-checked.png') });
      await clickNoteButton(page, 'Fix');
      await waitUntil('the fixed Hostname', async () => ((await page.locator('#source_hostname').inputValue()) === FEED.host ? true : undefined));
      await page.close();
    }],
    ['Paste a feed URL into the gateway’s form and Submit: the sources list says to Commit Changes', async () => {
      const page = await browser.context.newPage();
      await page.setViewportSize({ width: 1100, height: 620 });
      await page.goto(EDIT_SOURCE_PAGE);
      await waitForGatewayScript(browser, page);
      await pasteInto(browser, page, '#source_hostname', `Feed URL: https://${PASTED_FEED.host}/ctia/feed/${PASTED_FEED.id}/view.txt?s=${PASTED_FEED.secret}`);
      await waitUntil('the pasted feed in the form', async () => ((await page.locator('#source_collection_name').inputValue()) === PASTED_FEED.secret ? true : undefined));
      await Promise.all([page.waitForURL('**/mail_policies/etf/sources/', { timeout: 10_000 }), page.click('input[type="submit"]')]);
      await waitForNoteText(page, 'Commit Changes');
      await page.screenshot({ path: shot('9-commit-reminder.png') });
    }],
  ];

  for (const [index, [name, run]] of steps.entries()) {
    const label = `Step ${index + 1}/${steps.length}: ${name}`;
    log(`… ${label}`);
    try {
      await run();
    } catch (error) {
      throw new Error(`${label} — failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    log(`✔ ${label}`);
  }
}
