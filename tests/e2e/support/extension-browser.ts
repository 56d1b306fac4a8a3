import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser as PlaywrightBrowser, type BrowserContext, type CDPSession, type Page, type Worker } from 'playwright-core';
import type { Browser } from 'wxt/browser';
import { ConsoleWatch } from './console-watch';
import { PopupPage } from './popup-page';
import { waitUntil } from './wait';

/** The unmodified production build that `npm run build` writes. */
export const EXTENSION_DIR = resolve('.output/chrome-mv3');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export type TabSnapshot = Browser.tabs.Tab;

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  /** A browser-level DevTools session, for what Playwright has no API for (the toolbar action). */
  cdp: CDPSession;
  /** Every console message of its pages, service workers and popups, searched for feed secrets. */
  console: ConsoleWatch;
  /** Clicks the toolbar icon for `page`'s tab, as a user would, and returns the popup it opens. */
  openPopup(page: Page): Promise<PopupPage>;
  /**
   * Runs `fn` in a page of the extension, where the extension APIs are (storage, the badge), without
   * relying on the service worker, which tests stop.
   */
  inExtensionPage<T>(fn: (() => Promise<T>) | string): Promise<T>;
  /** The active tab of the last focused window, as the extension sees it: what Chrome hands a command. */
  activeTab(): Promise<TabSnapshot>;
  /**
   * Delivers `command` with `tab` to the service worker's `commands.onCommand` listeners, as Chrome
   * does when the command's shortcut is pressed. Keys sent over DevTools go to the page only and
   * never reach the browser's shortcuts, so the test delivers the event; the listener that runs is
   * the production one. The shortcut would also grant activeTab: open the popup on the tab first.
   */
  runCommand(command: string, tab: TabSnapshot): Promise<void>;
  /** Reloads the extension, as an update does, and waits until its new service worker runs. */
  reloadExtension(): Promise<void>;
  /** Stops the extension's service worker, as Chromium does after 30 s idle, and waits until it is gone. */
  stopServiceWorker(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Starts Debian's Chromium with the built extension, sending the Cisco and gateway host names to
 * the local fixture server (`hostRules`) so the extension sees its real hosts.
 */
export async function launchExtensionBrowser(options: {
  hostRules: string;
  headless?: boolean;
  language?: string;
  /** Another build to load instead of the production one (the benchmark's baselines). */
  extensionDir?: string;
}): Promise<ExtensionBrowser> {
  const headless = options.headless ?? true;
  const extensionDir = options.extensionDir ?? EXTENSION_DIR;
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`No extension build in ${extensionDir}: run "npm run build" first.`);
  }
  const userDataDir = await mkdtemp(join(tmpdir(), 'etf-autofill-e2e-'));

  let context: BrowserContext | undefined;
  let cdpBrowser: PlaywrightBrowser | undefined;
  const consoleWatch = new ConsoleWatch();
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      headless,
      timeout: 30_000,
      args: [
        ...(headless ? ['--headless=new'] : []),
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        `--disable-extensions-except=${extensionDir}`,
        `--load-extension=${extensionDir}`,
        `--host-resolver-rules=${options.hostRules}`,
        '--ignore-certificate-errors',
        // A desktop screen: Chromium then gives the toolbar popup up to 800 × 600 px, as on a desktop.
        '--screen-info={1920x1080}',
        `--lang=${options.language ?? 'en-US'}`,
        // A second DevTools client can press the toolbar button; port 0 lets Chromium pick a free one.
        '--enable-unsafe-extension-debugging',
        '--remote-debugging-port=0',
      ],
    });
    // From here on: the worker's first start logs before this, but then no feed is stored yet.
    consoleWatch.watchContext(context);
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 10_000 }));
    const extensionId = new URL(worker.url()).host;

    const port = await waitUntil('Chromium to write DevToolsActivePort', async () => {
      const text = await readFile(join(userDataDir, 'DevToolsActivePort'), 'utf8').catch(() => '');
      return text.split('\n')[0] || undefined;
    });
    cdpBrowser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`, { timeout: 10_000 });
    const cdp = await cdpBrowser.newBrowserCDPSession();
    const openedContext = context;
    const openedCdpBrowser = cdpBrowser;

    return {
      context,
      extensionId,
      cdp,
      console: consoleWatch,
      openPopup: (page) => openPopup(cdp, extensionId, page, consoleWatch),
      stopServiceWorker: () => stopServiceWorker(cdp, extensionId),
      reloadExtension: () => reloadExtension(cdp, openedContext, extensionId),
      inExtensionPage: (fn) => inExtensionPage(openedContext, extensionId, fn),
      activeTab: async () => {
        const [tab] = await serviceWorker(openedContext, extensionId).evaluate(() => chrome.tabs.query({ active: true, lastFocusedWindow: true }));
        if (!tab) throw new Error('No active tab');
        return tab;
      },
      runCommand: (command, tab) =>
        serviceWorker(openedContext, extensionId).evaluate(
          ([name, snapshot]) => (chrome.commands.onCommand as unknown as { dispatch(name: string, tab: TabSnapshot): void }).dispatch(name, snapshot),
          [command, tab] as const,
        ),
      async close() {
        await openedCdpBrowser.close().catch(() => undefined);
        await openedContext.close().catch(() => undefined);
        await rm(userDataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await cdpBrowser?.close().catch(() => undefined);
    await context?.close().catch(() => undefined);
    await rm(userDataDir, { recursive: true, force: true });
    throw error;
  }
}

/** The same Chromium without the extension, sending the same host names to the local server. */
export function launchPlainChromium(hostRules: string): Promise<PlaywrightBrowser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', `--host-resolver-rules=${hostRules}`, '--ignore-certificate-errors'],
  });
}

interface TargetInfo {
  targetId: string;
  type: string;
  url: string;
}

async function openPopup(cdp: CDPSession, extensionId: string, page: Page, consoleWatch: ConsoleWatch): Promise<PopupPage> {
  await page.bringToFront();
  const popupUrl = `chrome-extension://${extensionId}/popup.html`;
  const popups = async () => (await targets(cdp)).filter((t) => t.type === 'page' && t.url === popupUrl);
  const before = new Set((await popups()).map((t) => t.targetId));
  const tab = (await targets(cdp, 'tab')).find((t) => t.url === page.url());
  if (!tab) throw new Error(`No tab target for ${page.url()}`);

  await cdp.send('Extensions.triggerAction' as never, { id: extensionId, targetId: tab.targetId } as never);
  const popup = await waitUntil('the popup to open', async () => (await popups()).find((t) => !before.has(t.targetId)));
  return PopupPage.attach(cdp, popup.targetId, consoleWatch);
}

async function targets(cdp: CDPSession, type?: string): Promise<TargetInfo[]> {
  const { targetInfos } = (await cdp.send('Target.getTargets', type ? { filter: [{ type }] } : {})) as { targetInfos: TargetInfo[] };
  return targetInfos;
}

async function stopServiceWorker(cdp: CDPSession, extensionId: string): Promise<void> {
  const workerUrl = `chrome-extension://${extensionId}/background.js`;
  const running = async () => (await targets(cdp, 'service_worker')).find((t) => t.url === workerUrl);
  const worker = await running();
  if (!worker) throw new Error('The extension has no running service worker to stop');
  const closed = new Set([worker.targetId]);
  await cdp.send('Target.closeTarget', { targetId: worker.targetId });
  // A close that lands while the worker is busy starting can be lost: ask again until it is gone.
  // A worker with a new target is a new start (an event woke it at once): the old one did stop.
  await waitUntil('the service worker to stop', async () => {
    const still = await running();
    if (!still || !closed.has(still.targetId)) return true;
    await cdp.send('Target.closeTarget', { targetId: still.targetId }).catch(() => undefined);
    return undefined;
  }, 20_000, 200);
}

function serviceWorker(context: BrowserContext, extensionId: string): Worker {
  const worker = context.serviceWorkers().find((w) => w.url() === `chrome-extension://${extensionId}/background.js`);
  if (!worker) throw new Error('The extension has no running service worker');
  return worker;
}

async function inExtensionPage<T>(context: BrowserContext, extensionId: string, fn: (() => Promise<T>) | string): Promise<T> {
  const page = await context.newPage();
  try {
    await page.goto(`chrome-extension://${extensionId}/options.html`);
    return (await page.evaluate(fn)) as T;
  } finally {
    await page.close();
  }
}

async function reloadExtension(cdp: CDPSession, context: BrowserContext, extensionId: string): Promise<void> {
  const workerUrl = `chrome-extension://${extensionId}/background.js`;
  const workers = async () => (await targets(cdp, 'service_worker')).filter((t) => t.url === workerUrl).map((t) => t.targetId);
  const before = new Set(await workers());
  // The extension page that asks for the reload goes down with the extension.
  await inExtensionPage(context, extensionId, async () => chrome.runtime.reload()).catch(() => undefined);
  await waitUntil('the reloaded extension’s service worker', async () => ((await workers()).some((id) => !before.has(id)) ? true : undefined), 20_000, 200);
}
