import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { expect, it } from 'vitest';
import { screenshotPath } from './support/screenshots';
import { waitUntil } from './support/wait';

const DEMO = ['node_modules/.bin/jiti', 'scripts/demo.ts', '--headless'];

/** Chromium processes started for a profile of ours; none may outlive the demo. */
function ourChromiums(): number {
  const { stdout } = spawnSync('pgrep', ['-f', 'etf-autofill-e2e-'], { encoding: 'utf8' });
  return stdout.split('\n').filter(Boolean).length;
}

function runDemo(args: string[]) {
  const child = spawn('node', [...DEMO, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, output: () => output };
}

it('npm run demo -- --headless walks the whole flow and exits 0, with a screenshot per step', async () => {
  const before = ourChromiums();
  const shots = screenshotPath('demo');
  // Emptied first, so the files below are this run's.
  rmSync(shots, { recursive: true, force: true });
  const demo = runDemo(['--output', shots]);
  expect(await demo.exited).toBe(0);
  expect(demo.output()).toContain('✔ Step 5/5: The form is filled and not submitted');
  expect(demo.output()).toContain('Every step worked.');
  expect(readdirSync(shots).sort()).toEqual(['1-feed-captured.png', '2-popup.png', '3-check-feed.png', '4-autofill.png', '5-form-filled.png']);
  expect(ourChromiums()).toBe(before);
}, 90_000);

it('Ctrl+C stops the demo cleanly: no Chromium or server is left behind', async () => {
  const before = ourChromiums();
  const demo = runDemo(['--output', 'demo-output']);
  await waitUntil('the demo to start its walk', async () => (demo.output().includes('Step 1/5') ? true : undefined), 30_000);
  demo.child.kill('SIGINT');
  expect(await demo.exited).toBe(130);
  expect(demo.output()).toContain('Stopping: closing Chromium and the local servers.');
  await waitUntil('Chromium to be gone', async () => (ourChromiums() <= before ? true : undefined));
  expect(existsSync('demo-output')).toBe(true);
}, 60_000);
