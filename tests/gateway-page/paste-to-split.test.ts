import { describe, expect, it } from 'vitest';
import { feedPasteText } from '@/utils/gateway-page/paste-to-split';
import { MAX_PASTED_TEXT } from '@/utils/feed/url-in-text';

const PATH = '/ctia/feed/feed-8f2b1c3e-5d4a-4e6f-9a7b-1c2d3e4f5a6b/view';
const URL = `https://private.intel.amp.cisco.com${PATH}.txt?s=0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d`;

/** A paste event as the browser hands it to a listener; happy-dom makes none trusted, so `isTrusted` is given. */
function paste(target: Element, text: string, isTrusted = true): ClipboardEvent {
  const data = new DataTransfer();
  data.setData('text/plain', text);
  const event = new ClipboardEvent('paste', { clipboardData: data, bubbles: true });
  Object.defineProperty(event, 'isTrusted', { value: isTrusted });
  Object.defineProperty(event, 'target', { value: target });
  return event;
}

function form(): { scope: HTMLFormElement; field: (selector: string) => Element } {
  document.body.innerHTML = `<form>
      <input id="host" type="text"><textarea id="description"></textarea><input id="search" type="search">
      <input id="pass" type="password"><input id="port" type="number"><input id="https" type="radio">
    </form><input id="outside" type="text">`;
  return { scope: document.querySelector('form')!, field: (selector) => document.querySelector(selector)! };
}

describe('a paste the gateway script holds back for the background to split', () => {
  it.each([
    ['a feed URL alone into Hostname', '#host', URL],
    ['words around it, into the Description', '#description', `Feed URL: <${URL}> (Observables)`],
    ['into a search-type field', '#search', URL],
    ['a feed path alone (the background finds no URL in it, and it is then pasted as it is)', '#host', PATH],
  ])('%s', (_, selector, text) => {
    const { scope, field } = form();
    expect(feedPasteText(paste(field(selector), text), scope)).toBe(text);
  });

  it.each([
    ['a paste the page made up', '#host', URL, false],
    ['ordinary text', '#host', 'dh1234-esa1.iphmx.com', true],
    ['a URL that is not a feed', '#host', 'https://hailataxii.com/taxii-data', true],
    ['into a password field', '#pass', URL, true],
    ['into a number field', '#port', URL, true],
    ['onto a radio button', '#https', URL, true],
    ['into a field outside the form', '#outside', URL, true],
    ['more text than a selection', '#host', `${URL} ${'x'.repeat(MAX_PASTED_TEXT)}`, true],
  ])('not: %s', (_, selector, text, trusted) => {
    const { scope, field } = form();
    expect(feedPasteText(paste(field(selector), text, trusted), scope)).toBeNull();
  });
});
