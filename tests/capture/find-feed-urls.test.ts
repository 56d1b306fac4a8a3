import { beforeEach, describe, expect, it } from 'vitest';
import { findFeedUrls } from '@/utils/capture/find-feed-urls';
import { findUrlInText } from '@/utils/feed/url-in-text';
import { feedUrl } from '../support/feeds';
import { loadSite, renderTemplate } from './load-site';

const PHISHING_URL =
  'https://private.intel.amp.cisco.com/ctia/feed/feed-8f2b1c3e-5d4a-4e6f-9a7b-1c2d3e4f5a6b/view.txt?s=0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const C2_URL =
  'https://private.intel.amp.cisco.com/ctia/feed/feed-1e0c9d8b-7a6f-4e5d-8c4b-3a2f1e0d9c8b/view?s=f9e8d7c6-b5a4-4938-a7b6-c5d4e3f2a1b0';
const INDICATOR_URL =
  'https://private.intel.amp.cisco.com/ctia/feed/https%3A%2F%2Fprivate.intel.amp.cisco.com%3A443%2Fctia%2Ffeed%2Ffeed-5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d/view.txt?s=1b4e28ba-2fa1-41d2-883f-0016d3cca427';

/** Each sighting as the element's tag and the text, in page order. */
function summary(root: Node): [string, string][] {
  return findFeedUrls(root).map(({ element, text }) => [element.tagName, text]);
}

beforeEach(() => {
  document.body.replaceChildren();
});

describe('findFeedUrls on the XDR Feeds list', () => {
  it('finds nothing before a drawer is open: the templates are not the page', () => {
    const page = loadSite('xdr.us.security.cisco.com/intelligence/feeds');
    expect(page.querySelectorAll('template')).toHaveLength(3);
    expect(findFeedUrls(page.documentElement)).toEqual([]);
    expect(findFeedUrls(page.body)).toEqual([]);
  });

  it.each([
    ['drawer-phishing', 'input.feed-url', 'INPUT', PHISHING_URL],
    ['drawer-c2', 'code.feed-url-text', 'CODE', C2_URL],
  ])('finds exactly the URL of %s, in its %s', (template, selector, tag, url) => {
    const page = loadSite('xdr.us.security.cisco.com/intelligence/feeds');
    const drawer = renderTemplate(template, page.getElementById('drawer-host')!);
    for (const root of [page.body, drawer, drawer.firstElementChild!]) {
      const sightings = findFeedUrls(root);
      expect(sightings).toHaveLength(1);
      expect(sightings[0]!.element).toBe(drawer.querySelector(selector));
      expect(sightings[0]!.element.tagName).toBe(tag);
      expect(sightings[0]!.text).toBe(url);
    }
  });

  it('finds no whole URL in the hashes drawer, which draws it in pieces: only the path piece is a candidate', () => {
    const page = loadSite('xdr.us.security.cisco.com/intelligence/feeds');
    const drawer = renderTemplate('drawer-hashes', page.getElementById('drawer-host')!);
    expect(drawer.querySelector('.url-pieces')!.textContent).toBe(
      'https://private.intel.eu.amp.cisco.com/ctia/feed/feed-6c5d4e3f-2a1b-4c0d-9e8f-7a6b5c4d3e2f/view.txt?s=2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f',
    );
    // findFeedUrls is the cheap pass (text holding the feed path); the piece it passes on holds no URL.
    const sightings = findFeedUrls(page.body);
    expect(summary(page.body)).toEqual([['SPAN', '/ctia/feed/feed-6c5d4e3f-2a1b-4c0d-9e8f-7a6b5c4d3e2f/view.txt']]);
    expect(sightings[0]!.element).toBe(drawer.querySelector('.url-path'));
    expect(findUrlInText(sightings[0]!.text)).toBeNull();
  });
});

describe('findFeedUrls on the Threat Response indicator', () => {
  it('finds nothing while the Feeds section is closed', () => {
    const page = loadSite('visibility.amp.cisco.com/intelligence/indicators');
    expect(findFeedUrls(page.body)).toEqual([]);
  });

  it('finds the feed link once, not again for its text, after the section is expanded', () => {
    const page = loadSite('visibility.amp.cisco.com/intelligence/indicators');
    const panel = renderTemplate('feeds-panel-content', page.getElementById('feeds-panel')!);
    const link = panel.querySelector('a')!;
    expect(link.textContent).toBe(INDICATOR_URL);
    for (const root of [page.body, panel, link]) {
      const sightings = findFeedUrls(root);
      expect(sightings).toHaveLength(1);
      expect(sightings[0]!.element).toBe(link);
      expect(sightings[0]!.text).toBe(INDICATOR_URL);
    }
  });
});

describe('findFeedUrls on inline markup', () => {
  const url = feedUrl(0);

  it.each([
    ['a script', `<script type="application/json">{"feedUrl": "${url}"}</script>`],
    ['a template', `<template><p>${url}</p><input value="${url}" /><a href="${url}">${url}</a></template>`],
    ['a style', `<style>/* ${url} */</style>`],
    ['a noscript', `<noscript>${url}</noscript>`],
    ['our notice, as text', `<etf-autofill-notice>${url}</etf-autofill-notice>`],
    ['our notice, as a field', `<etf-autofill-notice><input value="${url}" /></etf-autofill-notice>`],
    ['our notice, in a paragraph', `<etf-autofill-notice><p>Captured ${url}</p></etf-autofill-notice>`],
  ])('ignores a URL in %s', (_, html) => {
    document.body.innerHTML = `<main><h1>Feeds</h1>${html}</main>`;
    expect(summary(document.body)).toEqual([]);
    expect(summary(document.querySelector('main')!.lastElementChild!)).toEqual([]);
  });

  it('finds a URL in a link target, an input and text, fields first', () => {
    document.body.innerHTML = [
      `<p>Feed: <b>${url}</b></p>`,
      `<a href="${feedUrl(1)}">Open feed</a>`,
      `<input value="${feedUrl(2)}" />`,
    ].join('');
    expect(summary(document.body)).toEqual([
      ['A', feedUrl(1)],
      ['INPUT', feedUrl(2)],
      ['B', url],
    ]);
  });

  it('finds the URL in a textarea once, as its value', () => {
    document.body.innerHTML = `<label>Feed URL <textarea readonly>${url}</textarea></label>`;
    expect(summary(document.body)).toEqual([['TEXTAREA', url]]);
  });

  it('takes a text node as the root: the text, in its element', () => {
    document.body.innerHTML = `<div><p>Feed URL: <code>${url}</code></p><code>${feedUrl(1)}</code></div>`;
    const text = document.querySelector('code')!.firstChild!;
    expect(text.nodeType).toBe(Node.TEXT_NODE);
    const sightings = findFeedUrls(text);
    expect(sightings).toHaveLength(1);
    expect(sightings[0]!.element).toBe(document.querySelector('code'));
    expect(sightings[0]!.text).toBe(url);
  });

  it('takes a text node inside a script as nothing', () => {
    document.body.innerHTML = `<script type="application/json">"${url}"</script>`;
    expect(findFeedUrls(document.querySelector('script')!.firstChild!)).toEqual([]);
  });

  it('finds nothing in text without the feed path', () => {
    document.body.innerHTML = '<p>https://private.intel.amp.cisco.com/ctia/judgements/view.txt?s=0</p><a href="/ctia/">CTIA</a>';
    expect(findFeedUrls(document.body)).toEqual([]);
  });
});
