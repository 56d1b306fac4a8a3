import type { Page } from 'puppeteer-core';
import { expect, it } from 'vitest';
import { MAX_SEEN_FEEDS } from '../../utils/feeds/feeds-store';
import { english } from '../support/english';
import { formState } from '../support/form-state';
import { GATEWAY_HOST } from '../e2e/support/gateway-session';
import { FIXTURE_FEEDS } from '../e2e/support/local-world';
import { waitUntil } from '../e2e/support/wait';
import { isOpen } from './support/bidi';
import { clickNoteButton, noteButtonNames, noteTexts } from './support/in-page-notes';
import { chosenSecret, keptFeeds } from './support/kept-feeds';
import { byRole } from './support/pages';
import { copySelection, copyWithConsoleButton, extensionWindow } from './support/person-acts';
import { useFirefoxWithExtension } from './support/use-firefox';

// Markup proves nothing about the person; their acts do. A console page shows text outsiders
// write, rendered as sanitised HTML that keeps roles, labels and inline styles: a look-alike Feed
// Details view, an invisible note laid over the page. Only the person's copy (their Ctrl+C, or the
// console's own Copy button writing with the Clipboard API) chooses a feed; a console note's
// "Add to" asks in the extension's own window before anything is opened or filled. In Firefox, as
// in Chromium.

const world = useFirefoxWithExtension();
const XDR_FEEDS = 'https://xdr.us.security.cisco.com/intelligence/feeds/';
const MASKED_XDR_FEEDS = 'https://xdr.eu.security.cisco.com/intelligence/feeds/';
const INCIDENT = 'https://xdr.us.security.cisco.com/incidents/lookalike/';
const ADD_SOURCE = `https://${GATEWAY_HOST}/mail_policies/etf/add_source/`;
const ADD_TO_GATEWAY = english('addToGateway', GATEWAY_HOST);
const SEEN_ONLY = english('noticeSeenOnly');
/**
 * The feed URLs outsiders wrote on the incident page: the look-alike view's, the overlay's, the two
 * the meddling scripts plant, and 21 more look-alikes. The page also shows the analyst's own
 * (#real-url): a note for each of the 26. The tests wait for all of them, so that no capture is
 * still on its way when the page is left (Firefox logs an error in the page's console for an
 * extension call that settles in a page no longer shown).
 */
const OUTSIDER_URLS = 25;
const [PHISHING, , HASHES] = FIXTURE_FEEDS;
/** How long a test watches for something that must not happen (a window, a tab). */
const QUIET_MS = 1_500;

const kept = () => keptFeeds(world.firefox.extensionPage);
const chosen = () => chosenSecret(world.firefox.extensionPage);

/** Browses to `url` in the tab in front (the tab the popup acts on). */
async function open(url: string): Promise<Page> {
  await world.firefox.tab.goto(url);
  return world.firefox.tab;
}

/** How many of the page's notes say that their feed was only seen. */
const seenOnlyNotes = async (page: Page) => (await noteTexts(page, '.etf-notice .title')).filter((title) => title === SEEN_ONLY).length;

/** The extension's own pages open in the browser besides the one the tests keep (the confirmation window would be one). */
async function otherExtensionPages(): Promise<string[]> {
  const urls = await Promise.all(
    (await world.firefox.browser.pages())
      .filter((page) => page !== world.firefox.extensionPage)
      .map((page) => page.evaluate(() => location.href).catch(() => '')),
  );
  return urls.filter((url) => url.startsWith('moz-extension://'));
}

/** What the popup says under Autofill over the gateway's Add Source form, once Autofill is enabled. */
async function autofillReadiness(): Promise<string> {
  const popup = await world.firefox.openPopup();
  try {
    const autofill = await byRole(popup, 'button', 'Autofill Add Source form');
    await waitUntil('Autofill to be enabled', () => autofill.evaluate((button) => ((button as HTMLButtonElement).disabled ? undefined : true)));
    return await popup.evaluate(() => document.getElementById('autofill-reason')?.textContent ?? '');
  } finally {
    await popup.close();
  }
}

/** Opens the Cloud Gateway's Add Source form in the tab in front and presses Autofill in the popup: the gateway is known from then on. */
async function fillGatewayFromPopup(): Promise<Page> {
  const gateway = await open(ADD_SOURCE);
  const popup = await world.firefox.openPopup();
  const autofill = await byRole(popup, 'button', 'Autofill Add Source form');
  await waitUntil('Autofill to be enabled', () => autofill.evaluate((button) => ((button as HTMLButtonElement).disabled ? undefined : true)));
  await autofill.click();
  await expect.poll(() => popup.evaluate(() => document.querySelector('[role="status"]')?.textContent ?? '')).toMatch(/^Filled 8 of 8 fields/);
  await popup.close();
  return gateway;
}

const collectionName = (gateway: Page) => gateway.$eval('#source_collection_name', (field) => (field as HTMLInputElement).value);

it('the console’s own Copy button (Clipboard API, through a reference the page kept; URL masked in the page) chooses its feed, and the popup offers it', async () => {
  const page = await open(MASKED_XDR_FEEDS);
  await copyWithConsoleButton(page, HASHES.title, 'Copy');
  await expect.poll(chosen).toBe(HASHES.secret);
  expect(await kept()).toEqual([{ key: HASHES.id, title: HASHES.title, secret: HASHES.secret, acted: true, source: 'copy' }]);
  await expect.poll(() => noteTexts(page, '.etf-notice .title')).toEqual([english('noticeCaptured')]);

  await open(ADD_SOURCE);
  expect(await autofillReadiness()).toBe(english('autofillReady', GATEWAY_HOST, HASHES.title));
});

it('an outsider’s look-alike Feed Details view and invisible overlay choose nothing, offer nothing to press, and send nothing to the gateway', async () => {
  // The person copies a feed with the console's Copy button and fills the gateway once.
  await copyWithConsoleButton(await open(XDR_FEEDS), PHISHING.title, 'Copy feed URL');
  await expect.poll(chosen).toBe(PHISHING.secret);
  expect(await collectionName(await fillGatewayFromPopup())).toBe(PHISHING.secret);

  const incident = await open(INCIDENT);
  // Every URL the outsider wrote is listed as seen; the analyst's URL of the person's feed has a note
  // that says it is captured. No note offers an action.
  await expect.poll(() => seenOnlyNotes(incident)).toBe(OUTSIDER_URLS);
  expect(await noteTexts(incident, '.etf-notice .title')).toHaveLength(OUTSIDER_URLS + 1);
  expect(await noteButtonNames(incident)).toEqual([]);
  // The person clicks anywhere: on the invisible overlay, and on the look-alike view.
  const pagesBefore = (await world.firefox.browser.pages()).length;
  await incident.mouse.click(400, 300);
  await incident.mouse.click(20, 20);
  await new Promise((settle) => setTimeout(settle, QUIET_MS));
  expect(await world.firefox.browser.pages()).toHaveLength(pagesBefore);
  expect(await otherExtensionPages()).toEqual([]);

  const feeds = await kept();
  expect(feeds.filter((f) => f.acted).map((f) => f.secret)).toEqual([PHISHING.secret]);
  // The outsider's feeds are listed as seen (as many as are kept of such), none chosen.
  const planted = feeds.filter((f) => f.key.startsWith('feed-0bad0bad'));
  expect(planted.map((f) => [f.acted, f.source])).toEqual(Array.from({ length: MAX_SEEN_FEEDS }, () => [false, 'page']));

  // The popup fills the person's feed, never the outsider's.
  const gateway = await open(ADD_SOURCE);
  expect(await autofillReadiness()).toBe(english('autofillReady', GATEWAY_HOST, PHISHING.title));
  await fillGatewayFromPopup();
  expect(await collectionName(gateway)).toBe(PHISHING.secret);
});

it.each([
  ['swaps the selection while the person’s Ctrl+C is handled', '#swap', (page: Page) => copySelection(page, '#real-url')],
  [
    'copies a planted URL with execCommand inside the person’s click',
    '#exec',
    async (page: Page) => {
      await page.mouse.click(300, 300);
      await expect.poll(() => page.evaluate(() => document.documentElement.dataset.execCopied)).toBe('true');
    },
  ],
])('a page script that %s chooses nothing', async (_, hash, act) => {
  const page = await open(`${INCIDENT}${hash}`);
  await expect.poll(() => seenOnlyNotes(page)).toBe(OUTSIDER_URLS + 1);
  await act(page);
  await new Promise((settle) => setTimeout(settle, QUIET_MS));
  expect((await kept()).filter((f) => f.acted)).toEqual([]);
});

it('a page that replays the extension’s start-up announcement leaves capture working', async () => {
  const page = await open(INCIDENT);
  await expect.poll(() => page.evaluate(() => document.documentElement.dataset.replayed)).toBe('yes');
  await expect.poll(() => seenOnlyNotes(page)).toBe(OUTSIDER_URLS + 1);
  // After the replay the person's copy is still seen, and its note (the one by #real-url) drawn with its actions.
  await copySelection(page, '#real-url');
  await expect.poll(chosen).toBe(PHISHING.secret);
  await expect.poll(() => noteButtonNames(page)).toEqual(['Copy Hostname', 'Copy Polling Path', 'Copy Collection Name']);
  expect(await seenOnlyNotes(page)).toBe(OUTSIDER_URLS);
});

it('Add to in the note of a feed the person copied fills nothing until the extension’s own window, naming the feed and the gateway, has its Add pressed', async () => {
  await copyWithConsoleButton(await open(XDR_FEEDS), PHISHING.title, 'Copy feed URL');
  await expect.poll(chosen).toBe(PHISHING.secret);
  await fillGatewayFromPopup();

  // Another feed, copied with Ctrl+C; its note offers Add to.
  const feeds = await open(XDR_FEEDS);
  await (await byRole(feeds, 'link', HASHES.title)).click();
  await copySelection(feeds, '.url-pieces');
  await expect.poll(chosen).toBe(HASHES.secret);
  await expect.poll(() => noteButtonNames(feeds)).toContain(ADD_TO_GATEWAY);
  const pagesBefore = await world.firefox.browser.pages();

  // The person's real click on Add to opens the extension's window, and nothing else.
  await clickNoteButton(feeds, ADD_TO_GATEWAY);
  const confirmWindow = await extensionWindow(world.firefox.browser, '/confirm-add.html', pagesBefore);
  const add = await byRole(confirmWindow, 'button', ADD_TO_GATEWAY);
  const shown = await confirmWindow.evaluate(() => document.querySelector('dl')!.innerText);
  expect(shown).toContain(HASHES.title);
  expect(shown).toContain(`${HASHES.id.slice(0, 13)}…`);
  expect(shown).toContain(GATEWAY_HOST);
  expect(shown).not.toContain(HASHES.secret);
  await expect.poll(() => noteTexts(feeds, '[role="status"]')).toContain(english('addToConfirmInWindow'));
  // Nothing opened while the window waits.
  await new Promise((settle) => setTimeout(settle, QUIET_MS));
  expect(await world.firefox.browser.pages()).toHaveLength(pagesBefore.length + 1);
  expect(await isOpen(confirmWindow)).toBe(true);

  // The window's Add, pressed with a real click, opens the gateway's form and fills it.
  const opened = world.firefox.browser.waitForTarget((target) => target.url() === ADD_SOURCE, { timeout: 10_000 });
  await add.click();
  const added = (await (await opened).page())!;
  await expect.poll(() => collectionName(added)).toBe(HASHES.secret);
  expect(await added.$eval('#add_source_form', formState)).toMatchObject({
    source_hostname: HASHES.host,
    source_polling_path: `/ctia/feed/${HASHES.id}/view`,
    source_collection_name: HASHES.secret,
  });
  expect(added.url()).toBe(ADD_SOURCE);
  expect(await added.evaluate(() => document.body.dataset.submitted)).toBeUndefined();
  // Filled from the console, in a form the person has not looked at yet: focus is off Submit.
  expect(await added.evaluate(() => [document.activeElement === document.querySelector('#add_source_form input[type="submit"]'), document.activeElement?.localName])).toEqual([false, 'body']);
  // The window closed itself once the gateway was on its way.
  await expect.poll(() => isOpen(confirmWindow)).toBe(false);
});
