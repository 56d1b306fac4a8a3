import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const BUILD = '.output/chrome-mv3';
const read = (file: string) => readFileSync(join(BUILD, file), 'utf8');
/** The scripts an extension page loads, as its built HTML names them. */
const pageScripts = (html: string) => [...read(html).matchAll(/(?:src|href)="\/([^"]+\.js)"/g)].map((m) => m[1]!);

// Strings only the form filler holds: AsyncOS element ids it looks for, and its visibility check.
const FILLER_ONLY = ['use_https_yes', 'poll_chunk_size', 'checkVisibility'];

describe('the form filler in the Chrome build', () => {
  it('is in the script injected into the gateway tab', () => {
    const injected = read('gateway-form.js');
    expect(FILLER_ONLY.filter((text) => !injected.includes(text))).toEqual([]);
  });

  it.each([
    ['the background', ['background.js']],
    ['the popup', pageScripts('popup.html')],
    ['the options page', pageScripts('options.html')],
    ['the console content script', ['content-scripts/cisco.js']],
  ])('is not bundled into %s', (_, files) => {
    expect(files.length).toBeGreaterThan(0);
    const found = files.flatMap((file) => FILLER_ONLY.filter((text) => read(file).includes(text)).map((text) => `${file}: ${text}`));
    expect(found).toEqual([]);
  });
});
