import { beforeEach, describe, expect, it } from 'vitest';
import { isFeedDetailsField } from '@/utils/console/feed-details';
import { loadSite, renderTemplate } from './load-site';

const URL = 'https://private.intel.amp.cisco.com/ctia/feed/feed-8f2b1c3e-5d4a-4e6f-9a7b-1c2d3e4f5a6b/view.txt?s=0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';

/** Puts `html` in the page and returns the element holding the feed URL (marked `data-url`). */
function shown(html: string): Element {
  document.body.innerHTML = html;
  return document.querySelector('[data-url]')!;
}

beforeEach(() => document.body.replaceChildren());

describe('a feed’s own details view', () => {
  it.each([
    ['XDR’s Feed Details drawer (the URL in a field labelled Feed URL)', 'drawer-phishing', 'input.feed-url'],
    ['XDR’s Feed Details drawer (the URL as text under Feed URL)', 'drawer-c2', 'code.feed-url-text'],
  ])('is %s', (_, template, selector) => {
    loadSite('xdr.us.security.cisco.com/intelligence/feeds');
    renderTemplate(template, document.getElementById('drawer-host')!);
    expect(isFeedDetailsField(document.querySelector(selector)!)).toBe(true);
  });

  it.each([
    ['an edit form', `<form aria-label="Edit Feed"><label for="u">Feed URL</label><input id="u" data-url value="${URL}"></form>`],
    ['a dialog named by its heading', `<dialog open><h2>Feed Details</h2><dl><dt>Feed URL:</dt><dd><span data-url>${URL}</span></dd></dl></dialog>`],
  ])('is %s', (_, html) => {
    expect(isFeedDetailsField(shown(html))).toBe(true);
  });

  it.each([
    ['an incident note', `<section><h2>Feed Details</h2><p>Feed URL</p><p data-url>${URL}</p></section>`],
    ['a Markdown-rendered description that imitates the drawer', `<article><h2>Feed Details</h2><dl><dt>Feed URL</dt><dd><code data-url>${URL}</code></dd></dl></article>`],
    ['a dialog about something else', `<div role="dialog" aria-label="Incident 42"><dl><dt>Feed URL</dt><dd data-url>${URL}</dd></dl></div>`],
    ['another field of the Feed Details dialog', `<div role="dialog" aria-label="Feed Details"><dl><dt>Feed URL</dt><dd>—</dd><dt>Description</dt><dd data-url>${URL}</dd></dl></div>`],
    ['the indicator’s list of feeds', `<table><thead><tr><th>Title</th><th>Output</th><th>URL</th></tr></thead><tbody><tr><td>A</td><td>Observables</td><td><a data-url href="${URL}">${URL}</a></td></tr></tbody></table>`],
  ])('is not %s', (_, html) => {
    expect(isFeedDetailsField(shown(html))).toBe(false);
  });
});
