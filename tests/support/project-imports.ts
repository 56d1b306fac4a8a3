import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/** Static imports and re-exports (`… from 'x'`, `import 'x'`) and dynamic `import('x')`. */
const IMPORT = /(?:\bfrom\s*|\bimport\s*\(?\s*)(['"])([^'"]+)\1/g;

/** The TypeScript files under `folder` (relative to `root`), as project paths. */
export function filesUnder(root: string, folder: string): string[] {
  return readdirSync(join(root, folder)).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(join(root, path)).isDirectory()) return filesUnder(root, path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

/** Comments say what code does in words ("the browser."); only code counts. URLs (`https://`) stay. */
export function withoutComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

/** The project file an import names (relative or `@/`), or null for a package. */
export function resolveImport(root: string, from: string, specifier: string): string | null {
  let base: string;
  if (specifier.startsWith('@/')) base = join(root, specifier.slice(2));
  else if (specifier.startsWith('.')) base = resolve(root, dirname(from), specifier);
  else return null;
  const file = ['', '.ts', '.tsx', '/index.ts', '/index.tsx'].map((ending) => base + ending).find((path) => existsSync(path) && statSync(path).isFile());
  return relative(root, file ?? base).split('\\').join('/');
}

/** What a file's code (comments aside) imports, type-only imports included: each specifier and, for a project file, its path. */
export function importsOf(root: string, file: string): { specifier: string; target: string | null }[] {
  const code = withoutComments(readFileSync(join(root, file), 'utf8'));
  return [...code.matchAll(IMPORT)].map(([, , specifier]) => ({ specifier: specifier!, target: resolveImport(root, file, specifier!) }));
}
