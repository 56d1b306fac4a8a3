import { describe, expect, it } from 'vitest';
import { etfValuesFor, MAX_DESCRIPTION } from '@/utils/gateway/etf-values';
import { DEFAULT_OPTIONS } from '@/utils/options/options';
import { FEED_IDS, storedFeed } from '../support/feeds';

const TODAY = new Date('2026-11-28T08:00:00Z');

/** The Description the gateway gets for a feed titled `title`, under `template`. */
function descriptionFor(title: string, template = '{title}'): string {
  return etfValuesFor(storedFeed(0, { title }), TODAY, { ...DEFAULT_OPTIONS, descriptionTemplate: template }).description;
}

describe('the Description', () => {
  it.each([
    ['markup and double quotes', '<b>Phishing</b> "domains"', 'b Phishing /b domains'],
    ['a script', '<script>alert(1)</script>', 'script alert(1) /script'],
    ['an attribute breaking out of its quotes', 'x" onmouseover="alert(1)', 'x onmouseover alert(1)'],
    ['backticks and equals signs', '`id`=1', 'id 1'],
    ['line breaks, tabs and control characters', 'C2\r\nIPs\t\u0000(EU)\u0085\u2028end', 'C2 IPs (EU) end'],
    ['runs of spaces, and spaces around the title', '  Phishing \u00a0   domains  ', 'Phishing domains'],
    ['symbols and emoji', '★ Phishing 🎣 domains ™', 'Phishing domains'],
    ['full-width angle brackets and quotes', '＜b＞Phishing＂', 'b Phishing'],
  ])('drops %s', (_, title, expected) => {
    expect(descriptionFor(title)).toBe(expected);
  });

  it.each([
    ['its punctuation', 'IOCs: hashes, URLs; IPs - v2_1 (EU/US) #3 R&D + ops.', 'IOCs: hashes, URLs; IPs - v2_1 (EU/US) #3 R&D + ops.'],
    ['dashes', 'Phishing – EU — 2026', 'Phishing – EU — 2026'],
    ['an apostrophe, in its typographic form', "Bob's feed, Ann’s feed", 'Bob’s feed, Ann’s feed'],
    ['accented letters', 'Déjà vu: Übersicht, São Paulo', 'Déjà vu: Übersicht, São Paulo'],
    ['accents typed as combining marks, as one letter each', 'De\u0301ja\u0300 vu', 'D\u00e9j\u00e0 vu'],
    ['letters and digits of any script', 'フィッシング ドメイン ２０２６, नमस्ते', 'フィッシング ドメイン ２０２６, नमस्ते'],
  ])('keeps %s', (_, title, expected) => {
    expect(descriptionFor(title)).toBe(expected);
  });

  it.each([
    ['an empty title at the start of the default template', '', DEFAULT_OPTIONS.descriptionTemplate, `SecureX/XDR feed ${FEED_IDS[0]}, added 2026-11-28 by ETF Autofill`],
    ['a title of only symbols', '★★★', DEFAULT_OPTIONS.descriptionTemplate, `SecureX/XDR feed ${FEED_IDS[0]}, added 2026-11-28 by ETF Autofill`],
    ['a template of its own', '<i>C2</i>', '{title} — {feedId} from {host} <{region}> on {date}', `i C2 /i — ${FEED_IDS[0]} from private.intel.amp.cisco.com US on 2026-11-28`],
  ])('fills %s with nothing left over', (_, title, template, expected) => {
    expect(descriptionFor(title, template)).toBe(expected);
  });

  it.each([
    ['two titles of 200 letters', 'a'.repeat(200), '{title} {title}', `${'a'.repeat(200)} ${'a'.repeat(99)}`],
    ['without the space the cut leaves at its end', 'a'.repeat(299), '{title} {title}', 'a'.repeat(299)],
    ['without half of a letter written as two UTF-16 units', '𝐀'.repeat(200), 'x{title}', `x${'𝐀'.repeat(149)}`],
  ])(`is cut at ${MAX_DESCRIPTION} characters: %s`, (_, title, template, expected) => {
    expect(MAX_DESCRIPTION).toBe(300);
    expect(descriptionFor(title, template)).toBe(expected);
  });
});

/** The Source Name the gateway gets for a feed titled `title`, under `template`. */
function sourceNameFor(title: string, template = '{title}'): string {
  return etfValuesFor(storedFeed(0, { title }), TODAY, { ...DEFAULT_OPTIONS, sourceNameTemplate: template }).sourceName;
}

describe('the Source Name', () => {
  it.each([
    ['a symbol between two words, as one underscore', 'C2★IPs/domains', 'C2_IPs_domains'],
    ['symbols and spaces before the title, as nothing', '  ★ Phishing', 'Phishing'],
    ['underscores and hyphens at its end, as nothing', 'Phishing domains _-', 'Phishing_domains'],
    ['accents, as the bare letters', 'Déjà vu', 'Deja_vu'],
  ])('writes %s', (_, title, expected) => {
    expect(sourceNameFor(title)).toBe(expected);
  });

  it.each([
    ['a title of 40 letters', 'a'.repeat(40), 'a'.repeat(32)],
    ['without the underscores and hyphen the cut leaves at its end', `${'a'.repeat(29)} _- b`, 'a'.repeat(29)],
  ])('is cut at 32 characters: %s', (_, title, expected) => {
    expect(sourceNameFor(title)).toBe(expected);
  });
});

describe('a template naming what it may not name (the secret, say)', () => {
  it('gets nothing for it, in the Source Name and in the Description', () => {
    const values = etfValuesFor(storedFeed(0, { title: 'Phishing domains' }), TODAY, {
      ...DEFAULT_OPTIONS,
      sourceNameTemplate: '{title}{secret}',
      descriptionTemplate: '{title} {secret} {collectionName}',
    });
    expect([values.sourceName, values.description]).toEqual(['Phishing_domains', 'Phishing domains']);
  });
});
