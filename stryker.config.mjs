// @ts-check
// `npm run mutate`: mutation testing of the feed engine, the form filler and the trust code against
// the unit tests, file by file; scripts/mutate.ts runs it and writes MUTATION.md by the areas of
// scripts/mutation-areas.json.

import areas from './scripts/mutation-areas.json' with { type: 'json' };

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.unit.config.ts' },
  coverageAnalysis: 'perTest',
  mutate: Object.values(areas).flat(),
  // Static mutants (run while a module loads) count: each costs a whole test run, but a constant
  // table (the token words, the host patterns) is where a wrong edit hides.
  ignoreStatic: false,
  // Everyday runs try only the mutants whose code or covering tests changed since the last run.
  // Its file (Stryker's default, reports/stryker-incremental.json) is a cache of this checkout's
  // last run, not a record: it stays out of git, as every report does.
  incremental: true,
  // Two cores: one runs the tests, one is left to the runner and everything else on the machine.
  concurrency: 1,
  // A loaded machine may run a test three times slower than the dry run timed it.
  timeoutFactor: 3,
  timeoutMS: 10_000,
  reporters: ['progress', 'clear-text', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  // The survivors are listed by scripts/mutate.ts, with their explanations.
  clearTextReporter: { reportMutants: false, reportTests: false },
  tempDirName: '.stryker-tmp',
};
