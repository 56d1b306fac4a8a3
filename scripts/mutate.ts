// `npm run mutate`: Stryker (stryker.config.mjs) over the unit tests, then MUTATION.md with the
// scores by area and file and every mutant no test kills. `npm run mutate -- --mutate <file>` tries
// that file alone and prints the same to the terminal, leaving MUTATION.md as it is.
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { machine, mutationReport } from './mutation-report';

const args = process.argv.slice(2);
const subset = args.some((arg) => arg === '--mutate' || arg === '-m' || arg.startsWith('--mutate='));
// A subset keeps its own incremental file, so that it leaves the whole set's one (Stryker's default) whole.
const incrementalFile = subset ? 'reports/stryker-incremental-subset.json' : 'reports/stryker-incremental.json';
const full = !existsSync(incrementalFile) || args.includes('--force');

const start = Date.now();
const stryker = spawnSync('npx', ['stryker', 'run', '--incrementalFile', incrementalFile, ...args], { stdio: 'inherit' });
if (stryker.status !== 0) process.exit(stryker.status ?? 1);
const minutes = Math.round((Date.now() - start) / 60_000);

const header =
  `Written by \`npm run mutate\` on ${new Date().toISOString().slice(0, 10)}, on ${machine()}; ` +
  `${full ? 'a full run' : 'an incremental run (only mutants whose code or tests changed were tried again)'} of ${minutes} min.`;
const { markdown, unexplained } = mutationReport(header);
if (subset) console.log(`\n${markdown}`);
else writeFileSync('MUTATION.md', markdown);
console.log(`${unexplained} mutant(s) no test kills and nobody explained${subset ? '' : '; MUTATION.md rewritten'}.`);
