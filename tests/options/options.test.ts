import { readdirSync, readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { etfValuesFor, TEMPLATE_PLACEHOLDERS } from '@/utils/gateway/etf-values';
import { DEFAULT_OPTIONS, type OptionKey } from '@/utils/options/options';
import { readOptions, refreshPolicy, saveOptions } from '@/utils/options/options-store';
import { knownGateways, MAX_POLICY_GATEWAYS } from '@/utils/gateways/known-gateways';
import { FEED_IDS, storedFeed } from '../support/feeds';
import { clearKnownGateways, readRawPolicyGateways } from '../support/gateways-db';

const EMPTY_INPUT: Record<OptionKey, string> = {
  sourceNameTemplate: '{title}',
  descriptionTemplate: DEFAULT_OPTIONS.descriptionTemplate,
  pollIntervalHours: '',
  pollIntervalMinutes: '',
  feedAgeDays: '',
  pollSegmentDays: '',
};

beforeEach(() => fakeBrowser.reset());
afterEach(() => vi.restoreAllMocks());

describe('options', () => {
  it('are the defaults until set', async () => {
    expect(await readOptions()).toEqual({ options: DEFAULT_OPTIONS, managed: [] });
  });

  it('are saved to sync storage and read back', async () => {
    const errors = await saveOptions({ ...EMPTY_INPUT, sourceNameTemplate: 'XDR {region} {title}', pollIntervalHours: '2', feedAgeDays: ' 7 ' }, []);
    expect(errors).toEqual({});
    expect(await readOptions()).toEqual({
      options: { ...DEFAULT_OPTIONS, sourceNameTemplate: 'XDR {region} {title}', pollIntervalHours: 2, feedAgeDays: 7 },
      managed: [],
    });
    expect(await fakeBrowser.storage.local.get()).toEqual({});
    expect(await fakeBrowser.storage.session.get()).toEqual({});
  });

  it.each<[string, Partial<Record<OptionKey, string>>, Partial<Record<OptionKey, string>>]>([
    ['an unknown placeholder', { sourceNameTemplate: '{title} {secret}' }, { sourceNameTemplate: 'Use only {title}, {feedId}, {region}, {host} and {date}.' }],
    ['an over-long template', { descriptionTemplate: 'x'.repeat(301) }, { descriptionTemplate: 'Keep it under 300 characters.' }],
    ['hours out of range', { pollIntervalHours: '25' }, { pollIntervalHours: 'Enter a whole number from 0 to 24, or leave it empty.' }],
    ['minutes that are not a number', { pollIntervalMinutes: 'ten' }, { pollIntervalMinutes: 'Enter a whole number from 0 to 59, or leave it empty.' }],
    ['a fraction of a day', { feedAgeDays: '1.5' }, { feedAgeDays: 'Enter a whole number from 1 to 365, or leave it empty.' }],
    ['a zero time span and a negative age', { pollSegmentDays: '0', feedAgeDays: '-3' }, {
      pollSegmentDays: 'Enter a whole number from 1 to 365, or leave it empty.',
      feedAgeDays: 'Enter a whole number from 1 to 365, or leave it empty.',
    }],
  ])('rejects %s with a message per field and saves nothing', async (_, change, errors) => {
    await saveOptions({ ...EMPTY_INPUT, pollIntervalHours: '3' }, []);
    expect(await saveOptions({ ...EMPTY_INPUT, ...change }, [])).toEqual(errors);
    expect((await readOptions()).options.pollIntervalHours).toBe(3);
  });

  it('lets the organisation’s policy win, and never stores over it', async () => {
    await fakeBrowser.storage.managed.set({ pollIntervalHours: 6, sourceNameTemplate: 'ORG_{title}', unrelated: true });
    await refreshPolicy();
    await saveOptions({ ...EMPTY_INPUT, pollIntervalHours: '1', feedAgeDays: '4' }, ['pollIntervalHours', 'sourceNameTemplate']);
    expect(await readOptions()).toEqual({
      options: { ...DEFAULT_OPTIONS, sourceNameTemplate: 'ORG_{title}', pollIntervalHours: 6, feedAgeDays: 4 },
      managed: ['sourceNameTemplate', 'pollIntervalHours'],
    });
    expect(await fakeBrowser.storage.sync.get()).toEqual({
      options: { descriptionTemplate: DEFAULT_OPTIONS.descriptionTemplate, pollIntervalMinutes: null, feedAgeDays: 4, pollSegmentDays: null },
    });
  });

  it('keeps the user’s own value for a setting policy now sets, for when the policy is lifted', async () => {
    await saveOptions({ ...EMPTY_INPUT, feedAgeDays: '30' }, []);
    await fakeBrowser.storage.managed.set({ feedAgeDays: 7 });
    await refreshPolicy();
    await saveOptions({ ...EMPTY_INPUT, pollIntervalHours: '2' }, ['feedAgeDays']);
    expect((await readOptions()).options).toMatchObject({ feedAgeDays: 7, pollIntervalHours: 2 });
    await fakeBrowser.storage.managed.clear();
    await refreshPolicy();
    expect((await readOptions()).options).toMatchObject({ feedAgeDays: 30, pollIntervalHours: 2 });
  });

  it('drops invalid stored and policy values one by one, keeping the valid ones', async () => {
    await fakeBrowser.storage.sync.set({ options: { pollIntervalHours: 'lots', feedAgeDays: 9, sourceNameTemplate: 42 } });
    await fakeBrowser.storage.managed.set({ pollSegmentDays: 999, pollIntervalMinutes: 30 });
    await refreshPolicy();
    expect(await readOptions()).toEqual({ options: { ...DEFAULT_OPTIONS, feedAgeDays: 9, pollIntervalMinutes: 30 }, managed: ['pollIntervalMinutes'] });
  });

  it('never waits on a policy service that does not answer: clicks read the last copy at once', async () => {
    await fakeBrowser.storage.managed.set({ feedAgeDays: 7 });
    await refreshPolicy();
    vi.spyOn(fakeBrowser.storage.managed, 'get').mockImplementation(() => new Promise(() => undefined) as never);
    expect(await readOptions()).toEqual({ options: { ...DEFAULT_OPTIONS, feedAgeDays: 7 }, managed: ['feedAgeDays'] });
    // A refresh gives up after its wait and keeps the copy it had.
    await refreshPolicy(20);
    expect(await readOptions()).toEqual({ options: { ...DEFAULT_OPTIONS, feedAgeDays: 7 }, managed: ['feedAgeDays'] });
  });

  it('reads no policy when managed storage refuses (no policy set, or Firefox without one)', async () => {
    await fakeBrowser.storage.managed.set({ feedAgeDays: 7 });
    await refreshPolicy();
    vi.spyOn(fakeBrowser.storage.managed, 'get').mockRejectedValue(new Error('Managed storage manifest not found'));
    await refreshPolicy();
    expect(await readOptions()).toEqual({ options: DEFAULT_OPTIONS, managed: [] });
  });

  it('keeps only valid policy values in its copy, nothing else from managed storage', async () => {
    await fakeBrowser.storage.managed.set({ feedAgeDays: 7, pollSegmentDays: 999, collectionName: 'x' });
    await refreshPolicy();
    expect(await fakeBrowser.storage.local.get()).toEqual({ policy: { feedAgeDays: 7 } });
  });

  it('reads a broken sync value as no choices', async () => {
    await fakeBrowser.storage.sync.set({ options: 'garbage' });
    expect(await readOptions()).toEqual({ options: DEFAULT_OPTIONS, managed: [] });
  });
});

describe('the gateways the organisation’s policy lists', () => {
  const ESA1 = { origin: 'https://esa1.corp.example', addSourceUrl: 'https://esa1.corp.example/mail_policies/etf/add_source' };
  const ESA2 = { origin: 'https://esa2.corp.example:8443', addSourceUrl: 'https://esa2.corp.example:8443/mail_policies/etf/add_source?screen=add' };
  const listed = (...gateways: (typeof ESA1)[]) => gateways.map((gateway) => ({ ...gateway, setBy: 'organisation' }));

  beforeEach(clearKnownGateways);

  it('are copied where a click reads them at once, in the policy’s order, and nowhere a content script can write', async () => {
    await fakeBrowser.storage.managed.set({ gateways: [ESA1, ESA2], feedAgeDays: 7 });
    await refreshPolicy();
    expect(await knownGateways()).toEqual(listed(ESA1, ESA2));
    expect(await readRawPolicyGateways()).toEqual([ESA1, ESA2]);
    expect(await fakeBrowser.storage.local.get()).toEqual({ policy: { feedAgeDays: 7 } });
    expect(await fakeBrowser.storage.sync.get()).toEqual({});
  });

  it('are taken as the URL parser reads them', async () => {
    await fakeBrowser.storage.managed.set({ gateways: [{ origin: ESA1.origin, addSourceUrl: 'HTTPS://ESA1.corp.example:443/mail_policies/etf/add_source' }] });
    await refreshPolicy();
    expect(await knownGateways()).toEqual(listed(ESA1));
  });

  it.each([
    ['over plain HTTP', { origin: 'http://esa3.corp.example', addSourceUrl: 'http://esa3.corp.example/etf/add_source' }],
    ['with AsyncOS’s CSRF key', { origin: 'https://esa3.corp.example', addSourceUrl: 'https://esa3.corp.example/etf/add_source?CSRFKey=0f3c9a' }],
    ['with a session token beside other parameters', { origin: 'https://esa3.corp.example', addSourceUrl: 'https://esa3.corp.example/etf/add_source?screen=add&session_id=1' }],
    ['with a Java session id in its path', { origin: 'https://esa3.corp.example', addSourceUrl: 'https://esa3.corp.example/etf/add_source;jsessionid=A1B2' }],
    ['with a user name and password', { origin: 'https://esa3.corp.example', addSourceUrl: 'https://admin:hunter2@esa3.corp.example/etf/add_source' }],
    ['with a fragment', { origin: 'https://esa3.corp.example', addSourceUrl: 'https://esa3.corp.example/etf/add_source#top' }],
    ['whose Add Source page is on another host', { origin: 'https://esa3.corp.example', addSourceUrl: 'https://phish.example/etf/add_source' }],
    ['whose Add Source page is on another port', { origin: 'https://esa3.corp.example', addSourceUrl: 'https://esa3.corp.example:8443/etf/add_source' }],
    ['whose origin is written with a path', { origin: 'https://esa3.corp.example/', addSourceUrl: 'https://esa3.corp.example/etf/add_source' }],
    ['whose origin is over plain HTTP', { origin: 'http://esa3.corp.example', addSourceUrl: 'https://esa3.corp.example/etf/add_source' }],
    ['without an origin', { addSourceUrl: 'https://esa3.corp.example/etf/add_source' }],
    ['without an Add Source page', { origin: 'https://esa3.corp.example' }],
    ['whose Add Source page is no URL', { origin: 'https://esa3.corp.example', addSourceUrl: 'esa3.corp.example/etf/add_source' }],
    ['whose Add Source page is not text', { origin: 'https://esa3.corp.example', addSourceUrl: ['https://esa3.corp.example/etf/add_source'] }],
    ['that is a string', 'https://esa3.corp.example/etf/add_source'],
    ['that is null', null],
    ['of an origin listed before', { origin: ESA1.origin, addSourceUrl: 'https://esa1.corp.example/other' }],
  ])('drop an entry %s, keeping the valid ones around it', async (_, entry) => {
    await fakeBrowser.storage.managed.set({ gateways: [ESA1, entry, ESA2] });
    await refreshPolicy();
    expect(await knownGateways()).toEqual(listed(ESA1, ESA2));
  });

  it.each([
    ['an object', { esa1: ESA1 }],
    ['a string', ESA1.addSourceUrl],
  ])('are none when the policy’s gateways are %s', async (_, gateways) => {
    await fakeBrowser.storage.managed.set({ gateways });
    await refreshPolicy();
    expect(await knownGateways()).toEqual([]);
  });

  it(`are the first ${MAX_POLICY_GATEWAYS} valid ones of a longer list`, async () => {
    expect(MAX_POLICY_GATEWAYS).toBe(50);
    const gateway = (i: number) => ({ origin: `https://esa${i}.corp.example`, addSourceUrl: `https://esa${i}.corp.example/etf/add_source` });
    const gateways = Array.from({ length: 60 }, (_, i) => gateway(i + 1));
    await fakeBrowser.storage.managed.set({ gateways: [{ origin: 'http://esa0.corp.example', addSourceUrl: 'http://esa0.corp.example/' }, ...gateways] });
    await refreshPolicy();
    expect(await knownGateways()).toEqual(listed(...gateways.slice(0, 50)));
  });

  it('are replaced wholesale by the next policy’s', async () => {
    await fakeBrowser.storage.managed.set({ gateways: [ESA1] });
    await refreshPolicy();
    await fakeBrowser.storage.managed.set({ gateways: [ESA2] });
    await refreshPolicy();
    expect(await knownGateways()).toEqual(listed(ESA2));
  });

  it.each<[string, () => Promise<unknown>]>([
    ['lists none', () => fakeBrowser.storage.managed.set({ gateways: [] })],
    ['is removed', () => fakeBrowser.storage.managed.clear()],
    ['is refused by managed storage', async () => vi.spyOn(fakeBrowser.storage.managed, 'get').mockRejectedValue(new Error('Managed storage manifest not found'))],
  ])('are none once the policy %s', async (_, change) => {
    await fakeBrowser.storage.managed.set({ gateways: [ESA1] });
    await refreshPolicy();
    await change();
    await refreshPolicy();
    expect(await knownGateways()).toEqual([]);
  });

  it('keep the last copy when the policy service does not answer', async () => {
    await fakeBrowser.storage.managed.set({ gateways: [ESA1] });
    await refreshPolicy();
    vi.spyOn(fakeBrowser.storage.managed, 'get').mockImplementation(() => new Promise(() => undefined) as never);
    await refreshPolicy(20);
    expect(await knownGateways()).toEqual(listed(ESA1));
  });
});

describe('etfValuesFor with options', () => {
  const TODAY = new Date('2026-11-28T08:00:00Z');

  it.each([
    ['the defaults, with a title', {}, { title: 'Phishing domains' }, 'Phishing_domains', `Phishing domains: SecureX/XDR feed ${FEED_IDS[0]}, added 2026-11-28 by ETF Autofill`],
    ['the defaults, without a title', {}, {}, 'XDR_feed_8f2b1c3e', `SecureX/XDR feed ${FEED_IDS[0]}, added 2026-11-28 by ETF Autofill`],
    ['templates with every placeholder', { sourceNameTemplate: 'XDR-{region}-{title}', descriptionTemplate: '{title} ({feedId}) from {host}, {region}, {date}' }, { title: 'C2 IPs', region: 'eu' as const },
      'XDR-EU-C2_IPs', `C2 IPs (${FEED_IDS[0]}) from private.intel.amp.cisco.com, EU, 2026-11-28`],
    // The Description keeps no symbols either (tests/etf-values.test.ts): the separator they leave goes with them.
    ['a Source Name template of only symbols', { sourceNameTemplate: '{title}' }, { title: '★★★' }, 'XDR_feed_8f2b1c3e', `SecureX/XDR feed ${FEED_IDS[0]}, added 2026-11-28 by ETF Autofill`],
    ['an accented, over-long title', {}, { title: 'Déjà vu — phishing kits targeting finance and payroll teams' }, 'Deja_vu_phishing_kits_targeting', `Déjà vu — phishing kits targeting finance and payroll teams: SecureX/XDR feed ${FEED_IDS[0]}, added 2026-11-28 by ETF Autofill`],
  ])('%s', (_, options, feed, sourceName, description) => {
    const values = etfValuesFor(storedFeed(0, feed), TODAY, { ...DEFAULT_OPTIONS, ...options });
    expect([values.sourceName, values.description]).toEqual([sourceName, description]);
  });

  it('sets Polling Port to the feed host’s own port', () => {
    expect(etfValuesFor(storedFeed(0, { port: 8443 }), TODAY, DEFAULT_OPTIONS).pollingPort).toBe('8443');
    expect(etfValuesFor(storedFeed(0), TODAY, DEFAULT_OPTIONS).pollingPort).toBe('443');
  });

  it('passes the gateway settings the options set, as text, and null for the rest', () => {
    const values = etfValuesFor(storedFeed(0), TODAY, { ...DEFAULT_OPTIONS, pollIntervalHours: 0, pollIntervalMinutes: 30, feedAgeDays: 14 });
    expect([values.pollIntervalHours, values.pollIntervalMinutes, values.feedAgeDays, values.pollSegmentDays]).toEqual(['0', '30', '14', null]);
  });
});

describe('the placeholders a template may use', () => {
  const json = (path: string) => JSON.parse(readFileSync(path, 'utf8'));
  const policy = json('public/managed_schema.json');
  it.each<[string, string]>([
    ...readdirSync('public/_locales').flatMap((language) => {
      const messages = json(`public/_locales/${language}/messages.json`);
      return ['optionsTemplateHelp', 'optionUnknownPlaceholder'].map((key): [string, string] => [`the ${language} ${key} message`, messages[key].message]);
    }),
    ['the policy schema', policy.properties.sourceNameTemplate.description],
  ])('are the ones %s names', (_, text) => {
    expect(text.match(/\{\w+\}/g)).toEqual(TEMPLATE_PLACEHOLDERS.map((name) => `{${name}}`));
  });
});
