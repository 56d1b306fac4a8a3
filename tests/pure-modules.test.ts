import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FEED_IDS, SECRETS, feedUrl } from './support/feeds';
import { filesUnder, importsOf, withoutComments } from './support/project-imports';

/**
 * The feed engine (and later the form filler) runs anywhere: in the popup, the background, a content
 * script, a plain Node process. Nothing it loads, however indirectly, may reach for the extension's
 * APIs or its wording; it answers in codes and the UI words them.
 */
const PURE_FOLDERS = ['utils/feed', 'utils/check-feed', 'utils/gateway'];

const FORBIDDEN_PACKAGES = [/^wxt\/browser$/, /^wxt\/utils\//, /^webextension-polyfill$/, /^@wxt-dev\/webextension-polyfill/];
/** `browser.` or `chrome.` as an identifier: not part of a longer name, a property or a URL. */
const EXTENSION_GLOBAL = /(?<![\w$./])(browser|chrome)\s*\??\.\s*[a-zA-Z_$]/;
/** A pure module loads packages and other pure modules only: every other folder of `utils/` is the extension's. */
const isPure = (path: string) => !path.startsWith('utils/') || PURE_FOLDERS.some((folder) => path.startsWith(`${folder}/`));

/** Every way the files under `folder`, and everything they load, reach the extension. */
function impurities(root: string, folder: string): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  const queue = filesUnder(root, folder);
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    if (!existsSync(join(root, file))) {
      problems.push(`${file}: imported, but no such file`);
      continue;
    }
    const global = EXTENSION_GLOBAL.exec(withoutComments(readFileSync(join(root, file), 'utf8')));
    if (global) problems.push(`${file}: uses ${global[1]}.`);
    for (const { specifier, target } of importsOf(root, file)) {
      if (FORBIDDEN_PACKAGES.some((pattern) => pattern.test(specifier))) problems.push(`${file}: imports ${specifier}`);
      if (target === null) continue;
      if (!isPure(target)) problems.push(`${file}: imports ${target}`);
      queue.push(target);
    }
  }
  return problems.sort();
}

describe('pure modules', () => {
  it.each(PURE_FOLDERS)('nothing %s loads reaches the extension APIs or its wording', (folder) => {
    expect(filesUnder(process.cwd(), folder).length).toBeGreaterThan(0);
    expect(impurities(process.cwd(), folder)).toEqual([]);
  });

  describe('the check itself', () => {
    const root = mkdtempSync(join(tmpdir(), 'pure-modules-'));
    afterAll(() => rmSync(root, { recursive: true, force: true }));
    const write = (path: string, text: string) => {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), text);
    };

    it('follows static, re-exported, dynamic, relative and @/ imports, and ignores words in comments', () => {
      write('utils/feed/a.ts', "import { b } from './b';\nexport * from '@/utils/feed/c';\n// Runs in the browser. Like chrome.\n");
      write('utils/feed/b.ts', "export const b = () => import('../shared/d');\nexport const url = 'https://chrome.google.com';\n");
      write('utils/feed/c.ts', "/* browser.i18n is not for here */\nexport const c = 1;\n");
      write('utils/shared/d.ts', "import { t } from '../i18n/i18n';\nimport 'wxt/utils/define-content-script';\nexport const d = chrome.runtime.id;\n");
      write('utils/shared/e.tsx', "import { browser } from 'wxt/browser';\n"); // not loaded by utils/feed
      write('utils/i18n/i18n.ts', "import { browser } from 'wxt/browser';\nexport const t = browser.i18n.getMessage;\n");
      write('utils/feed/f.ts', "import { x } from '../extension/x';\nconst y = browser?.storage;\nimport p from 'webextension-polyfill';\n");
      write('utils/extension/x.ts', 'export const x = 1;\n');
      expect(impurities(root, 'utils/feed')).toEqual([
        'utils/feed/b.ts: imports utils/shared/d.ts',
        'utils/feed/f.ts: imports utils/extension/x.ts',
        'utils/feed/f.ts: imports webextension-polyfill',
        'utils/feed/f.ts: uses browser.',
        'utils/i18n/i18n.ts: imports wxt/browser',
        'utils/i18n/i18n.ts: uses browser.',
        'utils/shared/d.ts: imports utils/i18n/i18n.ts',
        'utils/shared/d.ts: imports wxt/utils/define-content-script',
        'utils/shared/d.ts: uses chrome.',
      ]);
    });
  });
});

describe('the feed engine and the form filler in a plain Node process', () => {
  it('parses a feed URL with no browser, no chrome and no extension around it, and loads the filler', () => {
    const script = `
      import { createJiti } from 'jiti';
      const jiti = createJiti(process.cwd() + '/');
      const { parseFeedUrl } = await jiti.import('./utils/feed/feed-url.ts');
      const { fillEtfForm, inspectEtfForm } = await jiti.import('./utils/gateway/etf-form.ts');
      console.log(JSON.stringify({ browser: typeof browser, chrome: typeof chrome, filler: [typeof fillEtfForm, typeof inspectEtfForm] }));
      console.log(JSON.stringify(parseFeedUrl(process.argv[1])));
    `;
    const url = `Feed URL: ${feedUrl(1, 'private.intel.eu.amp.cisco.com:8443')}`;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script, url], { encoding: 'utf8', timeout: 30_000 });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout.trim().split('\n').map((line) => JSON.parse(line))).toEqual([
      { browser: 'undefined', chrome: 'undefined', filler: ['function', 'function'] },
      {
        ok: true,
        fields: { hostname: 'private.intel.eu.amp.cisco.com', pollingPath: `/ctia/feed/${FEED_IDS[1]}/view`, collectionName: SECRETS[1] },
        port: 8443,
        feedId: FEED_IDS[1],
        region: 'eu',
        warnings: [{ code: 'txt-view' }, { code: 'custom-port' }],
      },
    ]);
  });
});
