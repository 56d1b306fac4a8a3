import { afterEach, describe, expect, it } from 'vitest';
import { readCopiedSelection } from '@/utils/capture/copied-selection';
import { feedUrl } from '../support/feeds';

const URL = feedUrl(0);

afterEach(() => {
  document.getSelection()!.removeAllRanges();
  (document.activeElement as HTMLElement | null)?.blur();
  document.body.replaceChildren();
});

/** A text field holding `value`, focused, with `start`…`end` selected. */
function fieldWithSelection(html: string, start: number, end: number) {
  document.body.innerHTML = html;
  const field = document.body.firstElementChild as HTMLInputElement | HTMLTextAreaElement;
  field.focus();
  field.setSelectionRange(start, end);
  return field;
}

describe('what the person copies', () => {
  it.each([
    ['a text field', 'input'],
    ['a text area', 'textarea'],
  ])('is the selected part of %s, not the rest of its text', (_, tag) => {
    const value = `Feed URL: ${URL} (expires in 30 days)`;
    const html = tag === 'input' ? `<input value="${value}">` : `<textarea>${value}</textarea>`;
    const field = fieldWithSelection(html, value.indexOf(URL), value.indexOf(URL) + URL.length);
    expect(readCopiedSelection(document)).toEqual({ text: URL, element: field });
  });

  it('is the page’s selection when the focused field has nothing selected', () => {
    document.body.innerHTML = `<input value="search"><p>Feed URL: <span>${URL}</span></p>`;
    const field = document.querySelector('input')!;
    field.focus();
    field.setSelectionRange(2, 2);
    const span = document.querySelector('span')!;
    document.getSelection()!.selectAllChildren(span);
    expect(readCopiedSelection(document)).toEqual({ text: URL, element: span });
  });

  it('is the page’s selection, in the element that holds all of it', () => {
    document.body.innerHTML = `<dl><dt>Feed URL</dt><dd><b>https://private.intel.amp.cisco.com</b><i>/ctia/feed/x</i></dd></dl>`;
    const dd = document.querySelector('dd')!;
    document.getSelection()!.selectAllChildren(dd);
    expect(readCopiedSelection(document)).toEqual({ text: 'https://private.intel.amp.cisco.com/ctia/feed/x', element: dd });
  });

  it('is the text node’s element when the selection lies inside one text', () => {
    document.body.innerHTML = `<p>${URL}</p>`;
    const text = document.querySelector('p')!.firstChild!;
    const range = document.createRange();
    range.setStart(text, 0);
    range.setEnd(text, 10);
    document.getSelection()!.addRange(range);
    expect(readCopiedSelection(document)).toEqual({ text: URL.slice(0, 10), element: document.querySelector('p') });
  });

  it('is nothing when nothing is selected', () => {
    document.body.innerHTML = `<p>${URL}</p>`;
    expect(readCopiedSelection(document)).toEqual({ text: '', element: null });
  });

  it.each([
    ['has no selection to tell (an email field)', () => {}],
    ['throws when asked (as some browsers’ email and number fields do)', (field: HTMLInputElement) => {
      const refuse = () => {
        throw new DOMException('The input element’s type does not support selection.', 'InvalidStateError');
      };
      Object.defineProperties(field, { selectionStart: { get: refuse }, selectionEnd: { get: refuse } });
    }],
  ])('is the page’s selection when the focused field %s', (_, prepare) => {
    document.body.innerHTML = `<input type="email" value="admin@example.com"><p>${URL}</p>`;
    prepare(document.querySelector('input')!);
    document.querySelector('input')!.focus();
    document.getSelection()!.selectAllChildren(document.querySelector('p')!);
    expect(readCopiedSelection(document)).toEqual({ text: URL, element: document.querySelector('p') });
  });
});
