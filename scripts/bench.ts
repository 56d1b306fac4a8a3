// `npm run bench`: bundle sizes, parser speed, content-script overhead, popup readiness, fill time
// and the service worker's wake-up, against budgets. Prints a table, rewrites BENCH.md, and exits
// non-zero when a budget is missed.
import { execSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { EXTENSION_DIR, launchExtensionBrowser, launchPlainChromium, type ExtensionBrowser } from '../tests/e2e/support/extension-browser';
import type { FixtureServer } from '../tests/e2e/support/fixture-server';
import { FIXTURE_FEEDS, startLocalWorld } from '../tests/e2e/support/local-world';
import { measureFreshPopup, measurePlacement } from './bench-popup';
import { GATEWAY_WATCH_SCRIPT } from '../utils/gateway/gateway-hosts';

interface Row {
  metric: string;
  value: string;
  budget?: string;
  /** How far past its budget, when it is; empty when within. */
  miss?: string;
}

const rows: Row[] = [];
const RUNS = 5;
/** Worker wake-ups per build: each is short, and the first of a fresh browser is slower. */
const WAKE_UPS = 9;
const KB = 1024;

/** A budget is the most (`max`) or the least (`min`) a value may be. */
type Budget = { max: number } | { min: number };

function record(metric: string, value: number, unit: string, budget?: Budget) {
  const format = (n: number) => `${n.toFixed(unit === 'kB' || unit === '×' ? 2 : unit === 'px' ? 0 : 1)} ${unit}`;
  rows.push({ metric, value: format(value), ...(budget && judge(value, budget, format)) });
}

function judge(value: number, budget: Budget, format: (n: number) => string): Pick<Row, 'budget' | 'miss'> {
  const [sign, limit, excess, side] =
    'max' in budget ? ['≤', budget.max, value - budget.max, 'over'] : ['≥', budget.min, budget.min - value, 'under'];
  return {
    budget: `${sign} ${format(limit)}`,
    miss: excess > 0 ? `${side} by ${format(excess)} (${((excess / limit) * 100).toFixed(0)}%)` : undefined,
  };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

// 1. Bundles: every file each entry loads, raw and gzip; the store packages.
function bundleSizes() {
  const sizeOf = (files: string[]) => {
    const bytes = files.map((file) => readFileSync(join(EXTENSION_DIR, file)));
    return { raw: bytes.reduce((n, b) => n + b.length, 0) / KB, gzip: bytes.reduce((n, b) => n + gzipSync(b, { level: 9 }).length, 0) / KB };
  };
  const pageFiles = (html: string) =>
    [...readFileSync(join(EXTENSION_DIR, html), 'utf8').matchAll(/(?:src|href)="\/([^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
  const entries: [string, string[], number | undefined][] = [
    // 20 → 21 kB for where each feed went (under the feed, and before Autofill) and the popup asking
    // its tab itself, without the service worker.
    ['popup', pageFiles('popup.html'), 21],
    // With the small main-world script that sees the console's Clipboard API copies.
    ['content script', ['content-scripts/cisco.js', 'content-scripts/clipboard-watch.js'], 12],
    // 14 kB was set before the background took on Add to, the trusted gateway list and the one
    // fill path of the popup, the keyboard and Add to. The stack alone (the polyfill, zod and the
    // twelve messages' schemas) is 9.5 kB; what the person pays for the rest is measured below, in
    // the worker's wake-up. This budget holds the size where it is, so growth has to be argued for:
    // 19 → 19.5 kB for the Add to confirmation (its request store and message) and the rule that
    // plain-http gateways get no trust; the stored feed's checks were made cheaper to pay for most of it.
    // 19.5 → 23 kB for the gateway side: its five messages, the check of a hand-made source (run
    // here, with the kept feeds, so the script in the gateway's pages stays small), where each feed
    // went, the commit reminder, the gateway script's registration and the organisation's gateways.
    ['background', ['background.js'], 23],
    ['options page', pageFiles('options.html'), undefined],
    // Loaded on every gateway page: a glance for the External Threat Feeds pages.
    ['gateway script, every gateway page', [GATEWAY_WATCH_SCRIPT], 3],
    // Injected on External Threat Feeds pages (and by the popup's Autofill on any tab): the form
    // filler, paste to split, the check's notes and Fix, the commit reminder.
    ['gateway script, External Threat Feeds pages', ['gateway-form.js'], 8],
  ];
  for (const [name, files, budget] of entries) {
    const { raw, gzip } = sizeOf(files);
    record(`${name}: raw`, raw, 'kB');
    record(`${name}: gzip`, gzip, 'kB', budget === undefined ? undefined : { max: budget });
  }
  execSync('npx wxt zip && npx wxt zip -b firefox --mv3', { stdio: 'ignore' });
  const version = JSON.parse(readFileSync('package.json', 'utf8')).version;
  for (const browser of ['chrome', 'firefox']) {
    // 80 → 85 kB for the Add to confirmation window, the main-world Clipboard API watch, the
    // content script's trust and cost rules and their messages in three languages (which ship
    // minified, without the translators' notes). 85 → 100 kB for the gateway side: its two scripts,
    // the form check in the background, and some sixty new messages in each of three languages.
    record(`${browser} package (zip)`, statSync(`.output/etf-autofill-${version}-${browser}.zip`).size / KB, 'kB', { max: 100 });
  }
}

// 2. The parser, against the URL constructor alone on the same inputs.
async function parserSpeed() {
  const { parseFeedUrl } = await import('../utils/feed/feed-url');
  const inputs = FIXTURE_FEEDS.flatMap((f) => [
    `https://${f.host}/ctia/feed/${f.id}/view.txt?s=${f.secret}`,
    `  "https://${f.host}:443/ctia/feed/${f.id}/view?s=${f.secret}".`,
    `Feed URL: https://${f.host}/ctia/feed/https%3A%2F%2F${f.host}%3A443%2Fctia%2Ffeed%2F${f.id}/view.txt?s=${f.secret}`,
    `https://${f.host}/ctia/feed/${f.id}/view.txt?s=${f.secret.slice(0, 20)}`,
  ]);
  const time = (work: (input: string) => unknown) => {
    const rounds = 2_000;
    const start = performance.now();
    for (let i = 0; i < rounds; i++) for (const input of inputs) work(input);
    return (performance.now() - start) / (rounds * inputs.length);
  };
  time(parseFeedUrl); // warm up
  const parse = median(Array.from({ length: RUNS }, () => time(parseFeedUrl)));
  const url = median(Array.from({ length: RUNS }, () => time((input) => URL.parse(input.trim().replace(/^[^h]*/, '')))));
  record('parser: parses per second', 1_000 / parse / 1_000, 'k/s');
  record('parser: time ÷ URL constructor', parse / url, '×');
}

// 3–5. In Chromium: content-script overhead on a busy single-page console, popup readiness, fill time.
const BUSY_PAGE = `<!doctype html><html><body><main id="app"></main><script>
  const app = document.getElementById('app');
  const table = document.createElement('table');
  for (let i = 0; i < 1000; i++) {
    const row = table.insertRow();
    for (const text of ['Feed ' + i, i % 2 ? 'Observables' : 'Judgments', '2026-11-' + (i % 28 + 1), 'Admin']) row.insertCell().textContent = text;
  }
  app.append(table); // 1 table, 1,000 rows, 4,000 cells: some 5,000 nodes
  window.runWorkload = async () => {
    const start = performance.now();
    for (let step = 0; step < 200; step++) {
      for (let i = 0; i < 10; i++) {
        const n = step * 10 + i; // 2,000 mutations: texts, attributes, rows in and out
        const row = table.rows[n % 1000];
        if (n % 4 === 0) row.cells[0].textContent = 'Feed ' + n;
        else if (n % 4 === 1) row.setAttribute('aria-selected', String(n % 2 === 0));
        else if (n % 4 === 2) table.tBodies[0].append(table.insertRow());
        else table.rows[table.rows.length - 1].remove();
      }
      await new Promise((r) => setTimeout(r, 0));
    }
    await new Promise((r) => setTimeout(r, 150)); // the watcher's last batch falls inside the measure
    return performance.now() - start;
  };
</script></body></html>`;

/** The busy page's workload on `host` (a console's, a gateway's), with ÷ without the extension. */
async function contentScriptOverhead(world: FixtureServer, withExtension: ExtensionBrowser, host: string, name: string) {
  world.route(host, '/bench/busy', (_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html' });
    response.end(BUSY_PAGE);
  });
  const plain = await launchPlainChromium(world.hostRules);
  const runOnce = async (page: import('playwright-core').Page) => {
    await page.goto(`https://${host}/bench/busy`);
    const elapsed = await page.evaluate(() => (window as unknown as { runWorkload: () => Promise<number> }).runWorkload());
    await page.close();
    return elapsed;
  };
  // Runs alternate, so neither side gains from a machine that warms up or gets busier over time.
  const withoutTimes: number[] = [];
  const withTimes: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    withoutTimes.push(await runOnce(await plain.newPage()));
    withTimes.push(await runOnce(await withExtension.context.newPage()));
  }
  const without = median(withoutTimes);
  const withIt = median(withTimes);
  await plain.close();
  record(`${name} page workload, without the extension`, without, 'ms');
  record(`${name} page workload, with ÷ without`, withIt / without, '×', { max: 1.05 });
}

// A console list of many feeds, as single-page-app grids draw it: rows without column headers, cells
// that keep changing (a live "last polled" column, rows re-rendered with other feeds). The page
// counts the frames it draws for a fixed period and keeps the longest gap between two of them.
const FEEDS_PAGE = `<!doctype html><html><body><main id="app"></main><script>
  const ROWS = 500, PERIOD_MS = 4000, TICK_MS = 200, RERENDERED_PER_TICK = 50;
  const hex = (n) => n.toString(16).padStart(12, '0');
  const feedUrl = (n) => 'https://private.intel.amp.cisco.com/ctia/feed/feed-8f2b1c3e-5d4a-4e6f-9a7b-' + hex(n) +
    '/view.txt?s=0a1b2c3d-4e5f-4a6b-8c7d-' + hex(n);
  const output = (n) => (n % 3 ? 'Observables' : 'Judgments');
  const table = document.createElement('table');
  const body = table.createTBody();
  for (let i = 0; i < ROWS; i++) {
    const row = body.insertRow();
    for (const text of ['Feed ' + i, feedUrl(i), output(i), 'polled 0 s ago']) row.insertCell().textContent = text;
  }
  document.getElementById('app').append(table); // no <thead>, no column headers
  let tick = 0;
  const ticker = setInterval(() => {
    tick++;
    for (const row of body.rows) row.cells[3].firstChild.nodeValue = 'polled ' + tick + ' s ago';
    for (let k = 0; k < RERENDERED_PER_TICK; k++) {
      const i = (tick * RERENDERED_PER_TICK + k) % ROWS;
      const n = i + ROWS * (tick % 2); // the row now shows another feed, with its own Output
      const cells = body.rows[i].cells;
      cells[0].firstChild.nodeValue = 'Feed ' + n;
      cells[1].firstChild.nodeValue = feedUrl(n);
      cells[2].firstChild.nodeValue = output(n);
    }
  }, TICK_MS);
  window.frameCount = new Promise((resolve) => {
    const start = performance.now();
    let last = start, longest = 0, count = 0;
    const frame = (now) => {
      longest = Math.max(longest, now - last);
      last = now;
      count++;
      if (now - start < PERIOD_MS) return requestAnimationFrame(frame);
      clearInterval(ticker);
      resolve({ longest, count });
    };
    requestAnimationFrame(frame);
  });
</script></body></html>`;

async function feedsPageFrames(world: FixtureServer, withExtension: ExtensionBrowser) {
  world.route('xdr.us.security.cisco.com', '/bench/feeds', (_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html' });
    response.end(FEEDS_PAGE);
  });
  const runOnce = async (page: import('playwright-core').Page) => {
    // A page the extension freezes may not finish loading for long: its count starts as it parses.
    await page.goto('https://xdr.us.security.cisco.com/bench/feeds', { waitUntil: 'commit' });
    const counted = await page.waitForFunction(() => (window as unknown as { frameCount?: Promise<unknown> }).frameCount, undefined, { timeout: 120_000 });
    const frames = (await counted.jsonValue()) as { longest: number; count: number };
    await page.close();
    return frames;
  };
  const plain = await launchPlainChromium(world.hostRules);
  const without: { longest: number; count: number }[] = [];
  const withIt: { longest: number; count: number }[] = [];
  for (let run = 0; run < RUNS; run++) {
    without.push(await runOnce(await plain.newPage()));
    withIt.push(await runOnce(await withExtension.context.newPage()));
  }
  await plain.close();
  const longest = (runs: typeof without) => median(runs.map((r) => r.longest));
  const count = (runs: typeof without) => median(runs.map((r) => r.count));
  record('500-feed console list: longest frame, without the extension', longest(without), 'ms');
  record('500-feed console list: longest frame, with the extension', longest(withIt), 'ms');
  record('500-feed console list: longest frame, with ÷ without', longest(withIt) / longest(without), '×', { max: 2 });
  record('500-feed console list: frames drawn in 4 s, without the extension', count(without), 'frames');
  record('500-feed console list: frames drawn, with ÷ without', count(withIt) / count(without), '×', { min: 0.7 });
}

async function popupReadiness(browser: ExtensionBrowser) {
  const base = `chrome-extension://${browser.extensionId}`;
  const readyAt = async (path: string, ready: string) => {
    const times: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const page = await browser.context.newPage();
      await page.goto(`${base}/${path}`);
      await page.waitForFunction(ready);
      times.push(await page.evaluate(ready === 'true' ? '(performance.getEntriesByType("navigation")[0].loadEventEnd)' : 'window.__readyAt'));
      await page.close();
    }
    return median(times);
  };
  // A page of the extension that runs nothing: its own JSON file, loaded.
  const blank = await readyAt('managed_schema.json', 'true');
  const popup = await readyAt('popup.html', '(window.__readyAt ??= document.querySelector("main h1") ? performance.now() : undefined) !== undefined');
  record('popup ready', popup, 'ms');
  record('popup ready ÷ blank extension page', popup / blank, '×', { max: 1.5 });
}

async function fillTime(browser: ExtensionBrowser) {
  const times: number[] = [];
  const feed = FIXTURE_FEEDS[0];
  for (let run = 0; run < RUNS; run++) {
    const page = await browser.context.newPage();
    await page.goto('https://dh1234-esa1.iphmx.com/mail_policies/etf/add_source/');
    const url = page.url();
    times.push(
      await browser.inExtensionPage<number>(`(async () => {
        const [tab] = await chrome.tabs.query({ url: ${JSON.stringify(url)} });
        await chrome.scripting.executeScript({ target: { tabId: tab.id }, files: ['/gateway-form.js'] });
        const [{ result }] = await chrome.scripting.executeScript({
          target: { tabId: tab.id },
          // As the popup does: the form is inspected when it opens, and filled at the click.
          func: (values) => {
            globalThis.etfAutofill.inspect();
            const start = performance.now();
            globalThis.etfAutofill.fill({ values, focusSubmit: true });
            return performance.now() - start;
          },
          args: [${JSON.stringify({
            sourceName: 'Phishing_domains', description: 'Phishing domains', hostname: feed.host,
            pollingPath: `/ctia/feed/${feed.id}/view`, collectionName: feed.secret, pollingPort: '443',
            useHttps: true, configureUserCredentials: false, pollIntervalHours: '1', pollIntervalMinutes: '30', feedAgeDays: '7', pollSegmentDays: '2',
          })}],
        });
        return result;
      })()`),
    );
    await page.close();
  }
  record('Add Source fill, inside the page', median(times), 'ms', { max: 16 });
}

// 6. The service worker, woken as Chromium wakes it after 30 s idle (a capture, a popup, the
// keyboard): the time to its first answer, against the same build with an empty worker. What the
// background's size costs the person is the difference.
async function workerWakeUp(world: FixtureServer) {
  const emptyWorkerBuild = mkdtempSync(join(tmpdir(), 'etf-autofill-empty-worker-'));
  cpSync(EXTENSION_DIR, emptyWorkerBuild, { recursive: true });
  writeFileSync(join(emptyWorkerBuild, 'background.js'), 'chrome.runtime.onMessage.addListener((_message, _sender, reply) => reply(null));');
  try {
    const ours = await wakeUpTime(world);
    const empty = await wakeUpTime(world, emptyWorkerBuild);
    record('service worker asleep → first answer', ours, 'ms');
    record('… the same, with an empty service worker', empty, 'ms');
    record('service worker wake-up ÷ an empty one', ours / empty, '×', { max: 2 });
  } finally {
    rmSync(emptyWorkerBuild, { recursive: true, force: true });
  }
}

async function wakeUpTime(world: FixtureServer, extensionDir?: string): Promise<number> {
  const browser = await launchExtensionBrowser({ hostRules: world.hostRules, extensionDir });
  try {
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/managed_schema.json`);
    const times: number[] = [];
    for (let run = 0; run < WAKE_UPS; run++) {
      await browser.stopServiceWorker();
      // A message the extension refuses unread: the time is the worker's start, not any work.
      times.push(await page.evaluate(`(async () => {
        const start = performance.now();
        await chrome.runtime.sendMessage({ type: 'wake-up' });
        return performance.now() - start;
      })()`));
    }
    return median(times);
  } finally {
    await browser.close();
  }
}

// 7. The popup in a person's hands: the real toolbar popup of a fresh browser, each run.
async function popupInHand(world: FixtureServer) {
  const runs = [];
  for (let run = 0; run < RUNS; run++) runs.push(await measureFreshPopup(world));
  record('toolbar click → Autofill enabled, fresh browser', median(runs.map((r) => r.readyMs)), 'ms', { max: 300 });
  record('… of which the browser opening the popup', median(runs.map((r) => r.readyMs - r.pageMs)), 'ms');
  // On an External Threat Feeds page the gateway script is there already: the popup asks it, no injection, no service worker.
  record('… of which the popup page loading and finding the form', median(runs.map((r) => r.pageMs)), 'ms', { max: 40 });
  record('first Autofill click → report, fresh browser', median(runs.map((r) => r.firstFillMs)), 'ms', { max: 150 });
  record('later Autofill clicks → report', median(runs.flatMap((r) => r.laterFillMs)), 'ms', { max: 100 });
  for (const count of [1, 10]) {
    const place = await measurePlacement(world, count);
    record(`popup with ${count} feed(s): content height`, place.contentHeight, 'px');
    record(`popup with ${count} feed(s): Autofill's bottom edge (gateway tab)`, place.autofillBottom, 'px', { max: place.viewportHeight });
    record(`popup with ${count} feed(s): Copy Collection Name's bottom edge (console tab)`, place.copyBottom, 'px', { max: place.viewportHeight });
  }
}

function machine(): string {
  const chromiumVersion = spawnSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', ['--version'], { encoding: 'utf8' }).stdout.trim().split('\n').pop();
  return `${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores; Node ${process.version}; ${chromiumVersion}`;
}

execSync('npx wxt build', { stdio: 'ignore' });
bundleSizes();
await parserSpeed();
const world = await startLocalWorld();
const browser = await launchExtensionBrowser({ hostRules: world.hostRules });
try {
  await contentScriptOverhead(world, browser, 'xdr.us.security.cisco.com', 'console');
  await contentScriptOverhead(world, browser, 'dh1234-esa1.iphmx.com', 'gateway');
  await feedsPageFrames(world, browser);
  await popupReadiness(browser);
  await fillTime(browser);
} finally {
  await browser.close();
}
try {
  await workerWakeUp(world);
  await popupInHand(world);
} finally {
  await world.close();
}

const header = '| Measure | Value | Budget | |\n| --- | --- | --- | --- |';
const table = rows.map((r) => `| ${r.metric} | ${r.value} | ${r.budget ?? ''} | ${r.budget ? (r.miss ? `✘ ${r.miss}` : '✔') : ''} |`).join('\n');
const misses = rows.filter((r) => r.miss);
console.log(`${header}\n${table}`);
writeFileSync(
  'BENCH.md',
  `# Benchmark\n\nWritten by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}, on ${machine()}.\n` +
    `Timings are medians of ${RUNS} runs; sizes count every file an entry loads.\n\n${header}\n${table}\n`,
);
if (misses.length > 0) {
  console.error(`\n${misses.length} budget(s) missed:\n${misses.map((r) => `  ${r.metric}: ${r.value}, ${r.miss}`).join('\n')}`);
  process.exit(1);
}
console.log('\nEvery budget met.');
