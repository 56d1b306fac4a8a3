import { describe, expect, it } from 'vitest';
import { parseFeedUrl, type FeedUrlError, type FeedUrlErrorCode, type FeedUrlResult, type FeedUrlWarningCode } from '@/utils/feed/feed-url';
import { describeFeedWarning, describeParseError } from '@/utils/i18n/describe-parse';

const US = 'private.intel.amp.cisco.com';
const EU = 'private.intel.eu.amp.cisco.com';
const APJC = 'private.intel.apjc.amp.cisco.com';

const UUID = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';
const FEED_ID = `feed-${UUID}`;
const SECRET = '9b2d7c1e-5a4f-4e8b-b1c3-7d6e5f4a3b2c';
const POLLING_PATH = `/ctia/feed/${FEED_ID}/view`;

/** The three shapes Cisco hands out, plus the plain view.txt one. */
const VIEW = `https://${US}/ctia/feed/${FEED_ID}/view?s=${SECRET}`;
const TXT = `https://${US}/ctia/feed/${FEED_ID}/view.txt?s=${SECRET}`;
const TXT_443 = `https://${US}:443/ctia/feed/${FEED_ID}/view.txt?s=${SECRET}`;
const LONG = `https://${US}/ctia/feed/https%3A%2F%2F${US}%3A443%2Fctia%2Ffeed%2F${FEED_ID}/view.txt?s=${SECRET}`;
const SCHEMELESS = `${US}/ctia/feed/${FEED_ID}/view.txt?s=${SECRET}`;

interface OkSummary {
  ok: true;
  fields: { hostname: string; pollingPath: string; collectionName: string };
  port: number;
  feedId: string;
  region: 'us' | 'eu' | 'apjc' | null;
  warnings: FeedUrlWarningCode[];
}

/** The result with the error reduced to its code and each warning to its code, so a table can state it exactly. */
function summarize(result: FeedUrlResult): OkSummary | { ok: false; code: FeedUrlErrorCode } {
  if (!result.ok) return { ok: false, code: result.error.code };
  return { ...result, warnings: result.warnings.map((w) => w.code) };
}

function ok(
  warnings: FeedUrlWarningCode[],
  {
    hostname = US,
    region = 'us',
    collectionName = SECRET,
    port = 443,
  }: { hostname?: string; region?: OkSummary['region']; collectionName?: string; port?: number } = {},
): OkSummary {
  return { ok: true, fields: { hostname, pollingPath: POLLING_PATH, collectionName }, port, feedId: FEED_ID, region, warnings };
}

const US_TXT = ok(['txt-view']);

/** A DNS name of `length` characters, in labels of at most 63. */
function hostOfLength(length: number): string {
  const labels = `${'a'.repeat(63)}.`.repeat(3);
  return `${labels}${'b'.repeat(length - labels.length - '.example'.length)}.example`;
}

function expectSentence(message: unknown): void {
  expect(typeof message).toBe('string');
  const text = message as string;
  expect(text.length).toBeGreaterThan(0);
  expect(text).toBe(text.trim());
  expect(text).toMatch(/\s/); // more than one word
  expect(text).toMatch(/[.!?…]$/);
}

/** Every code the parser answers is worded as a whole sentence. */
function expectSentences(result: FeedUrlResult): void {
  if (result.ok) result.warnings.forEach((w) => expectSentence(describeFeedWarning(w.code, result)));
  else expectSentence(describeParseError(result.error));
}

describe('parseFeedUrl: accepted URLs', () => {
  it.each<[string, string, OkSummary]>([
    // The URL shapes themselves.
    ['…/view (Judgements-output shape)', VIEW, ok(['judgements-view'])],
    ['…/view.txt', TXT, US_TXT],
    ['…:443/…/view.txt (default port is not a custom port)', TXT_443, US_TXT],
    ['URL-encoded long id', LONG, US_TXT],
    ['URL-encoded long id, lower-case escapes', LONG.replace(/%3A/g, '%3a').replace(/%2F/g, '%2f'), US_TXT],
    ['long id written unencoded', `https://${US}/ctia/feed/https://${US}:443/ctia/feed/${FEED_ID}/view.txt?s=${SECRET}`, US_TXT],
    ['…/view.txt/ with a trailing slash', `https://${US}/ctia/feed/${FEED_ID}/view.txt/?s=${SECRET}`, US_TXT],
    ['extra query parameters', `${TXT}&format=json`, US_TXT],
    ['upper-case secret is kept as typed', `https://${US}/ctia/feed/${FEED_ID}/view.txt?s=${SECRET.toUpperCase()}`, ok(['txt-view'], { collectionName: SECRET.toUpperCase() })],
    // A UUID reads the same in capitals (RFC 9562); the id, like the secret, is kept as written.
    ['upper-case feed id is kept as typed', `https://${US}/ctia/feed/feed-${UUID.toUpperCase()}/view.txt?s=${SECRET}`, {
      ...US_TXT,
      fields: { ...US_TXT.fields, pollingPath: `/ctia/feed/feed-${UUID.toUpperCase()}/view` },
      feedId: `feed-${UUID.toUpperCase()}`,
    }],

    // Whitespace and wrappers.
    ['spaces and newlines around', `  \n\t${TXT} \r\n`, US_TXT],
    ['non-breaking spaces around', `\u00a0${TXT}\u00a0`, US_TXT],
    ['double quotes', `"${TXT}"`, US_TXT],
    ['single quotes', `'${TXT}'`, US_TXT],
    ['angle brackets', `<${TXT}>`, US_TXT],
    ['backticks', `\`${TXT}\``, US_TXT],
    ['triple-backtick block', `\`\`\`\n${VIEW}\n\`\`\``, ok(['judgements-view'])],
    ['curly double quotes (word processors, chat apps)', `“${TXT}”`, US_TXT],
    ['curly single quotes', `‘${TXT}’`, US_TXT],
    ['Markdown link', `[${TXT}](${TXT})`, US_TXT],

    // Copied selections.
    ['"Feed URL: " label', `Feed URL: ${TXT}`, US_TXT],
    ['label without a space', `Feed URL:${TXT}`, US_TXT],
    ['multi-line block with title before and text after', `Malware domains — Observables\nFeed URL:\n${TXT_443}\nCreated by admin@example.com on 2024-05-01.\nExpires: never`, US_TXT],
    ['URL mid-sentence', `Please poll ${VIEW} every hour.`, ok(['judgements-view'])],

    // Sentence punctuation after the URL.
    ['followed by a period', `${TXT}.`, US_TXT],
    ['followed by a comma', `${TXT}, thanks`, US_TXT],
    ['inside parentheses', `(see ${TXT})`, US_TXT],
    ['followed by ").', `(see ${TXT}).`, US_TXT],
    ['followed by an ellipsis', `${TXT}…`, US_TXT],
    ['followed by "?!"', `is it ${TXT}?!`, US_TXT],

    // Invisible characters inside.
    ['zero-width space in the host and the secret', `https://private.\u200bintel.amp.cisco.com/ctia/feed/${FEED_ID}/view.txt?s=${SECRET.slice(0, 10)}\u200b${SECRET.slice(10)}`, US_TXT],
    ['zero-width joiner, word joiner and BOM in the path', `\ufeffhttps://${US}/ctia/\u200dfeed/feed-\u2060${UUID}/view.txt?s=${SECRET}`, US_TXT],

    // Hosts, regions and ports.
    ['upper-case host', `https://PRIVATE.INTEL.AMP.CISCO.COM/ctia/feed/${FEED_ID}/view.txt?s=${SECRET}`, US_TXT],
    ['upper-case scheme', `HTTPS://${US}/ctia/feed/${FEED_ID}/view.txt?s=${SECRET}`, US_TXT],
    ['host with a trailing dot', `https://${US}./ctia/feed/${FEED_ID}/view.txt?s=${SECRET}`, US_TXT],
    ['EU host', `https://${EU}/ctia/feed/${FEED_ID}/view.txt?s=${SECRET}`, ok(['txt-view'], { hostname: EU, region: 'eu' })],
    ['EU host, :443, /view', `https://${EU}:443/ctia/feed/${FEED_ID}/view?s=${SECRET}`, ok(['judgements-view'], { hostname: EU, region: 'eu' })],
    ['APJC host', `https://${APJC}/ctia/feed/${FEED_ID}/view.txt?s=${SECRET}`, ok(['txt-view'], { hostname: APJC, region: 'apjc' })],
    ['APJC host, URL-encoded long id', LONG.replaceAll(US, APJC), ok(['txt-view'], { hostname: APJC, region: 'apjc' })],
    ['unknown https host', `https://intel.example.org/ctia/feed/${FEED_ID}/view.txt?s=${SECRET}`, ok(['txt-view', 'unrecognized-host'], { hostname: 'intel.example.org', region: null })],
    ['unknown host with /view', `https://intel.example.org/ctia/feed/${FEED_ID}/view?s=${SECRET}`, ok(['judgements-view', 'unrecognized-host'], { hostname: 'intel.example.org', region: null })],
    ['port 8443', `https://${US}:8443/ctia/feed/${FEED_ID}/view.txt?s=${SECRET}`, ok(['txt-view', 'custom-port'], { port: 8443 })],
    ['a bracketed IPv6 address', `https://[2001:db8::1]/ctia/feed/${FEED_ID}/view.txt?s=${SECRET}`, ok(['txt-view', 'unrecognized-host'], { hostname: '[2001:db8::1]', region: null })],
    ['an IPv4 address', `https://192.0.2.10/ctia/feed/${FEED_ID}/view.txt?s=${SECRET}`, ok(['txt-view', 'unrecognized-host'], { hostname: '192.0.2.10', region: null })],
    ['a host of 253 characters, the longest a DNS name has', `https://${hostOfLength(253)}/ctia/feed/${FEED_ID}/view.txt?s=${SECRET}`, ok(['txt-view', 'unrecognized-host'], { hostname: hostOfLength(253), region: null })],
    ['unknown host on port 8443', `https://intel.example.org:8443/ctia/feed/${FEED_ID}/view.txt?s=${SECRET}`, ok(['txt-view', 'unrecognized-host', 'custom-port'], { hostname: 'intel.example.org', region: null, port: 8443 })],

    // Without a scheme.
    ['scheme-less', SCHEMELESS, US_TXT],
    ['scheme-less with :443', `${US}:443/ctia/feed/${FEED_ID}/view.txt?s=${SECRET}`, US_TXT],
    ['scheme-less after a label', `Feed URL: ${SCHEMELESS}.`, US_TXT],
    ['scheme-less after a label with no space', `Feed URL:${SCHEMELESS}`, US_TXT],
    ['scheme-less after a label with no space, :443', `URL:${US}:443/ctia/feed/${FEED_ID}/view.txt?s=${SECRET}`, US_TXT],
    ['scheme-less feed URL after a non-feed URL', `https://example.com/ and ${SCHEMELESS}`, US_TXT],
    ['in guillemets', `«${TXT}»`, US_TXT],
    ['before an ideographic full stop', `${TXT}。`, US_TXT],

    // Several URLs.
    ['non-feed URL first, feed URL second', `Docs: https://docs.example.com/help then ${TXT}`, US_TXT],
    ['http non-feed URL first, feed URL second', `http://example.com, <${VIEW}>`, ok(['judgements-view'])],
  ])('%s', (_name, input, expected) => {
    const result = parseFeedUrl(input);
    expect(summarize(result)).toEqual(expected);
    expectSentences(result);
  });

  it('returns the whole result object for a plain view.txt URL', () => {
    expect(parseFeedUrl(TXT)).toEqual({
      ok: true,
      fields: { hostname: US, pollingPath: POLLING_PATH, collectionName: SECRET },
      port: 443,
      feedId: FEED_ID,
      region: 'us',
      warnings: [{ code: 'txt-view' }],
    });
  });

  it('names the port in the custom-port warning and the host in the unrecognized-host warning', () => {
    const result = parseFeedUrl(`https://intel.example.org:8443/ctia/feed/${FEED_ID}/view.txt?s=${SECRET}`);
    if (!result.ok) throw new Error(`expected ok, got ${result.error.code}`);
    const messages = Object.fromEntries(result.warnings.map((w) => [w.code, describeFeedWarning(w.code, result)]));
    expect(messages['custom-port']).toContain('8443');
    expect(messages['unrecognized-host']).toContain('intel.example.org');
  });
});

describe('parseFeedUrl: rejected input', () => {
  const shortId = 'feed-3f2504e0-4f89-41d3';
  it.each<[FeedUrlErrorCode, string]>([
    ['empty', ''],
    ['empty', '   \n'],
    ['empty', '\t\r\n  '],
    ['empty', '\u200b\ufeff'],

    ['not-a-url', 'hello'],
    ['not-a-url', FEED_ID],
    ['not-a-url', SECRET],
    ['not-a-url', `/ctia/feed/${FEED_ID}/view.txt?s=${SECRET}`],
    ['not-a-url', 'https://'],
    ['not-a-url', `https://*/ctia/feed/${FEED_ID}/view.txt?s=${SECRET}`],
    ['not-a-url', `https://*.evil.example/ctia/feed/${FEED_ID}/view.txt?s=${SECRET}`],
    ['not-a-url', `https://a*b.example/ctia/feed/${FEED_ID}/view.txt?s=${SECRET}`],
    ['not-a-url', `https://${US}:0/ctia/feed/${FEED_ID}/view.txt?s=${SECRET}`],
    ['not-a-url', `https://${'a'.repeat(250)}.example/ctia/feed/${FEED_ID}/view.txt?s=${SECRET}`],
    ['not-a-url', `https://${hostOfLength(254)}/ctia/feed/${FEED_ID}/view.txt?s=${SECRET}`],

    ['not-https', `http://${US}/ctia/feed/${FEED_ID}/view.txt?s=${SECRET}`],
    ['not-https', `ftp://${US}/ctia/feed/${FEED_ID}/view.txt?s=${SECRET}`],
    ['not-https', `Feed URL: HTTP://${US}:443/ctia/feed/${FEED_ID}/view?s=${SECRET}`],

    ['not-a-feed-url', 'https://example.com/'],
    ['not-a-feed-url', `https://${US}/`],
    ['not-a-feed-url', `https://${US}/ctia/feed/${shortId}/view.txt?s=${SECRET}`],
    ['not-a-feed-url', `https://${US}/ctia/feed/${FEED_ID}?s=${SECRET}`],
    ['not-a-feed-url', `https://${US}/ctia/feed/${FEED_ID}/json?s=${SECRET}`],
    ['not-a-feed-url', `https://${US}/ctia/feed/?s=${SECRET}`],
    ['not-a-feed-url', `https://${US}/api/ctia/feed/${FEED_ID}/view.txt?s=${SECRET}`],

    ['missing-secret', `https://${US}/ctia/feed/${FEED_ID}/view.txt`],
    ['missing-secret', `https://${US}/ctia/feed/${FEED_ID}/view.txt?s=`],
    ['missing-secret', `https://${US}/ctia/feed/${FEED_ID}/view?t=${SECRET}`],
    ['missing-secret', `https://${US}/ctia/feed/${FEED_ID}/view.txt?`],

    ['bad-secret', `https://${US}/ctia/feed/${FEED_ID}/view.txt?s=${SECRET.slice(0, 30)}`],
    ['bad-secret', `https://${US}/ctia/feed/${FEED_ID}/view.txt?s=${SECRET}0`],
    ['bad-secret', `https://${US}/ctia/feed/${FEED_ID}/view.txt?s=${SECRET}abc`],
    ['bad-secret', `https://${US}/ctia/feed/${FEED_ID}/view.txt?s=${SECRET.replace(/-/g, '')}`],
    ['bad-secret', `https://${US}/ctia/feed/${FEED_ID}/view.txt?s=${SECRET.replace('9b2d', 'zz2d')}`],
  ])('%s: %j', (code, input) => {
    const result = parseFeedUrl(input);
    expect(summarize(result)).toEqual({ ok: false, code });
    if (result.ok) return;
    const message = describeParseError(result.error);
    expectSentence(message);
    // The secret is a credential: neither the error nor its message may echo it back.
    const secret = /[?&]s=([^&\s]*)/.exec(input)?.[1];
    if (secret) expect(JSON.stringify(result.error)).not.toContain(secret);
    if (secret) expect(message).not.toContain(secret);
  });
});

describe('parseFeedUrl: what an error carries for its message', () => {
  it.each<[string, string, FeedUrlError]>([
    ['nothing', ' ', { code: 'empty' }],
    ['no URL', 'hello', { code: 'not-a-url' }],
    ['a host no server has', `https://a*b.example/ctia/feed/${FEED_ID}/view.txt?s=${SECRET}`, { code: 'not-a-url', host: 'a*b.example' }],
    ['port 0', `https://${US}:0/ctia/feed/${FEED_ID}/view.txt?s=${SECRET}`, { code: 'not-a-url', port: 0 }],
    ['http', `http://${US}/ctia/feed/${FEED_ID}/view.txt?s=${SECRET}`, { code: 'not-https', protocol: 'http:', slashes: true }],
    ['upper-case HTTP', `HTTP://${US}/ctia/feed/${FEED_ID}/view.txt?s=${SECRET}`, { code: 'not-https', protocol: 'http:', slashes: true }],
    ['another path', `https://${US}/api/ctia/feed/${FEED_ID}/view.txt?s=${SECRET}`, { code: 'not-a-feed-url', part: 'path' }],
    ['a cut feed id', `https://${US}/ctia/feed/feed-3f2504e0/view.txt?s=${SECRET}`, { code: 'not-a-feed-url', part: 'feed-id' }],
    ['no secret', `https://${US}/ctia/feed/${FEED_ID}/view.txt`, { code: 'missing-secret' }],
    ['a cut secret', `https://${US}/ctia/feed/${FEED_ID}/view.txt?s=${SECRET.slice(0, 30)}`, { code: 'bad-secret' }],
  ])('%s', (_name, input, error) => {
    expect(parseFeedUrl(input)).toEqual({ ok: false, error });
  });
});

describe('parseFeedUrl: a feed URL inside a URL of another scheme is that URL', () => {
  /** `slashes`: whether "//" follows the scheme as the browser reads the URL, which its message quotes. */
  const notHttps = (protocol: string, slashes = false): FeedUrlResult => ({ ok: false, error: { code: 'not-https', protocol, slashes } });
  it.each<[string, string, FeedUrlResult]>([
    ['data: URL of the scheme-less feed URL', `data:text/plain,${SCHEMELESS}`, notHttps('data:')],
    ['data: URL, upper-case scheme', `DATA:text/plain,${SCHEMELESS}`, notHttps('data:')],
    ['data: URL in quotes', `"data:,${SCHEMELESS}"`, notHttps('data:')],
    ['data: URL of the feed URL with its scheme', `data:text/plain,${TXT}`, notHttps('data:')],
    ['javascript: URL', `javascript:${SCHEMELESS}`, notHttps('javascript:')],
    ['javascript: URL opening the feed URL in quotes', `javascript:open('${SCHEMELESS}')`, notHttps('javascript:')],
    ['javascript: URL opening the feed URL with its scheme', `javascript:open('${TXT}')`, notHttps('javascript:')],
    ['javascript: URL as a Markdown link target', `[feed](javascript:${SCHEMELESS})`, notHttps('javascript:')],
    ['ftp:// URL of the feed host', `ftp://${SCHEMELESS}`, notHttps('ftp:', true)],
    ['ftp:// URL with the feed URL in its path', `ftp://files.example.com/${SCHEMELESS}`, notHttps('ftp:', true)],
    ['file: URL', `file:${SCHEMELESS}`, notHttps('file:', true)],
    ['file:/// URL', `file:///${SCHEMELESS}`, notHttps('file:', true)],
    ['http: without slashes', `http:${SCHEMELESS}`, notHttps('http:', true)],
    ['http: with one slash', `http:/${SCHEMELESS}`, notHttps('http:', true)],
    ['blob: URL', `blob:${SCHEMELESS}`, notHttps('blob:')],
    ['view-source: URL', `view-source:${TXT}`, notHttps('view-source:')],
    ['after a label: still that URL', `Feed URL: data:text/plain,${SCHEMELESS}`, notHttps('data:')],

    // Labels are written like schemes; the feed URL after one is the user's.
    ['https: without slashes', `https:${SCHEMELESS}`, { ...parseFeedUrl(TXT) }],
    ['"URL:" label', `URL:${SCHEMELESS}`, { ...parseFeedUrl(TXT) }],
    ['"Feed:" label', `Feed:${SCHEMELESS}`, { ...parseFeedUrl(TXT) }],
    ['"Feed URL:" label before the URL with its scheme', `Feed URL:${TXT}`, { ...parseFeedUrl(TXT) }],
    ['JSON value', `{"url":"${TXT}"}`, { ...parseFeedUrl(TXT) }],
    ['a data: word before, apart', `see data:, ${SCHEMELESS}`, { ...parseFeedUrl(TXT) }],
  ])('%s', (_name, input, expected) => {
    expect(parseFeedUrl(input)).toEqual(expected);
  });

  it('accepts the label cases as the plain feed URL, exactly', () => {
    expect(parseFeedUrl(`URL:${SCHEMELESS}`)).toEqual({
      ok: true,
      fields: { hostname: US, pollingPath: POLLING_PATH, collectionName: SECRET },
      port: 443,
      feedId: FEED_ID,
      region: 'us',
      warnings: [{ code: 'txt-view' }],
    });
  });

  it.each<[string, () => string, FeedUrlResult]>([
    ['1 MB of commas, then a data: URL', () => `data:${','.repeat(1_000_000)}${SCHEMELESS}`, notHttps('data:')],
    ['1 MB of commas, then the scheme-less feed URL', () => `${','.repeat(1_000_000)}${SCHEMELESS}`, { ...parseFeedUrl(TXT) }],
    ['"data:" × 200,000, then the feed URL', () => `${'data:'.repeat(200_000)}${SCHEMELESS}`, notHttps('data:')],
  ])('stays linear on megabyte words: %s', (_name, make, expected) => {
    expect(parseFeedUrl(make())).toEqual(expected);
  });
});

describe('parseFeedUrl: megabyte inputs', () => {
  const MB = 1_000_000;
  it.each<[string, () => string, OkSummary | { ok: false; code: FeedUrlErrorCode }]>([
    ['1,000,000 × "a"', () => 'a'.repeat(MB), { ok: false, code: 'not-a-url' }],
    ['"://" × 300,000', () => '://'.repeat(300_000), { ok: false, code: 'not-a-url' }],
    ['"https://" + 1,000,000 × "a"', () => `https://${'a'.repeat(MB)}`, { ok: false, code: 'not-a-feed-url' }],
    ['valid URL followed by 1 MB of text', () => `${TXT} ${'lorem ipsum dolor sit amet '.repeat(MB / 27)}`, US_TXT],
    ['valid URL followed by 1 MB without spaces', () => `${TXT}\n${'a'.repeat(MB)}`, US_TXT],
    ['1 MB of text, then a valid URL', () => `${'word '.repeat(MB / 5)}${VIEW}`, ok(['judgements-view'])],
    ['valid URL followed by 1,000,000 periods', () => `${TXT}${'.'.repeat(MB)}`, US_TXT],
    ['1,000,000 zero-width spaces, then a valid URL', () => `${'\u200b'.repeat(MB)}${TXT}`, US_TXT],
    ['"https://x/ctia/feed/" × 50,000', () => 'https://x/ctia/feed/'.repeat(50_000), { ok: false, code: 'not-a-feed-url' }],
    ['"https://x/ctia/feed/ " × 50,000', () => 'https://x/ctia/feed/ '.repeat(50_000), { ok: false, code: 'not-a-feed-url' }],
    ['"x/ctia/feed/" × 100,000 (scheme-less)', () => 'x/ctia/feed/'.repeat(100_000), { ok: false, code: 'not-a-feed-url' }],
    ['" /ctia/feed/" × 100,000', () => ' /ctia/feed/'.repeat(100_000), { ok: false, code: 'not-a-url' }],
    ['"a:// " × 200,000', () => 'a:// '.repeat(200_000), { ok: false, code: 'not-https' }],
    ['1,000,000 × "a" + "://"', () => `${'a'.repeat(MB)}://`, { ok: false, code: 'not-https' }],
    ['1,000,000 spaces', () => ' '.repeat(MB), { ok: false, code: 'empty' }],
  ])('%s', (_name, make, expected) => {
    const input = make();
    let result: FeedUrlResult | undefined;
    expect(() => {
      result = parseFeedUrl(input);
    }).not.toThrow();
    expect(summarize(result!)).toEqual(expected);
  });
});

describe('parseFeedUrl: odd input never throws', () => {
  it.each<[string, FeedUrlErrorCode]>([
    ['\uD800', 'not-a-url'],
    ['\uDC00\uD800', 'not-a-url'],
    ['\0', 'not-a-url'],
    ['\0\0\0https\0://\0', 'not-a-url'],
    ['%', 'not-a-url'],
    ['%%%', 'not-a-url'],
    ['://', 'not-a-url'],
    ['https://[', 'not-a-url'],
    ['https://[::1', 'not-a-url'],
    [`https://%zz/ctia/feed/${FEED_ID}/view.txt?s=${SECRET}`, 'not-a-url'],
    [`https://${US}/ctia/feed/%E0%A4%A/view.txt?s=${SECRET}`, 'not-a-feed-url'],
    [`https://${US}/ctia/feed/\uD800/view.txt?s=${SECRET}`, 'not-a-feed-url'],
    [`https://${US}/ctia/feed/${FEED_ID}/view.txt?s=%`, 'bad-secret'],
    [`https://${US}/ctia/feed/${FEED_ID}/view.txt?s=\uD800`, 'bad-secret'],
    [`https://${US}/ctia/feed/${FEED_ID}/view.txt?s=%zz`, 'bad-secret'],
  ])('%j → %s', (input, code) => {
    let result: FeedUrlResult | undefined;
    expect(() => {
      result = parseFeedUrl(input);
    }).not.toThrow();
    expect(summarize(result!)).toEqual({ ok: false, code });
    expectSentences(result!);
  });
});
