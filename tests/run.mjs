// `npm test`: typecheck, unit tests, production builds (Chrome, Firefox + lint), end-to-end tests in Chromium, then in Firefox.
// Ends with one line "N passed, N failed" counting every test and every check it ran.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const reportDir = mkdtempSync(join(tmpdir(), 'etf-autofill-test-'));
let passed = 0;
let failed = 0;

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

/** A vitest project: every test counts, and a file that fails to load counts as a failure. */
function vitest(project) {
  console.log(`\n▶ ${project} tests`);
  const report = join(reportDir, `${project}.json`);
  const ok = run('npx', ['vitest', 'run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`]);
  let counts = { numPassedTests: 0, numFailedTests: 0, numFailedTestSuites: 0 };
  try {
    counts = JSON.parse(readFileSync(report, 'utf8'));
  } catch {
    // No report: vitest itself failed to start, which the exit code below counts.
  }
  const suiteFailures = counts.testResults?.filter((file) => file.status === 'failed' && file.assertionResults.length === 0).length ?? 0;
  const failures = counts.numFailedTests + suiteFailures;
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

rmSync(reportDir, { recursive: true, force: true });
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
