import { describe, expect, it } from 'vitest';
import { checkSource, mayNameCiscoFeed, type KnownFeedFacts, type SourceCheck, type SourceFix, type SourceFormValues, type SourceMistake } from '@/utils/gateway/source-check';
import { FEED_IDS, SECRETS, feedUrl } from '../support/feeds';

const HOST = 'private.intel.amp.cisco.com';
const EU = 'private.intel.eu.amp.cisco.com';
const FEED_ID = FEED_IDS[0];
const SECRET = SECRETS[0];
const PATH = `/ctia/feed/${FEED_ID}/view`;

/** A source the gateway polls: what Autofill fills. */
const CORRECT: SourceFormValues = { hostname: HOST, pollingPath: PATH, collectionName: SECRET, useHttps: true, pollingPort: '443', configureUserCredentials: false };
const FIX: SourceFix = { hostname: HOST, pollingPath: PATH, collectionName: SECRET, useHttps: true, pollingPort: '443', configureUserCredentials: false };
/** An Add Source form nobody has touched, as the saved AsyncOS page has it: HTTPS No, port 80, credentials Yes. */
const UNTOUCHED = { hostname: '', pollingPath: '', collectionName: '', useHttps: false, pollingPort: '80', configureUserCredentials: true };

function feed(mistakes: SourceMistake[], fix: Partial<SourceFix> = {}, feedId: string | null = FEED_ID): SourceCheck {
  return { kind: 'feed', feedId, mistakes, fix: { ...FIX, ...fix } };
}

describe('checkSource: each mistake alone', () => {
  it.each<[string, Partial<SourceFormValues>, SourceMistake[], Partial<SourceFix>?]>([
    // Hostname
    ['https:// in Hostname', { hostname: `https://${HOST}` }, [{ field: 'hostname', code: 'scheme-in-hostname' }]],
    ['http:// in Hostname', { hostname: `http://${HOST}` }, [{ field: 'hostname', code: 'scheme-in-hostname' }]],
    [':443 in Hostname', { hostname: `${HOST}:443` }, [{ field: 'hostname', code: 'port-in-hostname', port: 443 }]],
    ['the whole URL in Hostname', { hostname: feedUrl(0) }, [{ field: 'hostname', code: 'url-in-hostname' }]],
    ['the host and path in Hostname', { hostname: `${HOST}${PATH}` }, [{ field: 'hostname', code: 'url-in-hostname' }]],
    ['a slash after the host in Hostname', { hostname: `${HOST}/` }, [{ field: 'hostname', code: 'url-in-hostname' }]],
    ['a user and password before the host in Hostname', { hostname: `admin:pw@${HOST}` }, [{ field: 'hostname', code: 'user-in-hostname' }]],
    ['a user, then a port, in Hostname', { hostname: `admin:pw@${HOST}:443` }, [{ field: 'hostname', code: 'user-in-hostname' }, { field: 'hostname', code: 'port-in-hostname', port: 443 }]],
    ['a backslash after the host in Hostname', { hostname: `${HOST}\\x:8443` }, [{ field: 'hostname', code: 'url-in-hostname' }]],
    ['an empty Hostname', { hostname: '' }, [{ field: 'hostname', code: 'host-missing' }], { hostname: null }],
    ['a Hostname no server has', { hostname: 'private intel' }, [{ field: 'hostname', code: 'host-missing' }], { hostname: null }],
    ['a Hostname the engine refuses', { hostname: 'a*b.example' }, [{ field: 'hostname', code: 'host-missing' }], { hostname: null }],
    // Polling Path
    ['.txt on the path', { pollingPath: `${PATH}.txt` }, [{ field: 'pollingPath', code: 'txt-view' }]],
    ['/view missing', { pollingPath: `/ctia/feed/${FEED_ID}` }, [{ field: 'pollingPath', code: 'view-missing' }]],
    ['/view missing after a slash', { pollingPath: `/ctia/feed/${FEED_ID}/` }, [{ field: 'pollingPath', code: 'view-missing' }]],
    ['a query on the path', { pollingPath: `${PATH}?s=${SECRET}` }, [{ field: 'pollingPath', code: 'query-in-path' }]],
    ['the whole URL in Polling Path', { pollingPath: `https://${HOST}${PATH}` }, [{ field: 'pollingPath', code: 'url-in-path' }]],
    ['a cut feed id', { pollingPath: '/ctia/feed/feed-8f2b1c3e/view' }, [{ field: 'pollingPath', code: 'path-not-feed' }], { pollingPath: null }],
    ['an empty Polling Path', { pollingPath: '' }, [{ field: 'pollingPath', code: 'path-not-feed' }], { pollingPath: null }],
    ['a TAXII path with a private-intel host', { pollingPath: '/taxii-data' }, [{ field: 'pollingPath', code: 'path-not-feed' }], { pollingPath: null }],
    ['a URL of another scheme in Polling Path', { pollingPath: 'javascript:%zz' }, [{ field: 'pollingPath', code: 'path-not-feed' }], { pollingPath: null }],
    // Collection Name
    ['the whole URL in Collection Name', { collectionName: feedUrl(0) }, [{ field: 'collectionName', code: 'url-in-collection-name' }]],
    ['s= in Collection Name', { collectionName: `s=${SECRET}` }, [{ field: 'collectionName', code: 's-in-collection-name' }]],
    ['?s= in Collection Name', { collectionName: `?s=${SECRET}` }, [{ field: 'collectionName', code: 's-in-collection-name' }]],
    ['a secret cut short', { collectionName: SECRET.slice(0, 30) }, [{ field: 'collectionName', code: 'secret-malformed' }], { collectionName: null }],
    ['a TAXII collection', { collectionName: 'guest.Abuse_ch' }, [{ field: 'collectionName', code: 'secret-malformed' }], { collectionName: null }],
    ['an empty Collection Name', { collectionName: '' }, [{ field: 'collectionName', code: 'secret-missing' }], { collectionName: null }],
    ['s= and nothing after it in Collection Name', { collectionName: 's=' }, [{ field: 'collectionName', code: 's-in-collection-name' }, { field: 'collectionName', code: 'secret-missing' }], { collectionName: null }],
    ['the URL’s tail from view.txt?s= in Collection Name', { collectionName: `view.txt?s=${SECRET}` }, [{ field: 'collectionName', code: 's-in-collection-name' }]],
    ['the scheme-less URL in Collection Name', { collectionName: `${HOST}${PATH}.txt?s=${SECRET}` }, [{ field: 'collectionName', code: 'url-in-collection-name' }]],
    [
      'the feed URL without its secret in Collection Name',
      { collectionName: `https://${HOST}${PATH}` },
      [{ field: 'collectionName', code: 'url-in-collection-name' }, { field: 'collectionName', code: 'secret-missing' }],
      { collectionName: null },
    ],
    // The settings
    ['Use HTTPS No', { useHttps: false }, [{ field: 'useHttps', code: 'https-not-yes' }]],
    ['Use HTTPS unset', { useHttps: null }, [{ field: 'useHttps', code: 'https-not-yes' }]],
    ['Polling Port 80', { pollingPort: '80' }, [{ field: 'pollingPort', code: 'wrong-port', port: 443 }]],
    ['an empty Polling Port', { pollingPort: '' }, [{ field: 'pollingPort', code: 'wrong-port', port: 443 }]],
    ['Configure User Credentials Yes', { configureUserCredentials: true }, [{ field: 'configureUserCredentials', code: 'credentials-yes' }]],
    ['Configure User Credentials unset', { configureUserCredentials: null }, []],
  ])('%s', (_, change, mistakes, fix = {}) => {
    const feedId = fix.pollingPath === null ? null : FEED_ID;
    expect(checkSource({ ...CORRECT, ...change })).toEqual(feed(mistakes, fix, feedId));
  });
});

describe('checkSource: what the kept feed tells', () => {
  it.each<[string, KnownFeedFacts, SourceMistake[]]>([
    ['a Judgements feed, named once beside Polling Path', { output: 'judgements' }, [{ field: 'pollingPath', code: 'judgements-output' }]],
    ['an Observables feed', { output: 'observables' }, []],
    ['another secret than the one captured', { secretDiffers: true }, [{ field: 'collectionName', code: 'secret-differs' }]],
    ['the same secret', { secretDiffers: false }, []],
  ])('%s', (_, facts, mistakes) => {
    expect(checkSource(CORRECT, facts)).toEqual(feed(mistakes));
  });

  it('names a cut secret, not a differing one, when the secret is both', () => {
    expect(checkSource({ ...CORRECT, collectionName: SECRET.slice(0, 30) }, { secretDiffers: true })).toEqual(
      feed([{ field: 'collectionName', code: 'secret-malformed' }], { collectionName: null }),
    );
  });
});

describe('checkSource: whole sources', () => {
  it.each<[string, SourceFormValues, SourceCheck]>([
    ['a correct source', CORRECT, feed([])],
    [
      'every classic mistake at once',
      { hostname: `${HOST}:443`, pollingPath: `${PATH}.txt`, collectionName: `s=${SECRET}`, useHttps: false, pollingPort: '80', configureUserCredentials: false },
      feed([
        { field: 'hostname', code: 'port-in-hostname', port: 443 },
        { field: 'pollingPath', code: 'txt-view' },
        { field: 'collectionName', code: 's-in-collection-name' },
        { field: 'useHttps', code: 'https-not-yes' },
        { field: 'pollingPort', code: 'wrong-port', port: 443 },
      ]),
    ],
    [
      'the whole URL pasted into Hostname of an untouched form',
      { ...UNTOUCHED, hostname: feedUrl(0) },
      feed([
        { field: 'hostname', code: 'url-in-hostname' },
        { field: 'pollingPath', code: 'path-not-feed' },
        { field: 'collectionName', code: 'secret-missing' },
        { field: 'useHttps', code: 'https-not-yes' },
        { field: 'pollingPort', code: 'wrong-port', port: 443 },
        { field: 'configureUserCredentials', code: 'credentials-yes' },
      ]),
    ],
    [
      'the whole URL pasted into Collection Name alone',
      { ...CORRECT, hostname: '', pollingPath: '', collectionName: feedUrl(0) },
      feed([
        { field: 'hostname', code: 'host-missing' },
        { field: 'pollingPath', code: 'path-not-feed' },
        { field: 'collectionName', code: 'url-in-collection-name' },
      ]),
    ],
    [
      'the scheme-less URL in Hostname, with :443',
      { ...CORRECT, hostname: `${HOST}:443${PATH}.txt?s=${SECRET}`, pollingPath: '', collectionName: '' },
      feed([
        { field: 'hostname', code: 'url-in-hostname' },
        { field: 'pollingPath', code: 'path-not-feed' },
        { field: 'collectionName', code: 'secret-missing' },
      ]),
    ],
    [
      'the secret left on the path, Collection Name empty',
      { ...CORRECT, pollingPath: `${PATH}.txt?s=${SECRET}`, collectionName: '' },
      feed([
        { field: 'pollingPath', code: 'query-in-path' },
        { field: 'pollingPath', code: 'txt-view' },
        { field: 'collectionName', code: 'secret-missing' },
      ]),
    ],
    [
      'the long URL-encoded path',
      { ...CORRECT, pollingPath: `/ctia/feed/https%3A%2F%2F${HOST}%3A443%2Fctia%2Ffeed%2F${FEED_ID}/view.txt` },
      feed([{ field: 'pollingPath', code: 'txt-view' }]),
    ],
    [
      'spaces around each value',
      { ...CORRECT, hostname: ` ${HOST} `, pollingPath: `${PATH}\n`, collectionName: `\t${SECRET}`, pollingPort: ' 443 ' },
      feed([]),
    ],
    [
      'a private-intel Hostname alone in an untouched form: no feed id, nothing to fix it with',
      { ...UNTOUCHED, hostname: EU },
      feed(
        [
          { field: 'pollingPath', code: 'path-not-feed' },
          { field: 'collectionName', code: 'secret-missing' },
          { field: 'useHttps', code: 'https-not-yes' },
          { field: 'pollingPort', code: 'wrong-port', port: 443 },
          { field: 'configureUserCredentials', code: 'credentials-yes' },
        ],
        { hostname: EU, pollingPath: null, collectionName: null },
        null,
      ),
    ],
    [
      'a private-intel Hostname with a port, alone in an untouched form',
      { ...UNTOUCHED, hostname: `${HOST}:8443` },
      feed(
        [
          { field: 'hostname', code: 'port-in-hostname', port: 8443 },
          { field: 'pollingPath', code: 'path-not-feed' },
          { field: 'collectionName', code: 'secret-missing' },
          { field: 'useHttps', code: 'https-not-yes' },
          { field: 'pollingPort', code: 'wrong-port', port: 8443 },
          { field: 'configureUserCredentials', code: 'credentials-yes' },
        ],
        { hostname: HOST, pollingPath: null, collectionName: null, pollingPort: '8443' },
        null,
      ),
    ],
    [
      'the Polling Path typed into Hostname, Polling Path empty',
      { ...CORRECT, hostname: PATH, pollingPath: '' },
      feed([{ field: 'hostname', code: 'host-missing' }, { field: 'pollingPath', code: 'path-not-feed' }], { hostname: null }),
    ],
    [
      'the whole URL in Polling Path, Hostname empty: the host is taken from it',
      { ...CORRECT, hostname: '', pollingPath: `https://${HOST}${PATH}` },
      feed([{ field: 'hostname', code: 'host-missing' }, { field: 'pollingPath', code: 'url-in-path' }]),
    ],
    [
      'the long URL, not encoded, in Hostname without its scheme',
      { ...CORRECT, hostname: `${HOST}/ctia/feed/https://${HOST}:443${PATH}.txt?s=${SECRET}`, pollingPath: '', collectionName: '' },
      feed([
        { field: 'hostname', code: 'url-in-hostname' },
        { field: 'pollingPath', code: 'path-not-feed' },
        { field: 'collectionName', code: 'secret-missing' },
      ]),
    ],
  ])('%s', (_, values, expected) => {
    expect(checkSource(values)).toEqual(expected);
  });
});

describe('checkSource: a feed on another port', () => {
  const OWN = 'intel.example.org';
  it.each<[string, Partial<SourceFormValues>, KnownFeedFacts, SourceMistake[], Partial<SourceFix>]>([
    [
      'host:8443 in Hostname means 8443',
      { hostname: `${OWN}:8443` },
      {},
      [{ field: 'hostname', code: 'port-in-hostname', port: 8443 }, { field: 'pollingPort', code: 'wrong-port', port: 8443 }],
      { hostname: OWN, pollingPort: '8443' },
    ],
    [
      'a bracketed IPv6 host:8443 in Hostname means 8443',
      { hostname: '[::1]:8443' },
      {},
      [{ field: 'hostname', code: 'port-in-hostname', port: 8443 }, { field: 'pollingPort', code: 'wrong-port', port: 8443 }],
      { hostname: '[::1]', pollingPort: '8443' },
    ],
    ['.txt on the path of a feed on another host', { hostname: OWN, pollingPath: `${PATH}.txt` }, {}, [{ field: 'pollingPath', code: 'txt-view' }], { hostname: OWN }],
    ['a bracketed IPv6 host without a port in Hostname, its digits no port', { hostname: '[2001:4860::8888]' }, {}, [], { hostname: '[2001:4860::8888]' }],
    [
      'the whole URL with :8443 in Hostname',
      { hostname: `https://${EU}:8443${PATH}.txt?s=${SECRET}`, pollingPort: '8443' },
      {},
      [{ field: 'hostname', code: 'url-in-hostname' }],
      { hostname: EU, pollingPort: '8443' },
    ],
    ['the kept feed’s port, the form right', { hostname: OWN, pollingPort: '8443' }, { port: 8443 }, [], { hostname: OWN, pollingPort: '8443' }],
    [
      'the kept feed’s port, Polling Port 443',
      { hostname: OWN },
      { port: 8443 },
      [{ field: 'pollingPort', code: 'wrong-port', port: 8443 }],
      { hostname: OWN, pollingPort: '8443' },
    ],
    // Without the kept feed, nothing in the form says the port: Cisco's feed hosts serve on 443.
    ['an unknown feed, Polling Port 8443', { hostname: OWN, pollingPort: '8443' }, {}, [{ field: 'pollingPort', code: 'wrong-port', port: 443 }], { hostname: OWN }],
    ['host:443 in Hostname means 443', { hostname: `${OWN}:443`, pollingPort: '8443' }, {}, [{ field: 'hostname', code: 'port-in-hostname', port: 443 }, { field: 'pollingPort', code: 'wrong-port', port: 443 }], { hostname: OWN }],
  ])('%s', (_, change, facts, mistakes, fix) => {
    expect(checkSource({ ...CORRECT, ...change }, facts)).toEqual(feed(mistakes, fix));
  });
});

describe('checkSource: not a Cisco feed', () => {
  it.each<[string, SourceFormValues]>([
    ['an empty form', { hostname: '', pollingPath: '', collectionName: '', useHttps: null, pollingPort: '', configureUserCredentials: null }],
    ['an untouched form', UNTOUCHED],
    ['a TAXII source', { hostname: 'hailataxii.com', pollingPath: '/taxii-data', collectionName: 'guest.Abuse_ch', useHttps: false, pollingPort: '80', configureUserCredentials: true }],
    ['a TAXII source over HTTPS', { hostname: 'https://hailataxii.com:443', pollingPath: '/taxii-data', collectionName: 'guest.Abuse_ch', useHttps: true, pollingPort: '443', configureUserCredentials: false }],
    ['a feed path past what is read of the field', { ...CORRECT, hostname: 'hailataxii.com', pollingPath: `${' /'.repeat(1_000)}${PATH}`, collectionName: '' }],
  ])('%s', (_, values) => {
    expect(checkSource(values)).toEqual({ kind: 'not-a-feed' });
  });
});

describe('checkSource: odd and megabyte input never throws', () => {
  const MB = 1_000_000;
  it.each<[string, Partial<SourceFormValues>, SourceCheck]>([
    ['a megabyte Hostname', { hostname: 'a'.repeat(MB) }, feed([{ field: 'hostname', code: 'host-missing' }], { hostname: null })],
    ['a megabyte of feed paths', { pollingPath: '/ctia/feed/'.repeat(MB / 10) }, feed([{ field: 'pollingPath', code: 'path-not-feed' }], { pollingPath: null }, null)],
    ['a megabyte Collection Name of "s="', { collectionName: 's='.repeat(MB / 2) }, feed([{ field: 'collectionName', code: 's-in-collection-name' }, { field: 'collectionName', code: 'secret-malformed' }], { collectionName: null })],
    ['lone surrogates', { hostname: '\uD800', collectionName: '\uDC00\uD800' }, feed([{ field: 'hostname', code: 'host-missing' }, { field: 'collectionName', code: 'secret-malformed' }], { hostname: null, collectionName: null })],
    ['a bad escape in the secret', { collectionName: `s=%zz` }, feed([{ field: 'collectionName', code: 's-in-collection-name' }, { field: 'collectionName', code: 'secret-malformed' }], { collectionName: null })],
    ['port 0 in Hostname', { hostname: `${HOST}:0` }, feed([{ field: 'hostname', code: 'host-missing' }], { hostname: null })],
    ['an unclosed IPv6 host', { hostname: 'https://[::1' }, feed([{ field: 'hostname', code: 'host-missing' }], { hostname: null })],
    [
      'an http:// feed URL after a quote in Hostname, Polling Path empty',
      { hostname: `${HOST}/'http://intel.example.org${PATH}`, pollingPath: '' },
      feed([{ field: 'hostname', code: 'host-missing' }, { field: 'pollingPath', code: 'path-not-feed' }], { hostname: null, pollingPath: null }, null),
    ],
  ])('%s', (_, change, expected) => {
    let result: SourceCheck | undefined;
    expect(() => {
      result = checkSource({ ...CORRECT, ...change });
    }).not.toThrow();
    expect(result).toEqual(expected);
  });
});

describe('the gateway page’s first look: may these fields name a Cisco feed?', () => {
  const fields = (hostname: string, pollingPath = '', collectionName = '') => ({ hostname, pollingPath, collectionName });
  it.each([
    ['a private-intel host', fields('private.intel.eu.amp.cisco.com'), true],
    ['a private-intel URL in Hostname', fields('https://private.intel.amp.cisco.com:443'), true],
    ['a CTIA feed path, on any host', fields('intel.example.org', '/ctia/feed/feed-x/view'), true],
    ['a feed URL in Collection Name', fields('', '', 'https://intel.example.org/ctia/feed/feed-x/view?s=y'), true],
    ['an empty form', fields(''), false],
    ['a TAXII source', fields('hailataxii.com', '/taxii-data', 'guest.Abuse_ch'), false],
    ['a private-intel URL pasted after other text', fields('feed-8f2b1c3e-5d4a-4e6f-9a7b-1c2d3e4f5a6bhttps://private.intel.eu.amp.cisco.com'), true],
    ['a host that only mentions private intel later', fields('intel.example.org/private.intel.amp.cisco.com'), false],
  ])('%s', (_, values, expected) => {
    expect(mayNameCiscoFeed(values)).toBe(expected);
  });
});
