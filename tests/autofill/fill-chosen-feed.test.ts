import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { fillChosenFeed } from '@/utils/autofill/fill-chosen-feed';
import type { EtfValues } from '@/utils/gateway/etf-values';
import type { GatewayTab } from '@/utils/autofill/gateway-tab';
import { rememberGateway } from '@/utils/gateways/known-gateways';
import { DEFAULT_OPTIONS } from '@/utils/options/options';
import { readOptions, refreshPolicy } from '@/utils/options/options-store';
import { english } from '../support/english';
import { clearKnownGateways } from '../support/gateways-db';
import { FEED_IDS, SECRETS, storedFeed } from '../support/feeds';

function gatewayAnswering(result: Awaited<ReturnType<GatewayTab['fill']>>) {
  const filled: EtfValues[] = [];
  const announced: [string[], boolean][] = [];
  const origins: (string | undefined)[] = [];
  const focusSubmits: boolean[] = [];
  const tab: GatewayTab = {
    inspect: vi.fn(),
    fill: async (values, { onlyOrigin, focusSubmit }) => {
      filled.push(values);
      origins.push(onlyOrigin);
      focusSubmits.push(focusSubmit);
      return result;
    },
    announce: async (lines, urgent) => {
      announced.push([lines, urgent]);
    },
  };
  return { tab, filled, announced, origins, focusSubmits };
}

const TODAY = new Date('2026-11-28T12:00:00Z');
const CLOUD_GATEWAY = 'https://dh1234-esa1.iphmx.com/mail_policies/etf/add_source';

beforeEach(async () => {
  fakeBrowser.reset();
  await clearKnownGateways();
});

describe('the autofill keyboard command', () => {
  it('fills at once with the policy’s values, as the background reads them, when the policy service never answers', async () => {
    await fakeBrowser.storage.managed.set({ pollIntervalMinutes: 45 });
    await refreshPolicy();
    const managedGet = vi.spyOn(fakeBrowser.storage.managed, 'get').mockImplementation(() => new Promise(() => undefined) as never);
    await fakeBrowser.storage.session.set({ feeds: [storedFeed(0)] });
    const { tab, filled } = gatewayAnswering({ ok: true, fields: [], submitFocused: true });
    await fillChosenFeed(tab, CLOUD_GATEWAY, TODAY, (await readOptions()).options);
    expect(filled.map((values) => [values.pollIntervalMinutes, values.collectionName])).toEqual([['45', SECRETS[0]]]);
    managedGet.mockRestore();
  });

  it('fills with the newest feed and says what it did in the page', async () => {
    await fakeBrowser.storage.session.set({ feeds: [storedFeed(2, { title: 'Newest' }), storedFeed(0)] });
    const { tab, filled, announced } = gatewayAnswering({
      ok: true,
      fields: [
        { key: 'hostname', outcome: 'filled' },
        { key: 'sourceName', outcome: 'not-found' },
      ],
      submitFocused: true,
    });
    await fillChosenFeed(tab, CLOUD_GATEWAY, TODAY, DEFAULT_OPTIONS);
    expect(filled).toEqual([
      {
        sourceName: 'Newest',
        description: `Newest: SecureX/XDR feed ${FEED_IDS[2]}, added 2026-11-28 by ETF Autofill`,
        hostname: 'private.intel.amp.cisco.com',
        pollingPath: `/ctia/feed/${FEED_IDS[2]}/view`,
        collectionName: SECRETS[2],
        pollingPort: '443',
        useHttps: true,
        configureUserCredentials: false,
        pollIntervalHours: null,
        pollIntervalMinutes: null,
        feedAgeDays: null,
        pollSegmentDays: null,
      },
    ]);
    expect(announced).toEqual([
      [
        [
          'From “Newest”.',
          'Filled 1 of 2 fields: Hostname.',
          'Not found, set by hand: Source Name.',
          'Nothing was submitted: review the form, click Submit, then Commit Changes.',
        ],
        false,
      ],
    ]);
    expect(announced.flat(2).join(' ')).not.toContain(SECRETS[2]);
  });

  it('says why when the page is not the form', async () => {
    await fakeBrowser.storage.session.set({ feeds: [storedFeed(0)] });
    const { tab, announced } = gatewayAnswering({ ok: false, error: { code: 'not-add-source-form', message: 'Not the form.' } });
    await fillChosenFeed(tab, CLOUD_GATEWAY, TODAY, DEFAULT_OPTIONS);
    expect(announced).toEqual([[['Not the form.'], true]]);
  });

  it.each([
    ['no feed is kept', []],
    ['the only feeds were merely seen in page text', [storedFeed(1, { source: 'page', actedAt: undefined }), storedFeed(2, { source: 'page', actedAt: undefined })]],
  ])('fills nothing and says so when %s', async (_, feeds) => {
    await fakeBrowser.storage.session.set({ feeds });
    const { tab, filled, announced } = gatewayAnswering({ ok: true, fields: [], submitFocused: false });
    await fillChosenFeed(tab, CLOUD_GATEWAY, TODAY, DEFAULT_OPTIONS);
    expect(filled).toEqual([]);
    expect(announced).toEqual([[[english('commandNoFeed')], true]]);
  });

  it('fills the feed the person chose last, not a newer one a page showed', async () => {
    await fakeBrowser.storage.session.set({
      feeds: [storedFeed(2, { source: 'page', actedAt: undefined, seenAt: 3e12 }), storedFeed(1, { actedAt: 2e12 }), storedFeed(0, { actedAt: 1e12 })],
    });
    const { tab, filled } = gatewayAnswering({ ok: true, fields: [], submitFocused: true });
    await fillChosenFeed(tab, CLOUD_GATEWAY, TODAY, DEFAULT_OPTIONS);
    expect(filled.map((values) => values.collectionName)).toEqual([SECRETS[1]]);
  });
});

describe('where the keyboard command fills', () => {
  it.each([
    ['a look-alike of the Add Source form on another site', 'https://phish.example/add_source'],
    ['an on-premises gateway never filled from the popup', 'https://esa.corp.example/etf/add_source/'],
    ['a tab without a URL', undefined],
  ])('refuses %s, filling nothing', async (_, url) => {
    await fakeBrowser.storage.session.set({ feeds: [storedFeed(0)] });
    const { tab, filled, announced } = gatewayAnswering({ ok: true, fields: [], submitFocused: true });
    await fillChosenFeed(tab, url, TODAY, DEFAULT_OPTIONS);
    expect(filled).toEqual([]);
    expect(announced).toEqual([[[english('commandUnknownGateway')], true]]);
  });

  // Filling it from the popup would not help: only the popup fills a plain-HTTP gateway, asking each time.
  it.each([
    ['the Cloud Gateway over plain HTTP', 'http://dh1234-esa1.iphmx.com/'],
    ['an on-premises gateway over plain HTTP, though filled from the popup before', 'http://esa-http.corp.example/etf/add_source/'],
  ])('refuses %s, filling nothing, and says it is filled from the popup only', async (_, url) => {
    await fakeBrowser.storage.session.set({ feeds: [storedFeed(0)] });
    await rememberGateway('http://esa-http.corp.example/etf/add_source/', TODAY.getTime());
    const { tab, filled, announced } = gatewayAnswering({ ok: true, fields: [], submitFocused: true });
    await fillChosenFeed(tab, url, TODAY, DEFAULT_OPTIONS);
    expect(filled).toEqual([]);
    expect(announced).toEqual([[[english('httpGatewayPopupOnly')], true]]);
  });

  it('fills an on-premises gateway once it was filled from the popup', async () => {
    await fakeBrowser.storage.session.set({ feeds: [storedFeed(0)] });
    await rememberGateway('https://esa.corp.example/etf/add_source/', TODAY.getTime());
    const { tab, filled, origins, focusSubmits } = gatewayAnswering({ ok: true, fields: [], submitFocused: true });
    await fillChosenFeed(tab, 'https://esa.corp.example/other/page', TODAY, DEFAULT_OPTIONS);
    expect(filled).toHaveLength(1);
    // The page must still be on that origin when the fill runs.
    expect(origins).toEqual(['https://esa.corp.example']);
    // The key was pressed on the gateway's page, where the person looks at the form: focus goes to Submit.
    expect(focusSubmits).toEqual([true]);
  });

  describe('on a gateway the organisation’s policy lists', () => {
    const ESA1 = { origin: 'https://esa1.corp.example', addSourceUrl: 'https://esa1.corp.example/mail_policies/etf/add_source' };

    beforeEach(async () => {
      await fakeBrowser.storage.session.set({ feeds: [storedFeed(0)] });
      await fakeBrowser.storage.managed.set({ gateways: [ESA1] });
      await refreshPolicy();
    });

    it('fills it, never filled from the popup, with the policy service silent since', async () => {
      const managedGet = vi.spyOn(fakeBrowser.storage.managed, 'get').mockImplementation(() => new Promise(() => undefined) as never);
      await refreshPolicy(20);
      const { tab, filled, origins } = gatewayAnswering({ ok: true, fields: [], submitFocused: true });
      await fillChosenFeed(tab, 'https://esa1.corp.example/mail_policies/etf/sources', TODAY, DEFAULT_OPTIONS);
      expect(filled.map((values) => values.collectionName)).toEqual([SECRETS[0]]);
      expect(origins).toEqual([ESA1.origin]);
      managedGet.mockRestore();
    });

    it('refuses it once the policy no longer lists it, filling nothing', async () => {
      await fakeBrowser.storage.managed.clear();
      await refreshPolicy();
      const { tab, filled, announced } = gatewayAnswering({ ok: true, fields: [], submitFocused: true });
      await fillChosenFeed(tab, ESA1.addSourceUrl, TODAY, DEFAULT_OPTIONS);
      expect(filled).toEqual([]);
      expect(announced).toEqual([[[english('commandUnknownGateway')], true]]);
    });
  });

  it('refuses to fill with a feed whose Output is Judgements', async () => {
    await fakeBrowser.storage.session.set({ feeds: [storedFeed(0, { output: 'judgements' })] });
    const { tab, filled, announced } = gatewayAnswering({ ok: true, fields: [], submitFocused: true });
    await fillChosenFeed(tab, CLOUD_GATEWAY, TODAY, DEFAULT_OPTIONS);
    expect(filled).toEqual([]);
    expect(announced).toEqual([[[english('commandJudgements')], true]]);
  });
});
