import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const read = (language: string): Record<string, { message: string }> =>
  JSON.parse(readFileSync(`public/_locales/${language}/messages.json`, 'utf8'));
const english = read('en');
const placeholders = (text: string) => (text.match(/\$[1-9]/g) ?? []).sort().join();

describe.each(readdirSync('public/_locales'))('the %s messages', (language) => {
  const messages = read(language);

  it('have every English key and no other', () => {
    expect(Object.keys(messages)).toEqual(Object.keys(english));
  });

  it('keep each message’s placeholders, with none Chrome would read as a named one ("$1$")', () => {
    const problems = Object.entries(english).flatMap(([key, { message }]) => {
      const text = messages[key]?.message ?? '';
      return text.trim() === '' || placeholders(text) !== placeholders(message) || /\$[1-9]\$/.test(text) ? [key] : [];
    });
    expect(problems).toEqual([]);
  });
});
