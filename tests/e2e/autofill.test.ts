import type { Frame, Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { english } from '../support/english';
import { asyncOsFilled, formState } from '../support/form-state';
import { ONPREM_HTTP_HOST } from './support/fixture-server';
import { useExtensionBrowser } from './support/use-extension-browser';

const FEED_ID = 'feed-8f2b1c3e-5d4a-4e6f-9a7b-1c2d3e4f5a6b';
const SECRET = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const FEED_URL = `https://private.intel.amp.cisco.com/ctia/feed/${FEED_ID}/view.txt?s=${SECRET}`;
const TODAY = new Date().toISOString().slice(0, 10);
const FILLED_ALL = [
  'Filled 8 of 8 fields: Source Name, Description, Hostname, Polling Path, Collection Name, Use HTTPS, Polling Port, Configure User Credentials.',
  'Nothing was submitted: review the form, click Submit, then Commit Changes.',
].join('\n');
const NOT_A_FORM =
  "This page is not the gateway's Add Source form. Open Mail Policies → External Threat Feeds Manager → Add Source in this tab, then try again.";


/** Opens `url`, pastes the feed into the real popup and presses Autofill; returns the popup's report. */
const world = useExtensionBrowser();

async function autofillFrom(url: string): Promise<{ page: Page; status: string[]; alerts: string[] }> {
  const page = await world.browser.context.newPage();
  await page.goto(url);
  const popup = await world.browser.openPopup(page);
  await popup.pasteFeedUrl(FEED_URL);
  await popup.waitForEnabled('button', 'Autofill Add Source form');
  await popup.click('button', 'Autofill Add Source form');
  // Over plain HTTP the popup asks first, and fills only when the person says so.
  if (url.startsWith('http:')) {
    expect(await popup.textsOf('alert')).toEqual([english('autofillHttpWarning')]);
    expect(await page.$eval('form', (form) => [...form.querySelectorAll('input')].map((input) => input.value).join(''))).not.toContain(SECRET);
    await popup.click('button', english('autofillHttpConfirm'));
  }
  await expect.poll(() => popup.textsOf('status')).not.toEqual(['']);
  const report = { page, status: await popup.textsOf('status'), alerts: await popup.textsOf('alert') };
  await popup.close();
  return report;
}

/** Every named control of the page's form, read inside the page. */
function formIn(frame: Page | Frame, selector: string) {
  return frame.$eval(selector, formState);
}

const ASYNCOS_FILLED = asyncOsFilled({
  sourceName: 'XDR_feed_8f2b1c3e',
  description: `SecureX/XDR feed ${FEED_ID}, added ${TODAY} by ETF Autofill`,
  hostname: 'private.intel.amp.cisco.com',
  pollingPath: `/ctia/feed/${FEED_ID}/view`,
  collectionName: SECRET,
});

const RELABELLED_FILLED = {
  name: 'XDR_feed_8f2b1c3e',
  description: `SecureX/XDR feed ${FEED_ID}, added ${TODAY} by ETF Autofill`,
  host: 'private.intel.amp.cisco.com',
  path: `/ctia/feed/${FEED_ID}/view`,
  collection: SECRET,
  interval_h: '2',
  interval_m: '30',
  age: '3',
  span: '2',
  'https=yes': true,
  'https=no': false,
  port: '443',
  'proxy=yes': true,
  'proxy=no': false,
  'cred=yes': false,
  'cred=no': true,
  user: 'reader',
  pass: '',
};

it('fills the Cloud Gateway’s Add Source form through the real popup, and submits nothing', async () => {
  const { page, status, alerts } = await autofillFrom('https://dh1234-esa1.iphmx.com/mail_policies/etf/add_source/');
  expect(status).toEqual([FILLED_ALL]);
  expect(alerts).toEqual([]);
  expect(await formIn(page, '#add_source_form')).toEqual(ASYNCOS_FILLED);
  // The page's own script saw the change events: the credential fields are hidden again.
  expect(await page.locator('#credentials').isHidden()).toBe(true);
  expect(await page.evaluate(() => document.body.dataset.submitted)).toBeUndefined();
  expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value)).toBe('Submit');
  expect(page.url()).toBe('https://dh1234-esa1.iphmx.com/mail_policies/etf/add_source/');
});

it.each([
  ['HTTPS', 'https://esa.corp.example/etf/add_source/'],
  ['plain HTTP', `http://${ONPREM_HTTP_HOST}/etf/add_source/`],
])('fills an on-premises gateway’s relabelled form over %s, with the access the toolbar click grants', async (_, url) => {
  const { page, status } = await autofillFrom(url);
  expect(status).toEqual([FILLED_ALL]);
  expect(await formIn(page, '#etf-source')).toEqual(RELABELLED_FILLED);
  expect(await page.evaluate(() => document.body.dataset.submitted)).toBeUndefined();
});

it('fills the form inside a same-origin frame', async () => {
  const { page, status } = await autofillFrom('https://esa.corp.example/etf/framed/');
  expect(status).toEqual([FILLED_ALL]);
  expect(await formIn(page.frames()[1]!, '#etf-source')).toEqual(RELABELLED_FILLED);
});

it('refuses a form in a sandboxed frame and changes nothing', async () => {
  const page = await world.browser.context.newPage();
  await page.goto('https://esa.corp.example/etf/sandboxed/');
  await page.frames()[1]!.waitForSelector('#etf-source');
  const before = await formIn(page.frames()[1]!, '#etf-source');
  const popup = await world.browser.openPopup(page);
  await popup.pasteFeedUrl(FEED_URL);
  await expect.poll(async () => popup.callOn(await popup.waitForRole('button', 'Autofill Add Source form'), 'function () { return this.disabled; }')).toBe(true);
  await expect
    .poll(() => popup.evaluate<string>(`document.getElementById('autofill-reason').textContent`))
    .toBe('The Add Source form is inside a frame ETF Autofill may not change (another site, or sandboxed). Open the form in its own tab, then try again.');
  expect(await formIn(page.frames()[1]!, '#etf-source')).toEqual(before);
  await popup.close();
});

it('keeps Autofill disabled on a gateway page that is not the Add Source form, saying why', async () => {
  const page = await world.browser.context.newPage();
  await page.goto('https://esa.corp.example/etf/sources/');
  const popup = await world.browser.openPopup(page);
  await popup.pasteFeedUrl(FEED_URL);
  await expect.poll(() => popup.evaluate<string>(`document.getElementById('autofill-reason').textContent`)).toBe(NOT_A_FORM);
  expect(await popup.callOn(await popup.waitForRole('button', 'Autofill Add Source form'), 'function () { return this.disabled; }')).toBe(true);
  expect(await page.locator('input[name="q"]').inputValue()).toBe('');
  await popup.close();
});
