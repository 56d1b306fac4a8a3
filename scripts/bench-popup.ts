// The popup where the person meets it: the real toolbar popup of a fresh browser, opened by
// Extensions.triggerAction on a gateway tab, at the desktop popup size.
import { launchExtensionBrowser, type ExtensionBrowser } from '../tests/e2e/support/extension-browser';
import type { FixtureServer } from '../tests/e2e/support/fixture-server';
import { keptFeeds } from '../tests/e2e/support/local-world';
import { PopupPage } from '../tests/e2e/support/popup-page';
import { waitUntil } from '../tests/e2e/support/wait';

const GATEWAY = 'https://dh1234-esa1.iphmx.com/mail_policies/etf/add_source/';
const CONSOLE = 'https://xdr.us.security.cisco.com/intelligence/feeds/';
const LATER_CLICKS = 3;

export interface PopupMeasures {
  /** Toolbar click → Autofill enabled, ms; an upper bound (the popup is polled every few ms). */
  readyMs: number;
  /** Of that, the part after the popup's page began loading: what the extension's own code takes. */
  pageMs: number;
  /** Autofill click → report shown, ms, timed inside the popup: the first of the browser, then later ones. */
  firstFillMs: number;
  laterFillMs: number[];
}

/** One fresh browser: open the popup on a gateway tab, wait for Autofill, click it; then a few more popups. */
export async function measureFreshPopup(world: FixtureServer): Promise<PopupMeasures> {
  const browser = await launchExtensionBrowser({ hostRules: world.hostRules });
  try {
    await browser.inExtensionPage(`chrome.storage.session.set({ feeds: ${JSON.stringify(keptFeeds(1))} })`);
    const page = await browser.context.newPage();
    await page.goto(GATEWAY);
    const { popup, readyMs, pageMs } = await openAndTimeAutofill(browser, page);
    const firstFillMs = await timeAutofillClick(popup);
    await popup.close();
    const laterFillMs: number[] = [];
    for (let i = 0; i < LATER_CLICKS; i++) {
      const { popup: again } = await openAndTimeAutofill(browser, page);
      laterFillMs.push(await timeAutofillClick(again));
      await again.close();
    }
    return { readyMs, pageMs, firstFillMs, laterFillMs };
  } finally {
    await browser.close();
  }
}

export interface PopupPlacement {
  /** The popup's content height and its viewport's, px. */
  contentHeight: number;
  viewportHeight: number;
  /** The bottom edge of the primary action, px from the popup's top: Autofill on a gateway tab, Copy Collection Name on a console tab. */
  autofillBottom: number;
  copyBottom: number;
}

/** Where the primary actions sit with `count` feeds kept. */
export async function measurePlacement(world: FixtureServer, count: number): Promise<PopupPlacement> {
  const browser = await launchExtensionBrowser({ hostRules: world.hostRules });
  try {
    await browser.inExtensionPage(`chrome.storage.session.set({ feeds: ${JSON.stringify(keptFeeds(count))} })`);
    const gateway = await browser.context.newPage();
    await gateway.goto(GATEWAY);
    let popup = await browser.openPopup(gateway);
    await popup.waitForEnabled('button', 'Autofill Add Source form');
    const sizes = await popup.evaluate<{ contentHeight: number; viewportHeight: number; autofillBottom: number }>(
      `({ contentHeight: document.documentElement.scrollHeight, viewportHeight: innerHeight,
          autofillBottom: document.querySelector('button.autofill').getBoundingClientRect().bottom })`,
    );
    await popup.close();
    const consolePage = await browser.context.newPage();
    await consolePage.goto(CONSOLE);
    popup = await browser.openPopup(consolePage);
    const copy = await popup.waitForRole('button', 'Copy Collection Name');
    const copyBottom = await popup.callOn<number>(copy, 'function () { return this.getBoundingClientRect().bottom; }');
    await popup.close();
    return { ...sizes, copyBottom };
  } finally {
    await browser.close();
  }
}

async function openAndTimeAutofill(browser: ExtensionBrowser, page: import('playwright-core').Page) {
  const { cdp, extensionId } = browser;
  await page.bringToFront();
  const popupUrl = `chrome-extension://${extensionId}/popup.html`;
  type Target = { targetId: string; type: string; url: string };
  const targets = async (type?: string) =>
    ((await cdp.send('Target.getTargets', type ? { filter: [{ type }] } : {})) as { targetInfos: Target[] }).targetInfos;
  const before = new Set((await targets()).filter((t) => t.url === popupUrl).map((t) => t.targetId));
  const tab = (await targets('tab')).find((t) => t.url === page.url());
  if (!tab) throw new Error(`No tab target for ${page.url()}`);

  const clickedAt = Date.now();
  await cdp.send('Extensions.triggerAction' as never, { id: extensionId, targetId: tab.targetId } as never);
  const target = await waitUntil('the popup to open', async () => (await targets()).find((t) => t.url === popupUrl && !before.has(t.targetId)), 10_000, 2);
  const popup = await PopupPage.attach(cdp, target.targetId);
  // Resolves, inside the popup, the moment Autofill is enabled (at once if it already is).
  const enabledAt = await popup.evaluate<number>(`new Promise((resolve) => {
    const ready = () => { const b = document.querySelector('button.autofill'); return b && !b.disabled; };
    const done = () => resolve(performance.timeOrigin + performance.now());
    if (ready()) return done();
    new MutationObserver((_, observer) => { if (ready()) { observer.disconnect(); done(); } })
      .observe(document, { subtree: true, childList: true, attributes: true });
  })`);
  const pageStart = await popup.evaluate<number>('performance.timeOrigin');
  return { popup, readyMs: enabledAt - clickedAt, pageMs: enabledAt - pageStart };
}

/** Clicks Autofill inside the popup and times it until the report is in the status region. */
function timeAutofillClick(popup: PopupPage): Promise<number> {
  return popup.evaluate<number>(`new Promise((resolve) => {
    const status = document.querySelector('[role="status"]');
    const start = performance.now();
    new MutationObserver((_, observer) => {
      if (status.textContent.trim() === '') return;
      observer.disconnect();
      resolve(performance.now() - start);
    }).observe(status, { subtree: true, childList: true, characterData: true });
    document.querySelector('button.autofill').click();
  })`);
}
