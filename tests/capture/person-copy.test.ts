import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CLIPBOARD_WRITE_EVENT, MAX_HANDED_OVER_TEXT } from '@/utils/capture/clipboard-handover';
import { copiedFeedUrl, isCopyShortcut, watchPersonCopies } from '@/utils/capture/person-copy';
import { feedUrl } from '../support/feeds';

const URL_0 = feedUrl(0);

describe('copiedFeedUrl', () => {
  it.each([
    ['the URL alone', URL_0, URL_0],
    ['with whitespace around', `  ${URL_0}\n`, URL_0],
    ['with a Windows line ending', `${URL_0}\r\n`, URL_0],
    ['in quotes', `"${URL_0}"`, URL_0],
    ['in typographic quotes', `“${URL_0}”`, URL_0],
    ['with words before it', `Feed URL: ${URL_0}`, null],
    ['with words after it', `${URL_0} is ours`, null],
    ['two URLs', `${URL_0} ${feedUrl(1)}`, null],
    ['over http', URL_0.replace('https:', 'http:'), null],
    ['a URL that is not a feed', 'https://xdr.us.security.cisco.com/intelligence/feeds', null],
    ['nothing', '', null],
    [`padded to ${MAX_HANDED_OVER_TEXT} characters, the longest text handed over`, URL_0.padEnd(MAX_HANDED_OVER_TEXT), URL_0],
    ['padded one character past that', URL_0.padEnd(MAX_HANDED_OVER_TEXT + 1), null],
    ['megabytes of text', `${URL_0}${'x'.repeat(1_000_000)}`, null],
  ])('%s', (_, text, expected) => {
    expect(copiedFeedUrl(text)).toBe(expected);
  });
});

describe('isCopyShortcut', () => {
  it.each<[string, KeyboardEventInit, boolean]>([
    ['Ctrl+C', { key: 'c', code: 'KeyC', ctrlKey: true }, true],
    ['Cmd+C', { key: 'c', code: 'KeyC', metaKey: true }, true],
    ['Ctrl+C on a Cyrillic layout', { key: 'с', code: 'KeyC', ctrlKey: true }, true],
    ['Ctrl+C on a Dvorak layout, where C is not on the key KeyC', { key: 'c', code: 'KeyI', ctrlKey: true }, true],
    ['Ctrl+C on a Dvorak layout with Caps Lock on', { key: 'C', code: 'KeyI', ctrlKey: true }, true],
    ['Ctrl+Insert', { key: 'Insert', code: 'Insert', ctrlKey: true }, true],
    ['C alone', { key: 'c', code: 'KeyC' }, false],
    ['Ctrl+Shift+C (developer tools)', { key: 'C', code: 'KeyC', ctrlKey: true, shiftKey: true }, false],
    ['Ctrl+V', { key: 'v', code: 'KeyV', ctrlKey: true }, false],
  ])('%s', (_, init, expected) => {
    expect(isCopyShortcut(new KeyboardEvent('keydown', init))).toBe(expected);
  });
});

/** An event as the person's input makes it: a page's own events are not trusted. */
function trusted<E extends Event>(event: E): E {
  Object.defineProperty(event, 'isTrusted', { value: true });
  return event;
}

/** Selects the text of `element`, as the person's mouse does. */
function select(element: Element) {
  const range = document.createRange();
  range.selectNodeContents(element);
  document.getSelection()!.removeAllRanges();
  document.getSelection()!.addRange(range);
}

/** The browser's user activation as the content script sees it (undefined: a browser that does not tell). */
function setActivation(isActive: boolean | undefined) {
  Object.defineProperty(navigator, 'userActivation', { value: isActive === undefined ? undefined : { isActive }, configurable: true });
}

describe('watchPersonCopies', () => {
  let controller: AbortController;
  let onCopy: ReturnType<typeof vi.fn<(url: string, element: Element) => void>>;
  /** What runs once the copy has reached every listener: run by the test when it chooses. */
  let afterCopy: (() => void)[];
  let shown: HTMLElement;
  let planted: HTMLElement;

  beforeEach(() => {
    document.body.innerHTML = `<p id="shown">${URL_0}</p><p id="planted">${feedUrl(1)}</p><p id="labelled">Feed URL: ${URL_0}</p><button id="copy">Copy</button>`;
    shown = document.getElementById('shown')!;
    planted = document.getElementById('planted')!;
    controller = new AbortController();
    onCopy = vi.fn();
    afterCopy = [];
    setActivation(true);
    watchPersonCopies({ window, signal: controller.signal, onCopy, afterEvent: (task) => afterCopy.push(task) });
  });
  afterEach(() => {
    controller.abort();
    document.getSelection()!.removeAllRanges();
  });

  const pressCtrlC = () => window.dispatchEvent(trusted(new KeyboardEvent('keydown', { key: 'c', code: 'KeyC', ctrlKey: true })));
  /** The copy event the browser fires; returns it so a page's handler can be simulated on it. */
  const copy = (init: { trusted?: boolean } = {}) => {
    const event = new Event('copy', { bubbles: true, cancelable: true });
    document.body.dispatchEvent(init.trusted === false ? event : trusted(event));
    return event;
  };
  const copied = () => {
    afterCopy.splice(0).forEach((task) => task());
    return onCopy.mock.calls;
  };

  it('takes the person’s Ctrl+C of a feed URL, with the element it was copied from', () => {
    select(shown);
    pressCtrlC();
    copy();
    expect(copied()).toEqual([[URL_0, shown]]);
  });

  it('takes Copy from the context menu', () => {
    select(shown);
    shown.dispatchEvent(trusted(new MouseEvent('contextmenu', { bubbles: true })));
    copy();
    expect(copied()).toEqual([[URL_0, shown]]);
  });

  it('takes the person’s Ctrl+C in a browser that does not tell user activation', () => {
    setActivation(undefined);
    select(shown);
    pressCtrlC();
    copy();
    expect(copied()).toEqual([[URL_0, shown]]);
  });

  it('takes the person’s Ctrl+C even where a copy handler of the page stops the event from reaching the window', () => {
    document.body.addEventListener('copy', (event) => event.stopPropagation(), { signal: controller.signal });
    select(shown);
    pressCtrlC();
    copy();
    expect(copied()).toEqual([[URL_0, shown]]);
  });

  it('takes the copy on the page’s next task by itself, once every copy handler of the page has run', async () => {
    controller.abort();
    controller = new AbortController();
    watchPersonCopies({ window, signal: controller.signal, onCopy });
    select(shown);
    pressCtrlC();
    copy();
    expect(onCopy).not.toHaveBeenCalled();
    await new Promise((resolve) => window.setTimeout(resolve, 0));
    expect(onCopy.mock.calls).toEqual([[URL_0, shown]]);
  });

  it.each<[string, () => void]>([
    ['a copy event the page makes up', () => (select(shown), pressCtrlC(), copy({ trusted: false }))],
    ['a copy the page makes inside the person’s click (execCommand)', () => (select(shown), window.dispatchEvent(trusted(new PointerEvent('pointerdown'))), copy())],
    [
      'a copy the page makes inside the person’s click, after keys it made up',
      () => (select(shown), window.dispatchEvent(trusted(new PointerEvent('pointerdown'))), window.dispatchEvent(new KeyboardEvent('keydown', { key: 'c', code: 'KeyC', ctrlKey: true })), copy()),
    ],
    ['a copy with no input before it', () => (select(shown), copy())],
    [
      'a copy the page makes inside the person’s Ctrl+click, after a Ctrl+C that copied nothing',
      () => (select(shown), pressCtrlC(), window.dispatchEvent(trusted(new PointerEvent('pointerdown', { ctrlKey: true }))), copy()),
    ],
    ['a copy without user activation', () => (select(shown), pressCtrlC(), setActivation(false), copy())],
    ['the selection swapped between the keys and the copy', () => (select(shown), pressCtrlC(), select(planted), copy())],
    ['the selection swapped by a copy handler of the page', () => (select(shown), pressCtrlC(), copy(), select(planted))],
    ['the clipboard written by a copy handler of the page (a prevented default)', () => (select(shown), pressCtrlC(), copy().preventDefault())],
    ['a selection of words around the URL', () => (select(document.getElementById('labelled')!), pressCtrlC(), copy())],
    ['a second copy after one Ctrl+C', () => (select(shown), pressCtrlC(), copy(), copied(), onCopy.mockClear(), copy())],
  ])('ignores %s', (_, act) => {
    act();
    expect(copied()).toEqual([]);
  });

  it.each<[string, (button: HTMLElement) => void]>([
    ['click', (button) => button.dispatchEvent(trusted(new PointerEvent('pointerdown', { bubbles: true })))],
    ['Enter on the focused button', (button) => (button.focus(), button.dispatchEvent(trusted(new KeyboardEvent('keydown', { key: 'Enter', code: 'Enter', bubbles: true }))))],
  ])('takes the console’s Copy button writing with the Clipboard API, during the person’s %s', (_, press) => {
    const button = document.getElementById('copy')!;
    press(button);
    document.dispatchEvent(new CustomEvent(CLIPBOARD_WRITE_EVENT, { detail: ` ${URL_0} ` }));
    expect(onCopy.mock.calls).toEqual([[URL_0, button]]);
  });

  it('takes the console’s Copy button even when the page stops the person’s press from reaching the window', () => {
    const button = document.getElementById('copy')!;
    button.addEventListener('pointerdown', (event) => event.stopPropagation());
    button.dispatchEvent(trusted(new PointerEvent('pointerdown', { bubbles: true })));
    document.dispatchEvent(new CustomEvent(CLIPBOARD_WRITE_EVENT, { detail: URL_0 }));
    expect(onCopy.mock.calls).toEqual([[URL_0, button]]);
  });

  it.each<[string, () => void]>([
    ['when the person’s press was not seen', () => undefined],
    ['when what the person pressed has left the page', () => (document.getElementById('copy')!.dispatchEvent(trusted(new PointerEvent('pointerdown', { bubbles: true }))), document.getElementById('copy')!.remove())],
  ])('puts the note of a Clipboard API write during the person’s activation beside the page’s body %s', (_, before) => {
    before();
    document.dispatchEvent(new CustomEvent(CLIPBOARD_WRITE_EVENT, { detail: URL_0 }));
    expect(onCopy.mock.calls).toEqual([[URL_0, document.body]]);
  });

  it.each<[string, unknown, boolean | undefined]>([
    ['with no user activation (a page script on its own)', URL_0, false],
    ['in a browser that does not tell user activation', URL_0, undefined],
    ['of words around a feed URL', `Feed: ${URL_0}`, true],
    ['of something that is not text', { toString: () => URL_0 }, true],
  ])('ignores a Clipboard API write %s', (_, detail, isActive) => {
    setActivation(isActive);
    document.dispatchEvent(new CustomEvent(CLIPBOARD_WRITE_EVENT, { detail }));
    expect(onCopy).not.toHaveBeenCalled();
  });

  it('stops watching when its lifetime ends', () => {
    controller.abort();
    select(shown);
    pressCtrlC();
    copy();
    document.dispatchEvent(new CustomEvent(CLIPBOARD_WRITE_EVENT, { detail: URL_0 }));
    expect(copied()).toEqual([]);
  });
});
