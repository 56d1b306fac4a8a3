// `npm run demo`: the whole flow on a built-in local world. With a display, a Chromium window to
// click through; without one (or with --headless), a scripted walk that saves screenshots in
// demo-output/ (or the folder given with --output).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { EXTENSION_DIR, launchExtensionBrowser, type ExtensionBrowser } from '../tests/e2e/support/extension-browser';
import type { FixtureServer } from '../tests/e2e/support/fixture-server';
import { startLocalWorld } from '../tests/e2e/support/local-world';
import { GATEWAY_ADD_SOURCE_PAGE, XDR_FEEDS_PAGE, runDemoWalk } from './demo-walk';

const OUTPUT_DIR = resolve(optionValue('--output') ?? 'demo-output');
const SOURCES = ['entrypoints', 'components', 'utils', 'wxt.config.ts', 'package.json'];

const headless = process.argv.includes('--headless') || !(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
let world: FixtureServer | undefined;
let browser: ExtensionBrowser | undefined;
/** Set by Ctrl+C: what fails after it (the walk, as its browser closes) is the stop, not a failure. */
let stopping = false;

let exiting: Promise<never> | undefined;

/** Closes Chromium and the servers, then exits with `code`; the first caller's code wins. */
function shutDown(code: number): Promise<never> {
  exiting ??= (async () => {
    await browser?.close().catch(() => undefined);
    await world?.close().catch(() => undefined);
    process.exit(code);
  })();
  return exiting;
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    stopping = true;
    console.log('\nStopping: closing Chromium and the local servers.');
    void shutDown(130);
  });
}

try {
  buildIfNeeded();
  console.log('Starting the local world: XDR and Threat Response consoles, a Cloud Gateway, the feed endpoint (loopback only).');
  world = await startLocalWorld();
  console.log(`Launching Chromium with ETF Autofill${headless ? ' (headless)' : ''}.`);
  browser = await launchExtensionBrowser({ hostRules: world.hostRules, headless });

  if (headless) {
    await runDemoWalk(browser, OUTPUT_DIR, (line) => console.log(line));
    console.log(`\nEvery step worked. Screenshots: ${OUTPUT_DIR}`);
    await shutDown(0);
  } else {
    const consolePage = browser.context.pages()[0] ?? (await browser.context.newPage());
    await consolePage.goto(XDR_FEEDS_PAGE);
    await (await browser.context.newPage()).goto(GATEWAY_ADD_SOURCE_PAGE);
    const editSourceExample = new URL('../edit_source/?source=hand-made', GATEWAY_ADD_SOURCE_PAGE).href;
    await consolePage.bringToFront();
    console.log(`
In the Chromium window:
  1. Pin ETF Autofill: the puzzle-piece button in the toolbar, then the pin beside it.
  2. In the "Feeds | Cisco XDR" tab, click "Phishing domains", then its "Copy feed URL": a note beside
     the URL confirms the capture. Click "C2 IP addresses" to see how a Judgements feed is flagged.
  3. Click the ETF Autofill button: the popup shows the feeds. Press "Check feed".
  4. Switch to the "External Threat Feeds Manager" tab, open the popup, press "Autofill Add Source form".
     The form is filled, focus is on Submit, and nothing is submitted.
  5. Back in XDR, close the drawer, open "Malware hashes" and copy its Feed URL: the note now offers
     "Add to dh1234-esa1.iphmx.com". Click it: ETF Autofill's own window names the feed and the
     gateway; press "Add to dh1234-esa1.iphmx.com" there, and a new tab opens with the form filled.
  6. In XDR, open "New Feed" and set Output to Judgments: the form warns at once.
  7. On the gateway, open ${editSourceExample}: a source made by hand, its mistakes
     named beside its fields; press "Fix".
  8. Copy a feed URL from XDR and paste it into any field of a gateway form: the form fills. Submit
     on the Edit Source page: the sources list reminds you to press Commit Changes.
Close the window or press Ctrl+C here to stop.`);
    await new Promise<void>((done) => browser!.context.once('close', () => done()));
    await shutDown(0);
  }
} catch (error) {
  if (!stopping) {
    console.error(`\n✘ ${error instanceof Error ? error.message : String(error)}`);
    await shutDown(1);
  }
}

function optionValue(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

/** Builds the extension when there is no build, or a source file is newer than it. */
function buildIfNeeded(): void {
  const manifest = join(EXTENSION_DIR, 'manifest.json');
  const builtAt = existsSync(manifest) ? statSync(manifest).mtimeMs : 0;
  if (builtAt > 0 && SOURCES.every((source) => newestChange(source) < builtAt)) return;
  console.log('Building the extension…');
  const { status } = spawnSync('npx', ['wxt', 'build'], { stdio: 'inherit' });
  if (status !== 0) throw new Error('The extension did not build; see the messages above.');
}

function newestChange(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((entry) => newestChange(join(path, entry))));
}
