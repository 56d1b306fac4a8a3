import { beforeEach, describe, expect, it } from 'vitest';
import { createFeedContextReader, type FeedContext } from '@/utils/capture/feed-context';
import { feedUrl } from '../support/feeds';
import { loadSite, renderTemplate } from './load-site';

/** One feed's context, read on its own (the content script shares one reader per batch of URLs). */
const readFeedContext = (element: Element) => createFeedContextReader().read(element);

const url = feedUrl(0);

beforeEach(() => {
  document.body.replaceChildren();
});

describe('readFeedContext on the saved consoles', () => {
  it.each<[string, string, string, () => Element, FeedContext]>([
    [
      'the phishing drawer',
      'xdr.us.security.cisco.com/intelligence/feeds',
      'reads the Title and Output of the Feed Details',
      () => renderTemplate('drawer-phishing', document.getElementById('drawer-host')!).querySelector('input.feed-url')!,
      { title: 'Phishing domains', output: 'observables' },
    ],
    [
      'the c2 drawer',
      'xdr.us.security.cisco.com/intelligence/feeds',
      'takes the Output from the feed’s row in the list, the drawer not showing it',
      () => renderTemplate('drawer-c2', document.getElementById('drawer-host')!).querySelector('code.feed-url-text')!,
      { title: 'C2 IP addresses', output: 'judgements' },
    ],
    [
      'the hashes drawer',
      'xdr.us.security.cisco.com/intelligence/feeds',
      'reads the drawer around the URL drawn in pieces',
      () => renderTemplate('drawer-hashes', document.getElementById('drawer-host')!).querySelector('dd.url-pieces')!,
      { title: 'Malware hashes', output: 'observables' },
    ],
    [
      'the indicator’s feeds table',
      'visibility.amp.cisco.com/intelligence/indicators',
      'reads the Title and Output cells of the link’s row',
      () => renderTemplate('feeds-panel-content', document.getElementById('feeds-panel')!).querySelector('a')!,
      { title: 'Phishing kit domains (EU gateways)', output: 'observables' },
    ],
    [
      'the edit form, with the feed’s URL shown read-only in it',
      'visibility.amp.cisco.com/intelligence/feeds/edit',
      'reads the Title field and the chosen Output',
      () => {
        const field = document.createElement('p');
        field.innerHTML = `<label for="feed-url">Feed URL</label> <input id="feed-url" readonly value="${url}" />`;
        document.querySelector('form')!.lastElementChild!.before(field);
        return field.querySelector('input')!;
      },
      { title: 'Phishing domains', output: 'observables' },
    ],
  ])('%s (%s): %s', (_, site, _how, urlElement, expected) => {
    loadSite(site);
    expect(readFeedContext(urlElement())).toEqual(expected);
  });
});

describe('readFeedContext on inline markup', () => {
  it.each<[string, string, FeedContext]>([
    [
      'an inline "Output: <b>…</b>" and a heading',
      `<section><h2>Blocked domains</h2><p>Output: <b>Judgments</b></p><p>URL: <code id="url">${url}</code></p></section>`,
      { title: 'Blocked domains', output: 'judgements' },
    ],
    [
      'an inline "Output: Observables" in one element',
      `<section><h3>Blocked domains</h3><p>Output: Observables</p><p><code id="url">${url}</code></p></section>`,
      { title: 'Blocked domains', output: 'observables' },
    ],
    [
      'a vertical table of th/td pairs',
      `<table><tbody>
        <tr><th>Title</th><td>Known bad IPs</td></tr>
        <tr><th>Output</th><td>Observables</td></tr>
        <tr><th>Feed URL</th><td id="url">${url}</td></tr>
      </tbody></table>`,
      { title: 'Known bad IPs', output: 'observables' },
    ],
    [
      'a table with a header row',
      `<table><thead><tr><th>Name</th><th>Output</th><th>URL</th></tr></thead>
        <tbody><tr><td>Known bad IPs</td><td>Judgements</td><td id="url">${url}</td></tr></tbody></table>`,
      { title: 'Known bad IPs', output: 'judgements' },
    ],
    [
      'span label/value pairs',
      `<div class="details">
        <div><span>Name</span><span>Known bad IPs</span></div>
        <div><span>Output</span><span>Judgments</span></div>
        <div><span>Feed URL</span><span id="url">${url}</span></div>
      </div>`,
      { title: 'Known bad IPs', output: 'judgements' },
    ],
    [
      'label/span pairs',
      `<div class="details">
        <div><label>Title:</label> <span>Known bad IPs</span></div>
        <div><label>Output:</label> <span>Observables</span></div>
        <div><label>URL:</label> <span id="url">${url}</span></div>
      </div>`,
      { title: 'Known bad IPs', output: 'observables' },
    ],
    [
      'a generic heading before the feed’s own',
      `<div><h2>Feed Details</h2><h3>Blocked IPs</h3><p><code id="url">${url}</code></p></div>`,
      { title: 'Blocked IPs' },
    ],
    [
      'only a generic heading',
      `<div><h2>Feed Details</h2><p><code id="url">${url}</code></p></div>`,
      {},
    ],
    ['no context at all', `<p><code id="url">${url}</code></p>`, {}],
  ])('reads %s', (_, html, expected) => {
    document.body.innerHTML = html;
    expect(readFeedContext(document.getElementById('url')!)).toEqual(expected);
  });

  it('takes the Output of the list row whose title the details panel names', () => {
    document.body.innerHTML = `
      <table><thead><tr><th>Title</th><th>Output</th></tr></thead>
        <tbody><tr><td>Other feed</td><td>Observables</td></tr><tr><td>Blocked IPs</td><td>Judgments</td></tr></tbody></table>
      <div><div><h2>Blocked IPs</h2><p><code id="url">${url}</code></p></div></div>`;
    expect(readFeedContext(document.getElementById('url')!)).toEqual({ title: 'Blocked IPs', output: 'judgements' });
  });

  it('cuts a title to 200 characters', () => {
    const long = 'x'.repeat(250);
    document.body.innerHTML = `<section><h2>${long}</h2><p><code id="url">${url}</code></p></section>`;
    expect(readFeedContext(document.getElementById('url')!)).toEqual({ title: 'x'.repeat(200) });
  });
});
