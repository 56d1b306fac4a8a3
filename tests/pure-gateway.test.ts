import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// The form filler runs in pages and is worded elsewhere: it must not reach the extension's APIs,
// its wording or its plumbing, however indirectly.
const PURE_FOLDER = 'utils/gateway';
const FORBIDDEN_PACKAGES = ['wxt/browser', 'webextension-polyfill', '@wxt-dev/webextension-polyfill'];
const FORBIDDEN_FOLDERS = ['utils/i18n/', 'utils/extension/'];
const EXTENSION_GLOBAL = /\b(?:browser|chrome)\s*(?:\.|\?\.|\[)/;

const ROOT = process.cwd();
const IMPORT = /(?:^|[^.\w])(?:import|export)\s[^'"`;]*?from\s*['"]([^'"]+)['"]|(?:^|[^.\w])import\s*(?:\(\s*)?['"]([^'"]+)['"]/g;

/** The source without comments, so a comment that mentions `browser.` does not count. */
function code(file: string): string {
  return readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

function resolveLocal(from: string, specifier: string): string | null {
  const base = specifier.startsWith('@/') ? join(ROOT, specifier.slice(2)) : specifier.startsWith('.') ? resolve(dirname(from), specifier) : null;
  if (base === null) return null;
  if (/\.json$/.test(base) && existsSync(base)) return null; // data, which imports nothing
  const file = [`${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), base].find((candidate) => /\.tsx?$/.test(candidate) && existsSync(candidate));
  if (!file) throw new Error(`${relative(ROOT, from)} imports ${specifier}, which is not a file here`);
  return file;
}

/** Whether an import names types only: the compiler drops it, so nothing of that module runs. */
function isTypeOnly(statement: string): boolean {
  if (/^\W?\s*(?:import|export)\s+type\s/.test(statement)) return true;
  const names = statement.match(/\{([^}]*)\}/)?.[1]?.split(',').map((name) => name.trim()).filter(Boolean);
  return !/\*|\bimport\s+\w/.test(statement.split('{')[0]!) && names !== undefined && names.length > 0 && names.every((name) => name.startsWith('type '));
}

/** Every forbidden import or global reached from `entry`, each with the import chain that reaches it. */
function impurities(entry: string): string[] {
  const found: string[] = [];
  const seen = new Set<string>();
  const visit = (file: string, chain: string[]) => {
    if (seen.has(file)) return;
    seen.add(file);
    const path = [...chain, relative(ROOT, file)];
    const source = code(file);
    if (FORBIDDEN_FOLDERS.some((folder) => relative(ROOT, file).startsWith(folder))) found.push(path.join(' → '));
    if (EXTENSION_GLOBAL.test(source)) found.push(`${path.join(' → ')} uses the browser/chrome global`);
    for (const match of source.matchAll(IMPORT)) {
      if (isTypeOnly(match[0])) continue;
      const specifier = (match[1] ?? match[2])!;
      if (FORBIDDEN_PACKAGES.some((name) => specifier === name || specifier.startsWith(`${name}/`))) found.push(`${path.join(' → ')} → ${specifier}`);
      const local = resolveLocal(file, specifier);
      if (local) visit(local, path);
    }
  };
  visit(entry, []);
  return found;
}

describe(`${PURE_FOLDER}/, the form filler`, () => {
  const files = readdirSync(PURE_FOLDER).filter((name) => /\.tsx?$/.test(name));

  it('has files to check', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(files)('%s reaches no browser API, i18n or extension plumbing', (name) => {
    expect(impurities(join(ROOT, PURE_FOLDER, name))).toEqual([]);
  });
});
