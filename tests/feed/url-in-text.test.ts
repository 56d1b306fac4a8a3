import { describe, expect, it } from 'vitest';
import { findUrlInText } from '@/utils/feed/url-in-text';

const US = 'private.intel.amp.cisco.com';
const FEED_ID = 'feed-3f2504e0-4f89-41d3-9a0c-0305e82c3301';
const SECRET = '9b2d7c1e-5a4f-4e8b-b1c3-7d6e5f4a3b2c';

const VIEW = `https://${US}/ctia/feed/${FEED_ID}/view?s=${SECRET}`;
const TXT = `https://${US}/ctia/feed/${FEED_ID}/view.txt?s=${SECRET}`;
const TXT_443 = `https://${US}:443/ctia/feed/${FEED_ID}/view.txt?s=${SECRET}`;
const LONG = `https://${US}/ctia/feed/https%3A%2F%2F${US}%3A443%2Fctia%2Ffeed%2F${FEED_ID}/view.txt?s=${SECRET}`;
const SCHEMELESS = `${US}/ctia/feed/${FEED_ID}/view.txt?s=${SECRET}`;

describe('findUrlInText: finds the URL', () => {
  it.each<[string, string, string]>([
    // Bare URLs of every shape.
    ['bare /view', VIEW, VIEW],
    ['bare /view.txt', TXT, TXT],
    ['bare :443', TXT_443, TXT_443],
    ['bare URL-encoded long id', LONG, LONG],
    ['long id written unencoded', `https://${US}/ctia/feed/${TXT_443}`, `https://${US}/ctia/feed/${TXT_443}`],

    // Whitespace and wrappers.
    ['spaces and newlines around', `  \n\t${TXT} \r\n`, TXT],
    ['non-breaking and ideographic spaces around', `\u00a0${TXT}\u3000`, TXT],
    ['line and paragraph separators around', `\u2028${TXT}\u2029`, TXT],
    ['double quotes', `"${TXT}"`, TXT],
    ['single quotes', `'${TXT}'`, TXT],
    ['angle brackets', `<${TXT}>`, TXT],
    ['backticks', `\`${TXT}\``, TXT],
    ['JSON value', `{"url":"${TXT_443}"}`, TXT_443],
    ['HTML attribute', `<a href="${VIEW}">feed</a>`, VIEW],
    ['curly double quotes', `“${TXT}”`, TXT],
    ['curly single quotes', `‘${TXT}’`, TXT],
    ['Markdown link', `[${TXT}](${TXT})`, TXT],

    // Copied selections.
    ['"Feed URL: " label', `Feed URL: ${TXT}`, TXT],
    ['label without a space', `Feed URL:${TXT}`, TXT],
    ['label with "="', `url=${TXT}`, TXT],
    ['multi-line block', `Malware domains — Observables\nFeed URL:\n${TXT_443}\nCreated by admin@example.com on 2024-05-01.\n`, TXT_443],
    ['mid-sentence', `Please poll ${VIEW} every hour.`, VIEW],

    // Sentence punctuation after the URL.
    ['followed by a period', `${TXT}.`, TXT],
    ['followed by a comma', `${TXT}, thanks`, TXT],
    ['inside parentheses', `(see ${TXT})`, TXT],
    ['followed by ").', `(see ${TXT}).`, TXT],
    ['followed by ";"', `${TXT}; then save`, TXT],
    ['followed by ":"', `${TXT}: that one`, TXT],
    ['followed by "?!"', `is it ${TXT}?!`, TXT],
    ['followed by an ellipsis', `${TXT}…`, TXT],
    ['followed by "]" and "}"', `{[${TXT}]}`, TXT],

    // Scheme-less feed URLs get https:// added.
    ['scheme-less', SCHEMELESS, `https://${SCHEMELESS}`],
    ['scheme-less with :443', `${US}:443/ctia/feed/${FEED_ID}/view?s=${SECRET}`, `https://${US}:443/ctia/feed/${FEED_ID}/view?s=${SECRET}`],
    ['scheme-less after a label, period after', `Feed URL: ${SCHEMELESS}.`, `https://${SCHEMELESS}`],
    ['scheme-less in quotes', `"${SCHEMELESS}"`, `https://${SCHEMELESS}`],

    // Several URLs: a feed URL wins, otherwise the first URL.
    ['non-feed URL first, feed URL second', `Docs: https://docs.example.com/help then ${TXT}`, TXT],
    ['http non-feed URL first, feed URL second', `http://example.com, <${VIEW}>`, VIEW],
    ['two feed URLs: the first', `${VIEW}\n${TXT_443}`, VIEW],
    ['only a non-feed URL', 'See https://docs.example.com/help.', 'https://docs.example.com/help'],
    ['two non-feed URLs: the first', 'https://a.example.com/ and https://b.example.com/', 'https://a.example.com/'],
    ['http feed URL', `(http://${US}/ctia/feed/${FEED_ID}/view.txt?s=${SECRET})`, `http://${US}/ctia/feed/${FEED_ID}/view.txt?s=${SECRET}`],
    ['ftp URL', 'ftp://files.example.com/x.txt', 'ftp://files.example.com/x.txt'],
    ['a stray "://" before the URL', ':// then https://docs.example.com/help', 'https://docs.example.com/help'],
    ['a feed URL of a scheme the gateway does not poll, with that scheme', `ftps://${US}/ctia/feed/${FEED_ID}/view?s=${SECRET}`, `ftps://${US}/ctia/feed/${FEED_ID}/view?s=${SECRET}`],
    ['non-feed URL before a scheme-less feed URL: the feed URL', `https://example.com/ ${SCHEMELESS}`, `https://${SCHEMELESS}`],

    // A feed URL inside a URL of another scheme: that URL, whole, so its scheme shows.
    ['scheme-less in a data: URL', `data:text/plain,${SCHEMELESS}`, `data:text/plain,${SCHEMELESS}`],
    ['scheme-less in a javascript: URL, quoted', `javascript:open('${SCHEMELESS}')`, `javascript:open('${SCHEMELESS}`],
    ['with its scheme in a data: URL', `data:,${TXT}.`, `data:,${TXT}`],
    ['scheme-less after "http:"', `http:${SCHEMELESS}`, `http:${SCHEMELESS}`],
    ['scheme-less after a "URL:" label', `URL:${SCHEMELESS}`, `https://${SCHEMELESS}`],
    ['scheme-less after a label that ends like a scheme', `Profile:${SCHEMELESS}`, `https://${SCHEMELESS}`],
    ['scheme-less in a ws: URL', `ws:${SCHEMELESS}`, `ws:${SCHEMELESS}`],
    ['scheme-less in a wss: URL', `wss:${SCHEMELESS}`, `wss:${SCHEMELESS}`],
    ['scheme-less in a view-source: URL', `view-source:${SCHEMELESS}`, `view-source:${SCHEMELESS}`],
    ['scheme-less in a JAVASCRIPT: URL', `JAVASCRIPT:open('${SCHEMELESS}')`, `JAVASCRIPT:open('${SCHEMELESS}`],
  ])('%s', (_name, text, expected) => {
    expect(findUrlInText(text)).toBe(expected);
  });

  it.each<[string, string, string]>([
    // Host names as people and gateways write them.
    ['scheme-less, a hyphen in the host', `my-gw.example.com/ctia/feed/${FEED_ID}/view?s=${SECRET}`, `https://my-gw.example.com/ctia/feed/${FEED_ID}/view?s=${SECRET}`],
    ['scheme-less, capitals in the host', `Private.Intel.AMP.Cisco.com/ctia/feed/${FEED_ID}/view?s=${SECRET}`, `https://Private.Intel.AMP.Cisco.com/ctia/feed/${FEED_ID}/view?s=${SECRET}`],
    ['scheme-less, on another port', `${US}:8443/ctia/feed/${FEED_ID}/view?s=${SECRET}`, `https://${US}:8443/ctia/feed/${FEED_ID}/view?s=${SECRET}`],
    ['scheme-less, digits ending the host', `gw01/ctia/feed/${FEED_ID}/view`, `https://gw01/ctia/feed/${FEED_ID}/view`],
    ['scheme-less, a host of digits alone, after a word', `Poll 10/ctia/feed/${FEED_ID}/view`, `https://10/ctia/feed/${FEED_ID}/view`],
    ['scheme-less, the first and last letters and digits in host and port', `Zz-Aa09.example.com:9090/ctia/feed/${FEED_ID}/view`, `https://Zz-Aa09.example.com:9090/ctia/feed/${FEED_ID}/view`],
    ['a bracketed IPv6 host', `https://[2001:db8::1]/ctia/feed/${FEED_ID}/view?s=${SECRET}`, `https://[2001:db8::1]/ctia/feed/${FEED_ID}/view?s=${SECRET}`],
    ['a bracketed IPv6 host with a port, in a sentence', `Poll https://[2001:db8::1]:8443/ctia/feed/${FEED_ID}/view?s=${SECRET}.`, `https://[2001:db8::1]:8443/ctia/feed/${FEED_ID}/view?s=${SECRET}`],
    ['brackets in the query', 'https://docs.example.com/search?tags[]=ctia&page=2', 'https://docs.example.com/search?tags[]=ctia&page=2'],
    ['parentheses inside the path', 'https://docs.example.com/feeds_(ctia)/setup', 'https://docs.example.com/feeds_(ctia)/setup'],
    // Schemes may hold letters, digits, "+", "-" and ".".
    ['a scheme with "+"', 'Clone git+https://git.example.com/etf.git today', 'git+https://git.example.com/etf.git'],
    ['a scheme with "-"', 'chrome-extension://abcdefghijklmnop/popup.html', 'chrome-extension://abcdefghijklmnop/popup.html'],
    ['a scheme with "." and a digit', 'see iris.beep2://example.com/x', 'iris.beep2://example.com/x'],
    ['a scheme of letters and digits at either end of their ranges', 'Z39.50r://library.example.com/db', 'Z39.50r://library.example.com/db'],
  ])('%s', (_name, text, expected) => {
    expect(findUrlInText(text)).toBe(expected);
  });

  // Quotes of every language end a URL, as spaces do: none is part of one.
  it.each([
    ...['"', "'", '<', '>', '`', '‘', '’', '“', '”', '«', '»', '‹', '›', '「', '」', '『', '』'].map((quote) => [quote, quote]),
    ['a no-break space', '\u00a0'],
    ['a line separator', '\u2028'],
    ['a paragraph separator', '\u2029'],
    ['an ideographic space', '\u3000'],
  ])('ends the URL at %s', (_, stop) => {
    expect(findUrlInText(`${TXT}${stop}note`)).toBe(TXT);
    expect(findUrlInText(`${SCHEMELESS}${stop}note`)).toBe(`https://${SCHEMELESS}`);
  });

  // A space ends the word a URL of another scheme stands in: what follows it is a URL of its own.
  it.each([
    ['a space', ' '],
    ['a tab', '\t'],
    ['a no-break space', '\u00a0'],
    ['a line separator', '\u2028'],
    ['a paragraph separator', '\u2029'],
    ['an ideographic space', '\u3000'],
  ])('takes a scheme-less feed URL after %s as its own, not as part of a data: URL before it', (_, space) => {
    expect(findUrlInText(`data:,x${space}${SCHEMELESS}`)).toBe(`https://${SCHEMELESS}`);
  });

  it('returns the feed URL from megabyte-long surroundings', () => {
    const text = `${'word '.repeat(200_000)}${TXT}. ${'lorem ipsum '.repeat(100_000)}`;
    expect(findUrlInText(text)).toBe(TXT);
  });
});

describe('findUrlInText: no URL', () => {
  it.each<[string, string]>([
    ['empty', ''],
    ['whitespace', '  \n\t'],
    ['plain words', 'hello world'],
    ['a feed id', FEED_ID],
    ['a secret', SECRET],
    ['a bare host', US],
    ['a path without a host', `/ctia/feed/${FEED_ID}/view.txt?s=${SECRET}`],
    ['a path after a space', `see /ctia/feed/${FEED_ID}/view.txt`],
    ['a lone "://"', '://'],
    ['"://" × 300,000', '://'.repeat(300_000)],
    ['1,000,000 × "a"', 'a'.repeat(1_000_000)],
    ['"://" without a scheme before it', 'see ://example.com'],
    ['a feed path after a port with no host', `:443/ctia/feed/${FEED_ID}/view`],
    ['a feed path after a host and a colon with no port', `${US}:/ctia/feed/${FEED_ID}/view`],
    ['a feed path after a colon', `Feed: /ctia/feed/${FEED_ID}/view`],
  ])('%s', (_name, text) => {
    expect(findUrlInText(text)).toBeNull();
  });
});
