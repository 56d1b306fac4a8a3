import type en from '@/public/_locales/en/messages.json';

export type MessageKey = keyof typeof en;

/**
 * The user's-language text for `key` from _locales, with $1…$9 filled in by `substitutions`.
 * English is complete; a key missing in another language falls back to English (the browser does).
 */
export function t(key: MessageKey, ...substitutions: (string | number)[]): string {
  // `chrome.i18n` (Firefox has it too): a synchronous call needs no promise polyfill, which would
  // add 3 kB to the scripts injected into gateway pages.
  return chrome.i18n.getMessage(key, substitutions.map(String)) || key;
}

/** The language the messages are in (English when the browser's has no translation), for numbers and dates. */
export function uiLanguage(): string {
  return t('locale');
}
