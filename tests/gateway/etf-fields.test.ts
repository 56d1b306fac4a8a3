import { describe, expect, it } from 'vitest';
import { FIELD_ORDER } from '@/utils/feed/feed-fields';
import { ETF_FIELDS, FIELD_KEYS, FIELD_SPECS, FIXED_SETTINGS, type EtfFieldKey } from '@/utils/gateway/etf-fields';
import { fillEtfForm } from '@/utils/gateway/etf-form';
import { etfValuesFor } from '@/utils/gateway/etf-values';
import { DEFAULT_OPTIONS } from '@/utils/options/options';
import { storedFeed } from '../support/feeds';
import { formState } from '../support/form-state';
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

/** Every field's value, the optional settings included. */
const VALUES = etfValuesFor(storedFeed(0, { title: 'Phishing domains' }), new Date('2026-11-28T10:00:00Z'), {
  ...DEFAULT_OPTIONS,
  pollIntervalHours: 2,
  pollIntervalMinutes: 30,
  feedAgeDays: 7,
  pollSegmentDays: 3,
});

const isChoice = (key: EtfFieldKey) => !Array.isArray(FIELD_SPECS[key].ids);

/** `key`'s control(s) with its known ids and no label: a text box, or a Yes/No radio pair valued as AsyncOS values them. */
function byKnownId(key: EtfFieldKey, name: string): string {
  const { ids } = FIELD_SPECS[key];
  return Array.isArray(ids)
    ? `<input id="${ids[0]}" name="${name}">`
    : `<input type="radio" id="${ids.yes}" name="${name}" value="1"><input type="radio" id="${ids.no}" name="${name}" value="0">`;
}

/** A table row whose header names `key`'s kind of control: a text box, or a Yes/No radio pair. */
function row(key: EtfFieldKey, header: string, name: string): string {
  const control = isChoice(key) ? `<input type="radio" name="${name}" value="yes"><input type="radio" name="${name}" value="no">` : `<input name="${name}">`;
  return `<tr><th>${header}</th><td>${control}</td></tr>`;
}

/** What a control named `name` holds once `key`'s value is in it; empty, or no choice, when it is left alone. */
function stateOf(key: EtfFieldKey, name: string, filled: boolean): Record<string, string | boolean> {
  const value = VALUES[key];
  if (!isChoice(key)) return { [name]: filled ? (value as string) : '' };
  return { [`${name}=yes`]: filled && value === true, [`${name}=no`]: filled && value === false };
}

describe('the labels a field is found by', () => {
  // The feed's fields and Use HTTPS (the secret goes only into a form that polls over HTTPS), by their ids.
  const KNOWN: readonly EtfFieldKey[] = [...FIELD_ORDER, 'useHttps'];

  /**
   * Fills a form with the feed's fields and Use HTTPS known by id, except `key`: its field is a row
   * headed `label`, after rows headed `others`; returns what those rows hold.
   */
  function fillRows(key: EtfFieldKey, label: string, others: readonly string[]) {
    const known = KNOWN.filter((k) => k !== key).map((k) => byKnownId(k, `known-${k}`));
    const rows = [...others.map((other, i) => row(key, other, `other${i}`)), row(key, label, 'field')];
    document.body.innerHTML = `<form>${known.join('')}<table>${rows.join('')}</table></form>`;
    const result = fillEtfForm(document, { [key]: VALUES[key], ...Object.fromEntries(KNOWN.map((k) => [k, VALUES[k]])) }, { focusSubmit: false });
    expect(result.ok).toBe(true);
    return Object.fromEntries(Object.entries(formState(document.forms[0]!)).filter(([name]) => !name.startsWith('known-')));
  }

  const ROWS: [EtfFieldKey, string, string[]][] = [
    ['sourceName', 'Source Name:', ['Original Source Name', 'Source Name Prefix']],
    ['description', 'Description', ['Short Description', 'Description Language']],
    ['hostname', 'Hostname:', ['Proxy Hostname', 'Hostname Alias']],
    ['hostname', 'Host Name *', ['Proxy Host Name', 'Host Name Alias']],
    ['pollingPath', 'Polling Path', ['Discovery Polling Path', 'Polling Path Prefix']],
    ['collectionName', 'Collection Name', ['Parent Collection Name', 'Collection Name Alias']],
    ['useHttps', 'Use HTTPS:', ['Always Use HTTPS', 'Use HTTPS Proxy']],
    ['pollingPort', 'Polling Port', ['Proxy Polling Port', 'Polling Port Range']],
    ['configureUserCredentials', 'Configure User Credentials:', ['Proxy: Configure User Credentials', 'Configure User Credentials for Proxy']],
    ['pollIntervalHours', 'Polling Interval:', ['Minimum Polling Interval', 'Polling Interval Jitter']],
    ['pollIntervalHours', 'Polling Interval (hours)', ['Minimum Polling Interval (hours)', 'Polling Interval Jitter (hours)']],
    ['pollIntervalHours', 'Polling Interval hours', ['Minimum Polling Interval hours', 'Polling Interval hours Jitter']],
    ['pollIntervalHours', 'Polling Interval hour', ['Minimum Polling Interval hour', 'Polling Interval hour Jitter']],
    ['pollIntervalMinutes', 'Polling Interval minutes', ['Minimum Polling Interval minutes', 'Polling Interval minutes Jitter']],
    ['pollIntervalMinutes', 'Polling Interval minute', ['Minimum Polling Interval minute', 'Polling Interval minute Jitter']],
    ['feedAgeDays', 'Age of Threat Feeds (days)', ['Maximum Age of Threat Feeds', 'Age of Threat Feeds Warning']],
    ['feedAgeDays', 'Age of Threat Feed', ['Maximum Age of Threat Feed', 'Age of Threat Feed Warning']],
    ['feedAgeDays', 'Age of Threat Feeds days', ['Maximum Age of Threat Feeds days', 'Age of Threat Feeds days Warning']],
    ['pollSegmentDays', 'Time Span of Poll Segment (days)', ['Maximum Time Span of Poll Segment', 'Time Span of Poll Segment Limit']],
    ['pollSegmentDays', 'Time Span of Poll Segment days', ['Maximum Time Span of Poll Segment days', 'Time Span of Poll Segment days Limit']],
  ];
  it.each(ROWS.map(([key, label, others]) => [ETF_FIELDS[key].label, label, others, key] as const))('fills %s in a row headed “%s”, not in the rows before it headed %j', (_, label, others, key) => {
    expect(fillRows(key, label, others)).toEqual({
      ...Object.assign({}, ...others.map((_, i) => stateOf(key, `other${i}`, false))),
      ...stateOf(key, 'field', true),
    });
  });
});

describe('the ids a field is found by', () => {
  it('fills every field by its known id alone, in a form with no labels at all', () => {
    document.body.innerHTML = `<form>${FIELD_KEYS.map((key) => byKnownId(key, key)).join('')}</form>`;
    expect(fillEtfForm(document, VALUES, { focusSubmit: false })).toEqual({ ok: true, fields: FIELD_KEYS.map((key) => ({ key, outcome: 'filled' })), submitFocused: false });
    expect(formState(document.forms[0]!)).toEqual({
      sourceName: 'Phishing_domains',
      description: VALUES.description,
      hostname: 'private.intel.amp.cisco.com',
      pollingPath: VALUES.pollingPath,
      collectionName: VALUES.collectionName,
      'useHttps=1': true,
      'useHttps=0': false,
      pollingPort: '443',
      'configureUserCredentials=1': false,
      'configureUserCredentials=0': true,
      pollIntervalHours: '2',
      pollIntervalMinutes: '30',
      feedAgeDays: '7',
      pollSegmentDays: '3',
    });
  });
});
