import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { etfValuesFor } from '@/utils/gateway/etf-values';
import { DEFAULT_OPTIONS, type OptionKey } from '@/utils/extension/options';
import { readOptions, refreshPolicy, saveOptions } from '@/utils/extension/options-store';
import { FEED_IDS, storedFeed } from './feeds';

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
