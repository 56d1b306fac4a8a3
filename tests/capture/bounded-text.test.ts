import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { OUTPUT_LABEL } from '@/utils/capture/console-patterns';
import { elementText, ownText } from '@/utils/capture/element-text';
import { createFeedContextReader, type FeedContext } from '@/utils/capture/feed-context';
import { findLabels } from '@/utils/capture/labelled-value';
import { feedUrl } from '../support/feeds';

// Text outsiders write (an incident's notes, a reported mail's reply chain) can be megabytes of
// nested markup beside a feed URL. What the console reads about that URL stays a few labels' worth.

const url = feedUrl(0);
/** Levels of a reply chain, each quoting the next, and the characters each level writes: a megabyte in all. */
const QUOTE_LEVELS = 200;
const QUOTE_LENGTH = 5_000;
/** The most characters of text reading one URL's context may take, whatever the page holds: a few titles' worth. */
const CONTEXT_READ = 2_000;

/** A megabyte of quotes nested QUOTE_LEVELS deep, each level a paragraph of words and the next level. */
function quotes(): string {
  const line = 'quoted reply from the forwarded mail '.repeat(QUOTE_LENGTH / 37 + 1).slice(0, QUOTE_LENGTH);
  return `<div class="quote">${line}`.repeat(QUOTE_LEVELS) + '</div>'.repeat(QUOTE_LEVELS);
}

/** The element's whole text, collapsed and trimmed: what elementText gives, before it is cut. */
const wholeText = (element: Element) => element.textContent!.replace(/\s+/g, ' ').trim();

const TEXT_GETTERS = ['textContent', 'innerText', 'innerHTML', 'outerHTML', 'nodeValue', 'data', 'wholeText'];

/**
 * What `run` has the page hand out: the characters of every text getter and `substringData` it
 * calls, and the nodes it steps to in a tree walk or along siblings. A call a DOM builds from
 * others counts once.
 */
function pageReads(run: () => unknown): { characters: number; nodes: number } {
  const reads = { characters: 0, nodes: 0 };
  let depth = 0;
  const counted = <T extends unknown[]>(original: (this: unknown, ...args: T) => unknown, count: (value: unknown) => void) =>
    function (this: unknown, ...args: T) {
      depth++;
      try {
        const value = original.apply(this, args);
        if (depth === 1) count(value);
        return value;
      } finally {
        depth--;
      }
    };
  const restores: (() => void)[] = [];
  const patch = (proto: object, name: string, count: (value: unknown) => void) => {
    const descriptor = Object.getOwnPropertyDescriptor(proto, name);
    if (!descriptor) return;
    const patched = descriptor.get ? { ...descriptor, get: counted(descriptor.get, count) } : { ...descriptor, value: counted(descriptor.value, count) };
    Object.defineProperty(proto, name, patched);
    restores.push(() => Object.defineProperty(proto, name, descriptor));
  };
  const characters = (value: unknown) => void (reads.characters += typeof value === 'string' ? value.length : 0);
  const nodes = (value: unknown) => void (reads.nodes += value ? 1 : 0);
  for (const proto of [Node.prototype, Element.prototype, HTMLElement.prototype, CharacterData.prototype, Text.prototype]) {
    for (const name of TEXT_GETTERS) patch(proto, name, characters);
    patch(proto, 'nextSibling', nodes);
  }
  patch(CharacterData.prototype, 'substringData', characters);
  patch(TreeWalker.prototype, 'nextNode', nodes);
  try {
    run();
  } finally {
    for (const restore of restores.reverse()) restore();
  }
  return reads;
}

beforeEach(() => {
  document.body.replaceChildren();
});

describe('reading a feed’s context beside a megabyte of nested text', () => {
  it.each<[string, string, () => FeedContext]>([
    [
      'a URL above the quotes of a note, under its heading: a long text is no panel about one feed',
      `<article><h2>Note 1</h2><p id="url">${url}</p>${quotes()}</article>`,
      () => ({}),
    ],
    [
      'a Title label whose value, beside the panel, is the quotes: the title is their first 200 characters',
      `<div><div><p><code id="url">${url}</code></p><span>Title</span></div><div id="value">Blocked IPs ${quotes()}</div></div>`,
      () => ({ title: wholeText(document.getElementById('value')!).slice(0, 200) }),
    ],
    [
      'an Output label whose value is the quotes: no Output, the heading’s title',
      `<div><section><h3>Blocked IPs</h3><p><code id="url">${url}</code></p><span>Output</span></section><div>Judgments ${quotes()}</div></div>`,
      () => ({ title: 'Blocked IPs' }),
    ],
    [
      'a URL in a list row whose cells are the quotes',
      `<table><thead><tr><th>Title</th><th>URL</th><th>Output</th></tr></thead>
        <tbody><tr><td id="value">${quotes()}</td><td id="url">${url}</td><td>${quotes()}</td></tr></tbody></table>`,
      () => ({ title: wholeText(document.getElementById('value')!).slice(0, 200) }),
    ],
    [
      'a drawer naming its feed, and the list’s rows of quotes before that feed’s row',
      `<table><thead><tr><th>Title</th><th>Output</th></tr></thead><tbody>
        <tr><td>${quotes()}</td><td>${quotes()}</td></tr>
        <tr><td>Blocked IPs</td><td>Judgments</td></tr></tbody></table>
      <aside><div><h2>Blocked IPs</h2><p><code id="url">${url}</code></p></div></aside>`,
      () => ({ title: 'Blocked IPs', output: 'judgements' }),
    ],
  ])('%s', (_, html, expected) => {
    document.body.innerHTML = html;
    const element = document.getElementById('url')!;
    let context: FeedContext | undefined;
    expect(pageReads(() => (context = createFeedContextReader().read(element))).characters).toBeLessThanOrEqual(CONTEXT_READ);
    expect(context).toEqual(expected());
  }, 30_000);
});

describe('looking for labels in a megabyte of nested text', () => {
  it('finds the label and reads each other element only as far as a label goes', () => {
    // As the Output warning searches a form, or the feed details a dialog: scopes of any size.
    document.body.innerHTML = `<form><p><span id="label">Output</span> <select><option>Judgments</option></select></p>${quotes()}</form>`;
    const form = document.querySelector('form')!;
    let labels: Element[] = [];
    const { characters } = pageReads(() => (labels = findLabels(form, OUTPUT_LABEL)));
    expect(labels).toEqual([document.getElementById('label')]);
    // A label's worth of its words and of its own words per element, not what it holds.
    expect(characters).toBeLessThanOrEqual(form.querySelectorAll('*').length * 100);
  }, 30_000);
});

describe('elementText', () => {
  it.each<[string, () => Element]>([
    ['a megabyte of nested quotes', () => Object.assign(document.createElement('div'), { innerHTML: quotes() })],
    ['a megabyte in one text node', () => Object.assign(document.createElement('div'), { textContent: 'x'.repeat(QUOTE_LEVELS * QUOTE_LENGTH) })],
    ['a megabyte of whitespace before the words', () => Object.assign(document.createElement('div'), { textContent: `${' \n'.repeat(QUOTE_LEVELS * QUOTE_LENGTH)}words` })],
    ['ten thousand empty elements before the words', () => {
      const element = document.createElement('div');
      element.append(...Array.from({ length: 10_000 }, () => document.createElement('i')), 'words');
      return element;
    }],
  ])('of %s reads a label’s worth and some markup', (_, build) => {
    const element = build();
    let text = '';
    const { characters, nodes } = pageReads(() => (text = elementText(element, 40)));
    expect(characters).toBeLessThanOrEqual(1_000);
    expect(nodes).toBeLessThanOrEqual(1_000);
    expect(text.length).toBeLessThanOrEqual(40);
  });

  it('gives what the whole text, collapsed and cut, gives for markup of ordinary size', () => {
    const piece = fc.oneof(
      fc.constantFrom('Output', 'Phishing domains', ':', 'é', ' ', '  ', '\n    ', '\t', '\u00a0'),
      fc.string({ maxLength: 12 }),
    );
    type Tree = { tag: string; children: (string | Tree)[] };
    const { tree } = fc.letrec<{ tree: Tree; child: string | Tree }>((self) => ({
      tree: fc.record({ tag: fc.constantFrom('span', 'b', 'div'), children: fc.array(self('child'), { maxLength: 4 }) }),
      child: fc.oneof({ depthSize: 'small' }, piece, self('tree')),
    }));
    const render = (node: string | Tree): Node => {
      if (typeof node === 'string') return document.createTextNode(node);
      const element = document.createElement(node.tag);
      element.append(...node.children.map(render));
      return element;
    };
    fc.assert(
      fc.property(tree, fc.integer({ min: 1, max: 60 }), (plan, maxLength) => {
        const element = render(plan) as Element;
        expect(elementText(element, maxLength)).toBe(wholeText(element).slice(0, maxLength));
        const own = [...element.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.nodeValue).join('');
        expect(ownText(element, maxLength)).toBe(own.replace(/\s+/g, ' ').trim().slice(0, maxLength));
      }),
    );
  });
});
