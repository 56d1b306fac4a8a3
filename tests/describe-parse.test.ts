import { describe, expect, it } from 'vitest';
import type { FeedUrlError } from '@/utils/feed/feed-url';
import { describeFeedWarning, describeParseError } from '@/utils/i18n/describe-parse';
import { english } from './english';

const AGAIN = english('parseCopyAgain');

describe('describeParseError', () => {
  it.each<[FeedUrlError, string]>([
    [{ code: 'empty' }, 'Paste a feed URL. It looks like https://private.intel.amp.cisco.com/ctia/feed/feed-…/view.txt?s=…'],
    [{ code: 'not-a-url' }, `This is not a web address. ${AGAIN}`],
    [{ code: 'not-a-url', host: 'a*b.example' }, `“a*b.example” is not a valid host name. ${AGAIN}`],
    [{ code: 'not-a-url', host: `${'a'.repeat(250)}.example` }, `“${'a'.repeat(60)}” is not a valid host name. ${AGAIN}`],
    [{ code: 'not-a-url', port: 0 }, `Port 0 is not a port a feed can be polled on. ${AGAIN}`],
    [{ code: 'not-https', protocol: 'http:' }, `Feed URLs start with https://, this one with http://. ${AGAIN}`],
    [{ code: 'not-https', protocol: 'data:' }, `Feed URLs start with https://, this one with data://. ${AGAIN}`],
    [{ code: 'not-a-feed-url', part: 'path' }, `This is not a feed URL: its path does not start with /ctia/feed/. ${AGAIN}`],
    [{ code: 'not-a-feed-url', part: 'feed-id' }, `The feed id in this URL is incomplete or altered (expected …/ctia/feed/feed-<id>/view.txt). ${AGAIN}`],
    [{ code: 'missing-secret' }, `The URL has no secret (the part after ?s=), which the gateway needs as Collection Name. ${AGAIN}`],
    [{ code: 'bad-secret' }, `The secret after ?s= is cut short or altered: it should be 36 characters like 1b4e28ba-2fa1-11d2-883f-0016d3cca427. ${AGAIN}`],
  ])('%j', (error, message) => {
    expect(describeParseError(error)).toBe(message);
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
