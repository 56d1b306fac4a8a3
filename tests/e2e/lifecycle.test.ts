import { expect, it } from 'vitest';
import { countNoteText, waitForNoteText } from './support/in-page-notes';
import { FIXTURE_FEEDS } from './support/local-world';
import { useExtensionBrowser } from './support/use-extension-browser';
import { copyFeedFromDetails, XDR_FEEDS } from './support/xdr-feeds';

const world = useExtensionBrowser();
const CAPTURED = 'Feed captured for the email gateway';
const PHISHING = FIXTURE_FEEDS[0];

it('a feed captured before the service worker stops is the one Autofill fills in after', async () => {
  const consolePage = await world.browser.context.newPage();
  await consolePage.goto(XDR_FEEDS);
  await copyFeedFromDetails(consolePage, PHISHING.title);
  await waitForNoteText(consolePage, CAPTURED);

  await world.browser.stopServiceWorker();

  const gateway = await world.browser.context.newPage();
  await gateway.goto('https://dh1234-esa1.iphmx.com/mail_policies/etf/add_source/');
  const popup = await world.browser.openPopup(gateway);
  await popup.waitForEnabled('button', 'Autofill Add Source form');
  await popup.click('button', 'Autofill Add Source form');
  await expect.poll(() => popup.textsOf('status')).toEqual([expect.stringMatching(/^Filled 8 of 8 fields/)]);
  expect(await gateway.locator('#source_collection_name').inputValue()).toBe(PHISHING.secret);
  expect(await gateway.locator('#source_name').inputValue()).toBe('Phishing_domains');
  await popup.close();
});

it('detection keeps working across the console’s own navigations (history.pushState)', async () => {
  const page = await world.browser.context.newPage();
  await page.goto(XDR_FEEDS);
  await page.evaluate(() => history.pushState({}, '', '/intelligence/feeds/?page=2'));
  await copyFeedFromDetails(page, 'C2 IP addresses');
  await waitForNoteText(page, CAPTURED);
  await page.evaluate(() => history.back());
  await page.getByRole('button', { name: 'Close' }).click();
  await copyFeedFromDetails(page, PHISHING.title);
  await expect.poll(() => countNoteText(page, CAPTURED)).toBe(1);
  const captured = await world.browser.inExtensionPage(async () => (await chrome.storage.session.get('feeds')).feeds as { title: string }[]);
  expect(captured.map((f) => f.title)).toEqual(['Phishing domains', 'C2 IP addresses']);
});
