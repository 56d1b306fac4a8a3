// `npm test`: typecheck, unit tests, production builds (Chrome, Firefox + lint), end-to-end tests in Chromium, then in Firefox.
// Ends with one line "N passed, N failed" counting every test and every check it ran. A test that
// did not run (skipped, todo) counts as failed: a green line means every test ran and passed.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

const reportDir = mkdtempSync(join(tmpdir(), 'etf-autofill-test-'));
let passed = 0;
let failed = 0;

/** What `git status` lists (changed and untracked files), or null outside a git checkout. */
function workingTreeChanges() {
  const { status, stdout } = spawnSync('git', ['status', '--porcelain'], { encoding: 'utf8' });
  return status === 0 ? stdout : null;
}
// Only a clean tree can show that the tests left it clean; local edits are not the tests' doing.
const treeWasClean = workingTreeChanges() === '';

function run(command, args) {
  const { status, error } = spawnSync(command, args, { stdio: 'inherit' });
  return status === 0 && !error;
}

/** A step that is one check: it passes or fails as a whole. */
function check(name, command, args) {
  console.log(`\n▶ ${name}`);
  const ok = run(command, args);
  if (ok) passed++;
  else failed++;
  console.log(`${ok ? '✔' : '✘'} ${name}`);
  return ok;
}

/**
 * A vitest project: every test counts, a test that did not run (skipped, todo) counts as a failure,
 * and so does a file that fails outside its tests (it does not load, or a check in a hook fails).
 */
function vitest(project) {
  console.log(`\n▶ ${project} tests`);
  const report = join(reportDir, `${project}.json`);
  const ok = run('npx', ['vitest', 'run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`]);
  let counts = { numPassedTests: 0, numFailedTests: 0, testResults: [] };
  try {
    counts = JSON.parse(readFileSync(report, 'utf8'));
  } catch {
    // No report: vitest itself failed to start, which the exit code below counts.
  }
  // A file that failed outside its tests: it did not load, or a hook (an afterAll check) failed.
  const fileFailures = counts.testResults.filter((file) => file.status === 'failed' && !file.assertionResults.some((test) => test.status === 'failed'));
  for (const file of fileFailures) console.log(`✘ failed outside its tests: ${relative(process.cwd(), file.name)}`);
  const notRun = counts.testResults.flatMap((file) =>
    file.assertionResults
      .filter((test) => test.status !== 'passed' && test.status !== 'failed')
      .map((test) => `${relative(process.cwd(), file.name)} > ${test.fullName} (${test.status})`),
  );
  for (const test of notRun) console.log(`✘ not run: ${test}`);
  const failures = counts.numFailedTests + fileFailures.length + notRun.length;
  passed += counts.numPassedTests;
  failed += failures > 0 || ok ? failures : 1;
}

check('typecheck', 'npm', ['run', '--silent', 'typecheck']);
vitest('unit');
const built = check('production build', 'npx', ['wxt', 'build']);
const firefoxBuilt = check('Firefox build and web-ext lint (no errors)', 'npm', ['run', '--silent', 'lint:firefox']);
if (built && firefoxBuilt) {
  vitest('e2e');
} else {
  console.log('✘ e2e tests not run: a build failed');
  failed++;
}
if (firefoxBuilt) {
  vitest('firefox');
} else {
  console.log('✘ Firefox tests not run: the Firefox build failed');
  failed++;
}

if (treeWasClean) {
  console.log('\n▶ the working tree is unchanged by the tests');
  const changes = workingTreeChanges();
  const unchanged = changes === '';
  if (unchanged) passed++;
  else failed++;
  console.log(unchanged ? '✔ the working tree is unchanged by the tests' : `✘ the tests changed the working tree:\n${changes}`);
}

rmSync(reportDir, { recursive: true, force: true });
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
