import type { Page } from 'playwright-core';
import { beforeEach, expect, it } from 'vitest';
import { english } from '../support/english';
import { asyncOsFilled, formState } from '../support/form-state';
import { OTHER_CLOUD_GATEWAY_HOST, serveSavedPage, type FixtureServer } from './support/fixture-server';
import { addGatewaySession, GATEWAY_HOST, GATEWAY_SIGN_IN_PATH } from './support/gateway-session';
import { clickNoteButton, countNoteText, noteButtonNames, noteTexts, scriptClickNoteButtons, waitForNoteButton } from './support/in-page-notes';
import { forgetKnownGateways } from './support/known-gateways-page';
import { FIXTURE_FEEDS } from './support/local-world';
import { useExtensionBrowser } from './support/use-extension-browser';
import { copyFeedFromDetails, XDR_FEEDS } from './support/xdr-feeds';
import { announcement } from './support/announcement';

// "Add to <gateway>": a gateway filled once from the popup is offered beside every feed the person
// copied in the console; a real click asks in the extension's own window, whose Add opens the
// gateway's Add Source page in a new tab next to the console and fills the form once it is there,
// after the person has signed in or pressed Add Source. Never submitted.

const CAPTURED = english('noticeCaptured');
const GATEWAY = `https://${GATEWAY_HOST}`;
const ADD_SOURCE_PATH = '/mail_policies/etf/add_source/';
const ADD_TO_GATEWAY = english('addToGateway', GATEWAY_HOST);
const ON_PREM_ADD_SOURCE = 'https://esa.corp.example/etf/add_source/';
const [PHISHING, C2, HASHES] = FIXTURE_FEEDS;
const TODAY = new Date().toISOString().slice(0, 10);
const FILLED_ALL = [
  'Filled 8 of 8 fields: Source Name, Description, Hostname, Polling Path, Collection Name, Use HTTPS, Polling Port, Configure User Credentials.',
  'Nothing was submitted: review the form, click Submit, then Commit Changes.',
];
/** How long a test watches for something that must not happen (a second fill, a tab). */
const QUIET_MS = 2_000;

/** The Cloud Gateway's Add Source form holding "Malware hashes", as Add to leaves it. */
const HASHES_FILLED = asyncOsFilled({
  sourceName: 'Malware_hashes',
  description: `Malware hashes: SecureX/XDR feed ${HASHES.id}, added ${TODAY} by ETF Autofill`,
  hostname: HASHES.host,
  pollingPath: `/ctia/feed/${HASHES.id}/view`,
  collectionName: HASHES.secret,
});

let server: FixtureServer | undefined;
const world = useExtensionBrowser((fixtures) => {
  server = fixtures;
  addSourceBehindCsrfKey(fixtures);
});

beforeEach(() => world.browser.inExtensionPage(forgetKnownGateways));

/**
 * A gateway whose Add Source link carries a CSRF key: with it the address shows the form, without it
 * (as the extension remembers the address) the sources list, whose Add Source button opens the form.
 */
const CSRF_ADD_SOURCE_PATH = '/mail_policies/etf/sources/add/';
function addSourceBehindCsrfKey(fixtures: FixtureServer) {
  fixtures.route(GATEWAY_HOST, CSRF_ADD_SOURCE_PATH, (request, response) => {
    const hasKey = new URL(request.url ?? '/', GATEWAY).searchParams.has('CSRFKey');
    void serveSavedPage(GATEWAY_HOST, hasKey ? ADD_SOURCE_PATH : '/mail_policies/etf/sources/', response);
  });
}

async function openConsole(): Promise<Page> {
  const page = await world.browser.context.newPage();
  await page.goto(XDR_FEEDS);
  return page;
}

/**
 * The person copies the feed: "Phishing domains" with the console's Copy button; "Malware hashes",
 * whose Feed Details draw the URL in pieces, by selecting it and pressing Ctrl+C.
 */
async function captureFeed(page: Page, title: string): Promise<void> {
  if (title === HASHES.title) {
    await page.getByRole('link', { name: title }).click();
    const pieces = page.locator('.url-pieces');
    await pieces.waitFor({ timeout: 10_000 });
    await pieces.selectText();
    await page.keyboard.press('Control+C');
  } else {
    await copyFeedFromDetails(page, title);
  }
  await expect.poll(() => countNoteText(page, CAPTURED)).toBe(1);
}

/** The person copies "Phishing domains", fills the Cloud Gateway with it from the popup, then copies the feed titled `title`. */
async function copiedWithGatewayKnown(title: string): Promise<Page> {
  const consolePage = await openConsole();
  await captureFeed(consolePage, PHISHING.title);
  await rememberCloudGateway();
  await consolePage.bringToFront();
  await consolePage.getByRole('button', { name: 'Close' }).click();
  await captureFeed(consolePage, title);
  return consolePage;
}

/**
 * Presses Add to in the console's note, then Add in the extension's own window that it opens (a
 * page of the extension, which the console cannot draw over): answers the gateway's new tab.
 */
async function addToGatewayFromConsole(consolePage: Page): Promise<Page> {
  const asked = world.browser.context.waitForEvent('page', { timeout: 10_000, predicate: (page) => page.url().includes('/confirm-add.html') });
  await clickNoteButton(consolePage, ADD_TO_GATEWAY);
  const confirmWindow = await asked;
  const opened = world.browser.context.waitForEvent('page', { timeout: 10_000, predicate: (page) => !page.url().includes('/confirm-add.html') });
  await confirmWindow.getByRole('button', { name: ADD_TO_GATEWAY }).click();
  return opened;
}

/** The "Add to" buttons in the notes of the console page (inside their closed shadow roots). */
async function addToButtonsIn(page: Page): Promise<string[]> {
  return (await noteButtonNames(page)).filter((name) => /^Add to /.test(name));
}

async function signIn(page: Page): Promise<void> {
  await page.getByLabel('Username:').fill('admin');
  await page.getByLabel('Passphrase:').fill('Passphrase-1');
  await page.getByRole('button', { name: 'Login' }).click({ timeout: 10_000 });
}

/** Presses Autofill in the real popup on `page`; returns the fill report and the popup's buttons after it. */
async function autofillFromPopup(page: Page): Promise<{ status: string[]; buttons: string[] }> {
  const popup = await world.browser.openPopup(page);
  await popup.waitForEnabled('button', 'Autofill Add Source form');
  await popup.click('button', 'Autofill Add Source form');
  await expect.poll(() => popup.textsOf('status')).not.toEqual(['']);
  const report = { status: await popup.textsOf('status'), buttons: await popup.namesOf('button') };
  await popup.close();
  return report;
}

/** Fills the Cloud Gateway's form once from the popup (with the chosen feed), so the gateway is known. */
async function rememberCloudGateway(): Promise<void> {
  const page = await world.browser.context.newPage();
  await page.goto(`${GATEWAY}${ADD_SOURCE_PATH}`);
  expect((await autofillFromPopup(page)).status).toEqual([FILLED_ALL.join('\n')]);
  await page.close();
}

/**
 * Every tab of the browser as the extension sees it, in window order, without the extension page
 * that asks; a URL only where the extension may see it (the consoles and the Cloud Gateway).
 */
async function tabs(): Promise<{ id: number; index: number; url: string | undefined; openerTabId?: number }[]> {
  const all = await world.browser.inExtensionPage(() => chrome.tabs.query({}));
  return all
    .filter((tab) => !tab.url?.startsWith('chrome-extension://'))
    .sort((a, b) => a.index - b.index)
    .map((tab) => ({ id: tab.id!, index: tab.index, url: tab.url, ...(tab.openerTabId !== undefined && { openerTabId: tab.openerTabId }) }));
}

it('adds a second feed to the gateway from the console: a new tab beside it, sign-in, then the form filled once and not submitted', async () => {
  const session = addGatewaySession(server!);
  try {
    const consolePage = await openConsole();
    await captureFeed(consolePage, PHISHING.title);

    // The person fills the gateway once from the popup, signing in on the way.
    const gatewayPage = await world.browser.context.newPage();
    await gatewayPage.goto(`${GATEWAY}${ADD_SOURCE_PATH}`);
    await signIn(gatewayPage);
    await gatewayPage.waitForURL(`${GATEWAY}${ADD_SOURCE_PATH}`, { timeout: 10_000 });
    expect((await autofillFromPopup(gatewayPage)).status).toEqual([FILLED_ALL.join('\n')]);
    expect(await gatewayPage.locator('#source_collection_name').inputValue()).toBe(PHISHING.secret);

    // Later: the gateway's session has timed out, and the person opens another feed in XDR.
    session.signOutEveryone();
    await consolePage.bringToFront();
    await consolePage.getByRole('button', { name: 'Close' }).click();
    await captureFeed(consolePage, HASHES.title);
    expect(await addToButtonsIn(consolePage)).toEqual([ADD_TO_GATEWAY]);

    // The console tab comes first and the gateway's tab after it: a tab merely added at the end would not be beside the console.
    const tabsBefore = await tabs();
    const [consoleTab, firstGatewayTab] = tabsBefore;
    expect(tabsBefore).toHaveLength(2);
    expect(firstGatewayTab!.url).toBe(`${GATEWAY}${ADD_SOURCE_PATH}`);
    const addPage = await addToGatewayFromConsole(consolePage);
    const signInUrl = `${GATEWAY}${GATEWAY_SIGN_IN_PATH}?referrer=${encodeURIComponent(ADD_SOURCE_PATH)}`;
    await addPage.waitForURL(signInUrl, { timeout: 10_000 });
    expect(await noteTexts(consolePage, 'status')).toContain(english('addToConfirmInWindow'));

    expect(await tabs()).toEqual([
      consoleTab,
      { id: expect.any(Number), index: consoleTab!.index + 1, url: signInUrl, openerTabId: consoleTab!.id },
      { ...firstGatewayTab, index: firstGatewayTab!.index + 1 },
    ]);

    // Nothing is filled on the sign-in page; once signed in, the gateway goes on to Add Source.
    expect(await addPage.getByLabel('Passphrase:').inputValue()).toBe('');
    await signIn(addPage);
    await addPage.waitForURL(`${GATEWAY}${ADD_SOURCE_PATH}`, { timeout: 10_000 });
    expect(await announcement(addPage)).toEqual({ role: 'status', lines: ['ETF Autofill', english('commandFrom', HASHES.title), ...FILLED_ALL] });
    expect(await addPage.$eval('#add_source_form', formState)).toEqual(HASHES_FILLED);
    // Filled from the console, in a form the person has not looked at yet: focus is off Submit, so no Enter submits it unseen.
    expect(await addPage.evaluate(() => [document.activeElement === document.querySelector('#add_source_form input[type="submit"]'), document.activeElement?.localName])).toEqual([false, 'body']);
    expect(await addPage.evaluate(() => document.body.dataset.submitted)).toBeUndefined();
    expect(session.signIns()).toBe(2);

    // One click fills once: the same tab reloaded is left as the gateway serves it.
    await addPage.reload({ timeout: 10_000 });
    const emptyForm = await addPage.$eval('#add_source_form', formState);
    expect(emptyForm).toMatchObject({ source_hostname: '', source_polling_path: '', source_collection_name: '' });
    await addPage.waitForTimeout(QUIET_MS);
    expect(await addPage.$eval('#add_source_form', formState)).toEqual(emptyForm);
    expect(await addPage.locator('etf-autofill-announcement').count()).toBe(0);
  } finally {
    session.end();
  }
});

it('waits on the sources list the remembered address shows, asks the person to press Add Source, then fills the form', async () => {
  const consolePage = await openConsole();
  await captureFeed(consolePage, PHISHING.title);
  // Filled at the gateway's own link, CSRF key and all; it is remembered without the key.
  const gatewayPage = await world.browser.context.newPage();
  await gatewayPage.goto(`${GATEWAY}${CSRF_ADD_SOURCE_PATH}?action=add&CSRFKey=6d0b5c1e`);
  expect((await autofillFromPopup(gatewayPage)).status).toEqual([FILLED_ALL.join('\n')]);

  await consolePage.bringToFront();
  await consolePage.getByRole('button', { name: 'Close' }).click();
  await captureFeed(consolePage, HASHES.title);
  const addPage = await addToGatewayFromConsole(consolePage);
  await addPage.waitForURL(`${GATEWAY}${CSRF_ADD_SOURCE_PATH}?action=add`, { timeout: 10_000 });
  expect(await announcement(addPage)).toEqual({ role: 'status', lines: ['ETF Autofill', english('addToPressAddSource')] });
  expect(await addPage.locator('form#add_source_form').count()).toBe(0);

  await addPage.getByRole('button', { name: 'Add Source' }).click({ timeout: 10_000 });
  await addPage.waitForURL(`${GATEWAY}${ADD_SOURCE_PATH}`, { timeout: 10_000 });
  expect(await announcement(addPage)).toEqual({ role: 'status', lines: ['ETF Autofill', english('commandFrom', HASHES.title), ...FILLED_ALL] });
  expect(await addPage.$eval('#add_source_form', formState)).toEqual(HASHES_FILLED);
  expect(await addPage.evaluate(() => document.body.dataset.submitted)).toBeUndefined();
});

it('does not offer an on-premises gateway the person has not let the console reach, in the note or the popup', async () => {
  const consolePage = await openConsole();
  await captureFeed(consolePage, PHISHING.title);
  await rememberCloudGateway();
  // Filled last, so the newest known gateway, through the access the toolbar click grants that tab only.
  const onPremPage = await world.browser.context.newPage();
  await onPremPage.goto(ON_PREM_ADD_SOURCE);
  const { status, buttons } = await autofillFromPopup(onPremPage);
  expect(status).toEqual([FILLED_ALL.join('\n')]);
  expect(buttons).toContain(english('fillOfferConsole'));

  await consolePage.bringToFront();
  await consolePage.getByRole('button', { name: 'Close' }).click();
  await captureFeed(consolePage, HASHES.title);
  expect(await addToButtonsIn(consolePage)).toEqual([ADD_TO_GATEWAY]);
  const popup = await world.browser.openPopup(consolePage);
  await popup.waitForRole('button', ADD_TO_GATEWAY);
  expect((await popup.namesOf('button')).filter((name) => name.startsWith('Add to '))).toEqual([ADD_TO_GATEWAY]);
  await popup.close();
});

it('offers a Judgements feed to no gateway, and says why in its note', async () => {
  const consolePage = await copiedWithGatewayKnown(C2.title);
  await expect.poll(() => noteTexts(consolePage, 'alert')).toEqual([english('judgementsOutput')]);
  expect(await countNoteText(consolePage, english('addToWithheldJudgements'))).toBe(1);
  expect(await addToButtonsIn(consolePage)).toEqual([]);
  // The note is complete: the Copy buttons are there, the Add to buttons are not.
  expect((await noteButtonNames(consolePage)).filter((name) => name === 'Copy Hostname')).toHaveLength(1);
  const popup = await world.browser.openPopup(consolePage);
  await popup.waitForRole('textbox', 'Hostname');
  expect((await popup.namesOf('button')).filter((name) => name.startsWith('Add to '))).toEqual([]);
  await popup.close();
});

it('opens nothing when the page’s own script clicks Add to; the person’s click does', async () => {
  const consolePage = await copiedWithGatewayKnown(HASHES.title);
  await waitForNoteButton(consolePage, ADD_TO_GATEWAY);
  const tabsBefore = await tabs();
  const opened: Page[] = [];
  const onPage = (page: Page) => opened.push(page);
  world.browser.context.on('page', onPage);
  try {
    // The page's scripts cannot reach into the note's closed shadow root; were they to get hold of
    // the button anyway, their click would still open nothing.
    const clicked = await scriptClickNoteButtons(consolePage, /^Add to /);
    expect(clicked).toBe(1);
    await consolePage.waitForTimeout(QUIET_MS);
    expect(opened).toEqual([]);
    expect(await tabs()).toEqual(tabsBefore);
    expect(await noteTexts(consolePage, 'status')).toEqual(['']);
  } finally {
    world.browser.context.off('page', onPage);
  }

  const addPage = await addToGatewayFromConsole(consolePage);
  await addPage.waitForURL(`${GATEWAY}${ADD_SOURCE_PATH}`, { timeout: 10_000 });
});

it('keeps the console’s own scripts out of the note: no shadow root, and no gateway host name in the DOM they see', async () => {
  const consolePage = await copiedWithGatewayKnown(HASHES.title);
  // The person, and DevTools, see the note name the gateway.
  expect(await addToButtonsIn(consolePage)).toEqual([ADD_TO_GATEWAY]);

  // What the page's scripts (the console's third-party scripts among them) can read of the DOM.
  const pageView = await consolePage.evaluate((gatewayHost) => {
    const notes = [...document.querySelectorAll('etf-autofill-notice')];
    getSelection()!.selectAllChildren(document.body);
    const selected = getSelection()!.toString();
    getSelection()!.removeAllRanges();
    // Text search and a selection grown line by line reach into closed shadow roots.
    getSelection()!.collapse(document.body, 0);
    for (let line = 0; line < 200; line++) getSelection()!.modify('extend', 'forward', 'line');
    const extended = getSelection()!.toString();
    getSelection()!.removeAllRanges();
    const found = (window as unknown as { find(text: string): boolean }).find(gatewayHost);
    getSelection()!.removeAllRanges();
    const readable = {
      'window.find': found ? gatewayHost : '',
      'a selection extended line by line': extended,
      'a note, and its shadow root': notes.map((note) => note.outerHTML + (note.shadowRoot?.innerHTML ?? '')).join(''),
      'the page’s HTML, with every shadow root it may serialize': document.documentElement.getHTML({ serializableShadowRoots: true }),
      'the page’s rendered text': document.body.innerText,
      'the page selected whole': selected,
    };
    return {
      notes: notes.length,
      shadowRoots: notes.map((note) => (note.shadowRoot === null ? 'none' : 'one')),
      namingTheGateway: Object.entries(readable).filter(([, text]) => text.includes(gatewayHost)).map(([what]) => what),
    };
  }, GATEWAY_HOST);
  expect(pageView).toEqual({ notes: 1, shadowRoots: ['none'], namingTheGateway: [] });
});

it('fills no other gateway the new tab goes to while it waits, and stops waiting there', async () => {
  const session = addGatewaySession(server!);
  try {
    const consolePage = await openConsole();
    await captureFeed(consolePage, PHISHING.title);
    const gatewayPage = await world.browser.context.newPage();
    await gatewayPage.goto(`${GATEWAY}${ADD_SOURCE_PATH}`);
    await signIn(gatewayPage);
    await gatewayPage.waitForURL(`${GATEWAY}${ADD_SOURCE_PATH}`, { timeout: 10_000 });
    expect((await autofillFromPopup(gatewayPage)).status).toEqual([FILLED_ALL.join('\n')]);
    session.signOutEveryone();

    await consolePage.bringToFront();
    await consolePage.getByRole('button', { name: 'Close' }).click();
    await captureFeed(consolePage, HASHES.title);
    const addPage = await addToGatewayFromConsole(consolePage);
    await addPage.waitForURL(`${GATEWAY}${GATEWAY_SIGN_IN_PATH}?**`, { timeout: 10_000 });

    // Another Cloud Gateway, which the extension may script too: the waiting fill is not for it.
    const otherGateway = `https://${OTHER_CLOUD_GATEWAY_HOST}${ADD_SOURCE_PATH}`;
    await addPage.goto(otherGateway);
    await addPage.waitForTimeout(QUIET_MS);
    expect(await addPage.locator('#source_collection_name').inputValue()).toBe('');
    expect(await addPage.locator('etf-autofill-announcement').count()).toBe(0);

    // Back on the gateway it was for: the wait ended when the tab left, so nothing is filled now either.
    await addPage.goto(`${GATEWAY}${ADD_SOURCE_PATH}`);
    await signIn(addPage);
    await addPage.waitForURL(`${GATEWAY}${ADD_SOURCE_PATH}`, { timeout: 10_000 });
    await addPage.waitForTimeout(QUIET_MS);
    expect(await addPage.locator('#source_collection_name').inputValue()).toBe('');
    expect(await addPage.locator('etf-autofill-announcement').count()).toBe(0);
  } finally {
    session.end();
  }
});
