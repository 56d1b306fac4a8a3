import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { FeedDestination } from '@/utils/destinations/feed-destinations';
import { addedAs, addedTo, alreadyAdded } from '@/utils/i18n/describe-destination';
import { FEED_IDS } from '../support/feeds';

afterEach(() => vi.restoreAllMocks());

/** Noon local time, so no time zone moves the day. */
const day = (year: number, month: number, date: number) => new Date(year, month - 1, date, 12).getTime();
const NOW = day(2026, 12, 6);

const destination = (gatewayOrigin: string, submittedAt: number): FeedDestination => ({
  feedId: FEED_IDS[0],
  title: 'Phishing domains',
  gatewayOrigin,
  sourceName: 'XDR_phishing',
  submittedAt,
});

describe('where a feed went, in words', () => {
  it.each([
    ['this year', 'https://dh1234-esa1.iphmx.com', day(2026, 12, 3), 'Added to dh1234-esa1.iphmx.com on Dec 3'],
    ['on New Year’s Day', 'https://dh1234-esa1.iphmx.com', day(2026, 1, 1), 'Added to dh1234-esa1.iphmx.com on Jan 1'],
    ['last year, with the year', 'https://dh1234-esa1.iphmx.com', day(2025, 12, 31), 'Added to dh1234-esa1.iphmx.com on Dec 31, 2025'],
    ['on a gateway with a port', 'https://esa.corp.example:8443', day(2026, 3, 14), 'Added to esa.corp.example:8443 on Mar 14'],
  ])('added to a gateway %s', (_, gatewayOrigin, submittedAt, expected) => {
    expect(addedTo(destination(gatewayOrigin, submittedAt), NOW)).toBe(expected);
  });

  it.each([
    ['this year', day(2026, 12, 3), 'Already added to dh1234-esa1.iphmx.com as XDR_phishing on Dec 3'],
    ['last year', day(2025, 6, 30), 'Already added to dh1234-esa1.iphmx.com as XDR_phishing on Jun 30, 2025'],
  ])('already added %s, naming the Source Name', (_, submittedAt, expected) => {
    expect(alreadyAdded(destination('https://dh1234-esa1.iphmx.com', submittedAt), NOW)).toBe(expected);
  });

  it('lists it on the options page with its gateway, Source Name and date', () => {
    expect(addedAs(destination('https://esa.corp.example:8443', day(2026, 12, 3)), NOW)).toBe('Added to esa.corp.example:8443 as XDR_phishing on Dec 3');
  });

  it('says "already" in English, as the gateway page does', () => {
    expect(alreadyAdded(destination('https://dh1234-esa1.iphmx.com', NOW), NOW)).toMatch(/\balready\b/i);
  });
});

describe('in the other languages', () => {
  /** The browser answering in `language`, filling $1…$9 as Chrome does. */
  function speak(language: string) {
    const messages: Record<string, { message: string }> = JSON.parse(readFileSync(`public/_locales/${language}/messages.json`, 'utf8'));
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(((key: string, substitutions: string[] = []) =>
      messages[key]!.message.replace(/\$([1-9])/g, (_, which: string) => substitutions[Number(which) - 1]!)) as typeof fakeBrowser.i18n.getMessage);
  }

  it.each([
    ['de', day(2026, 12, 3), 'Bereits am 3. Dez. als XDR_phishing zu dh1234-esa1.iphmx.com hinzugefügt'],
    ['de', day(2025, 12, 3), 'Bereits am 3. Dez. 2025 als XDR_phishing zu dh1234-esa1.iphmx.com hinzugefügt'],
    ['ja', day(2026, 12, 3), '12月3日に XDR_phishing として dh1234-esa1.iphmx.com へ追加済みです'],
    ['ja', day(2025, 12, 3), '2025年12月3日に XDR_phishing として dh1234-esa1.iphmx.com へ追加済みです'],
  ])('writes the date as %s does', (language, submittedAt, expected) => {
    speak(language);
    expect(alreadyAdded(destination('https://dh1234-esa1.iphmx.com', submittedAt), NOW)).toBe(expected);
  });
});
