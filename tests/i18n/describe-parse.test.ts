import { describe, expect, it } from 'vitest';
import { parseFeedUrl, type FeedUrlError } from '@/utils/feed/feed-url';
import { describeFeedWarning, describeParseError } from '@/utils/i18n/describe-parse';
import { english } from '../support/english';
import { feedUrl } from '../support/feeds';

const AGAIN = english('parseCopyAgain');

describe('describeParseError', () => {
  it.each<[FeedUrlError, string]>([
    [{ code: 'empty' }, 'Paste a feed URL. It looks like https://private.intel.amp.cisco.com/ctia/feed/feed-…/view.txt?s=…'],
    [{ code: 'not-a-url' }, `This is not a web address. ${AGAIN}`],
    [{ code: 'not-a-url', host: 'a*b.example' }, `“a*b.example” is not a valid host name. ${AGAIN}`],
    [{ code: 'not-a-url', host: `${'a'.repeat(250)}.example` }, `“${'a'.repeat(60)}” is not a valid host name. ${AGAIN}`],
    [{ code: 'not-a-url', port: 0 }, `Port 0 is not a port a feed can be polled on. ${AGAIN}`],
    [{ code: 'not-https', protocol: 'http:', slashes: true }, `Feed URLs start with https://, this one with http://. ${AGAIN}`],
    [{ code: 'not-https', protocol: 'ftp:', slashes: true }, `Feed URLs start with https://, this one with ftp://. ${AGAIN}`],
    [{ code: 'not-https', protocol: 'file:', slashes: true }, `Feed URLs start with https://, this one with file://. ${AGAIN}`],
    [{ code: 'not-https', protocol: 'chrome-extension:', slashes: true }, `Feed URLs start with https://, this one with chrome-extension://. ${AGAIN}`],
    [{ code: 'not-https', protocol: 'data:', slashes: false }, `Feed URLs start with https://, this one with data:, so it is not a feed URL. ${AGAIN}`],
    [{ code: 'not-https', protocol: 'javascript:', slashes: false }, `Feed URLs start with https://, this one with javascript:, so it is not a feed URL. ${AGAIN}`],
    [{ code: 'not-https', protocol: 'mailto:', slashes: false }, `Feed URLs start with https://, this one with mailto:, so it is not a feed URL. ${AGAIN}`],
    [{ code: 'not-https', protocol: 'view-source:', slashes: false }, `Feed URLs start with https://, this one with view-source:, so it is not a feed URL. ${AGAIN}`],
    [{ code: 'not-a-feed-url', part: 'path' }, `This is not a feed URL: its path does not start with /ctia/feed/. ${AGAIN}`],
    [{ code: 'not-a-feed-url', part: 'feed-id' }, `The feed id in this URL is incomplete or altered (expected …/ctia/feed/feed-<id>/view.txt). ${AGAIN}`],
    [{ code: 'missing-secret' }, `The URL has no secret (the part after ?s=), which the gateway needs as Collection Name. ${AGAIN}`],
    [{ code: 'bad-secret' }, `The secret after ?s= is cut short or altered: it should be 36 characters like 1b4e28ba-2fa1-11d2-883f-0016d3cca427. ${AGAIN}`],
  ])('%j', (error, message) => {
    expect(describeParseError(error)).toBe(message);
  });

  it('shows a megabyte scheme only as far as a host name', () => {
    const error: FeedUrlError = { code: 'not-https', protocol: `${'a'.repeat(1_000_000)}:`, slashes: true };
    expect(describeParseError(error)).toBe(`Feed URLs start with https://, this one with ${'a'.repeat(60)}://. ${AGAIN}`);
  });
});

describe('describeParseError: what a pasted URL of another scheme really starts with', () => {
  const FEED = feedUrl(0).replace('https://', '');
  it.each([
    ['http://…', `http://${FEED}`, 'http://'],
    ['http:… (the browser reads http://)', `http:${FEED}`, 'http://'],
    ['ftp://…', `ftp://${FEED}`, 'ftp://'],
    ['file:///…', `file:///${FEED}`, 'file://'],
    ['data:…', `data:text/plain,${FEED}`, 'data:, so it is not a feed URL'],
    ['javascript:…', `javascript:open('${FEED}')`, 'javascript:, so it is not a feed URL'],
    ['mailto:…', `mailto:admin@example.com?body=${FEED}`, 'mailto:, so it is not a feed URL'],
    ['view-source:https://…', `view-source:https://${FEED}`, 'view-source:, so it is not a feed URL'],
  ])('%s', (_, text, start) => {
    const result = parseFeedUrl(text);
    expect(!result.ok && describeParseError(result.error)).toBe(`Feed URLs start with https://, this one with ${start}. ${AGAIN}`);
  });
});

describe('describeFeedWarning', () => {
  const feed = { fields: { hostname: 'intel.example.org' }, port: 8443 };
  it.each([
    ['txt-view', 'Removed ".txt" from the path: the gateway reads the feed\'s JSON view.'],
    ['judgements-view', english('parseJudgementsView')],
    ['unrecognized-host', "intel.example.org is not one of Cisco's private intelligence hosts. Use it only if it is your organisation's own threat intelligence server."],
    ['custom-port', 'This URL uses port 8443: set Polling Port to 8443 instead of 443.'],
  ] as const)('%s', (code, message) => {
    expect(describeFeedWarning(code, feed)).toBe(message);
  });
});
