import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formState } from '../support/form-state';
import { launchExtensionBrowser, type ExtensionBrowser } from './support/extension-browser';
import type { FixtureServer } from './support/fixture-server';
import { FIXTURE_FEEDS, keptFeeds, startLocalWorld } from './support/local-world';
import type { PopupPage } from './support/popup-page';
import { axeViolations } from './support/axe';

const GATEWAY = 'https://dh1234-esa1.iphmx.com/mail_policies/etf/add_source/';
const CONSOLE = 'https://xdr.us.security.cisco.com/intelligence/feeds/';
/** Chromium's largest toolbar popup on a desktop screen. */
const MAX_POPUP = { width: 800, height: 600 };

const messages = (language: string): Record<string, { message: string }> =>
  JSON.parse(readFileSync(`public/_locales/${language}/messages.json`, 'utf8'));

/** `count` kept feeds, the newest (the one shown) the worst case for height: a long title, Judgements output (an alert) and a note. */
function keptFeedsAtWorst(count: number) {
  const [newest, ...older] = keptFeeds(count);
  return [
    { ...newest!, title: 'Phishing kit domains reported by the EU and APJC gateways', output: 'judgements' as const, warnings: [{ code: 'txt-view', message: 'Removed ".txt" from the path.' }] },
    ...older,
  ];
}

/** Where the element with this role and name sits, next to the popup's own viewport. */
async function placeOf(popup: PopupPage, role: string, name: string) {
  const node = await popup.waitForRole(role, name);
  return popup.callOn<{ top: number; bottom: number; left: number; right: number; viewport: { width: number; height: number }; scrolled: number }>(
    node,
    `function () {
      const r = this.getBoundingClientRect();
      return { top: r.top, bottom: r.bottom, left: r.left, right: r.right,
        viewport: { width: innerWidth, height: innerHeight }, scrolled: scrollY };
    }`,
  );
}

function expectInView(place: Awaited<ReturnType<typeof placeOf>>) {
  expect(place.scrolled).toBe(0);
  expect(place.viewport.height).toBeLessThanOrEqual(MAX_POPUP.height);
  expect(place.viewport.width).toBeLessThanOrEqual(MAX_POPUP.width);
  expect(place.top).toBeGreaterThanOrEqual(0);
  expect(place.bottom).toBeLessThanOrEqual(place.viewport.height);
  expect(place.right).toBeLessThanOrEqual(place.viewport.width);
}

describe.each(['en', 'de', 'ja'])('the popup in %s, at the real popup size', (language) => {
  const words = messages(language);
  const say = (key: string, ...values: string[]) => values.reduce((text, value, i) => text.replace(`$${i + 1}`, value), words[key]!.message);
  let server: FixtureServer;
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    server = await startLocalWorld();
    browser = await launchExtensionBrowser({ hostRules: server.hostRules, language });
  });
  afterAll(async () => {
    const secretsLogged = await browser?.console.leaks();
    await browser?.close();
    await server?.close();
    expect(secretsLogged, 'console messages with a feed secret in them').toEqual([]);
  });

  it('fills the form at the first Autofill of a fresh browser, and reports', async () => {
    await browser.inExtensionPage(`chrome.storage.session.set({ feeds: ${JSON.stringify(keptFeeds(2).slice(1))} })`);
    const page = await browser.context.newPage();
    await page.goto(GATEWAY);
    const popup = await browser.openPopup(page);
    const autofill = say('autofillButton');
    await popup.waitForEnabled('button', autofill);
    await popup.click('button', autofill);
    await expect.poll(() => popup.textsOf('status')).toEqual([expect.stringContaining(say('fillNotSubmitted'))]);
    const form = await page.$eval('#add_source_form', formState);
    expect(form).toMatchObject({ source_hostname: FIXTURE_FEEDS[1].host, source_collection_name: FIXTURE_FEEDS[1].secret, 'use_https=1': true });
    await popup.close();
    await page.close();
  });

  it.each([1, 10])('with %i feed(s) kept, Autofill is in view on a gateway tab, and the Copy buttons on a console tab', async (count) => {
    const feeds = keptFeedsAtWorst(count);
    await browser.inExtensionPage(`chrome.storage.session.set({ feeds: ${JSON.stringify(feeds)} })`);

    const gateway = await browser.context.newPage();
    await gateway.goto(GATEWAY);
    let popup = await browser.openPopup(gateway);
    const autofill = say('autofillButton');
    await popup.waitForEnabled('button', autofill);
    expectInView(await placeOf(popup, 'button', autofill));
    // Longer German and Japanese words change nothing for assistive technology either.
    for (const scheme of ['light', 'dark'] as const) expect(await axeViolations(popup, scheme)).toEqual([]);
    // The feed Autofill will use is named beside it, with the site it fills.
    expect(await popup.evaluate('document.getElementById("autofill-reason").textContent')).toBe(
      say('autofillReady', 'dh1234-esa1.iphmx.com', feeds[0]!.title),
    );
    await popup.close();

    const consolePage = await browser.context.newPage();
    await consolePage.goto(CONSOLE);
    popup = await browser.openPopup(consolePage);
    for (const field of ['Hostname', 'Polling Path', 'Collection Name']) {
      expectInView(await placeOf(popup, 'button', say('fieldCopyLabel', field)));
    }
    await popup.close();
    await gateway.close();
    await consolePage.close();
  });
});
