import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  dropLegacyGatewayList,
  forgetGateway,
  isCloudGateway,
  isForgettableGateway,
  isTrustedGatewayPage,
  isPlainHttp,
  keepPolicyGateways,
  knownGateways,
  MAX_KNOWN_GATEWAYS,
  reachableGateways,
  rememberGateway,
} from '@/utils/gateways/known-gateways';
import { clearKnownGateways, readRawGateways, writeRawGateways, writeRawPolicyGateways } from '../support/gateways-db';

const ON_PREM = 'https://esa.corp.example/etf/add_source/';
const CLOUD = 'https://dh1234-esa1.iphmx.com/mail_policies/etf/add_source/';

beforeEach(async () => {
  fakeBrowser.reset();
  await clearKnownGateways();
});

describe('remembering the gateway of a filled page', () => {
  it.each([
    ['AsyncOS’s CSRF key', 'https://esa.corp.example/mail_policies/etf/add_source?CSRFKey=0f3c9a&screen=add', 'https://esa.corp.example/mail_policies/etf/add_source?screen=add'],
    ['the fragment', `${CLOUD}#top`, CLOUD],
    [
      'session, CSRF and other token parameters of any spelling',
      'https://esa.corp.example/etf/add_source/?sessionId=1&session_id=2&csrf_token=3&apiKey=4&auth=5&nonce=6&ticket=7&xsrf=8&sid=9&X-Amz-Signature=10&access_token=11&view=full',
      'https://esa.corp.example/etf/add_source/?view=full',
    ],
    ['every copy of a repeated token parameter, keeping the others in order', 'https://esa.corp.example/etf/?a=1&token=x&b=2&token=y&a=3', 'https://esa.corp.example/etf/?a=1&b=2&a=3'],
    ['a user name and password in the URL', 'https://admin:hunter2@esa.corp.example/etf/add_source/', ON_PREM],
    ['a Java session id in the path, on a plain-HTTP gateway with a port', 'http://10.0.0.5:8080/etf/add_source;jsessionid=A1B2?JSESSIONID=A1B2&lang=en', 'http://10.0.0.5:8080/etf/add_source?lang=en'],
    ['a query that was all tokens', 'https://esa.corp.example/etf/add_source/?CSRFKey=0f3c9a', ON_PREM],
  ])('drops %s', async (_, pageUrl, addSourceUrl) => {
    await rememberGateway(pageUrl, 1000);
    expect(await knownGateways()).toEqual([{ origin: new URL(addSourceUrl).origin, addSourceUrl, setBy: 'person', filledAt: 1000 }]);
  });

  // A sign-in's redirect back to the gateway can carry its one-time code, state or assertion.
  it.each([
    ['an OAuth code', 'code'],
    ['an OAuth state', 'state'],
    ['a one-time password', 'otp'],
    ['a JSON web token', 'jwt'],
    ['a SAML response', 'saml_response'],
    ['a signature', 'sig'],
    ['a password', 'pass'],
    ['a password, short', 'pwd'],
    ['a camelCase name', 'loginOtp'],
    ['an acronym before a word, as SAML bindings name it', 'SAMLResponse'],
    ['an acronym after a word', 'relayJWT'],
    ['a dotted name', 'sso.code'],
  ])('drops %s parameter (%s)', async (_, name) => {
    await rememberGateway(`${ON_PREM}?${name}=0f3c9a&screen=add`, 1000);
    expect((await knownGateways()).map((known) => known.addSourceUrl)).toEqual([`${ON_PREM}?screen=add`]);
  });

  it('keeps parameters that only contain a token word inside another word', async () => {
    const pageUrl = 'https://esa.corp.example/etf/add_source/?monkey=1&keyword=etf&sidebar=open&keys=2';
    await rememberGateway(pageUrl, 1000);
    expect((await knownGateways()).map((known) => known.addSourceUrl)).toEqual([pageUrl]);
  });

  it('stores the origin, the cleaned URL and the time, and nothing else', async () => {
    await rememberGateway('https://esa.corp.example/etf/add_source/?CSRFKey=0f3c9a#x', 1000);
    expect(await readRawGateways()).toEqual([{ origin: 'https://esa.corp.example', addSourceUrl: ON_PREM, filledAt: 1000 }]);
  });

  it.each([
    ['no URL', undefined],
    ['an extension page', 'chrome-extension://abcdefghijklmnop/popup.html'],
    ['a file', 'file:///home/admin/add_source.html'],
    ['a blank page', 'about:blank'],
    ['text that is no URL', 'esa.corp.example/etf/add_source'],
  ])('remembers nothing for %s', async (_, pageUrl) => {
    await rememberGateway(pageUrl, 1000);
    expect(await knownGateways()).toEqual([]);
  });

  it('lists the newest first; filling a gateway again moves it to the front with its newest page, once', async () => {
    await rememberGateway('https://a.corp.example/etf/add_source/', 1);
    await rememberGateway('https://b.corp.example/etf/add_source/', 2);
    await rememberGateway('https://a.corp.example/etf/other/', 3);
    expect(await knownGateways()).toEqual([
      { origin: 'https://a.corp.example', addSourceUrl: 'https://a.corp.example/etf/other/', setBy: 'person', filledAt: 3 },
      { origin: 'https://b.corp.example', addSourceUrl: 'https://b.corp.example/etf/add_source/', setBy: 'person', filledAt: 2 },
    ]);
  });

  it('tells origins apart by scheme and port', async () => {
    await rememberGateway('https://esa.corp.example/etf/add_source/', 1);
    await rememberGateway('http://esa.corp.example/etf/add_source/', 2);
    await rememberGateway('https://esa.corp.example:8443/etf/add_source/', 3);
    expect((await knownGateways()).map((known) => known.origin)).toEqual(['https://esa.corp.example:8443', 'http://esa.corp.example', 'https://esa.corp.example']);
  });

  it(`keeps the ${MAX_KNOWN_GATEWAYS} most recently filled gateways`, async () => {
    expect(MAX_KNOWN_GATEWAYS).toBe(10);
    for (let i = 1; i <= 12; i++) await rememberGateway(`https://esa${i}.corp.example/etf/add_source/`, i);
    expect((await knownGateways()).map((known) => known.origin)).toEqual(
      [12, 11, 10, 9, 8, 7, 6, 5, 4, 3].map((i) => `https://esa${i}.corp.example`),
    );
  });

  it('forgets one gateway, leaving the others in order', async () => {
    for (const [i, name] of ['a', 'b', 'c'].entries()) await rememberGateway(`https://${name}.corp.example/etf/add_source/`, i);
    await forgetGateway('https://b.corp.example');
    expect((await knownGateways()).map((known) => known.origin)).toEqual(['https://c.corp.example', 'https://a.corp.example']);
    expect(await isTrustedGatewayPage('https://b.corp.example/etf/add_source/')).toBe(false);
  });
});

describe('a broken store', () => {
  const valid = { origin: 'https://esa.corp.example', addSourceUrl: ON_PREM, filledAt: 1 };
  it.each([
    ['a string', 'https://phish.example'],
    ['the old list of origins', ['https://phish.example']],
    ['an object', { gateways: [valid] }],
    ['an entry missing its time', [{ origin: valid.origin, addSourceUrl: valid.addSourceUrl }]],
    ['a malformed entry', [{ origin: 1 }, null]],
  ])('reads as no gateway when it holds %s', async (_, stored) => {
    await writeRawGateways(stored);
    expect(await knownGateways()).toEqual([]);
    expect(await isTrustedGatewayPage(ON_PREM)).toBe(false);
  });

  it('keeps a whole entry beside a malformed one, as the feeds store does', async () => {
    await writeRawGateways([{ origin: 1 }, valid, null]);
    expect(await knownGateways()).toEqual([{ ...valid, setBy: 'person' }]);
  });

  it.each([
    ['whose URL is on another origin', { origin: 'https://phish.example', addSourceUrl: ON_PREM, filledAt: 1 }],
    ['whose URL is not http or https', { origin: 'null', addSourceUrl: 'javascript:alert(1)', filledAt: 1 }],
    ['whose URL carries a token', { origin: 'https://esa.corp.example', addSourceUrl: `${ON_PREM}?CSRFKey=0f3c9a`, filledAt: 1 }],
  ])('skips an entry %s', async (_, entry) => {
    const other = { origin: 'https://b.corp.example', addSourceUrl: 'https://b.corp.example/etf/', filledAt: 2 };
    await writeRawGateways([entry, other]);
    expect(await knownGateways()).toEqual([{ ...other, setBy: 'person' }]);
  });

  it('is replaced by the next gateway filled', async () => {
    await writeRawGateways('garbage');
    await rememberGateway(ON_PREM, 5);
    expect(await readRawGateways()).toEqual([{ origin: 'https://esa.corp.example', addSourceUrl: ON_PREM, filledAt: 5 }]);
  });

  it('reads as no gateway, and still lets the Cloud Gateway be filled, when IndexedDB cannot be opened', async () => {
    vi.resetModules();
    vi.stubGlobal('indexedDB', {
      open: () => {
        throw new DOMException('The user denied permission to access the database.', 'InvalidStateError');
      },
    });
    try {
      const fresh = await import('@/utils/gateways/known-gateways');
      expect(await fresh.knownGateways()).toEqual([]);
      expect(await fresh.isTrustedGatewayPage(ON_PREM)).toBe(false);
      expect(await fresh.isTrustedGatewayPage(CLOUD)).toBe(true);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});

describe('where the keyboard shortcut may fill', () => {
  it.each([
    ['the Cloud Gateway', CLOUD, true],
    ['another Cloud Gateway page', 'https://dh99-esa2.iphmx.com/', true],
    ['a host that only starts like the Cloud Gateway', 'https://x.iphmx.com.evil.example/', false],
    ['a host that ends like it without the dot', 'https://evil-iphmx.com/', false],
    ['iphmx.com itself', 'https://iphmx.com/', false],
    ['the Cloud Gateway over plain HTTP, which anyone on the path could answer', 'http://dh1234-esa1.iphmx.com/', false],
    ['a Cloud Gateway host on another port', 'https://dh1234-esa1.iphmx.com:8443/', false],
    ['a user name that looks like the Cloud Gateway', 'https://x.iphmx.com@evil.example/', false],
    ['the Cloud Gateway named in the query', 'https://evil.example/?next=https://x.iphmx.com', false],
    ['the Cloud Gateway named in the fragment', 'https://evil.example/#.iphmx.com', false],
    ['a gateway never filled from the popup', ON_PREM, false],
    ['no URL', undefined, false],
  ])('%s: %s', async (_, url, expected) => {
    expect(await isTrustedGatewayPage(url)).toBe(expected);
  });

  it.each([
    ['another page of that gateway', 'https://esa.corp.example/mail_policies/etf/sources', true],
    ['the same host over plain HTTP', 'http://esa.corp.example/etf/add_source/', false],
    ['the same host on another port', 'https://esa.corp.example:8443/etf/add_source/', false],
    ['a look-alike host', 'https://esa.corp.example.evil.example/etf/add_source/', false],
    ['a subdomain', 'https://x.esa.corp.example/etf/add_source/', false],
  ])('after filling a gateway from the popup, %s: %s', async (_, url, expected) => {
    await rememberGateway(ON_PREM, 1);
    expect(await isTrustedGatewayPage(url)).toBe(expected);
  });
});

describe('the Cloud Gateway', () => {
  it.each([
    ['a Cloud Gateway page', CLOUD, true],
    ['the same host over plain HTTP', 'http://dh1234-esa1.iphmx.com/', false],
    ['the same host on another port', 'https://dh1234-esa1.iphmx.com:8443/', false],
    ['a host that only starts like it', 'https://x.iphmx.com.evil.example/', false],
  ])('is told by its address alone: %s', (_, url, expected) => {
    expect(isCloudGateway(new URL(url))).toBe(expected);
  });
});

describe('a plain-HTTP gateway', () => {
  const PLAIN_HTTP = 'http://esa-http.corp.example/etf/add_source/';

  it.each([
    ['a plain-HTTP page', PLAIN_HTTP, true],
    ['one on another port', 'http://10.0.0.5:8080/etf/add_source', true],
    ['an HTTPS page', ON_PREM, false],
    ['an extension page', 'chrome-extension://abcdefghijklmnop/popup.html', false],
    ['text that is no URL', 'http', false],
    ['no URL', undefined, false],
  ])('is told apart: %s', (_, url, expected) => {
    expect(isPlainHttp(url)).toBe(expected);
  });

  it('is remembered after a fill from the popup, yet the keyboard shortcut may not fill it', async () => {
    await rememberGateway(PLAIN_HTTP, 1);
    expect(await knownGateways()).toEqual([{ origin: 'http://esa-http.corp.example', addSourceUrl: PLAIN_HTTP, setBy: 'person', filledAt: 1 }]);
    expect(await isTrustedGatewayPage(PLAIN_HTTP)).toBe(false);
    expect(await isTrustedGatewayPage('http://esa-http.corp.example/mail_policies/etf/sources')).toBe(false);
  });

  it('is never offered by "Add to", nor asked about, and takes none of its places', async () => {
    for (const [i, url] of ['https://a.corp.example/etf/', 'https://b.corp.example/etf/', PLAIN_HTTP, 'https://c.corp.example/etf/', 'http://d.corp.example/etf/'].entries()) {
      await rememberGateway(url, i);
    }
    const asked: string[] = [];
    const offered = await reachableGateways(async (pattern) => (asked.push(pattern), true));
    expect(offered).toEqual(['https://c.corp.example', 'https://b.corp.example', 'https://a.corp.example']);
    expect(asked).toEqual(['https://c.corp.example/*', 'https://b.corp.example/*', 'https://a.corp.example/*']);
  });
});

describe('what "Add to" offers', () => {
  it('leaves out a gateway the browser cannot say it may reach, and still offers the others', async () => {
    await rememberGateway('https://a.corp.example/etf/add_source/', 1);
    await rememberGateway('https://b.corp.example/etf/add_source/', 2);
    const offered = await reachableGateways(async (pattern) => {
      if (pattern === 'https://b.corp.example/*') throw new Error('permissions API unavailable');
      return true;
    });
    expect(offered).toEqual(['https://a.corp.example']);
  });
});

describe('the organisation’s gateways', () => {
  const ESA1 = { origin: 'https://esa1.corp.example', addSourceUrl: 'https://esa1.corp.example/mail_policies/etf/add_source' };
  const ESA2 = { origin: 'https://esa2.corp.example', addSourceUrl: 'https://esa2.corp.example/mail_policies/etf/add_source' };

  it('follow the person’s, newest first, in the policy’s order; one the person filled too is the organisation’s, in the place of the fill, once', async () => {
    await keepPolicyGateways([ESA1, ESA2]);
    await rememberGateway('https://a.corp.example/etf/add_source/', 1);
    await rememberGateway('https://esa2.corp.example/etf/add_source/?CSRFKey=0f3c9a', 2);
    expect(await knownGateways()).toEqual([
      { ...ESA2, setBy: 'organisation', filledAt: 2 },
      { origin: 'https://a.corp.example', addSourceUrl: 'https://a.corp.example/etf/add_source/', setBy: 'person', filledAt: 1 },
      { ...ESA1, setBy: 'organisation' },
    ]);
  });

  it.each([
    ['a page of one', 'https://esa1.corp.example/mail_policies/etf/sources', true],
    ['the same host over plain HTTP', 'http://esa1.corp.example/mail_policies/etf/add_source', false],
    ['the same host on another port', 'https://esa1.corp.example:8443/mail_policies/etf/add_source', false],
    ['a subdomain', 'https://x.esa1.corp.example/mail_policies/etf/add_source', false],
  ])('are where the keyboard shortcut may fill, never filled from the popup: %s', async (_, url, expected) => {
    await keepPolicyGateways([ESA1]);
    expect(await isTrustedGatewayPage(url)).toBe(expected);
  });

  it('stay trusted when the person forgets them, and cannot be forgotten from the popup', async () => {
    await keepPolicyGateways([ESA1]);
    await rememberGateway(ESA1.addSourceUrl, 1);
    await rememberGateway(ESA2.addSourceUrl, 2);
    expect([await isForgettableGateway(ESA1.origin), await isForgettableGateway(ESA2.origin)]).toEqual([false, true]);
    await forgetGateway(ESA1.origin);
    await forgetGateway(ESA2.origin);
    expect(await knownGateways()).toEqual([{ ...ESA1, setBy: 'organisation' }]);
    expect(await isTrustedGatewayPage(ESA1.addSourceUrl)).toBe(true);
  });

  it('leave the person’s own fill of one trusted when the policy stops listing it', async () => {
    await keepPolicyGateways([ESA1, ESA2]);
    await rememberGateway(ESA1.addSourceUrl, 1);
    await keepPolicyGateways(undefined);
    expect(await knownGateways()).toEqual([{ ...ESA1, setBy: 'person', filledAt: 1 }]);
  });

  it('are offered by "Add to" after the person’s own, within its three places', async () => {
    await keepPolicyGateways([ESA1, ESA2]);
    await rememberGateway('https://a.corp.example/etf/add_source/', 1);
    await rememberGateway('https://b.corp.example/etf/add_source/', 2);
    expect(await reachableGateways(async () => true)).toEqual(['https://b.corp.example', 'https://a.corp.example', ESA1.origin]);
  });

  it.each([
    ['a string', 'https://esa1.corp.example'],
    ['an object', { gateways: [ESA1] }],
    ['entries a later version would refuse', [{ ...ESA1, addSourceUrl: `${ESA1.addSourceUrl}?CSRFKey=0f3c9a` }, { origin: 'http://esa3.corp.example', addSourceUrl: 'http://esa3.corp.example/etf' }]],
  ])('read as none, leaving the person’s, when their copy holds %s', async (_, stored) => {
    await rememberGateway('https://a.corp.example/etf/add_source/', 1);
    await writeRawPolicyGateways(stored);
    expect((await knownGateways()).map(({ origin, setBy }) => [origin, setBy])).toEqual([['https://a.corp.example', 'person']]);
  });
});

describe('the list older versions kept in storage.local', () => {
  beforeEach(() => fakeBrowser.storage.local.set({ knownGateways: ['https://phish.example'], policy: { feedAgeDays: 7 } }));

  it('is not trusted: a page a content script put there is no gateway', async () => {
    expect(await isTrustedGatewayPage('https://phish.example/add_source')).toBe(false);
    expect(await knownGateways()).toEqual([]);
  });

  it('is removed, leaving the rest of storage.local alone', async () => {
    await dropLegacyGatewayList();
    expect(await fakeBrowser.storage.local.get()).toEqual({ policy: { feedAgeDays: 7 } });
  });
});
