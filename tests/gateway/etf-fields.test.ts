import { describe, expect, it } from 'vitest';
import { FIELD_ORDER } from '@/utils/feed/feed-fields';
import { ETF_FIELDS, FIELD_KEYS, FIELD_SPECS, FIXED_SETTINGS, type EtfFieldKey } from '@/utils/gateway/etf-fields';
import { loadSite } from '../capture/load-site';

/** A field's control on a saved AsyncOS page, by its known id (a Yes/No field's Yes radio). */
function controlOf(document: Document, key: EtfFieldKey): Element {
  const { ids } = FIELD_SPECS[key];
  const control = document.getElementById(Array.isArray(ids) ? ids[0]! : ids.yes);
  if (!control) throw new Error(`No control for ${key} in the page`);
  return control;
}

/** `keys` in the order their controls come in the page. */
function inPageOrder(document: Document, keys: readonly EtfFieldKey[]): EtfFieldKey[] {
  const follows = (a: EtfFieldKey, b: EtfFieldKey) => controlOf(document, a).compareDocumentPosition(controlOf(document, b)) & Node.DOCUMENT_POSITION_FOLLOWING;
  return [...keys].sort((a, b) => (follows(a, b) ? -1 : 1));
}

describe.each([
  ['Add Source', 'dh1234-esa1.iphmx.com/mail_policies/etf/add_source'],
  ['Edit Source', 'dh1234-esa1.iphmx.com/mail_policies/etf/edit_source'],
])('the gateway’s saved %s form', (_, site) => {
  it.each<[string, readonly EtfFieldKey[]]>([
    ['the feed’s fields in the popup’s order', FIELD_ORDER],
    ['the fixed settings in the popup’s order', FIXED_SETTINGS.map(({ key }) => key)],
    ['the fields every fill sets in its report’s order', FIELD_KEYS.filter((key) => !('optional' in ETF_FIELDS[key]))],
  ])('has %s', (_, keys) => {
    expect(inPageOrder(loadSite(site), keys)).toEqual(keys);
  });
});
