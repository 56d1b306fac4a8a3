import type { Page } from 'puppeteer-core';
import { expect, it } from 'vitest';
import { english } from '../support/english';
import { asyncOsFilled, formState, guardPageSubmissions, HAND_MADE_FIXED } from '../support/form-state';
import { waitForGatewayScript } from './support/gateway-script';
import { clickNoteButton, noteButtonNames, noteTexts, scriptClickNoteButton } from './support/in-page-notes';
import { announcement, byRole, valueOf } from './support/pages';
import { pasteInto } from './support/person-acts';
import { useFirefoxWithExtension } from './support/use-firefox';

// ETF Autofill on the gateway's own pages, in Firefox as in Chromium: the person's paste of a feed
// URL into the Add/Edit Source form fills it, a hand-made Cisco feed source is checked as it stands
// (with one Fix), and an on-premises gateway gets the gateway script once the person has filled it
// from the popup and allowed it, until they forget it.

const GATEWAY = 'https://dh1234-esa1.iphmx.com';
const ADD_SOURCE = `${GATEWAY}/mail_policies/etf/add_source/`;
const HAND_MADE = `${GATEWAY}/mail_policies/etf/edit_source/?source=hand-made`;
const ON_PREM_HOST = 'esa.corp.example';
const ON_PREM_ADD_SOURCE = `https://${ON_PREM_HOST}/etf/add_source/`;
const FEED_ID = 'feed-8f2b1c3e-5d4a-4e6f-9a7b-1c2d3e4f5a6b';
const SECRET = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const FEED_URL = `https://private.intel.amp.cisco.com/ctia/feed/${FEED_ID}/view.txt?s=${SECRET}`;
const FEED_PATH = `/ctia/feed/${FEED_ID}/view`;
const TODAY = new Date().toISOString().slice(0, 10);
const PASSWORD = 'taxii-password-typed-by-the-admin';
const FILLED_ALL = [
  'Filled 8 of 8 fields: Source Name, Description, Hostname, Polling Path, Collection Name, Use HTTPS, Polling Port, Configure User Credentials.',
  'Nothing was submitted: review the form, click Submit, then Commit Changes.',
];
/** How long a test watches for something that must not happen (a fill, a field changed). */
const QUIET_MS = 1_500;

const world = useFirefoxWithExtension();

/** Browses to `url` in the tab in front (the tab the popup acts on). */
async function open(url: string): Promise<Page> {
  await world.firefox.tab.goto(url);
  return world.firefox.tab;
}

/** An External Threat Feeds page in the tab in front, once the gateway script watches it. */
async function openGatewayPage(url: string): Promise<Page> {
  const page = await open(url);
  await waitForGatewayScript(world.firefox.extensionPage, page);
  return page;
}

/** The person's paste of `text` into the field matching `selector`. */
async function paste(page: Page, selector: string, text: string): Promise<void> {
  const field = await page.waitForSelector(selector, { timeout: 10_000 });
  await pasteInto(world.firefox.extensionPage, field!, text);
}

const fieldValue = (page: Page, selector: string) => page.$eval(selector, (field) => (field as HTMLInputElement).value);
const inPageAlerts = (page: Page) => noteTexts(page, '[role="alert"]');
const popupStatus = (popup: Page) => popup.evaluate(() => [...document.querySelectorAll('[role="status"]')].map((e) => e.textContent!.trim()));

it('splits a feed URL pasted with words around it into the form, as Autofill would; submits nothing; the popup then offers that feed', async () => {
  const page = await openGatewayPage(ADD_SOURCE);
  await page.type('#cc_auth_pass', PASSWORD);
  const attempts = await guardPageSubmissions(page);
  await paste(page, '#source_hostname', `Feed URL: <${FEED_URL}> (Observables)`);

  await expect.poll(() => page.$eval('#add_source_form', formState)).toEqual(
    asyncOsFilled(
      {
        sourceName: 'XDR_feed_8f2b1c3e',
        description: `SecureX/XDR feed ${FEED_ID}, added ${TODAY} by ETF Autofill`,
        hostname: 'private.intel.amp.cisco.com',
        pollingPath: FEED_PATH,
        collectionName: SECRET,
      },
      PASSWORD,
    ),
  );
  expect(await announcement(page)).toEqual({ role: 'status', lines: ['ETF Autofill', english('commandFrom', english('feedUntitled', '8f2b1c3e')), ...FILLED_ALL] });
  expect(await attempts()).toEqual([]);

  const popup = await world.firefox.openPopup();
  expect(await valueOf(popup, 'Polling Path')).toBe(FEED_PATH);
});

it('pastes ordinary text as the page would, and splits nothing', async () => {
  const page = await openGatewayPage(ADD_SOURCE);
  await paste(page, '#source_hostname', 'hailataxii.com');
  await expect.poll(() => fieldValue(page, '#source_hostname')).toBe('hailataxii.com');
  await new Promise((settle) => setTimeout(settle, QUIET_MS));
  expect(await fieldValue(page, '#source_polling_path')).toBe('');
  expect(await page.$$eval('etf-autofill-announcement', (found) => found.length)).toBe(0);
});

it('names each mistake of a hand-made source beside its field; a script’s click on Fix does nothing, the person’s corrects all five and submits nothing', async () => {
  const page = await openGatewayPage(HAND_MADE);
  await expect.poll(() => noteButtonNames(page)).toEqual(['Fix']);
  expect(await inPageAlerts(page)).toEqual([
    english('sourceCheckPortInHostname', '443'),
    english('sourceCheckTxtView'),
    english('sourceCheckSInCollectionName'),
    english('sourceCheckHttpsNotYes'),
    english('sourceCheckWrongPort', '443'),
  ]);
  const attempts = await guardPageSubmissions(page);

  // The page's own script pressing Fix changes nothing.
  await scriptClickNoteButton(page, 'Fix');
  await new Promise((settle) => setTimeout(settle, QUIET_MS));
  expect(await fieldValue(page, '#source_hostname')).toBe('private.intel.amp.cisco.com:443');

  await clickNoteButton(page, 'Fix');
  await expect.poll(() => page.$eval('#add_source_form', formState)).toMatchObject(HAND_MADE_FIXED);
  await expect.poll(() => noteButtonNames(page)).toEqual([]);
  expect(await inPageAlerts(page)).toEqual([]);
  expect(await attempts()).toEqual([]);
});

it('an on-premises gateway filled from the popup and allowed there gets the paste split on its pages; forgotten on the options page, a paste is plain text again', async () => {
  // The person fills the gateway once from the popup, with a feed pasted there, and allows it from the fill report.
  const gateway = await open(ON_PREM_ADD_SOURCE);
  const popup = await world.firefox.openPopup();
  await pasteInto(world.firefox.extensionPage, await byRole(popup, 'textbox', english('popupFeedUrl')), FEED_URL);
  const autofill = await byRole(popup, 'button', 'Autofill Add Source form');
  await expect.poll(() => autofill.evaluate((button) => (button as HTMLButtonElement).disabled)).toBe(false);
  await autofill.click();
  await expect.poll(() => popupStatus(popup)).toEqual([FILLED_ALL.join('\n')]);
  await (await byRole(popup, 'button', english('fillOfferConsole'))).click();
  await expect.poll(() => popupStatus(popup)).toEqual([english('fillOfferGranted', ON_PREM_HOST)]);
  await popup.close();

  // Opened again (its form empty), the page has the gateway script: a paste of the feed URL fills the form.
  await openGatewayPage(ON_PREM_ADD_SOURCE);
  expect(await fieldValue(gateway, '#etf-host')).toBe('');
  await paste(gateway, '#etf-host', FEED_URL);
  await expect.poll(() => fieldValue(gateway, '#etf-collection')).toBe(SECRET);
  expect(await fieldValue(gateway, '#etf-host')).toBe('private.intel.amp.cisco.com');
  expect(await fieldValue(gateway, '#etf-path')).toBe(FEED_PATH);
  expect(await gateway.evaluate(() => document.body.dataset.submitted)).toBeUndefined();

  // Forgotten on the options page, the gateway's pages have no script: the same paste lands as it is.
  const options = await world.firefox.openOptions();
  await (await byRole(options, 'button', english('optionsGatewayRemove', ON_PREM_HOST))).click();
  await expect.poll(() => options.evaluate(() => document.querySelector('#gateways-heading ~ [role="status"]')?.textContent)).toBe(
    english('optionsGatewayRemoved', ON_PREM_HOST),
  );
  await options.close();
  await open(ON_PREM_ADD_SOURCE);
  // Long enough for a script still there to have started watching the page.
  await new Promise((settle) => setTimeout(settle, QUIET_MS));
  await paste(gateway, '#etf-host', FEED_URL);
  await expect.poll(() => fieldValue(gateway, '#etf-host')).toBe(FEED_URL);
  await new Promise((settle) => setTimeout(settle, QUIET_MS));
  expect(await fieldValue(gateway, '#etf-collection')).toBe('');
  expect(await fieldValue(gateway, '#etf-path')).toBe('');
});
