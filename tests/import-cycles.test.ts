import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { filesUnder, importsOf } from './support/project-imports';

/**
 * Every import cycle among the files under `folder` (type-only imports count: a cycle of types is
 * still two modules that cannot be read one without the other), each as the files around it,
 * starting from its first file in sort order.
 */
function importCycles(root: string, folder: string): string[][] {
  const files = filesUnder(root, folder).sort();
  const edges = new Map(files.map((file) => [file, [...new Set(importsOf(root, file).flatMap(({ target }) => (target && files.includes(target) ? [target] : [])))].sort()]));
  const cycles = new Map<string, string[]>();
  const finished = new Set<string>();
  const path: string[] = [];
  const visit = (file: string) => {
    const at = path.indexOf(file);
    if (at >= 0) {
      const cycle = path.slice(at);
      const first = cycle.indexOf([...cycle].sort()[0]!);
      const rotated = [...cycle.slice(first), ...cycle.slice(0, first)];
      cycles.set(rotated.join(' → '), rotated);
      return;
    }
    if (finished.has(file)) return;
    path.push(file);
    for (const next of edges.get(file)!) visit(next);
    path.pop();
    finished.add(file);
  };
  for (const file of files) visit(file);
  return [...cycles.values()];
}

describe('imports in utils/', () => {
  it('form no cycle: each module can be read, and tested, after the ones it builds on', () => {
    expect(importCycles(process.cwd(), 'utils')).toEqual([]);
  });

  describe('the check itself', () => {
    const root = mkdtempSync(join(tmpdir(), 'import-cycles-'));
    afterAll(() => rmSync(root, { recursive: true, force: true }));
    const write = (path: string, text: string) => {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), text);
    };

    it('finds cycles through relative, @/ and type-only imports, and ignores comments and packages', () => {
      write('utils/a/one.ts', "import type { Two } from '../b/two';\nimport { z } from 'zod';\n");
      write('utils/b/two.ts', "export * from '@/utils/a/three';\n// import { one } from '../a/one';\n");
      write('utils/a/three.ts', "import { one } from './one';\n");
      write('utils/a/self.ts', "export const again = () => import('./self');\n");
      write('utils/a/leaf.ts', "import { one } from './one';\n");
      expect(importCycles(root, 'utils')).toEqual([['utils/a/one.ts', 'utils/b/two.ts', 'utils/a/three.ts'], ['utils/a/self.ts']]);
    });
  });
});
