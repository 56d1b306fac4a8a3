import type { Page } from 'puppeteer-core';
import { expect, it } from 'vitest';
import { english } from '../support/english';
import { asyncOsFilled, formState } from '../support/form-state';
import { waitUntil } from '../e2e/support/wait';
import { clickNoteButton, noteButtonNames, noteTexts, scriptClickNoteButton } from './support/in-page-notes';
import { announcement, byRole, readClipboard, textsInPage, valueOf } from './support/pages';
import { copySelection, copyWithConsoleButton, extensionWindow } from './support/person-acts';
import { addGatewaySession, GATEWAY_SIGN_IN_PATH } from '../e2e/support/gateway-session';
import { useFirefoxWithExtension } from './support/use-firefox';

const XDR_FEEDS = 'https://xdr.us.security.cisco.com/intelligence/feeds/';
const CLOUD_GATEWAY_ADD_SOURCE = 'https://dh1234-esa1.iphmx.com/mail_policies/etf/add_source/';
const PHISHING_DOMAINS = {
  hostname: 'private.intel.amp.cisco.com',
  pollingPath: '/ctia/feed/feed-8f2b1c3e-5d4a-4e6f-9a7b-1c2d3e4f5a6b/view',
  collectionName: '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
};
const TODAY = new Date().toISOString().slice(0, 10);
const FILLED_ALL = [
  'Filled 8 of 8 fields: Source Name, Description, Hostname, Polling Path, Collection Name, Use HTTPS, Polling Port, Configure User Credentials.',
  'Nothing was submitted: review the form, click Submit, then Commit Changes.',
];

const world = useFirefoxWithExtension();

/** Browses to `url` in the tab in front. */
async function open(url: string): Promise<Page> {
  const { tab } = world.firefox;
  await tab.goto(url);
  return tab;
}

/** The in-page notes that confirm a capture. */
const captureNotes = (page: Page) => noteTexts(page, '.etf-notice .title');
const inPageAlerts = (page: Page) => noteTexts(page, '[role="alert"]');
const popupTexts = (popup: Page, role: string) => popup.evaluate((role) => [...document.querySelectorAll(`[role="${role}"]`)].map((e) => e.textContent!.trim()), role);
const feedNames = (popup: Page) =>
  popup.evaluate(() => [...document.querySelectorAll<HTMLInputElement>('input[type="radio"]')].map((radio) => radio.labels?.[0]?.textContent?.trim()));

/**
 * Opens the XDR Feeds page and a feed's Feed Details drawer, presses the drawer's "Copy feed URL"
 * (the console's own button, which writes the URL with the Clipboard API) with a real click, as the
 * person chooses a feed, and waits for the capture note.
 */
async function captureFromFeedDetails(title: string): Promise<Page> {
  const page = await open(XDR_FEEDS);
  await copyWithConsoleButton(page, title, 'Copy feed URL');
  await expect.poll(() => captureNotes(page)).toEqual([english('noticeCaptured')]);
  return page;
}

it('opening Feed Details only lists the feed as seen; the console’s Copy button captures it: the popup lists it, copies a field and checks it', async () => {
  const page = await open(XDR_FEEDS);
  await (await byRole(page, 'link', 'Phishing domains')).click();
  await expect.poll(() => captureNotes(page)).toEqual([english('noticeSeenOnly')]);
  expect(await noteButtonNames(page)).toEqual([]);
  // The person's real click on the drawer's own Copy button, which writes with the Clipboard API.
  await (await byRole(page, 'button', 'Copy feed URL')).click();
  await expect.poll(() => captureNotes(page)).toEqual([english('noticeCaptured')]);
  expect(await inPageAlerts(page)).toEqual([]);

  const popup = await world.firefox.openPopup();
  await expect.poll(() => feedNames(popup)).toEqual([expect.stringMatching(/^Phishing domains US · copied on xdr\.us\.security\.cisco\.com · /)]);
  expect(await valueOf(popup, 'Hostname')).toBe(PHISHING_DOMAINS.hostname);
  expect(await valueOf(popup, 'Polling Path')).toBe(PHISHING_DOMAINS.pollingPath);
  expect(await valueOf(popup, 'Collection Name')).toBe(PHISHING_DOMAINS.collectionName);
  expect(await popupTexts(popup, 'alert')).toEqual([]);

  await (await byRole(popup, 'button', 'Copy Polling Path')).click();
  await expect.poll(() => popupTexts(popup, 'status')).toEqual([english('popupCopied', 'Polling Path')]);
  expect(await readClipboard(world.firefox.browser)).toBe(PHISHING_DOMAINS.pollingPath);

  await (await byRole(popup, 'button', 'Check feed')).click();
  await expect
    .poll(() => popupTexts(popup, 'status'))
    .toEqual(['OK — 9 observables: 3 domain, 2 url, 1 ip, 1 sha256.\nNot used by the gateway: 1 email, 1 sha1.']);
  expect(await popupTexts(popup, 'alert')).toEqual([]);
});

it('a feed in the Feeds list of a Threat Response indicator is listed as seen, its note offers no action, and the person’s copy chooses it', async () => {
  const page = await open('https://visibility.amp.cisco.com/intelligence/indicators/');
  await (await byRole(page, 'button', 'Feeds')).click();
  await expect.poll(() => captureNotes(page)).toEqual([english('noticeSeenOnly')]);

  let popup = await world.firefox.openPopup();
  await expect
    .poll(() => feedNames(popup))
    .toEqual([expect.stringMatching(/^Phishing kit domains \(EU gateways\) US · seen in page text on visibility\.amp\.cisco\.com · /)]);
  // Seen, not chosen: no fields until the person acts on it.
  expect(await popup.evaluate(() => document.querySelector('#fields-heading'))).toBeNull();
  await popup.close();

  // What the page shows may be anyone's text: its note has nothing to press.
  expect(await noteButtonNames(page)).toEqual([]);
  // The person selects the link's text and presses Ctrl+C: real key events, as a person's are.
  await copySelection(page, 'a[href*="/ctia/feed/"]');
  await expect.poll(() => captureNotes(page)).toEqual([english('noticeCaptured')]);
  expect(await noteButtonNames(page)).toEqual(['Copy Hostname', 'Copy Polling Path', 'Copy Collection Name']);
  popup = await world.firefox.openPopup();
  expect(await valueOf(popup, 'Hostname')).toBe('private.intel.amp.cisco.com');
  expect(await valueOf(popup, 'Polling Path')).toBe('/ctia/feed/feed-5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d/view');
  expect(await valueOf(popup, 'Collection Name')).toBe('1b4e28ba-2fa1-41d2-883f-0016d3cca427');
});

it('copying a URL the page draws in pieces captures it', async () => {
  const page = await open(XDR_FEEDS);
  await (await byRole(page, 'link', 'Malware hashes')).click();
  await page.waitForSelector('.url-pieces', { timeout: 10_000 });
  expect(await captureNotes(page)).toEqual([]);

  await copySelection(page, '.url-pieces');
  await expect.poll(() => captureNotes(page)).toEqual([english('noticeCaptured')]);

  const popup = await world.firefox.openPopup();
  await expect.poll(() => feedNames(popup)).toEqual([expect.stringMatching(/^Malware hashes EU · copied on xdr\.us\.security\.cisco\.com · /)]);
  expect(await valueOf(popup, 'Hostname')).toBe('private.intel.eu.amp.cisco.com');
  expect(await valueOf(popup, 'Polling Path')).toBe('/ctia/feed/feed-6c5d4e3f-2a1b-4c0d-9e8f-7a6b5c4d3e2f/view');
  expect(await valueOf(popup, 'Collection Name')).toBe('2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f');
});

it.each([
  {
    form: 'XDR custom dropdown',
    url: 'https://xdr.us.security.cisco.com/intelligence/feeds/new/',
    choose: async (page: Page, output: 'Observables' | 'Judgments') => {
      await (await byRole(page, 'combobox', 'Output')).click();
      await (await byRole(page, 'option', output)).click();
    },
  },
  {
    form: 'SecureX radio group',
    url: 'https://securex.eu.security.cisco.com/intelligence/feeds/new/',
    choose: async (page: Page, output: 'Observables' | 'Judgments') => (await byRole(page, 'radio', output)).click(),
  },
  {
    form: 'Threat Response select',
    url: 'https://visibility.amp.cisco.com/intelligence/feeds/edit/',
    startsWith: 'Observables',
    choose: async (page: Page, output: 'Observables' | 'Judgments') => {
      await page.select('#feed-output', output === 'Judgments' ? 'judgements' : 'observables');
    },
  },
])('$form on the feed form: the Judgements alert shows while Judgements is chosen, and goes with Observables', async ({ url, startsWith, choose }) => {
  const page = await open(url);
  if (startsWith === 'Observables') {
    await page.waitForSelector('#feed-output', { timeout: 10_000 });
    expect(await inPageAlerts(page)).toEqual([]);
    await choose(page, 'Judgments');
  }
  await expect.poll(() => inPageAlerts(page)).toEqual([english('judgementsForm')]);
  await choose(page, 'Observables');
  await expect.poll(() => inPageAlerts(page)).toEqual([]);
  await choose(page, 'Judgments');
  await expect.poll(() => inPageAlerts(page)).toEqual([english('judgementsForm')]);
});

it('Autofill from the popup fills the Cloud Gateway’s Add Source form and submits nothing', async () => {
  await captureFromFeedDetails('Phishing domains');
  const gateway = await open(CLOUD_GATEWAY_ADD_SOURCE);
  // A password the browser filled in: Autofill must leave it alone.
  await gateway.$eval('#cc_auth_pass', (field) => ((field as HTMLInputElement).value = 'kept-as-it-was'));
  const popup = await world.firefox.openPopup();

  const autofill = await byRole(popup, 'button', 'Autofill Add Source form');
  // While the button is disabled the poll shows why: the reason the popup gives under it.
  const whyDisabled = () => autofill.evaluate((button) => ((button as HTMLButtonElement).disabled ? document.getElementById('autofill-reason')?.textContent : null));
  await expect.poll(whyDisabled).toBeNull();
  await autofill.click();
  await expect.poll(() => popupTexts(popup, 'status')).toEqual([FILLED_ALL.join('\n')]);
  expect(await popupTexts(popup, 'alert')).toEqual([]);

  expect(await gateway.$eval('#add_source_form', formState)).toEqual(
    asyncOsFilled(
      {
        sourceName: 'Phishing_domains',
        description: `Phishing domains: SecureX/XDR feed feed-8f2b1c3e-5d4a-4e6f-9a7b-1c2d3e4f5a6b, added ${TODAY} by ETF Autofill`,
        ...PHISHING_DOMAINS,
      },
      'kept-as-it-was',
    ),
  );
  expect(await gateway.evaluate(() => document.body.dataset.submitted)).toBeUndefined();
  expect(gateway.url()).toBe(CLOUD_GATEWAY_ADD_SOURCE);
});

// "Add to <gateway>": once a gateway was filled from the popup, the note beside a feed the person
// copied in the console offers it; the person's click asks in the extension's own window, whose Add
// opens the gateway's Add Source page in a new tab beside the console, and the background fills the
// form there. Nothing is submitted.

const TR_INDICATORS = 'https://visibility.amp.cisco.com/intelligence/indicators/';
const ADD_TO_CLOUD_GATEWAY = english('addToGateway', 'dh1234-esa1.iphmx.com');
/** The feed the indicator's Feeds list shows: seen, not chosen, until the person acts on it. */
const PHISHING_KIT = {
  title: 'Phishing kit domains (EU gateways)',
  hostname: 'private.intel.amp.cisco.com',
  pollingPath: '/ctia/feed/feed-5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d/view',
  collectionName: '1b4e28ba-2fa1-41d2-883f-0016d3cca427',
};
/** The Cloud Gateway's Add Source form holding that feed, as Add to leaves it. */
const PHISHING_KIT_FILLED = asyncOsFilled({
  sourceName: 'Phishing_kit_domains_EU_gateways',
  description: `Phishing kit domains (EU gateways): SecureX/XDR feed feed-5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d, added ${TODAY} by ETF Autofill`,
  hostname: PHISHING_KIT.hostname,
  pollingPath: PHISHING_KIT.pollingPath,
  collectionName: PHISHING_KIT.collectionName,
});
/** How long a test watches for something that must not happen (a tab opening, a fill). */
const QUIET_MS = 2_000;

/** Presses Autofill in the popup over the tab in front, and expects every field filled. */
async function autofillFromPopup(): Promise<void> {
  const popup = await world.firefox.openPopup();
  await (await byRole(popup, 'button', 'Autofill Add Source form')).click();
  await expect.poll(() => popupTexts(popup, 'status')).toEqual([FILLED_ALL.join('\n')]);
  await popup.close();
}

/** Fills the Cloud Gateway's Add Source form from the popup with "Phishing domains", so the gateway is known. */
async function rememberCloudGateway(): Promise<void> {
  await captureFromFeedDetails('Phishing domains');
  await open(CLOUD_GATEWAY_ADD_SOURCE);
  await autofillFromPopup();
}

/** Signs in on the gateway's sign-in page, which then goes back to the page asked for. */
async function signIn(page: Page): Promise<void> {
  await page.type('#username', 'admin');
  await page.type('#password', 'Passphrase-1');
  await Promise.all([page.waitForNavigation({ timeout: 10_000 }), (await byRole(page, 'button', 'Login')).click()]);
}

/** Waits until `page` shows `url`. */
const shows = (page: Page, url: string) => waitUntil(`${url} in the tab`, async () => (page.url() === url ? true : undefined));

/** Opens a Threat Response indicator's Feeds list, whose feed is only seen: its note offers nothing. */
async function openIndicatorFeeds(): Promise<Page> {
  const page = await open(TR_INDICATORS);
  await (await byRole(page, 'button', 'Feeds')).click();
  await expect.poll(() => captureNotes(page)).toEqual([english('noticeSeenOnly')]);
  return page;
}

/** The person copies the indicator's feed (its link's text, Ctrl+C): its note now offers the known gateways. */
async function copyIndicatorFeed(page: Page): Promise<void> {
  await copySelection(page, 'a[href*="/ctia/feed/"]');
  await expect.poll(() => captureNotes(page)).toEqual([english('noticeCaptured')]);
}

/** The names of the "Add to" buttons in the console's notes (inside their closed shadow roots). */
const addToButtons = async (page: Page) => (await noteButtonNames(page)).filter((name) => name.startsWith('Add to '));

/**
 * Presses Add to in the console's note with a real click, as the person does; answers the
 * extension's own window it opens (a moz-extension page, which the console cannot draw over).
 */
async function askToAdd(consolePage: Page): Promise<Page> {
  const before = await world.firefox.browser.pages();
  await clickNoteButton(consolePage, ADD_TO_CLOUD_GATEWAY);
  return extensionWindow(world.firefox.browser, '/confirm-add.html', before);
}

/** The feed the popup offers: the name of its chosen (checked) feed. */
async function offeredFeed(): Promise<string | undefined> {
  const popup = await world.firefox.openPopup();
  try {
    return await waitUntil('the popup to list its feeds', () =>
      popup.evaluate(() => document.querySelector<HTMLInputElement>('input[type="radio"]:checked')?.labels?.[0]?.textContent?.trim()),
    );
  } finally {
    await popup.close();
  }
}

/**
 * Every tab as the extension sees it, in window order, without the extension's own pages; a URL
 * only where the extension may see it (the consoles and the Cloud Gateway).
 */
async function tabs(): Promise<{ id: number; index: number; url: string | undefined; openerTabId?: number }[]> {
  const all = await world.firefox.extensionPage.evaluate(() => chrome.tabs.query({}));
  return all
    .filter((tab) => !tab.url?.startsWith('moz-extension://'))
    .sort((a, b) => a.index - b.index)
    .map((tab) => ({ id: tab.id!, index: tab.index, url: tab.url, ...(tab.openerTabId !== undefined && { openerTabId: tab.openerTabId }) }));
}

/** Everything the extension keeps for the session (the feeds, the Add to requests waiting), as JSON. */
const sessionStorage = () => world.firefox.extensionPage.evaluate(async () => JSON.stringify(await chrome.storage.session.get(null)));

it('Add to: the person’s click in the note of a feed they copied asks in the extension’s window; its Add opens the remembered Add Source page beside the console and fills it, submitting nothing', async () => {
  await rememberCloudGateway();
  const consolePage = await openIndicatorFeeds();
  // Only seen: its note offers nothing, and the popup still offers the person's feed.
  expect(await noteButtonNames(consolePage)).toEqual([]);
  expect(await offeredFeed()).toMatch(/^Phishing domains /);
  // Copied by the person: now the feed the popup offers, and its note offers the gateway.
  await copyIndicatorFeed(consolePage);
  expect(await addToButtons(consolePage)).toEqual([ADD_TO_CLOUD_GATEWAY]);
  expect(await offeredFeed()).toMatch(/^Phishing kit domains \(EU gateways\) /);

  const [consoleTab, ...otherTabs] = await tabs();
  expect(consoleTab!.url).toBe(TR_INDICATORS);
  expect(otherTabs).toEqual([]);
  // A real input event through the browser, as a person's click is: the extension's window asks, nothing else opens.
  const confirmWindow = await askToAdd(consolePage);
  await expect.poll(() => noteTexts(consolePage, '[role="status"]')).toContain(english('addToConfirmInWindow'));
  await new Promise((resolve) => setTimeout(resolve, QUIET_MS));
  expect(await tabs()).toEqual([consoleTab]);

  const opened = world.firefox.browser.waitForTarget((target) => target.url() === CLOUD_GATEWAY_ADD_SOURCE, { timeout: 10_000 });
  await (await byRole(confirmWindow, 'button', ADD_TO_CLOUD_GATEWAY)).click();
  const gateway = (await (await opened).page())!;
  expect(await tabs()).toEqual([consoleTab, { id: expect.any(Number), index: consoleTab!.index + 1, url: CLOUD_GATEWAY_ADD_SOURCE, openerTabId: consoleTab!.id }]);

  expect(await announcement(gateway)).toEqual({ role: 'status', lines: ['ETF Autofill', english('commandFrom', PHISHING_KIT.title), ...FILLED_ALL] });
  expect(await gateway.$eval('#add_source_form', formState)).toEqual(PHISHING_KIT_FILLED);
  expect(await gateway.evaluate(() => document.body.dataset.submitted)).toBeUndefined();
  // Filled from the console, in a form the person has not looked at yet: focus is off Submit.
  expect(await gateway.evaluate(() => [document.activeElement === document.querySelector('#add_source_form input[type="submit"]'), document.activeElement?.localName])).toEqual([false, 'body']);
  expect(gateway.url()).toBe(CLOUD_GATEWAY_ADD_SOURCE);
  expect(await offeredFeed()).toMatch(/^Phishing kit domains \(EU gateways\) /);
});

it('Add to: a click by the page’s own script opens nothing and asks nothing; the person’s click does', async () => {
  await rememberCloudGateway();
  const consolePage = await openIndicatorFeeds();
  await copyIndicatorFeed(consolePage);
  await expect.poll(() => addToButtons(consolePage)).toEqual([ADD_TO_CLOUD_GATEWAY]);
  const tabsBefore = await tabs();
  const targetsBefore = world.firefox.browser.targets().length;
  const keptBefore = await sessionStorage();

  // The page's scripts cannot reach into the note's closed shadow root; were they to get hold of
  // the button anyway, their click would still open nothing.
  await scriptClickNoteButton(consolePage, ADD_TO_CLOUD_GATEWAY);
  await new Promise((resolve) => setTimeout(resolve, QUIET_MS));
  expect(await tabs()).toEqual(tabsBefore);
  expect(world.firefox.browser.targets()).toHaveLength(targetsBefore);
  expect(await noteTexts(consolePage, '[role="status"]')).toEqual(['']);
  // No feed chosen anew, no request waiting for a window.
  expect(await sessionStorage()).toBe(keptBefore);

  const confirmWindow = await askToAdd(consolePage);
  await byRole(confirmWindow, 'button', ADD_TO_CLOUD_GATEWAY);
});

it('Add to waits through the gateway’s sign-in, the event page stopped meanwhile: nothing is typed there, the form is filled once signed in', async () => {
  const session = addGatewaySession(world.server);
  try {
    await captureFromFeedDetails('Phishing domains');
    const signedIn = await open(CLOUD_GATEWAY_ADD_SOURCE);
    await signIn(signedIn);
    await shows(signedIn, CLOUD_GATEWAY_ADD_SOURCE);
    await autofillFromPopup();

    // Later: the gateway's session has timed out.
    session.signOutEveryone();
    const consolePage = await openIndicatorFeeds();
    await copyIndicatorFeed(consolePage);
    const confirmWindow = await askToAdd(consolePage);
    const add = await byRole(confirmWindow, 'button', ADD_TO_CLOUD_GATEWAY);
    // While the person reads the window, Firefox stops the idle event page: the request waits in session storage.
    await world.firefox.eventPage.stop();
    const opened = world.firefox.browser.waitForTarget((target) => target.url().startsWith('https://dh1234-esa1.iphmx.com/'), { timeout: 10_000 });
    await add.click();
    const gateway = (await (await opened).page())!;
    await shows(gateway, `https://dh1234-esa1.iphmx.com${GATEWAY_SIGN_IN_PATH}?referrer=${encodeURIComponent('/mail_policies/etf/add_source/')}`);
    await new Promise((resolve) => setTimeout(resolve, QUIET_MS));
    expect(await gateway.$eval('#password', (field) => (field as HTMLInputElement).value)).toBe('');
    expect(await textsInPage(gateway, 'etf-autofill-announcement')).toEqual([]);

    // While the person signs in, Firefox stops the idle event page; the tab's next page starts it again.
    await world.firefox.eventPage.stop();
    await signIn(gateway);
    await shows(gateway, CLOUD_GATEWAY_ADD_SOURCE);
    expect(await announcement(gateway)).toEqual({ role: 'status', lines: ['ETF Autofill', english('commandFrom', PHISHING_KIT.title), ...FILLED_ALL] });
    expect(await gateway.$eval('#add_source_form', formState)).toEqual(PHISHING_KIT_FILLED);
    expect(await gateway.evaluate(() => document.body.dataset.submitted)).toBeUndefined();
    expect(session.signIns()).toBe(2);
    expect(await world.firefox.eventPage.runs()).toBe(true);
  } finally {
    session.end();
  }
});

it('with the Options page open, the event page starting again goes idle: the page and the background do not keep asking each other', async () => {
  // The Options page (open in a tab of its own) shows the options and watches them for changes.
  expect(await world.firefox.extensionPage.evaluate(() => location.pathname)).toBe('/options.html');
  await world.firefox.eventPage.stop();

  // The popup's first message starts the event page again, as any event does.
  const popup = await world.firefox.openPopup();
  await byRole(popup, 'textbox', 'Feed URL');
  await popup.close();
  expect(await world.firefox.eventPage.runs()).toBe(true);

  await new Promise((resolve) => setTimeout(resolve, QUIET_MS));
  const lastSecond = await world.firefox.eventPage.activitySince(Date.now() - 1_000);
  expect(lastSecond.slice(0, 8), `${lastSecond.length} events and calls in the last second`).toEqual([]);
});
