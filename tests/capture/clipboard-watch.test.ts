import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import clipboardWatch from '@/entrypoints/clipboard-watch.content';
import { CLIPBOARD_WRITE_EVENT, MAX_HANDED_OVER_TEXT } from '@/utils/capture/clipboard-handover';
import { feedUrl } from '../support/feeds';

/** The page's Clipboard API: what it wrote, in order. */
let written: unknown[];
/** What the script in the page's world handed over to the content script. */
let handedOver: unknown[];
const hearHandOver = (event: Event) => handedOver.push((event as CustomEvent).detail);

/** The browser's user activation as the page's world sees it (undefined: a browser that does not tell). */
function activation(isActive: boolean | undefined) {
  Object.defineProperty(navigator, 'userActivation', { configurable: true, get: () => (isActive === undefined ? undefined : { isActive }) });
}

beforeEach(() => {
  written = [];
  handedOver = [];
  class Clipboard {
    async writeText(text: string) {
      written.push(text);
    }
  }
  vi.stubGlobal('Clipboard', Clipboard);
  document.addEventListener(CLIPBOARD_WRITE_EVENT, hearHandOver);
  clipboardWatch.main!({} as never);
});
afterEach(() => {
  document.removeEventListener(CLIPBOARD_WRITE_EVENT, hearHandOver);
  vi.unstubAllGlobals();
  activation(true);
});

const writeText = (text: unknown) => (new (globalThis.Clipboard as unknown as new () => Clipboard)()).writeText(text as string);

describe('the console’s Copy buttons, seen from the page’s own world', () => {
  it('hands over a text written during the person’s click, and writes it as the page asked', async () => {
    activation(true);
    await writeText(feedUrl(0));
    expect(handedOver).toEqual([feedUrl(0)]);
    expect(written).toEqual([feedUrl(0)]);
  });

  it.each<[string, boolean | undefined, unknown, boolean]>([
    ['a write the page makes by itself is not handed over', false, feedUrl(0), false],
    ['a write in a browser that does not tell is handed over (the content script checks it)', undefined, feedUrl(0), true],
    [`a text of ${MAX_HANDED_OVER_TEXT} characters is handed over`, true, 'x'.repeat(MAX_HANDED_OVER_TEXT), true],
    [`a text longer than ${MAX_HANDED_OVER_TEXT} characters is not`, true, 'x'.repeat(MAX_HANDED_OVER_TEXT + 1), false],
    ['something that is not text is not', true, { toString: () => feedUrl(0) }, false],
    ['a list holding a feed URL is not, short as it is', true, [feedUrl(0)], false],
  ])('%s', async (_, isActive, text, expected) => {
    activation(isActive);
    await writeText(text);
    expect(handedOver).toEqual(expected ? [text] : []);
    expect(written).toEqual([text]);
  });
});

describe('a page without the Clipboard API', () => {
  it('is left alone', () => {
    vi.stubGlobal('Clipboard', undefined);
    expect(() => clipboardWatch.main!({} as never)).not.toThrow();
  });

  it('is left alone when its Clipboard cannot write text', () => {
    class Clipboard {}
    vi.stubGlobal('Clipboard', Clipboard);
    clipboardWatch.main!({} as never);
    expect('writeText' in Clipboard.prototype).toBe(false);
  });
});
