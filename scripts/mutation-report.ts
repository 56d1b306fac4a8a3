// The scores and survivors of Stryker's JSON report (mutation-testing-report-schema), by the areas of
// mutation-areas.json, as Markdown: MUTATION.md after a run over every area, the terminal after a subset.
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import areas from './mutation-areas.json';
import { EXPLAINED_SURVIVORS } from './mutation-survivors';

export const REPORT_FILE = 'reports/mutation/mutation.json';

interface Position {
  line: number;
  column: number;
}
interface Mutant {
  mutatorName: string;
  replacement?: string;
  status: 'Killed' | 'Survived' | 'NoCoverage' | 'Timeout' | 'CompileError' | 'RuntimeError' | 'Ignored' | 'Pending';
  static?: boolean;
  location: { start: Position; end: Position };
}
interface Report {
  files: Record<string, { source: string; mutants: Mutant[] }>;
  framework?: { version?: string };
}

type Counts = Record<'killed' | 'timeout' | 'survived' | 'noCoverage' | 'errors', number>;

function count(mutants: Mutant[]): Counts {
  const of = (...statuses: Mutant['status'][]) => mutants.filter((mutant) => statuses.includes(mutant.status)).length;
  return {
    killed: of('Killed'),
    timeout: of('Timeout'),
    survived: of('Survived'),
    noCoverage: of('NoCoverage'),
    errors: of('CompileError', 'RuntimeError'),
  };
}

/** Stryker's total score: detected ÷ (detected + undetected); a mutant that errs or is ignored counts neither way. */
function score({ killed, timeout, survived, noCoverage }: Counts) {
  const valid = killed + timeout + survived + noCoverage;
  return valid === 0 ? 100 : ((killed + timeout) / valid) * 100;
}

function row(name: string, mutants: Mutant[]) {
  const counts = count(mutants);
  const { killed, timeout, survived, noCoverage, errors } = counts;
  return `| ${name} | ${score(counts).toFixed(2)} % | ${killed} | ${timeout} | ${survived} | ${noCoverage} | ${errors} |`;
}

const TABLE_HEAD = '| | Score | Killed | Timeout | Survived | No coverage | Errors |\n| --- | --- | --- | --- | --- | --- | --- |';

/** A file pattern as the areas (and `--mutate`) write it: `*`, `{a,b}` and `**` for any folders. */
export const globPattern = (glob: string) =>
  new RegExp(
    `^${glob
      .replace(/\./g, '\\.')
      .replace(/\*\*\//g, '\0')
      .replace(/\*/g, '[^/]*')
      .replace(/\0/g, '(?:.*/)?')
      .replace(/\{([^}]*)\}/g, (_, names: string) => `(?:${names.split(',').join('|')})`)}$`,
  );
const areaOf = (file: string) => Object.entries(areas).find(([, globs]) => globs.some((glob) => globPattern(glob).test(file)))?.[0];

/** The mutated code as the source has it, line breaks included: what the table of explanations names. */
function original(source: string, { start, end }: Mutant['location']) {
  const lines = source.split('\n').slice(start.line - 1, end.line);
  lines[lines.length - 1] = lines.at(-1)!.slice(0, end.column - 1);
  lines[0] = lines[0]!.slice(start.column - 1);
  return lines.join('\n').trim();
}

const oneLine = (text: string, max = 80) => {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
};

/** Why a mutant that tests do not kill may stay, from the committed table; undefined when nobody said. */
function explanation(file: string, code: string, replacement: string) {
  return EXPLAINED_SURVIVORS.find((entry) => entry.file === file && entry.code === code && entry.replacement === replacement)?.why;
}

/** The mutants of one file that no test kills, each as a list item, and how many nobody explained. */
function survivors(file: string, source: string, mutants: Mutant[]): { items: string[]; unexplained: number } {
  let unexplained = 0;
  const items = mutants
    .filter((mutant) => mutant.status === 'Survived' || mutant.status === 'NoCoverage')
    .sort((a, b) => a.location.start.line - b.location.start.line || a.location.start.column - b.location.start.column)
    .map((mutant) => {
      const code = original(source, mutant.location);
      const replacement = mutant.replacement ?? '';
      const why = explanation(file, code, replacement);
      if (!why) unexplained++;
      const where = `${mutant.location.start.line}:${mutant.location.start.column}`;
      const status = mutant.status === 'NoCoverage' ? 'no coverage, ' : '';
      return (
        `- ${where} ${mutant.mutatorName} (${status}${mutant.static ? 'static' : 'runtime'}): \`${oneLine(code)}\` → \`${oneLine(replacement)}\`\n` +
        `  — ${why ?? '**not explained: kill it with a test, or say why it is equivalent**'}`
      );
    });
  return { items, unexplained };
}

/** The report of the files `shown` picks (every file when not given). */
export function mutationReport(header: string, shown: (file: string) => boolean = () => true): { markdown: string; unexplained: number; score: number } {
  const report = JSON.parse(readFileSync(REPORT_FILE, 'utf8')) as Report;
  const files = Object.entries(report.files)
    .filter(([file]) => shown(file))
    .sort(([a], [b]) => a.localeCompare(b));
  const byArea = Object.keys(areas)
    .map((area) => ({ area, files: files.filter(([file]) => areaOf(file) === area) }))
    .filter(({ files }) => files.length > 0);
  const all = files.flatMap(([, { mutants }]) => mutants);

  const lines = [
    '# Mutation testing',
    '',
    header,
    `Stryker ${report.framework?.version ?? ''} with its vitest runner, on the unit tests, per-test coverage; static mutants count.`,
    'A score is killed and timed-out mutants ÷ every mutant that ran or had no test (errors count neither way).',
    '',
    '## By area',
    '',
    TABLE_HEAD,
    ...byArea.map(({ area, files }) => row(area, files.flatMap(([, { mutants }]) => mutants))),
    row('**all**', all),
    '',
    '## By file',
    '',
    TABLE_HEAD,
    ...files.map(([file, { mutants }]) => row(`\`${file}\``, mutants)),
    '',
    '## Mutants no test kills',
    '',
    'Each with where it is (line:column), the mutator, the code and what it became, and why it may stay.',
  ];
  let unexplained = 0;
  for (const [file, { source, mutants }] of files) {
    const found = survivors(file, source, mutants);
    unexplained += found.unexplained;
    if (found.items.length > 0) lines.push('', `### \`${file}\``, '', ...found.items);
  }
  if (!files.some(([, { mutants }]) => mutants.some((mutant) => mutant.status === 'Survived' || mutant.status === 'NoCoverage'))) lines.push('', 'None.');
  return { markdown: `${lines.join('\n')}\n`, unexplained, score: score(count(all)) };
}

export const machine = () => `${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores; Node ${process.version}`;
