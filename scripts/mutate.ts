// `npm run mutate`: Stryker (stryker.config.mjs) over the unit tests, then MUTATION.md with the
// scores by area and file and every mutant no test kills. `npm run mutate -- --mutate <files>` tries
// those files alone and prints the same for them to the terminal, leaving MUTATION.md as it is.
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { globPattern, machine, mutationReport } from './mutation-report';

const args = process.argv.slice(2);
const mutateAt = args.findIndex((arg) => arg === '--mutate' || arg === '-m' || arg.startsWith('--mutate='));
const asked = args[mutateAt]?.startsWith('--mutate=') ? args[mutateAt]!.slice('--mutate='.length) : args[mutateAt + 1];
/** The files asked for with `--mutate a.ts,b.ts` (line ranges dropped), or null for every area. */
const subset = mutateAt < 0 ? null : (asked ?? '').split(',').map((pattern) => globPattern(pattern.replace(/:[\d:-]+$/, '')));
// Stryker's incremental file keeps the results of the files a run did not try, so a subset's run
// and the whole set's share it.
const full = !existsSync('reports/stryker-incremental.json') || args.includes('--force');

const start = Date.now();
const stryker = spawnSync('npx', ['stryker', 'run', ...args], { stdio: 'inherit' });
if (stryker.status !== 0) process.exit(stryker.status ?? 1);
const minutes = Math.round((Date.now() - start) / 60_000);

const header =
  `Written by \`npm run mutate\` on ${new Date().toISOString().slice(0, 10)}, on ${machine()}; ` +
  `${full ? 'a full run' : 'an incremental run (only mutants whose code or tests changed were tried again)'} of ${minutes} min.`;
const { markdown, unexplained, score } = mutationReport(header, subset ? (file) => subset.some((pattern) => pattern.test(file)) : undefined);
if (subset) console.log(`\n${markdown}`);
else writeFileSync('MUTATION.md', markdown);
console.log(`${unexplained} mutant(s) no test kills and nobody explained${subset ? '' : '; MUTATION.md rewritten'}.`);
console.log(`Mutation score: ${score.toFixed(2)} %`);
