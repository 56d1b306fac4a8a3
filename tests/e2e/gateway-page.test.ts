import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { english } from '../support/english';
import { asyncOsFilled, formState, guardPageSubmissions, HAND_MADE_FIXED } from '../support/form-state';
import { announcement } from './support/announcement';
import { pasteInto, waitForGatewayScript } from './support/gateway-script';
import { clickNoteButton, noteButtonNames, noteTexts, scriptClickNoteButtons, waitForNoteButton, waitForNoteText } from './support/in-page-notes';
import { useExtensionBrowser } from './support/use-extension-browser';

// ETF Autofill on the gateway's own pages: the person's paste of a feed URL into the Add/Edit Source
// form fills it, a hand-made Cisco feed source is checked as it stands (with one Fix), and a submit
// of a form the extension filled leads to a reminder, on the sources list, to Commit Changes.

const GATEWAY = 'https://dh1234-esa1.iphmx.com';
const ADD_SOURCE = `${GATEWAY}/mail_policies/etf/add_source/`;
const EDIT_SOURCE = `${GATEWAY}/mail_policies/etf/edit_source/`;
const FEED_ID = 'feed-8f2b1c3e-5d4a-4e6f-9a7b-1c2d3e4f5a6b';
const SECRET = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const FEED_URL = `https://private.intel.amp.cisco.com/ctia/feed/${FEED_ID}/view.txt?s=${SECRET}`;
const OTHER_FEED_ID = 'feed-1e0c9d8b-7a6f-4e5d-8c4b-3a2f1e0d9c8b';
const OTHER_URL = `https://private.intel.amp.cisco.com/ctia/feed/${OTHER_FEED_ID}/view.txt?s=f9e8d7c6-b5a4-4938-a7b6-c5d4e3f2a1b0`;
const TODAY = new Date().toISOString().slice(0, 10);
const PASSWORD = 'taxii-password-typed-by-the-admin';
const FILLED_ALL = [
  'Filled 8 of 8 fields: Source Name, Description, Hostname, Polling Path, Collection Name, Use HTTPS, Polling Port, Configure User Credentials.',
  'Nothing was submitted: review the form, click Submit, then Commit Changes.',
];

const world = useExtensionBrowser();

/** An External Threat Feeds page, once the gateway script watches it. */
async function openGatewayPage(url: string): Promise<Page> {
  const page = await world.browser.context.newPage();
  await page.goto(url);
  await waitForGatewayScript(world.browser, page);
  return page;
}

/** The Edit Source page of one of the saved page's sources (the feed's secret stays out of the address, which consoles log). */
const editSource = (source: 'hand-made' | 'correct' | 'taxii') => `${EDIT_SOURCE}?source=${source}`;

const FEED_FILLED = asyncOsFilled(
  {
    sourceName: 'XDR_feed_8f2b1c3e',
    description: `SecureX/XDR feed ${FEED_ID}, added ${TODAY} by ETF Autofill`,
    hostname: 'private.intel.amp.cisco.com',
    pollingPath: `/ctia/feed/${FEED_ID}/view`,
    collectionName: SECRET,
  },
  PASSWORD,
);

it('splits a feed URL pasted with words around it into the form, as Autofill would; submits nothing; the popup then offers that feed', async () => {
  const page = await openGatewayPage(ADD_SOURCE);
  await page.fill('#cc_auth_pass', PASSWORD);
  const attempts = await guardPageSubmissions(page);
  await pasteInto(world.browser, page, '#source_hostname', `Feed URL: <${FEED_URL}> (Output: Observables)`);

  await expect.poll(() => page.$eval('#add_source_form', formState)).toEqual(FEED_FILLED);
  expect(await announcement(page)).toEqual({ role: 'status', lines: ['ETF Autofill', english('commandFrom', english('feedUntitled', '8f2b1c3e')), ...FILLED_ALL] });
  expect(await attempts()).toEqual([]);

  const popup = await world.browser.openPopup(page);
  await popup.waitForEnabled('button', 'Autofill Add Source form');
  expect(await popup.valueOf('Polling Path')).toBe(`/ctia/feed/${FEED_ID}/view`);
  await popup.close();
});

it('pastes ordinary text as the page would, and splits nothing', async () => {
  const page = await openGatewayPage(ADD_SOURCE);
  await pasteInto(world.browser, page, '#source_hostname', 'hailataxii.com');
  await expect.poll(() => page.inputValue('#source_hostname')).toBe('hailataxii.com');
  expect(await page.inputValue('#source_polling_path')).toBe('');
  expect(await page.locator('etf-autofill-announcement').count()).toBe(0);
});

it('pastes a feed path alone where the person pasted it, as the page would: it holds no URL to split', async () => {
  const page = await openGatewayPage(ADD_SOURCE);
  await pasteInto(world.browser, page, '#source_polling_path', `/ctia/feed/${FEED_ID}/view`);
  await expect.poll(() => page.inputValue('#source_polling_path')).toBe(`/ctia/feed/${FEED_ID}/view`);
  expect(await page.inputValue('#source_hostname')).toBe('');
});

it('does nothing with a paste the page makes up; the person’s next paste fills', async () => {
  const page = await openGatewayPage(ADD_SOURCE);
  await page.evaluate((url) => {
    const data = new DataTransfer();
    data.setData('text/plain', url);
    document.getElementById('source_hostname')!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, OTHER_URL);
  // The person's paste comes after the made-up one: once it has filled the form, the made-up one had its turn.
  await pasteInto(world.browser, page, '#source_polling_path', FEED_URL);
  await expect.poll(() => page.inputValue('#source_collection_name')).toBe(SECRET);
  expect(await page.inputValue('#source_polling_path')).toBe(`/ctia/feed/${FEED_ID}/view`);
  const kept = await world.browser.inExtensionPage(() => chrome.storage.session.get('feeds'));
  expect((kept.feeds as { feedId: string }[]).map((feed) => feed.feedId)).toEqual([FEED_ID]);
});

/** A source made by hand with the classic mistakes: the port in Hostname, .txt, s=, HTTPS No, port 80. */
const HAND_MADE = editSource('hand-made');

it('names each mistake of a hand-made source beside its field; the person’s Fix corrects all five and submits nothing', async () => {
  const page = await openGatewayPage(HAND_MADE);
  await waitForNoteButton(page, 'Fix');
  expect(await noteTexts(page, 'alert')).toEqual([
    english('sourceCheckPortInHostname', '443'),
    english('sourceCheckTxtView'),
    english('sourceCheckSInCollectionName'),
    english('sourceCheckHttpsNotYes'),
    english('sourceCheckWrongPort', '443'),
  ]);
  expect(await noteButtonNames(page)).toEqual(['Fix']);
  const attempts = await guardPageSubmissions(page);

  // The page's own script pressing Fix changes nothing.
  expect(await scriptClickNoteButtons(page, /^Fix$/)).toBe(1);
  await page.waitForTimeout(500);
  expect(await page.inputValue('#source_hostname')).toBe('private.intel.amp.cisco.com:443');

  await clickNoteButton(page, 'Fix');
  await expect.poll(() => page.$eval('#add_source_form', formState)).toMatchObject(HAND_MADE_FIXED);
  await expect.poll(() => noteButtonNames(page)).toEqual([]);
  expect(await noteTexts(page, 'alert')).toEqual([]);
  expect(await attempts()).toEqual([]);
});

it('checks again as the person types: a correct feed source and a TAXII source get no word and no button', async () => {
  const correct = await openGatewayPage(editSource('correct'));
  // Typed wrong, the port is named; typed right again, the note goes: the check runs and finds nothing.
  await correct.fill('#poll_port', '80');
  await waitForNoteText(correct, english('sourceCheckWrongPort', '443'));
  await correct.fill('#poll_port', '443');
  await expect.poll(() => noteButtonNames(correct)).toEqual([]);
  expect(await noteTexts(correct, 'alert')).toEqual([]);

  const taxii = await openGatewayPage(editSource('taxii'));
  // A CTIA path typed in makes it a Cisco feed source, with words; the TAXII path back, none.
  await taxii.fill('#source_polling_path', `/ctia/feed/${FEED_ID}/view.txt`);
  await waitForNoteButton(taxii, 'Fix');
  await taxii.fill('#source_polling_path', '/taxii-data');
  await expect.poll(() => noteButtonNames(taxii)).toEqual([]);
  expect(await noteTexts(taxii, 'alert')).toEqual([]);
});

it('after a real Submit of a form it filled, the sources list says the source waits for Commit Changes, beside that control; the same feed pasted again is said to be there already', async () => {
  const page = await openGatewayPage(EDIT_SOURCE);
  await pasteInto(world.browser, page, '#source_hostname', FEED_URL);
  await expect.poll(() => page.inputValue('#source_collection_name')).toBe(SECRET);
  await Promise.all([page.waitForURL(`${GATEWAY}/mail_policies/etf/sources/`, { timeout: 10_000 }), page.click('input[type="submit"]')]);

  const reminder = english('gatewayCommitBeside', 'XDR_feed_8f2b1c3e');
  await waitForNoteText(page, reminder);
  expect(await noteTexts(page, 'alert')).toEqual([reminder]);
  expect(await page.$eval('#commit_changes', (link) => link.nextElementSibling?.localName)).toBe('etf-autofill-notice');

  // Where the feed went, in the popup.
  const popup = await world.browser.openPopup(page);
  await popup.waitForRole('textbox', 'Hostname');
  expect(await popup.evaluate<string>('document.body.innerText')).toMatch(/Added to dh1234-esa1\.iphmx\.com on /);
  await popup.close();

  // The same feed pasted into a new Add Source form: said first, filled only on a second paste.
  const again = await openGatewayPage(ADD_SOURCE);
  await pasteInto(world.browser, again, '#source_hostname', FEED_URL);
  const { role, lines } = await announcement(again);
  expect(role).toBe('alert');
  expect(lines[1]).toMatch(/^Already added to dh1234-esa1\.iphmx\.com as XDR_feed_8f2b1c3e/);
  expect(lines[2]).toBe(english('gatewayPasteAgain'));
  expect(await again.inputValue('#source_hostname')).toBe('');
  await pasteInto(world.browser, again, '#source_hostname', FEED_URL);
  await expect.poll(() => again.inputValue('#source_collection_name')).toBe(SECRET);
});
