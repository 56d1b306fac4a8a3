import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readFeeds } from '@/utils/feeds/feeds-store';
import { chosenFeed } from '@/utils/feeds/chosen-feed';
import { forgetGateway, knownGateways, rememberGateway } from '@/utils/gateways/known-gateways';
import { MAX_PASTED_TEXT } from '@/utils/protocol/messages';
import { feedDestinations, recordDestination } from '@/utils/destinations/feed-destinations';
import { DEFAULT_OPTIONS, OPTION_KEYS, type OptionKey } from '@/utils/options/options';
import { refreshPolicy } from '@/utils/options/options-store';
import { BASE_URL, EXTENSION_ID, POPUP, testHandler } from '../support/background';
import { clearDestinations } from '../support/destinations-db';
import { english } from '../support/english';
import { FEED_IDS, SECRETS, feedUrl } from '../support/feeds';
import { clearKnownGateways } from '../support/gateways-db';

const background = testHandler();
const { handleMessage } = background;

beforeEach(() => fakeBrowser.reset());

describe('background message handler', () => {
  it('parses and keeps a feed pasted in the popup', async () => {
    const reply = await handleMessage({ type: 'save-pasted-feed', text: ` ${feedUrl(0)}\n` }, POPUP);
    const expected = {
      key: FEED_IDS[0],
      feedId: FEED_IDS[0],
      fields: { hostname: 'private.intel.amp.cisco.com', pollingPath: `/ctia/feed/${FEED_IDS[0]}/view`, collectionName: SECRETS[0] },
      region: 'us',
      warnings: [{ code: 'txt-view' }],
      source: 'pasted',
      seenAt: 1234,
      actedAt: 1234,
    };
    expect(reply).toEqual({ ok: true, key: FEED_IDS[0] });
    expect(await readFeeds()).toEqual([expected]);
  });

  it('answers a URL that is not a feed with the parser’s error and stores nothing', async () => {
    const reply = await handleMessage({ type: 'save-pasted-feed', text: 'https://example.com/' }, POPUP);
    expect(reply).toEqual({ ok: false, error: { code: 'not-a-feed-url', message: expect.stringContaining('not a feed URL') } });
    expect(await readFeeds()).toEqual([]);
  });

  it.each([
    ['another extension', { id: 'someone-else', url: `chrome-extension://someone-else/popup.html` }],
    ['a web page', { id: EXTENSION_ID, url: 'https://evil.example/', tab: { id: 1 } }],
    ['an unknown sender', {}],
    ['a look-alike URL', { id: EXTENSION_ID, url: `chrome-extension://${EXTENSION_ID}.evil/popup.html` }],
  ])('refuses %s and stores nothing', async (_, sender) => {
    const reply = await handleMessage({ type: 'save-pasted-feed', text: feedUrl(0) }, sender as never);
    expect(reply).toEqual({ ok: false, error: { code: 'forbidden-sender', message: expect.any(String) } });
    expect(await readFeeds()).toEqual([]);
  });

  it.each([
    ['no payload', undefined],
    ['a string', 'save-pasted-feed'],
    ['an unknown type', { type: 'delete-everything' }],
    ['text of the wrong type', { type: 'save-pasted-feed', text: 42 }],
    ['text over the size limit', { type: 'save-pasted-feed', text: `${feedUrl(0)} ${'x'.repeat(MAX_PASTED_TEXT)}` }],
    ['a tab id that is a fraction', { type: 'fill-tab', tabId: 1.5, key: 'feed-8f2b1c3e-5d4a-4e6f-9a7b-1c2d3e4f5a6b', origin: 'https://dh1234-esa1.iphmx.com' }],
    ['a tab id that is text', { type: 'fill-tab', tabId: '1', key: FEED_IDS[0], origin: 'https://dh1234-esa1.iphmx.com' }],
    ['options with one missing', { type: 'save-options', input: { sourceNameTemplate: 'x' } }],
    ['an option that is not text', { type: 'save-options', input: { ...Object.fromEntries(OPTION_KEYS.map((key) => [key, ''])), feedAgeDays: 3 } }],
    // What a message can carry: an object whose toString is no function cannot even be read as a name.
    ['a type that is an object with no text form', { type: { toString: null } }],
  ])('rejects %s and stores nothing', async (_, message) => {
    const reply = await handleMessage(message, POPUP);
    expect(reply).toEqual({ ok: false, error: { code: 'invalid-message', message: 'The request was malformed and was ignored.' } });
    expect(await readFeeds()).toEqual([]);
  });
});

describe('captures from the consoles', () => {
  const CONSOLE_TAB = { id: EXTENSION_ID, url: 'https://xdr.eu.security.cisco.com/intelligence/feeds?page=2', tab: { id: 7 } };
  const capture = { type: 'capture-feed', url: feedUrl(1), title: 'C2 IP addresses', output: 'judgements', source: 'page' };

  it('keeps a feed seen on a console page with its title, Output and the console host only', async () => {
    expect(await handleMessage(capture, CONSOLE_TAB as never)).toEqual({ ok: true, key: FEED_IDS[1], outcome: 'saved', listedOnly: true, gateways: [], withheld: false });
    expect(await readFeeds()).toEqual([
      {
        key: FEED_IDS[1],
        feedId: FEED_IDS[1],
        fields: { hostname: 'private.intel.amp.cisco.com', pollingPath: `/ctia/feed/${FEED_IDS[1]}/view`, collectionName: SECRETS[1] },
        region: 'us',
        warnings: [{ code: 'txt-view' }],
        title: 'C2 IP addresses',
        output: 'judgements',
        source: 'page',
        seenOn: 'xdr.eu.security.cisco.com',
        seenAt: 1234,
      },
    ]);
  });

  it.each([
    ['a page on another host', { ...CONSOLE_TAB, url: 'https://evil.example/feeds' }],
    ['a look-alike host', { ...CONSOLE_TAB, url: 'https://xdr.eu.security.cisco.com.evil.example/' }],
    ['a console over http', { ...CONSOLE_TAB, url: 'http://xdr.eu.security.cisco.com/' }],
    ['a console page of another extension', { ...CONSOLE_TAB, id: 'someone-else' }],
    ['the popup (no tab)', POPUP],
  ])('refuses a capture from %s', async (_, sender) => {
    expect(await handleMessage(capture, sender as never)).toEqual({ ok: false, error: { code: 'forbidden-sender', message: expect.any(String) } });
    expect(await readFeeds()).toEqual([]);
  });

  it.each([
    ['an Output that is not one', { ...capture, output: 'everything' }],
    ['an over-long title', { ...capture, title: 'x'.repeat(201) }],
    ['an over-long URL', { ...capture, url: `${feedUrl(1)}&${'x'.repeat(2048)}` }],
    ['an unknown source', { ...capture, source: 'pasted' }],
  ])('rejects a capture with %s', async (_, message) => {
    expect(await handleMessage(message, CONSOLE_TAB as never)).toEqual({
      ok: false,
      error: { code: 'invalid-message', message: 'The request was malformed and was ignored.' },
    });
    expect(await readFeeds()).toEqual([]);
  });

  it.each([
    ['a feed only seen in the page is listed only', [capture], 'saved', true],
    ['the person’s copy is kept as acted on', [{ ...capture, source: 'copy' }], 'saved', false],
    ['a feed the person copied stays acted on when the page shows it again', [{ ...capture, source: 'copy' }, capture], 'unchanged', false],
  ])('answers whether a capture is only listed: %s', async (_, captures, outcome, listedOnly) => {
    let reply;
    for (const message of captures) reply = await handleMessage(message, CONSOLE_TAB as never);
    expect(reply).toEqual({ ok: true, key: FEED_IDS[1], outcome, listedOnly, gateways: [], withheld: false });
  });

  it('answers a capture whose URL is not a feed with the parser’s error', async () => {
    const reply = await handleMessage({ ...capture, url: feedUrl(1).replace(/\?s=.*/, '') }, CONSOLE_TAB as never);
    expect(reply).toEqual({ ok: false, error: { code: 'missing-secret', message: expect.any(String) } });
    expect(await readFeeds()).toEqual([]);
  });

  it('never sends stored feeds back to a page', async () => {
    await handleMessage({ type: 'save-pasted-feed', text: feedUrl(0) }, POPUP);
    expect(await handleMessage(capture, CONSOLE_TAB as never)).toEqual({ ok: true, key: FEED_IDS[1], outcome: 'saved', listedOnly: true, gateways: [], withheld: false });
    expect(await handleMessage({ type: 'forget-feeds' }, CONSOLE_TAB as never)).toEqual({
      ok: false,
      error: { code: 'forbidden-sender', message: expect.any(String) },
    });
    expect(await readFeeds()).toHaveLength(2);
  });
});

describe('removing feeds from the popup', () => {
  it('removes one feed, then forgets all', async () => {
    await handleMessage({ type: 'save-pasted-feed', text: feedUrl(0) }, POPUP);
    await handleMessage({ type: 'save-pasted-feed', text: feedUrl(1) }, POPUP);
    await handleMessage({ type: 'save-pasted-feed', text: feedUrl(2) }, POPUP);

    expect(await handleMessage({ type: 'remove-feed', key: FEED_IDS[1] }, POPUP)).toEqual({ ok: true });
    expect((await readFeeds()).map((f) => f.feedId)).toEqual([FEED_IDS[2], FEED_IDS[0]]);
    expect(await handleMessage({ type: 'forget-feeds' }, POPUP)).toEqual({ ok: true });
    expect(await fakeBrowser.storage.session.get()).toEqual({});
  });

  it('rejects a removal without a well-formed feed key', async () => {
    await handleMessage({ type: 'save-pasted-feed', text: feedUrl(0) }, POPUP);
    expect(await handleMessage({ type: 'remove-feed', key: '*' }, POPUP)).toEqual({
      ok: false,
      error: { code: 'invalid-message', message: 'The request was malformed and was ignored.' },
    });
    expect(await readFeeds()).toHaveLength(1);
  });
});

describe('checking a feed', () => {
  it('says which of two secrets seen for one feed the feed host accepts', async () => {
    const consoleTab = { id: EXTENSION_ID, url: 'https://xdr.us.security.cisco.com/', tab: { id: 1 } } as never;
    await handleMessage({ type: 'capture-feed', url: feedUrl(0), source: 'copy' }, consoleTab);
    await handleMessage({ type: 'capture-feed', url: feedUrl(0).replace(SECRETS[0], SECRETS[2]), source: 'page' }, consoleTab);
    background.answer.current = { kind: 'problem', code: 'wrong-secret', status: 401 };
    await handleMessage({ type: 'check-feed', key: `${FEED_IDS[0]}~2` }, POPUP);
    background.answer.current = { kind: 'observables', total: 1, byType: { domain: 1 } };
    await handleMessage({ type: 'check-feed', key: FEED_IDS[0] }, POPUP);
    expect((await readFeeds()).map((f) => [f.fields.collectionName, f.secretCheck])).toEqual([
      [SECRETS[2], 'refused'],
      [SECRETS[0], 'accepted'],
    ]);
  });

  beforeEach(() => {
    background.checked.length = 0;
    background.access.current = true;
  });

  async function saveThree() {
    for (const i of [0, 1, 2]) await handleMessage({ type: 'save-pasted-feed', text: feedUrl(i) }, POPUP);
  }

  it('fetches only the stored feed’s own fields and marks a Judgements feed in place', async () => {
    await saveThree();
    background.answer.current = { kind: 'judgements', total: 3 };
    const reply = await handleMessage({ type: 'check-feed', key: FEED_IDS[1] }, POPUP);
    expect(background.checked).toEqual([
      { hostname: 'private.intel.amp.cisco.com', pollingPath: `/ctia/feed/${FEED_IDS[1]}/view`, collectionName: SECRETS[1] },
    ]);
    expect(reply).toMatchObject({ ok: true, check: { kind: 'judgements', total: 3 } });
    expect((await readFeeds()).map((f) => [f.feedId, f.output])).toEqual([
      [FEED_IDS[2], undefined],
      [FEED_IDS[1], 'judgements'],
      [FEED_IDS[0], undefined],
    ]);
  });

  it('clears a Judgements mark once the feed serves observables', async () => {
    await handleMessage({ ...{ type: 'capture-feed', url: feedUrl(0), output: 'judgements', source: 'page' } }, {
      id: EXTENSION_ID, url: 'https://xdr.us.security.cisco.com/', tab: { id: 1 },
    } as never);
    background.answer.current = { kind: 'observables', total: 2, byType: { domain: 2 } };
    await handleMessage({ type: 'check-feed', key: FEED_IDS[0] }, POPUP);
    expect((await readFeeds())[0]!.output).toBe('observables');
  });

  it('keeps a feed host’s own port, and checks the feed there', async () => {
    await handleMessage({ type: 'save-pasted-feed', text: feedUrl(0, 'intel.corp.example:8443') }, POPUP);
    expect((await readFeeds())[0]!.port).toBe(8443);
    await handleMessage({ type: 'check-feed', key: FEED_IDS[0] }, POPUP);
    expect(background.checkFeed).toHaveBeenCalledWith(expect.objectContaining({ hostname: 'intel.corp.example' }), 8443);
  });

  it('contacts nothing without permission for the feed’s host', async () => {
    await saveThree();
    background.access.current = false;
    expect(await handleMessage({ type: 'check-feed', key: FEED_IDS[0] }, POPUP)).toMatchObject({
      ok: true,
      check: { kind: 'problem', code: 'permission-refused' },
    });
    expect(background.checked).toEqual([]);
  });

  it('refuses a feed that is not stored, and checks from a page', async () => {
    await saveThree();
    expect(await handleMessage({ type: 'check-feed', key: `feed-${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}` }, POPUP)).toEqual({
      ok: false,
      error: { code: 'unknown-feed', message: 'This feed is no longer saved. Paste its URL again, then check it.' },
    });
    expect(await handleMessage({ type: 'check-feed', key: FEED_IDS[0] }, { id: EXTENSION_ID, url: 'https://xdr.us.security.cisco.com/', tab: { id: 1 } } as never)).toMatchObject({
      ok: false,
      error: { code: 'forbidden-sender' },
    });
    expect(background.checked).toEqual([]);
  });
});

describe('what a console page cannot do', () => {
  const CONSOLE_TAB = { id: EXTENSION_ID, url: 'https://xdr.us.security.cisco.com/incidents', tab: { id: 9 } };

  it('capture a feed on a host other than Cisco’s private-intel hosts', async () => {
    const reply = await handleMessage({ type: 'capture-feed', url: feedUrl(0, 'evil.example'), source: 'page' }, CONSOLE_TAB as never);
    expect(reply).toEqual({ ok: false, error: { code: 'unrecognized-host', message: expect.any(String) } });
    expect(await readFeeds()).toEqual([]);
  });

  it('change the fields of a feed already kept, for example its secret: the forged one is kept beside it, never chosen', async () => {
    await handleMessage({ type: 'save-pasted-feed', text: feedUrl(0) }, POPUP);
    const forged = feedUrl(0).replace(SECRETS[0], SECRETS[2]);
    const reply = await handleMessage({ type: 'capture-feed', url: forged, title: 'Phishing', output: 'observables', source: 'page' }, CONSOLE_TAB as never);
    expect(reply).toEqual({ ok: true, key: `${FEED_IDS[0]}~2`, outcome: 'side-by-side', listedOnly: true, gateways: [], withheld: false });
    const feeds = await readFeeds();
    expect(feeds.map((f) => [f.key, f.fields.collectionName, f.title, f.conflict])).toEqual([
      [`${FEED_IDS[0]}~2`, SECRETS[2], 'Phishing', true],
      [FEED_IDS[0], SECRETS[0], undefined, true],
    ]);
    expect(chosenFeed(feeds)?.fields.collectionName).toBe(SECRETS[0]);
  });

  it('drop the port of a feed pasted with its own port', async () => {
    await handleMessage({ type: 'save-pasted-feed', text: feedUrl(0, 'private.intel.amp.cisco.com:8443') }, POPUP);
    const reply = await handleMessage({ type: 'capture-feed', url: feedUrl(0), title: 'Phishing', source: 'page' }, CONSOLE_TAB as never);
    expect(reply).toMatchObject({ ok: true, outcome: 'side-by-side' });
    expect(chosenFeed(await readFeeds())!.port).toBe(8443);
  });

  it('choose a feed: only the person’s copy makes a capture the chosen feed, and a note click needs a kept feed', async () => {
    await handleMessage({ type: 'capture-feed', url: feedUrl(0), source: 'copy' }, CONSOLE_TAB as never);
    await handleMessage({ type: 'capture-feed', url: feedUrl(1), source: 'page' }, CONSOLE_TAB as never);
    expect(chosenFeed(await readFeeds())?.key).toBe(FEED_IDS[0]);
    // A view the page calls "Feed Details" is markup like any other: there is no such source.
    expect(await handleMessage({ type: 'capture-feed', url: feedUrl(2), source: 'details' }, CONSOLE_TAB as never)).toMatchObject({ ok: false, error: { code: 'invalid-message' } });
    await handleMessage({ type: 'capture-feed', url: feedUrl(2), source: 'copy' }, CONSOLE_TAB as never);
    expect(chosenFeed(await readFeeds())?.key).toBe(FEED_IDS[2]);
    expect(await handleMessage({ type: 'use-feed-note', key: `${FEED_IDS[1]}~2` }, CONSOLE_TAB as never)).toMatchObject({ ok: false, error: { code: 'unknown-feed' } });
    expect(await handleMessage({ type: 'use-feed-note', key: FEED_IDS[1] }, POPUP)).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
  });

  it('reorder the list by showing a feed again with nothing new', async () => {
    await handleMessage({ type: 'capture-feed', url: feedUrl(0), title: 'A', source: 'page' }, CONSOLE_TAB as never);
    await handleMessage({ type: 'save-pasted-feed', text: feedUrl(1) }, POPUP);
    expect(await handleMessage({ type: 'capture-feed', url: feedUrl(0), title: 'A', source: 'page' }, CONSOLE_TAB as never)).toEqual({ ok: true, key: FEED_IDS[0], outcome: 'unchanged', listedOnly: true, gateways: [], withheld: false });
    expect((await readFeeds()).map((f) => f.feedId)).toEqual([FEED_IDS[1], FEED_IDS[0]]);
    // Something new (the Output) does bring it to the top.
    await handleMessage({ type: 'capture-feed', url: feedUrl(0), output: 'judgements', source: 'page' }, CONSOLE_TAB as never);
    expect((await readFeeds()).map((f) => [f.feedId, f.title, f.output])).toEqual([
      [FEED_IDS[0], 'A', 'judgements'],
      [FEED_IDS[1], undefined, undefined],
    ]);
  });
});

describe('Add to <gateway>', () => {
  const CONSOLE_TAB = { id: EXTENSION_ID, url: 'https://xdr.us.security.cisco.com/intelligence/feeds', tab: { id: 12 } };
  const GATEWAY = 'https://dh1234-esa1.iphmx.com';
  const PLAIN_HTTP_GATEWAY = 'http://esa-http.corp.example';
  /** A gateway the organisation's policy lists. */
  const ESA1 = { origin: 'https://esa1.corp.example', addSourceUrl: 'https://esa1.corp.example/mail_policies/etf/add_source' };

  beforeEach(async () => {
    background.opened.length = 0;
    background.confirmations.length = 0;
    background.access.current = true;
    // The person's and the organisation's: forgetting leaves the organisation's.
    await clearKnownGateways();
  });

  it('offers the known gateways the extension may reach in a capture’s answer; a console’s Add to opens the confirmation only, and its confirmation opens the gateway once', async () => {
    await rememberGateway(`${GATEWAY}/mail_policies/etf/add_source/?CSRFKey=abc`, 1);
    await handleMessage({ type: 'capture-feed', url: feedUrl(0), title: 'Phishing domains', source: 'copy' }, CONSOLE_TAB as never);
    const reply = await handleMessage({ type: 'capture-feed', url: feedUrl(1), source: 'copy' }, CONSOLE_TAB as never);
    expect(reply).toMatchObject({ ok: true, gateways: [GATEWAY], withheld: false });
    expect(await handleMessage({ type: 'add-to-gateway', key: FEED_IDS[0], origin: GATEWAY }, CONSOLE_TAB as never)).toEqual({ ok: true });
    expect(background.opened).toEqual([]);
    // The window asks about the feed (never its secret), where it was copied, and the gateway.
    expect(background.confirmations).toEqual([
      { requestId: expect.stringMatching(/^[0-9a-f-]{36}$/), feedId: FEED_IDS[0], feedTitle: 'Phishing domains', seenOn: 'xdr.us.security.cisco.com', gatewayOrigin: 'https://dh1234-esa1.iphmx.com' },
    ]);
    expect(JSON.stringify(background.confirmations)).not.toContain(SECRETS[0]);
    const id = background.confirmations[0]!.requestId;
    // Only the extension's own page may confirm; the console page cannot.
    expect(await handleMessage({ type: 'confirm-add-to', id }, CONSOLE_TAB as never)).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    expect(background.opened).toEqual([]);

    expect(await handleMessage({ type: 'confirm-add-to', id }, POPUP)).toEqual({ ok: true });
    expect(background.opened).toEqual([{ origin: GATEWAY, feedKey: FEED_IDS[0], besideTabId: 12 }]);
    expect(chosenFeed(await readFeeds())?.key).toBe(FEED_IDS[0]);
    // One click, one fill: the same confirmation twice opens nothing more.
    expect(await handleMessage({ type: 'confirm-add-to', id }, POPUP)).toMatchObject({ ok: false, error: { code: 'unknown-request' } });
    expect(background.opened).toHaveLength(1);
  });

  it('offers and opens a gateway the organisation’s policy lists, never filled from the popup, at its Add Source page', async () => {
    await fakeBrowser.storage.managed.set({ gateways: [ESA1] });
    await refreshPolicy();
    expect(await handleMessage({ type: 'capture-feed', url: feedUrl(0), source: 'copy' }, CONSOLE_TAB as never)).toMatchObject({ ok: true, gateways: [ESA1.origin] });
    expect(await handleMessage({ type: 'add-to-gateway', key: FEED_IDS[0], origin: ESA1.origin }, CONSOLE_TAB as never)).toEqual({ ok: true });
    expect(background.confirmations.map((question) => question.gatewayOrigin)).toEqual([ESA1.origin]);
    expect(await handleMessage({ type: 'confirm-add-to', id: background.confirmations[0]!.requestId }, POPUP)).toEqual({ ok: true });
    expect(background.openGateway).toHaveBeenLastCalledWith({ ...ESA1, setBy: 'organisation' }, FEED_IDS[0], 12);
  });

  it('refuses the organisation’s gateway once its policy no longer lists it', async () => {
    await fakeBrowser.storage.managed.set({ gateways: [ESA1] });
    await refreshPolicy();
    await fakeBrowser.storage.managed.clear();
    await refreshPolicy();
    expect(await handleMessage({ type: 'capture-feed', url: feedUrl(0), source: 'copy' }, CONSOLE_TAB as never)).toMatchObject({ ok: true, gateways: [] });
    expect(await handleMessage({ type: 'add-to-gateway', key: FEED_IDS[0], origin: ESA1.origin }, POPUP)).toMatchObject({ ok: false, error: { code: 'unknown-gateway' } });
    expect(background.opened).toEqual([]);
  });

  it('asks nothing for a feed only seen in a page: a console’s Add to needs the person’s copy', async () => {
    await rememberGateway(`${GATEWAY}/mail_policies/etf/add_source/`, 1);
    await handleMessage({ type: 'capture-feed', url: feedUrl(0), source: 'page' }, CONSOLE_TAB as never);
    expect(await handleMessage({ type: 'add-to-gateway', key: FEED_IDS[0], origin: GATEWAY }, CONSOLE_TAB as never)).toMatchObject({ ok: false, error: { code: 'not-chosen' } });
    expect(background.confirmations).toEqual([]);
    expect(background.opened).toEqual([]);
  });

  it('lets the popup’s own Add to open the gateway at once', async () => {
    await rememberGateway(`${GATEWAY}/mail_policies/etf/add_source/`, 1);
    await handleMessage({ type: 'capture-feed', url: feedUrl(0), source: 'page' }, CONSOLE_TAB as never);
    expect(await handleMessage({ type: 'add-to-gateway', key: FEED_IDS[0], origin: GATEWAY }, POPUP)).toEqual({ ok: true });
    expect(background.confirmations).toEqual([]);
    expect(background.opened).toEqual([{ origin: GATEWAY, feedKey: FEED_IDS[0], besideTabId: undefined }]);
  });

  it.each([
    ['an id no request has', '00000000-0000-4000-8000-000000000000'],
    ['an id that is not one', 'not-an-id'],
  ])('confirms nothing for %s', async (_, id) => {
    const reply = await handleMessage({ type: 'confirm-add-to', id }, POPUP);
    expect(reply).toMatchObject({ ok: false, error: { code: id === 'not-an-id' ? 'invalid-message' : 'unknown-request' } });
    expect(background.opened).toEqual([]);
  });

  it('offers nothing for a Judgements feed, and says some were withheld', async () => {
    await rememberGateway(`${GATEWAY}/mail_policies/etf/add_source/`, 1);
    const reply = await handleMessage({ type: 'capture-feed', url: feedUrl(1), output: 'judgements', source: 'copy' }, CONSOLE_TAB as never);
    expect(reply).toMatchObject({ ok: true, gateways: [], withheld: true });
    expect(await handleMessage({ type: 'add-to-gateway', key: FEED_IDS[1], origin: GATEWAY }, CONSOLE_TAB as never)).toMatchObject({
      ok: false,
      error: { code: 'judgements-output' },
    });
    expect(background.opened).toEqual([]);
  });

  it.each([
    ['an unknown gateway', { key: FEED_IDS[0], origin: 'https://evil.example' }, 'unknown-gateway'],
    ['an unknown feed', { key: FEED_IDS[2], origin: GATEWAY }, 'unknown-feed'],
  ])('refuses %s and opens nothing', async (_, request, code) => {
    await rememberGateway(`${GATEWAY}/mail_policies/etf/add_source/`, 1);
    await handleMessage({ type: 'capture-feed', url: feedUrl(0), source: 'copy' }, CONSOLE_TAB as never);
    expect(await handleMessage({ type: 'add-to-gateway', ...request }, CONSOLE_TAB as never)).toMatchObject({ ok: false, error: { code } });
    expect(background.opened).toEqual([]);
  });

  it('refuses a sender that is neither a console page nor the extension', async () => {
    await rememberGateway(`${GATEWAY}/mail_policies/etf/add_source/`, 1);
    await handleMessage({ type: 'capture-feed', url: feedUrl(0), source: 'copy' }, CONSOLE_TAB as never);
    const page = { id: EXTENSION_ID, url: 'https://evil.example/', tab: { id: 3 } };
    expect(await handleMessage({ type: 'add-to-gateway', key: FEED_IDS[0], origin: GATEWAY }, page as never)).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    expect(background.opened).toEqual([]);
  });

  it('neither offers nor opens a plain-HTTP gateway filled from the popup, though the extension may reach it', async () => {
    await rememberGateway(`${GATEWAY}/mail_policies/etf/add_source/`, 1);
    await rememberGateway(`${PLAIN_HTTP_GATEWAY}/etf/add_source/`, 2);
    expect(await handleMessage({ type: 'capture-feed', url: feedUrl(0), source: 'copy' }, CONSOLE_TAB as never)).toMatchObject({ ok: true, gateways: [GATEWAY] });
    expect(await handleMessage({ type: 'add-to-gateway', key: FEED_IDS[0], origin: PLAIN_HTTP_GATEWAY }, CONSOLE_TAB as never)).toEqual({
      ok: false,
      error: { code: 'plain-http-gateway', message: english('httpGatewayPopupOnly') },
    });
    expect(await handleMessage({ type: 'add-to-gateway', key: FEED_IDS[0], origin: PLAIN_HTTP_GATEWAY }, POPUP)).toMatchObject({ ok: false, error: { code: 'plain-http-gateway' } });
    expect(background.opened).toEqual([]);
  });

  it('offers no gateway the extension may not reach (an on-premises one never granted)', async () => {
    await rememberGateway('https://esa.corp.example/etf/add_source/', 1);
    background.access.current = false;
    expect(await handleMessage({ type: 'capture-feed', url: feedUrl(0), source: 'copy' }, CONSOLE_TAB as never)).toMatchObject({ gateways: [], withheld: false });
  });
});


describe('filling a tab for the popup', () => {
  it('fills only for the extension’s own pages, with a kept feed, and remembers the gateway', async () => {
    for (const { origin } of await knownGateways()) await forgetGateway(origin);
    const filled: [string, string | undefined, boolean][] = [];
    background.tabs.set(5, {
      url: 'https://dh1234-esa1.iphmx.com/mail_policies/etf/add_source/?CSRFKey=1',
      form: {
        inspect: async () => ({ ok: true }),
        fill: async (values, { onlyOrigin, focusSubmit }) => (filled.push([values.collectionName, onlyOrigin, focusSubmit]), { ok: true, fields: [], submitFocused: true }),
        announce: async () => undefined,
      },
    });
    await handleMessage({ type: 'save-pasted-feed', text: feedUrl(0) }, POPUP);
    const consoleTab = { id: EXTENSION_ID, url: 'https://xdr.us.security.cisco.com/', tab: { id: 1 } };
    expect(await handleMessage({ type: 'fill-tab', tabId: 5, key: FEED_IDS[0], origin: 'https://dh1234-esa1.iphmx.com' }, consoleTab as never)).toMatchObject({
      ok: false,
      error: { code: 'forbidden-sender' },
    });
    expect(await handleMessage({ type: 'fill-tab', tabId: 5, key: FEED_IDS[1], origin: 'https://dh1234-esa1.iphmx.com' }, POPUP)).toMatchObject({
      ok: false,
      error: { code: 'unknown-feed' },
    });
    expect(filled).toEqual([]);
    expect(await handleMessage({ type: 'fill-tab', tabId: 5, key: FEED_IDS[0], origin: 'https://dh1234-esa1.iphmx.com' }, POPUP)).toEqual({ ok: true, fields: [], submitFocused: true });
    // Bound to the origin the popup inspected; focus then on Submit, as the person pressed Autofill on that tab.
    expect(filled).toEqual([[SECRETS[0], 'https://dh1234-esa1.iphmx.com', true]]);
    expect((await knownGateways()).map((g) => g.addSourceUrl)).toEqual(['https://dh1234-esa1.iphmx.com/mail_policies/etf/add_source/']);
    await forgetGateway('https://dh1234-esa1.iphmx.com');
  });
});

describe('forgetting from the extension’s pages', () => {
  const OPTIONS_PAGE = { id: EXTENSION_ID, url: `${BASE_URL}options.html` };
  const ESA = 'https://esa.corp.example';
  const ORGANISATION_ESA = { origin: 'https://esa1.corp.example', addSourceUrl: 'https://esa1.corp.example/mail_policies/etf/add_source' };

  beforeEach(async () => {
    await clearKnownGateways();
    await clearDestinations();
  });

  it('forgets the person’s gateway, never the organisation’s, and has the gateway script follow', async () => {
    const gatewaysChanged = vi.fn(async () => undefined);
    const { handleMessage } = testHandler({ gatewaysChanged });
    await rememberGateway(`${ESA}/etf/add_source/`, 1);
    await rememberGateway(`${ORGANISATION_ESA.origin}/mail_policies/etf/add_source/`, 2);
    await fakeBrowser.storage.managed.set({ gateways: [ORGANISATION_ESA] });
    await refreshPolicy();
    expect(await handleMessage({ type: 'forget-gateway', origin: ESA }, OPTIONS_PAGE)).toEqual({ ok: true });
    expect(await handleMessage({ type: 'forget-gateway', origin: ORGANISATION_ESA.origin }, POPUP)).toEqual({ ok: true });
    expect((await knownGateways()).map(({ origin, setBy }) => [origin, setBy])).toEqual([[ORGANISATION_ESA.origin, 'organisation']]);
    expect(gatewaysChanged).toHaveBeenCalledTimes(2);
  });

  it('forgets where one feed went, and only there', async () => {
    await recordDestination({ feedId: FEED_IDS[0], gatewayOrigin: ESA, sourceName: 'XDR_phishing', submittedAt: 1 });
    await recordDestination({ feedId: FEED_IDS[0], gatewayOrigin: 'https://dh1234-esa1.iphmx.com', sourceName: 'XDR_phishing', submittedAt: 2 });
    await recordDestination({ feedId: FEED_IDS[1], gatewayOrigin: ESA, sourceName: 'XDR_c2', submittedAt: 3 });
    expect(await handleMessage({ type: 'forget-destination', feedId: FEED_IDS[0], gatewayOrigin: ESA }, OPTIONS_PAGE)).toEqual({ ok: true });
    expect((await feedDestinations()).map((d) => [d.feedId, d.gatewayOrigin])).toEqual([
      [FEED_IDS[1], ESA],
      [FEED_IDS[0], 'https://dh1234-esa1.iphmx.com'],
    ]);
  });

  it.each([
    ['a gateway origin that is too long', { type: 'forget-gateway', origin: `https://${'a'.repeat(300)}.example` }],
    ['a feed id that is not one', { type: 'forget-destination', feedId: 'feed-1', gatewayOrigin: ESA }],
  ])('rejects %s', async (_, message) => {
    expect(await handleMessage(message, OPTIONS_PAGE)).toEqual({ ok: false, error: { code: 'invalid-message', message: english('refuseMalformed') } });
  });
});

describe('options, for the extension’s pages', () => {
  const OPTIONS_PAGE = { id: EXTENSION_ID, url: `${BASE_URL}options.html` };
  /** The options page's form as the person typed it ('' for an empty number). */
  const TYPED: Record<OptionKey, string> = {
    sourceNameTemplate: 'XDR {title}',
    descriptionTemplate: DEFAULT_OPTIONS.descriptionTemplate,
    pollIntervalHours: '2',
    pollIntervalMinutes: '',
    feedAgeDays: ' 7 ',
    pollSegmentDays: '',
  };
  const read = () => handleMessage({ type: 'read-options' }, OPTIONS_PAGE);
  const save = (input: Record<OptionKey, string>) => handleMessage({ type: 'save-options', input }, OPTIONS_PAGE);

  it('saves the options typed, then answers them as the options in force', async () => {
    expect(await read()).toEqual({ ok: true, options: DEFAULT_OPTIONS, managed: [] });
    expect(await save(TYPED)).toEqual({ ok: true, errors: {} });
    expect(await read()).toEqual({ ok: true, options: { ...DEFAULT_OPTIONS, sourceNameTemplate: 'XDR {title}', pollIntervalHours: 2, feedAgeDays: 7 }, managed: [] });
  });

  it('answers what is wrong, field by field, and saves nothing', async () => {
    expect(await save({ ...TYPED, pollIntervalHours: '25' })).toEqual({ ok: true, errors: { pollIntervalHours: english('optionRange', 0, 24) } });
    expect(await read()).toEqual({ ok: true, options: DEFAULT_OPTIONS, managed: [] });
  });

  it('answers the organisation’s options as in force and set by it, and checks nothing the person typed for them', async () => {
    await fakeBrowser.storage.managed.set({ pollIntervalHours: 6 });
    await refreshPolicy();
    expect(await save({ ...TYPED, pollIntervalHours: '25' })).toEqual({ ok: true, errors: {} });
    expect(await read()).toEqual({
      ok: true,
      options: { ...DEFAULT_OPTIONS, sourceNameTemplate: 'XDR {title}', pollIntervalHours: 6, feedAgeDays: 7 },
      managed: ['pollIntervalHours'],
    });
  });
});
