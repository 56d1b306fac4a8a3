import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { OPTION_KEYS } from '@/utils/options/options';
import { PROTOCOL, type MessageType, type Request } from '@/utils/protocol/messages';
import { EXTENSION_ID, POPUP, testHandler } from '../support/background';
import { english } from '../support/english';
import { FEED_IDS, feedUrl } from '../support/feeds';
import { clearKnownGateways } from '../support/gateways-db';

const { handleMessage } = testHandler();
const GATEWAY = 'https://dh1234-esa1.iphmx.com';

/** One well-formed request of every type the background accepts. */
const REQUESTS: { [T in MessageType]: Request<T> } = {
  'save-pasted-feed': { type: 'save-pasted-feed', text: feedUrl(0) },
  'remove-feed': { type: 'remove-feed', key: FEED_IDS[0] },
  'choose-feed': { type: 'choose-feed', key: FEED_IDS[0] },
  'forget-feeds': { type: 'forget-feeds' },
  'check-feed': { type: 'check-feed', key: FEED_IDS[0] },
  'capture-feed': { type: 'capture-feed', url: feedUrl(0), source: 'copy' },
  'use-feed-note': { type: 'use-feed-note', key: FEED_IDS[0] },
  'add-to-gateway': { type: 'add-to-gateway', key: FEED_IDS[0], origin: GATEWAY },
  'confirm-add-to': { type: 'confirm-add-to', id: '00000000-0000-4000-8000-000000000000' },
  'fill-tab': { type: 'fill-tab', tabId: 5, key: FEED_IDS[0], origin: GATEWAY },
  'read-options': { type: 'read-options' },
  'save-options': { type: 'save-options', input: Object.fromEntries(OPTION_KEYS.map((key) => [key, ''])) as Request<'save-options'>['input'] },
  'forget-gateway': { type: 'forget-gateway', origin: GATEWAY },
  'forget-destination': { type: 'forget-destination', feedId: FEED_IDS[0], gatewayOrigin: GATEWAY },
  'gateway-page': { type: 'gateway-page' },
  'paste-feed': { type: 'paste-feed', text: feedUrl(0) },
  'check-source': {
    type: 'check-source',
    values: { hostname: 'private.intel.amp.cisco.com', pollingPath: `/ctia/feed/${FEED_IDS[0]}/view`, collectionName: '', useHttps: true, pollingPort: '443', configureUserCredentials: false },
  },
  'fix-source': { type: 'fix-source', feedId: FEED_IDS[0] },
  'source-submitted': { type: 'source-submitted', feedId: FEED_IDS[0], sourceName: 'XDR_feed' },
};

/** How the browser describes each kind of sender, and one the protocol knows nothing of. */
const SENDERS = {
  'extension-page': POPUP,
  console: { id: EXTENSION_ID, url: 'https://xdr.us.security.cisco.com/intelligence/feeds', tab: { id: 9 }, frameId: 0 },
  'gateway-page': { id: EXTENSION_ID, url: `${GATEWAY}/mail_policies/etf/add_source/`, tab: { id: 7 }, frameId: 0 },
  'web-page': { id: EXTENSION_ID, url: 'https://evil.example/', tab: { id: 3 }, frameId: 0 },
};
type Sender = keyof typeof SENDERS;

/** Who is told what, when refused for being who they are: the wording names who may ask. */
const CHANGE = english('refuseChangeSender');
const CAPTURE = english('refuseCaptureSender');
const GATEWAY_ONLY = english('refuseGatewaySender');

/**
 * The sender policy, written out: for each message, each sender is let through (true) or refused
 * with this message. The protocol's table must say the same, and the handler must do it.
 */
const POLICY: { [T in MessageType]: Record<Sender, true | string> } = {
  'save-pasted-feed': { 'extension-page': true, console: CHANGE, 'gateway-page': CHANGE, 'web-page': CHANGE },
  'remove-feed': { 'extension-page': true, console: CHANGE, 'gateway-page': CHANGE, 'web-page': CHANGE },
  'choose-feed': { 'extension-page': true, console: CHANGE, 'gateway-page': CHANGE, 'web-page': CHANGE },
  'forget-feeds': { 'extension-page': true, console: CHANGE, 'gateway-page': CHANGE, 'web-page': CHANGE },
  'check-feed': { 'extension-page': true, console: CHANGE, 'gateway-page': CHANGE, 'web-page': CHANGE },
  'capture-feed': { 'extension-page': CAPTURE, console: true, 'gateway-page': CAPTURE, 'web-page': CAPTURE },
  'use-feed-note': { 'extension-page': CAPTURE, console: true, 'gateway-page': CAPTURE, 'web-page': CAPTURE },
  'add-to-gateway': { 'extension-page': true, console: true, 'gateway-page': CHANGE, 'web-page': CHANGE },
  'confirm-add-to': { 'extension-page': true, console: CHANGE, 'gateway-page': CHANGE, 'web-page': CHANGE },
  'fill-tab': { 'extension-page': true, console: CHANGE, 'gateway-page': CHANGE, 'web-page': CHANGE },
  'read-options': { 'extension-page': true, console: CHANGE, 'gateway-page': CHANGE, 'web-page': CHANGE },
  'save-options': { 'extension-page': true, console: CHANGE, 'gateway-page': CHANGE, 'web-page': CHANGE },
  'forget-gateway': { 'extension-page': true, console: CHANGE, 'gateway-page': CHANGE, 'web-page': CHANGE },
  'forget-destination': { 'extension-page': true, console: CHANGE, 'gateway-page': CHANGE, 'web-page': CHANGE },
  'gateway-page': { 'extension-page': GATEWAY_ONLY, console: GATEWAY_ONLY, 'gateway-page': true, 'web-page': GATEWAY_ONLY },
  'paste-feed': { 'extension-page': GATEWAY_ONLY, console: GATEWAY_ONLY, 'gateway-page': true, 'web-page': GATEWAY_ONLY },
  'check-source': { 'extension-page': GATEWAY_ONLY, console: GATEWAY_ONLY, 'gateway-page': true, 'web-page': GATEWAY_ONLY },
  'fix-source': { 'extension-page': GATEWAY_ONLY, console: GATEWAY_ONLY, 'gateway-page': true, 'web-page': GATEWAY_ONLY },
  'source-submitted': { 'extension-page': GATEWAY_ONLY, console: GATEWAY_ONLY, 'gateway-page': true, 'web-page': GATEWAY_ONLY },
};

const CASES = Object.entries(POLICY).flatMap(([type, row]) => Object.entries(row).map(([sender, expected]) => [type as MessageType, sender as Sender, expected] as const));

beforeEach(async () => {
  fakeBrowser.reset();
  await clearKnownGateways();
});

describe('the sender policy', () => {
  it('names every message the background accepts, and no other, each with a request its schema reads', () => {
    expect(Object.keys(POLICY).sort()).toEqual(Object.keys(PROTOCOL).sort());
    for (const type of Object.keys(PROTOCOL) as MessageType[]) {
      expect(PROTOCOL[type].request.safeParse(REQUESTS[type]).success).toBe(true);
      // A request reaches only the schema of its own type.
      expect(PROTOCOL[type].request.safeParse({ ...REQUESTS[type], type: 'another' }).success).toBe(false);
    }
  });

  it.each(Object.entries(POLICY))('lets %s through from exactly the senders the protocol names', (type, row) => {
    const allowed = Object.entries(row).filter(([, expected]) => expected === true).map(([sender]) => sender);
    expect(PROTOCOL[type as MessageType].from).toEqual(allowed);
  });

  it.each(CASES)('%s from %s: %s', async (type, sender, expected) => {
    const reply = await handleMessage(REQUESTS[type], SENDERS[sender] as never);
    if (expected === true) expect(reply).not.toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    else expect(reply).toEqual({ ok: false, error: { code: 'forbidden-sender', message: expected } });
  });

  it.each(Object.keys(REQUESTS) as MessageType[])('refuses %s from another extension, in its own words', async (type) => {
    const reply = await handleMessage(REQUESTS[type], { ...POPUP, id: 'someone-else' });
    expect(reply).toEqual({ ok: false, error: { code: 'forbidden-sender', message: english('refuseOtherExtension') } });
  });

  it.each([
    ['in no tab', { ...SENDERS['gateway-page'], tab: undefined }],
    ['in a tab without an id', { ...SENDERS['gateway-page'], tab: {} }],
  ])('refuses a gateway page’s script %s', async (_, sender) => {
    expect(await handleMessage(REQUESTS['paste-feed'], sender as never)).toEqual({ ok: false, error: { code: 'forbidden-sender', message: GATEWAY_ONLY } });
  });

  // The browser names no page for some senders, and a page's address may be anything: refused, never thrown on.
  it.each([
    ['that names no page at all', { id: EXTENSION_ID }, 'save-pasted-feed', CHANGE],
    ['in a tab whose address is no URL', { id: EXTENSION_ID, url: 'not a url', tab: { id: 3 }, frameId: 0 }, 'capture-feed', CAPTURE],
  ] as const)('refuses a sender %s', async (_, sender, type, message) => {
    expect(await handleMessage(REQUESTS[type], sender as never)).toEqual({ ok: false, error: { code: 'forbidden-sender', message } });
  });
});
