import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { screenshotPath } from './support/screenshots';
import { waitUntil } from './support/wait';

const DEMO = ['node_modules/.bin/jiti', 'scripts/demo.ts', '--headless'];

// The demo's own temporary folder, so its Chromium profile is told apart from any other Chromium
// running on the machine (another test run's included).
const DEMO_TMP = mkdtempSync(join(tmpdir(), 'etf-autofill-demo-test-'));
afterAll(() => rmSync(DEMO_TMP, { recursive: true, force: true, maxRetries: 5 }));

/** Chromium processes started for the demo's profile; none may outlive the demo. */
function demoChromiums(): number {
  const { stdout } = spawnSync('pgrep', ['-f', '--', `--user-data-dir=${DEMO_TMP}/`], { encoding: 'utf8' });
  return stdout.split('\n').filter(Boolean).length;
}

function runDemo(args: string[]) {
  const child = spawn('node', [...DEMO, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, TMPDIR: DEMO_TMP } });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, output: () => output };
}

it('npm run demo -- --headless walks the whole flow and exits 0, with a screenshot per step', async () => {
  const shots = screenshotPath('demo');
  // Emptied first, so the files below are this run's.
  rmSync(shots, { recursive: true, force: true });
  const demo = runDemo(['--output', shots]);
  expect(await demo.exited).toBe(0);
  expect(demo.output()).toContain('✔ Step 5/9: The form is filled and not submitted');
  expect(demo.output()).toContain('✔ Step 6/9: Add a second feed to the gateway from the console: Add to opens ETF Autofill’s own window');
  expect(demo.output()).toContain('✔ Step 7/9: Press Add in ETF Autofill’s window: the gateway opens in a new tab, its form filled');
  expect(demo.output()).toContain('✔ Step 8/9: On the gateway, a source made by hand shows its mistakes; Fix corrects them');
  expect(demo.output()).toContain('✔ Step 9/9: Paste a feed URL into the gateway’s form and Submit: the sources list says to Commit Changes');
  expect(demo.output()).toContain('Every step worked.');
  expect(readdirSync(shots).sort()).toEqual(['1-feed-captured.png', '2-popup.png', '3-check-feed.png', '4-autofill.png', '5-form-filled.png', '6-confirm-add.png', '7-add-to-gateway.png', '8-source-checked.png', '9-commit-reminder.png']);
  expect(demoChromiums()).toBe(0);
}, 90_000);

it('Ctrl+C stops the demo cleanly: no Chromium or server is left behind', async () => {
  const demo = runDemo(['--output', 'demo-output']);
  await waitUntil('the demo to start its walk', async () => (demo.output().includes('Step 1/9') ? true : undefined), 30_000);
  expect(demoChromiums()).toBeGreaterThan(0);
  demo.child.kill('SIGINT');
  expect(await demo.exited).toBe(130);
  expect(demo.output()).toContain('Stopping: closing Chromium and the local servers.');
  await waitUntil('Chromium to be gone', async () => (demoChromiums() === 0 ? true : undefined));
  expect(existsSync('demo-output')).toBe(true);
}, 60_000);
