import type { Page } from 'playwright-core';
import { beforeEach, expect, it } from 'vitest';
import { FILL_COMMAND } from '@/utils/autofill/fill-command';
import { MAX_SEEN_FEEDS } from '@/utils/feeds/feeds-store';
import { english } from '../support/english';
import { formState } from '../support/form-state';
import { GATEWAY_HOST } from './support/gateway-session';
import { clickNoteButton, countNoteText, noteButtonNames, waitForNoteButton } from './support/in-page-notes';
import { forgetKnownGateways } from './support/known-gateways-page';
import { FIXTURE_FEEDS } from './support/local-world';
import { keptFeed, type KeptFeed, type StoredShape } from './support/kept-feed';
import { useExtensionBrowser } from './support/use-extension-browser';
import { copyFeedFromDetails, XDR_FEEDS } from './support/xdr-feeds';

// Markup proves nothing about the person; their acts do. A console page shows text outsiders
// write, rendered as sanitised HTML that keeps roles, labels and inline styles: a look-alike Feed
// Details view, an invisible note laid over the page. Only the person's copy (their Ctrl+C, or the
// console's own Copy button writing with the Clipboard API) chooses a feed; a console note's
// "Add to" asks in the extension's own window before anything is opened or filled.

const world = useExtensionBrowser();
const MASKED_XDR_FEEDS = 'https://xdr.eu.security.cisco.com/intelligence/feeds/';
const INCIDENT = 'https://xdr.us.security.cisco.com/incidents/lookalike/';
const GATEWAY = `https://${GATEWAY_HOST}`;
const ADD_SOURCE = `${GATEWAY}/mail_policies/etf/add_source/`;
const ADD_TO_GATEWAY = english('addToGateway', GATEWAY_HOST);
const [PHISHING, , HASHES] = FIXTURE_FEEDS;
/** How long a test watches for something that must not happen (a window, a tab). */
const QUIET_MS = 1_500;

beforeEach(() => world.browser.inExtensionPage(forgetKnownGateways));

async function keptFeeds(): Promise<KeptFeed[]> {
  const feeds = await world.browser.inExtensionPage(async () => ((await chrome.storage.session.get('feeds')).feeds ?? []) as StoredShape[]);
  return feeds.map(keptFeed);
}

/** The feed the popup would fill: the one acted on last. */
async function chosenSecret(): Promise<string | undefined> {
  return (await keptFeeds()).find((f) => f.acted)?.secret;
}

/** Fills the Cloud Gateway's form once from the popup with the chosen feed: the gateway is now known. */
async function fillGatewayFromPopup(): Promise<Page> {
  const gateway = await world.browser.context.newPage();
  await gateway.goto(ADD_SOURCE);
  const popup = await world.browser.openPopup(gateway);
  await popup.waitForEnabled('button', 'Autofill Add Source form');
  await popup.click('button', 'Autofill Add Source form');
  await expect.poll(() => popup.textsOf('status')).toEqual([expect.stringMatching(/^Filled 8 of 8 fields/)]);
  await popup.close();
  return gateway;
}

/** The person copies "Phishing domains" with the console's Copy button and fills the Cloud Gateway with it from the popup. */
async function phishingCopiedAndFilled(): Promise<{ feeds: Page; gateway: Page }> {
  const feeds = await world.browser.context.newPage();
  await feeds.goto(XDR_FEEDS);
  await copyFeedFromDetails(feeds, PHISHING.title);
  await expect.poll(chosenSecret).toBe(PHISHING.secret);
  return { feeds, gateway: await fillGatewayFromPopup() };
}

/** The browser's tabs that are not the extension's own pages. */
async function webTabs(): Promise<string[]> {
  const all = await world.browser.inExtensionPage(() => chrome.tabs.query({}));
  return all.filter((tab) => !tab.url?.startsWith('chrome-extension://')).map((tab) => tab.url ?? '');
}

/** The extension pages open in the browser (a confirmation window would be one). */
function extensionPages(): string[] {
  return world.browser.context.pages().map((page) => page.url()).filter((url) => url.startsWith('chrome-extension://') && !url.endsWith('/_generated_background_page.html'));
}

it('the console’s own Copy button (Clipboard API, URL masked in the page) chooses its feed, and the popup offers it', async () => {
  const page = await world.browser.context.newPage();
  await page.goto(MASKED_XDR_FEEDS);
  await copyFeedFromDetails(page, HASHES.title, 'Copy');
  await expect.poll(chosenSecret).toBe(HASHES.secret);
  expect(await keptFeeds()).toEqual([{ key: HASHES.id, title: HASHES.title, secret: HASHES.secret, acted: true, source: 'copy' }]);

  const gateway = await world.browser.context.newPage();
  await gateway.goto(ADD_SOURCE);
  const popup = await world.browser.openPopup(gateway);
  await popup.waitForEnabled('button', 'Autofill Add Source form');
  expect(await popup.evaluate('document.getElementById("autofill-reason").textContent')).toBe(english('autofillReady', GATEWAY_HOST, HASHES.title));
  await popup.close();
});

it('an outsider’s look-alike Feed Details view and invisible overlay choose nothing, offer nothing to press, and send nothing to the gateway', async () => {
  // The person copies a feed with the console's Copy button and fills the gateway once.
  const { gateway } = await phishingCopiedAndFilled();
  expect(await gateway.locator('#source_collection_name').inputValue()).toBe(PHISHING.secret);

  const incident = await world.browser.context.newPage();
  await incident.goto(INCIDENT);
  // Every URL the outsider wrote is listed as seen, with no action in its note.
  await expect.poll(() => countNoteText(incident, english('noticeSeenOnly'))).toBeGreaterThanOrEqual(3);
  expect(await noteButtonNames(incident)).toEqual([]);
  // The person clicks anywhere: on the invisible overlay, and on the look-alike view.
  const pagesBefore = world.browser.context.pages().length;
  await incident.mouse.click(400, 300);
  await incident.mouse.click(20, 20);
  await new Promise((settle) => setTimeout(settle, QUIET_MS));
  expect(world.browser.context.pages()).toHaveLength(pagesBefore);
  expect(extensionPages()).toEqual([]);

  const kept = await keptFeeds();
  expect(kept.filter((f) => f.acted).map((f) => f.secret)).toEqual([PHISHING.secret]);
  // The outsider's feeds are listed as seen (as many as are kept of such), none chosen.
  const planted = kept.filter((f) => f.key.startsWith('feed-0bad0bad'));
  expect(planted.map((f) => [f.acted, f.source])).toEqual(Array.from({ length: MAX_SEEN_FEEDS }, () => [false, 'page']));

  // The popup and the keyboard fill the person's feed, never the outsider's.
  await gateway.reload();
  const popup = await world.browser.openPopup(gateway);
  await popup.waitForEnabled('button', 'Autofill Add Source form');
  expect(await popup.evaluate('document.getElementById("autofill-reason").textContent')).toBe(english('autofillReady', GATEWAY_HOST, PHISHING.title));
  await popup.close();
  await gateway.bringToFront();
  await world.browser.runCommand(FILL_COMMAND, await world.browser.activeTab());
  await expect.poll(() => gateway.locator('#source_collection_name').inputValue()).toBe(PHISHING.secret);
});

it.each([
  ['swaps the selection while the person’s Ctrl+C is handled', '#swap', async (page: Page) => {
    await page.locator('#real-url').selectText();
    await page.keyboard.press('Control+C');
  }],
  ['copies a planted URL with execCommand inside the person’s click', '#exec', async (page: Page) => {
    await page.mouse.click(300, 300);
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.execCopied)).toBe('true');
  }],
])('a page script that %s chooses nothing', async (_, hash, act) => {
  const page = await world.browser.context.newPage();
  await page.goto(`${INCIDENT}${hash}`);
  await expect.poll(() => countNoteText(page, english('noticeSeenOnly'))).toBeGreaterThanOrEqual(3);
  await act(page);
  await new Promise((settle) => setTimeout(settle, QUIET_MS));
  expect((await keptFeeds()).filter((f) => f.acted)).toEqual([]);
});

it('a page that replays the extension’s start-up announcement leaves capture working', async () => {
  const page = await world.browser.context.newPage();
  await page.goto(INCIDENT);
  await expect.poll(() => page.evaluate(() => document.documentElement.dataset.replayed)).toBe('yes');
  await expect.poll(() => countNoteText(page, english('noticeSeenOnly'))).toBeGreaterThanOrEqual(3);
  // After the replay the person's copy is still seen, and its note drawn with its actions.
  await page.locator('#real-url').selectText();
  await page.keyboard.press('Control+C');
  await expect.poll(chosenSecret).toBe(PHISHING.secret);
  await waitForNoteButton(page, 'Copy Collection Name');
  expect(await countNoteText(page, english('noticeSeenOnly'))).toBeGreaterThanOrEqual(3);
});

it('Add to in the note of a feed the person copied fills nothing until the extension’s own window, naming the feed and the gateway, has its Add pressed', async () => {
  const { feeds, gateway } = await phishingCopiedAndFilled();
  await gateway.close();

  // Another feed, copied with Ctrl+C; its note offers Add to.
  await feeds.bringToFront();
  await feeds.getByRole('button', { name: 'Close' }).click();
  await feeds.getByRole('link', { name: HASHES.title }).click();
  await feeds.locator('.url-pieces').selectText();
  await feeds.keyboard.press('Control+C');
  await expect.poll(chosenSecret).toBe(HASHES.secret);
  const tabsBefore = await webTabs();

  const confirmation = world.browser.context.waitForEvent('page', { timeout: 10_000, predicate: (page) => page.url().includes('/confirm-add.html') });
  await clickNoteButton(feeds, ADD_TO_GATEWAY);
  const confirmWindow = await confirmation;
  await confirmWindow.getByRole('button', { name: ADD_TO_GATEWAY }).waitFor({ timeout: 10_000 });
  const shown = await confirmWindow.locator('dl').innerText();
  expect(shown).toContain(HASHES.title);
  expect(shown).toContain(`${HASHES.id.slice(0, 13)}…`);
  expect(shown).toContain(GATEWAY_HOST);
  expect(shown).not.toContain(HASHES.secret);
  // Nothing opened while the window waits.
  await new Promise((settle) => setTimeout(settle, QUIET_MS));
  expect(await webTabs()).toEqual(tabsBefore);

  const opened = world.browser.context.waitForEvent('page', { timeout: 10_000, predicate: (page) => page.url().startsWith(GATEWAY) });
  await confirmWindow.getByRole('button', { name: ADD_TO_GATEWAY }).click();
  const added = await opened;
  await expect.poll(() => added.locator('#source_collection_name').inputValue()).toBe(HASHES.secret);
  expect(await added.$eval('#add_source_form', formState)).toMatchObject({
    source_hostname: HASHES.host,
    source_polling_path: `/ctia/feed/${HASHES.id}/view`,
    source_collection_name: HASHES.secret,
  });
  expect(added.url()).toBe(ADD_SOURCE);
  expect(confirmWindow.isClosed()).toBe(true);
});
