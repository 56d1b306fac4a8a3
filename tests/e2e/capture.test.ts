import { expect, it } from 'vitest';
import { english } from '../support/english';

import { countNoteText, noteButtonNames, noteTexts } from './support/in-page-notes';
import { useExtensionBrowser } from './support/use-extension-browser';
import { copyFeedFromDetails, XDR_FEEDS } from './support/xdr-feeds';
import { screenshotPath } from './support/screenshots';

const CAPTURED = 'Feed captured for the email gateway';

const world = useExtensionBrowser();

async function openFeedsPage() {
  const page = await world.browser.context.newPage();
  await page.goto(XDR_FEEDS);
  return page;
}

it('opening Feed Details only lists the feed as seen; the console’s Copy button captures it: the page confirms it and the popup shows it', async () => {
  const page = await openFeedsPage();
  await page.getByRole('link', { name: 'Phishing domains' }).click();
  await expect.poll(() => countNoteText(page, english('noticeSeenOnly'))).toBe(1);
  expect(await noteButtonNames(page)).toEqual([]);
  await page.getByRole('button', { name: 'Copy feed URL' }).click();
  await expect.poll(() => countNoteText(page, CAPTURED)).toBe(1);
  expect(await countNoteText(page, english('noticeSeenOnly'))).toBe(0);
  expect((await noteTexts(page, 'alert')).length).toBe(0);

  const popup = await world.browser.openPopup(page);
  await popup.waitForRole('textbox', 'Hostname');
  expect(await popup.namesOf('radio')).toEqual([expect.stringMatching(/^Phishing domains US · copied on xdr\.us\.security\.cisco\.com · /)]);
  expect(await popup.valueOf('Hostname')).toBe('private.intel.amp.cisco.com');
  expect(await popup.valueOf('Polling Path')).toBe('/ctia/feed/feed-8f2b1c3e-5d4a-4e6f-9a7b-1c2d3e4f5a6b/view');
  expect(await popup.valueOf('Collection Name')).toBe('0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d');
  expect(await popup.textsOf('alert')).toEqual([]);
  await popup.close();
  expect(await world.browser.inExtensionPage(() => chrome.action.getBadgeText({}))).toBe('1');
});

it('a feed whose Output is Judgements is flagged in the page, the popup and the badge', async () => {
  const page = await openFeedsPage();
  await copyFeedFromDetails(page, 'C2 IP addresses');
  await expect.poll(() => countNoteText(page, CAPTURED)).toBe(1);
  await expect.poll(() => noteTexts(page, 'alert')).toEqual([english('judgementsOutput')]);
  await page.locator('.drawer').screenshot({ path: screenshotPath('in-page-judgements.png') });

  const popup = await world.browser.openPopup(page);
  await popup.waitForRole('textbox', 'Hostname');
  expect(await popup.namesOf('radio')).toEqual([expect.stringMatching(/^C2 IP addresses Judgements US · /)]);
  expect(await popup.textsOf('alert')).toEqual([english('judgementsOutput')]);
  expect(await popup.valueOf('Polling Path')).toBe('/ctia/feed/feed-1e0c9d8b-7a6f-4e5d-8c4b-3a2f1e0d9c8b/view');
  await popup.close();
  expect(await world.browser.inExtensionPage(() => chrome.action.getBadgeBackgroundColor({}))).toEqual([180, 35, 24, 255]);
});

it('a feed in the Feeds list of a Threat Response indicator is listed as seen, its note offers no action, and the person’s copy chooses it', async () => {
  const page = await world.browser.context.newPage();
  await page.goto('https://visibility.amp.cisco.com/intelligence/indicators/');
  await page.getByRole('button', { name: 'Feeds' }).click();
  await expect.poll(() => countNoteText(page, english('noticeSeenOnly'))).toBe(1);

  let popup = await world.browser.openPopup(page);
  await popup.waitForRole('radio');
  expect(await popup.namesOf('radio')).toEqual([
    expect.stringMatching(/^Phishing kit domains \(EU gateways\) US · seen in page text on visibility\.amp\.cisco\.com · /),
  ]);
  // Seen, not chosen: no fields until the person picks it.
  expect(await popup.queryRole('textbox', 'Hostname')).toEqual([]);
  await popup.close();

  expect(await noteButtonNames(page)).toEqual([]);
  await page.locator('a[href*="/ctia/feed/"]').selectText();
  await page.keyboard.press('Control+C');
  await expect.poll(() => countNoteText(page, CAPTURED)).toBe(1);
  expect(await noteButtonNames(page)).toEqual(['Copy Hostname', 'Copy Polling Path', 'Copy Collection Name']);
  popup = await world.browser.openPopup(page);
  await popup.waitForRole('textbox', 'Hostname');
  expect(await popup.valueOf('Polling Path')).toBe('/ctia/feed/feed-5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d/view');
  expect(await popup.valueOf('Collection Name')).toBe('1b4e28ba-2fa1-41d2-883f-0016d3cca427');
  await popup.close();
});

it('copying a URL the page draws in pieces captures it', async () => {
  const page = await openFeedsPage();
  await page.getByRole('link', { name: 'Malware hashes' }).click();
  const pieces = page.locator('.url-pieces');
  await pieces.waitFor();
  expect(await countNoteText(page, CAPTURED)).toBe(0);

  await pieces.selectText();
  await page.keyboard.press('Control+C');
  await expect.poll(() => countNoteText(page, CAPTURED)).toBe(1);

  const popup = await world.browser.openPopup(page);
  await popup.waitForRole('textbox', 'Hostname');
  expect(await popup.namesOf('radio')).toEqual([expect.stringMatching(/^Malware hashes EU · copied on xdr\.us\.security\.cisco\.com · /)]);
  expect(await popup.valueOf('Hostname')).toBe('private.intel.eu.amp.cisco.com');
  expect(await popup.valueOf('Collection Name')).toBe('2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f');
  await popup.close();
});

it.each([
  {
    form: 'XDR custom dropdown',
    url: 'https://xdr.us.security.cisco.com/intelligence/feeds/new/',
    startsWithAlert: true,
    choose: async (page: import('playwright-core').Page, output: 'Observables' | 'Judgments') => {
      await page.getByRole('combobox', { name: 'Output' }).click();
      await page.getByRole('option', { name: output }).click();
    },
  },
  {
    form: 'Threat Response select',
    url: 'https://visibility.amp.cisco.com/intelligence/feeds/edit/',
    startsWithAlert: false,
    choose: (page: import('playwright-core').Page, output: 'Observables' | 'Judgments') =>
      page.getByLabel('Output').selectOption(output === 'Judgments' ? 'judgements' : 'observables').then(() => undefined),
  },
  {
    form: 'SecureX radio group',
    url: 'https://securex.eu.security.cisco.com/intelligence/feeds/new/',
    startsWithAlert: true,
    choose: (page: import('playwright-core').Page, output: 'Observables' | 'Judgments') => page.getByRole('radio', { name: output }).check(),
  },
])('$form: the alert shows while Output is Judgements and goes when Observables is chosen', async ({ url, startsWithAlert, choose }) => {
  const page = await world.browser.context.newPage();
  await page.goto(url);
  const alerts = () => noteTexts(page, 'alert');
  if (startsWithAlert) {
    await expect.poll(alerts).toEqual([english('judgementsForm')]);
  } else {
    await page.getByText('Save').waitFor();
    await choose(page, 'Judgments');
    await expect.poll(alerts).toEqual([english('judgementsForm')]);
  }
  await choose(page, 'Observables');
  await expect.poll(alerts).toEqual([]);
  await choose(page, 'Judgments');
  await expect.poll(alerts).toEqual([english('judgementsForm')]);
});

it('captured feeds survive the service worker stopping', async () => {
  const page = await openFeedsPage();
  await copyFeedFromDetails(page, 'Phishing domains');
  await expect.poll(() => countNoteText(page, CAPTURED)).toBe(1);
  await page.getByRole('button', { name: 'Close' }).click();
  await copyFeedFromDetails(page, 'C2 IP addresses');
  await expect.poll(() => countNoteText(page, CAPTURED)).toBe(1);

  await world.browser.stopServiceWorker();

  const popup = await world.browser.openPopup(page);
  await popup.waitForRole('textbox', 'Hostname');
  expect(await popup.namesOf('radio')).toEqual([
    expect.stringMatching(/^C2 IP addresses Judgements US · /),
    expect.stringMatching(/^Phishing domains US · /),
  ]);
  await popup.close();
});
