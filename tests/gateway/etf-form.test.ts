import { describe, expect, it } from 'vitest';
import { fillEtfForm, inspectEtfForm, readEtfForm } from '@/utils/gateway/etf-form';
import type { FieldReport, SkipReason } from '@/utils/gateway/fill-report';
import { checkSource, type SourceField, type SourceFormValues } from '@/utils/gateway/source-check';
import { DEFAULT_OPTIONS } from '@/utils/options/options';
import { etfValuesFor } from '@/utils/gateway/etf-values';
import { FEED_IDS, SECRETS, storedFeed } from '../support/feeds';
import { asyncOsFilled, formState } from '../support/form-state';
import { failOnSubmission } from '../support/no-submission';
import { loadSite } from '../capture/load-site';

const VALUES = etfValuesFor(storedFeed(0, { title: 'Phishing domains (EU)' }), new Date('2026-11-28T10:00:00Z'), DEFAULT_OPTIONS);
const DESCRIPTION = `Phishing domains (EU): SecureX/XDR feed ${FEED_IDS[0]}, added 2026-11-28 by ETF Autofill`;
const PATH = `/ctia/feed/${FEED_IDS[0]}/view`;

type Expected = Exclude<FieldReport['outcome'], 'skipped'> | ['skipped', SkipReason];

/** The report of the eight fields every fill sets, in form order. */
function reports(outcomes: Record<(typeof MAIN_KEYS)[number], Expected>): FieldReport[] {
  return MAIN_KEYS.map((key): FieldReport => {
    const outcome = outcomes[key];
    return Array.isArray(outcome) ? { key, outcome: 'skipped', reason: outcome[1] } : { key, outcome };
  });
}
const MAIN_KEYS = ['sourceName', 'description', 'hostname', 'pollingPath', 'collectionName', 'useHttps', 'pollingPort', 'configureUserCredentials'] as const;

const ALL_FILLED_OUTCOMES = {
  sourceName: 'filled', description: 'filled', hostname: 'filled', pollingPath: 'filled', collectionName: 'filled',
  useHttps: 'filled', pollingPort: 'filled', configureUserCredentials: 'filled',
} as const;
const ALL_FILLED = { ok: true, fields: reports(ALL_FILLED_OUTCOMES), submitFocused: true };
/** As the popup's Autofill and the keyboard shortcut fill: on the gateway's page, focus then on Submit. */
const FOCUS_SUBMIT = { focusSubmit: true };

// Every test: whatever the filler did or refused, nothing may have tried to submit the form.
failOnSubmission();

describe('fillEtfForm', () => {
  it('fills the AsyncOS 13.5 form by its element ids and leaves every other setting alone', () => {
    const document = loadSite('dh1234-esa1.iphmx.com/mail_policies/etf/add_source');
    const form = document.getElementById('add_source_form') as HTMLFormElement;
    const search = document.querySelector<HTMLInputElement>('form.search input')!;

    expect(inspectEtfForm(document)).toEqual({ ok: true });
    const result = fillEtfForm(document, VALUES, FOCUS_SUBMIT);

    expect(result).toEqual(ALL_FILLED);
    expect(formState(form)).toEqual(
      asyncOsFilled({ sourceName: 'Phishing_domains_EU', description: DESCRIPTION, hostname: 'private.intel.amp.cisco.com', pollingPath: PATH, collectionName: SECRETS[0] }),
    );
    expect(search.value).toBe('');
    expect(document.activeElement).toBe(form.querySelector('input[type="submit"]'));
  });

  it('fills the same but leaves focus off Submit for a fill started from the console, and says so', () => {
    const document = loadSite('dh1234-esa1.iphmx.com/mail_policies/etf/add_source');
    const form = document.getElementById('add_source_form') as HTMLFormElement;
    expect(fillEtfForm(document, VALUES, { focusSubmit: false })).toEqual({ ...ALL_FILLED, submitFocused: false });
    expect(formState(form)).toEqual(
      asyncOsFilled({ sourceName: 'Phishing_domains_EU', description: DESCRIPTION, hostname: 'private.intel.amp.cisco.com', pollingPath: PATH, collectionName: SECRETS[0] }),
    );
    expect(document.activeElement).toBe(document.body);
  });

  // The in-page script passes on what it was sent (Chrome hands a `null` argument over as undefined, say).
  it.each([undefined, null, 'true', 1, {}])('focuses Submit only for an explicit true, not for %o', (focusSubmit) => {
    const document = loadSite('esa.corp.example/etf/add_source');
    expect(fillEtfForm(document, VALUES, { focusSubmit: focusSubmit as never })).toEqual({ ...ALL_FILLED, submitFocused: false });
    expect(document.activeElement).toBe(document.body);
  });

  it('reports where focus is: on a Submit focused before, when nothing needed typing', () => {
    const document = loadSite('dh1234-esa1.iphmx.com/mail_policies/etf/add_source');
    fillEtfForm(document, VALUES, FOCUS_SUBMIT);
    expect(fillEtfForm(document, VALUES, { focusSubmit: false })).toMatchObject({ ok: true, submitFocused: true });
    expect(document.activeElement).toBe(document.querySelector('#add_source_form input[type="submit"]'));
  });

  it('fills a relabelled form with other ids by its labels and radio groups', () => {
    const document = loadSite('esa.corp.example/etf/add_source');
    const form = document.getElementById('etf-source') as HTMLFormElement;
    const result = fillEtfForm(document, VALUES, FOCUS_SUBMIT);

    expect(result).toEqual(ALL_FILLED);
    expect(formState(form)).toEqual({
      name: 'Phishing_domains_EU',
      description: DESCRIPTION,
      host: 'private.intel.amp.cisco.com',
      path: PATH,
      collection: SECRETS[0],
      interval_h: '2',
      interval_m: '30',
      age: '3',
      span: '2',
      'https=yes': true,
      'https=no': false,
      port: '443',
      'proxy=yes': true,
      'proxy=no': false,
      'cred=yes': false,
      'cred=no': true,
      user: 'reader',
      pass: '',
    });
    expect(document.activeElement?.textContent).toBe('Submit');
  });

  it('fills a form labelled only in table header cells, with Yes/No drop-down lists', () => {
    const document = loadSite('esa.corp.example/etf/add_source_selects');
    const form = document.getElementById('src') as HTMLFormElement;
    const result = fillEtfForm(document, VALUES, FOCUS_SUBMIT);

    expect(result).toEqual(ALL_FILLED);
    expect(formState(form)).toEqual({
      a1: 'Phishing_domains_EU',
      a2: DESCRIPTION,
      a3: 'private.intel.amp.cisco.com',
      a4: PATH,
      a5: SECRETS[0],
      a6: '5',
      a7: 'y',
      a8: '443',
      a9: 'n',
      a10: '',
    });
  });

  it('fills fieldset radio groups and ARIA- or placeholder-named fields; reports what it did not change and why', () => {
    const document = loadSite('esa.corp.example/etf/add_source_fieldsets');
    const form = document.getElementById('src') as HTMLFormElement;
    const result = fillEtfForm(document, VALUES, FOCUS_SUBMIT);

    expect(result).toEqual({ ok: true, fields: reports({
      sourceName: ['skipped', 'read-only'],
      description: 'filled',
      hostname: 'filled',
      pollingPath: 'filled',
      collectionName: 'filled',
      useHttps: 'already-set',
      pollingPort: 'already-set',
      configureUserCredentials: ['skipped', 'disabled'],
    }), submitFocused: true });
    expect(formState(form)).toEqual({
      n: 'existing_name',
      d: DESCRIPTION,
      h: 'private.intel.amp.cisco.com',
      p: PATH,
      c: SECRETS[0],
      port: '443',
      'https=true': true,
      'https=false': false,
      'cred=true': false,
      'cred=false': true,
      'proxy=true': false,
      'proxy=false': true,
    });
  });

  it('sends the events a person’s typing would, so the page’s own scripts see the values', () => {
    const document = loadSite('dh1234-esa1.iphmx.com/mail_policies/etf/add_source');
    const seen: string[] = [];
    for (const type of ['focus', 'input', 'change', 'blur']) {
      document.getElementById('source_hostname')!.addEventListener(type, () => seen.push(type));
    }
    fillEtfForm(document, VALUES, FOCUS_SUBMIT);
    expect(seen).toEqual(['focus', 'input', 'change', 'blur']);
  });

  it('reports a hidden field as skipped and leaves it alone', () => {
    const document = loadSite('dh1234-esa1.iphmx.com/mail_policies/etf/add_source');
    document.getElementById('source_description')!.closest('tr')!.hidden = true;
    const result = fillEtfForm(document, VALUES, FOCUS_SUBMIT);
    expect(result.ok && result.fields.find((f) => f.key === 'description')).toEqual({
      key: 'description', outcome: 'skipped', reason: 'hidden',
    });
    expect((document.getElementById('source_description') as HTMLTextAreaElement).value).toBe('');
  });

  it('never types into a password field, even one labelled like a feed field', () => {
    const document = loadSite('esa.corp.example/etf/add_source_selects');
    document.querySelector<HTMLInputElement>('[name="a5"]')!.type = 'password';
    const result = fillEtfForm(document, VALUES, FOCUS_SUBMIT);
    expect(result.ok && result.fields.find((f) => f.key === 'collectionName')).toEqual({
      key: 'collectionName', outcome: 'skipped', reason: 'password',
    });
    expect(document.querySelector<HTMLInputElement>('[name="a5"]')!.value).toBe('');
  });

  it('reports a Yes/No field with no No to choose as left alone, not as already set', () => {
    const document = loadSite('dh1234-esa1.iphmx.com/mail_policies/etf/add_source');
    const credentials = document.getElementById('source_config_cred_yes')!.closest('td')!;
    credentials.innerHTML = '<select name="source_config_cred"><option value="1" selected>Yes</option><option value="2">Certificate</option></select>';
    const result = fillEtfForm(document, VALUES, FOCUS_SUBMIT);
    expect(result.ok && result.fields.find((f) => f.key === 'configureUserCredentials')).toEqual({
      key: 'configureUserCredentials', outcome: 'skipped', reason: 'no-no-option',
    });
    expect(document.querySelector<HTMLSelectElement>('[name="source_config_cred"]')!.value).toBe('1');
  });

  it('reports a second fill of the same feed as already set', () => {
    const document = loadSite('dh1234-esa1.iphmx.com/mail_policies/etf/add_source');
    fillEtfForm(document, VALUES, FOCUS_SUBMIT);
    const again = fillEtfForm(document, VALUES, FOCUS_SUBMIT);
    expect(again.ok && again.fields.map((f) => f.outcome)).toEqual(Array(8).fill('already-set'));
  });
});

describe('pages that are not an Add Source form', () => {
  it.each([
    ['the sources list', 'esa.corp.example/etf/sources'],
    ['a console page', 'xdr.us.security.cisco.com/intelligence/feeds'],
    ['the Cloud Gateway home page', 'dh1234-esa1.iphmx.com'],
  ])('refuses %s and changes nothing', (_, site) => {
    const document = loadSite(site);
    const before = document.body.innerHTML;
    const values = [...document.querySelectorAll('input, textarea')].map((e) => (e as HTMLInputElement).value);
    const refusal = { ok: false, error: { code: 'not-add-source-form' } };
    expect(inspectEtfForm(document)).toEqual(refusal);
    expect(readEtfForm(document)).toEqual(refusal);
    expect(fillEtfForm(document, VALUES, FOCUS_SUBMIT)).toEqual(refusal);
    expect(document.body.innerHTML).toBe(before);
    expect([...document.querySelectorAll('input, textarea')].map((e) => (e as HTMLInputElement).value)).toEqual(values);
  });

  it('refuses a form that has a Hostname but no Polling Path or Collection Name (a TAXII-less proxy form, say)', () => {
    document.body.innerHTML = '<form><label>Hostname <input id="h"></label><label>Port <input></label><button>Submit</button></form>';
    expect(fillEtfForm(document, VALUES, FOCUS_SUBMIT)).toMatchObject({ ok: false, error: { code: 'not-add-source-form' } });
    expect((document.getElementById('h') as HTMLInputElement).value).toBe('');
  });
});

describe('the gateway settings the options set', () => {
  const WITH_SETTINGS = etfValuesFor(storedFeed(0, { title: 'Phishing domains (EU)' }), new Date('2026-11-28T10:00:00Z'), {
    ...DEFAULT_OPTIONS,
    pollIntervalHours: 0,
    pollIntervalMinutes: 45,
    feedAgeDays: 7,
    pollSegmentDays: 3,
  });
  const SETTINGS_REPORT = [
    { key: 'pollIntervalHours', outcome: 'filled' },
    { key: 'pollIntervalMinutes', outcome: 'filled' },
    { key: 'feedAgeDays', outcome: 'filled' },
    { key: 'pollSegmentDays', outcome: 'filled' },
  ];

  it.each([
    ['the AsyncOS form, by id', 'dh1234-esa1.iphmx.com/mail_policies/etf/add_source', 'add_source_form',
      { poll_interval_hour: '0', poll_interval_mins: '45', source_collection_age: '7', poll_chunk_size: '3' }],
    ['the relabelled form, by label', 'esa.corp.example/etf/add_source', 'etf-source',
      { interval_h: '0', interval_m: '45', age: '7', span: '3' }],
  ])('fills them on %s', (_, site, formId, expected) => {
    const document = loadSite(site);
    const result = fillEtfForm(document, WITH_SETTINGS, FOCUS_SUBMIT);
    expect(result.ok && result.fields.slice(8)).toEqual(SETTINGS_REPORT);
    expect(formState(document.getElementById(formId)!)).toMatchObject(expected);
  });
});

describe('Collection Name, the feed’s secret, only over HTTPS', () => {
  const ASYNC_OS = 'dh1234-esa1.iphmx.com/mail_policies/etf/add_source';
  const httpsRow = (document: Document) => document.getElementById('use_https_yes')!.closest('tr')!;
  const httpsRadios = (document: Document) => [...httpsRow(document).querySelectorAll('input')];
  const replaceHttpsControl = (html: string) => (document: Document) => {
    httpsRow(document).cells[1]!.innerHTML = html;
  };
  const YES_NO_SELECT = (chosen: 'yes' | 'no') =>
    `<select name="use_https"><option value="1"${chosen === 'yes' ? ' selected' : ''}>Yes</option><option value="0"${chosen === 'no' ? ' selected' : ''}>No</option></select>`;
  const SECRET_REFUSED = ['skipped', 'https-not-yes'] as const;
  const NO_YES_SELECT = '<select name="use_https"><option value="0" selected>No</option><option value="2">STARTTLS</option></select>';
  const ONLY_NO_RADIO = '<label><input type="radio" name="use_https" value="0" checked> No</label>';

  it.each<[string, (document: Document) => void, Expected, Expected, string]>([
    ['Use HTTPS No, set to Yes by this fill', () => {}, 'filled', 'filled', SECRETS[0]],
    ['Use HTTPS already Yes', (document) => document.getElementById('use_https_yes')!.click(), 'already-set', 'filled', SECRETS[0]],
    ['no Use HTTPS control', (document) => httpsRow(document).remove(), 'not-found', [...SECRET_REFUSED], ''],
    ['Use HTTPS radios disabled', (document) => httpsRadios(document).forEach((r) => (r.disabled = true)), ['skipped', 'disabled'], [...SECRET_REFUSED], ''],
    // A disabled control is not sent with the form: the gateway would not get its Yes.
    ['Use HTTPS radios disabled at Yes', (document) => {
      document.getElementById('use_https_yes')!.click();
      httpsRadios(document).forEach((r) => (r.disabled = true));
    }, ['skipped', 'disabled'], [...SECRET_REFUSED], ''],
    ['Use HTTPS row hidden', (document) => (httpsRow(document).hidden = true), ['skipped', 'hidden'], [...SECRET_REFUSED], ''],
    ['Use HTTPS radios styled invisible', (document) => (httpsRow(document).style.display = 'none'), ['skipped', 'hidden'], [...SECRET_REFUSED], ''],
    ['Use HTTPS radios read-only', (document) => httpsRadios(document).forEach((r) => (r.readOnly = true)), ['skipped', 'read-only'], [...SECRET_REFUSED], ''],
    ['Use HTTPS a Yes/No list at No', replaceHttpsControl(YES_NO_SELECT('no')), 'filled', 'filled', SECRETS[0]],
    ['Use HTTPS a Yes/No list at Yes', replaceHttpsControl(YES_NO_SELECT('yes')), 'already-set', 'filled', SECRETS[0]],
    ['Use HTTPS a disabled Yes/No list', replaceHttpsControl(YES_NO_SELECT('no').replace('<select', '<select disabled')), ['skipped', 'disabled'], [...SECRET_REFUSED], ''],
    ['Use HTTPS an unticked checkbox', replaceHttpsControl('<input type="checkbox" name="use_https" value="1">'), 'filled', 'filled', SECRETS[0]],
    ['Use HTTPS a ticked checkbox', replaceHttpsControl('<input type="checkbox" name="use_https" value="1" checked>'), 'already-set', 'filled', SECRETS[0]],
    ['Use HTTPS a hidden checkbox', replaceHttpsControl('<input type="checkbox" name="use_https" value="1" hidden>'), ['skipped', 'hidden'], [...SECRET_REFUSED], ''],
    // A control with no Yes cannot be set to Yes: neither filled nor already set.
    ['Use HTTPS a list without Yes', replaceHttpsControl(NO_YES_SELECT), ['skipped', 'no-yes-option'], [...SECRET_REFUSED], ''],
    ['Use HTTPS only a No radio', replaceHttpsControl(ONLY_NO_RADIO), ['skipped', 'no-yes-option'], [...SECRET_REFUSED], ''],
  ])('%s', (_, prepare, useHttps, collectionName, typed) => {
    const document = loadSite(ASYNC_OS);
    prepare(document);
    const result = fillEtfForm(document, VALUES, FOCUS_SUBMIT);
    expect(result.ok && result.fields.filter((f) => f.key === 'useHttps' || f.key === 'collectionName')).toEqual(
      reports({ ...ALL_FILLED_OUTCOMES, useHttps, collectionName }).filter((f) => f.key === 'useHttps' || f.key === 'collectionName'),
    );
    expect((document.getElementById('source_collection_name') as HTMLInputElement).value).toBe(typed);
  });


  it('still fills the other fields when it keeps the secret back', () => {
    const document = loadSite(ASYNC_OS);
    httpsRow(document).remove();
    expect(fillEtfForm(document, VALUES, FOCUS_SUBMIT)).toEqual({
      ok: true,
      fields: reports({ ...ALL_FILLED_OUTCOMES, collectionName: [...SECRET_REFUSED], useHttps: 'not-found' }),
      submitFocused: true,
    });
    expect((document.getElementById('source_hostname') as HTMLInputElement).value).toBe('private.intel.amp.cisco.com');
  });
});

describe('readEtfForm', () => {
  const ASYNC_OS = 'dh1234-esa1.iphmx.com/mail_policies/etf/add_source';
  /** Each field's element, as a selector in the saved page; for a Yes/No group of radios, its cell, fieldset or radio group. */
  type Controls = Record<SourceField, string | { groupOf: string }>;
  const ASYNC_OS_CONTROLS: Controls = {
    hostname: '#source_hostname',
    pollingPath: '#source_polling_path',
    collectionName: '#source_collection_name',
    useHttps: { groupOf: '#use_https_no' },
    pollingPort: '#poll_port',
    configureUserCredentials: { groupOf: '#source_config_cred_no' },
  };
  const UNTOUCHED = { hostname: '', pollingPath: '', collectionName: '' };
  const controlsOf = (document: Document, selectors: Partial<Controls>) =>
    Object.fromEntries(
      Object.entries(selectors).map(([key, selector]) => [
        key,
        typeof selector === 'string' ? document.querySelector(selector) : document.querySelector(selector.groupOf)!.closest('td, fieldset, [role="radiogroup"]'),
      ]),
    );

  it.each<[string, string, string, SourceFormValues, string, Controls]>([
    ['the AsyncOS 13.5 form, by its element ids', ASYNC_OS, 'add_source_form',
      { ...UNTOUCHED, useHttps: false, pollingPort: '80', configureUserCredentials: true }, '', ASYNC_OS_CONTROLS],
    ['a relabelled form with radio groups', 'esa.corp.example/etf/add_source', 'etf-source',
      { ...UNTOUCHED, useHttps: false, pollingPort: '80', configureUserCredentials: true }, '',
      { hostname: '#etf-host', pollingPath: '#etf-path', collectionName: '#etf-collection', useHttps: { groupOf: '[name="https"][value="no"]' }, pollingPort: '#etf-port', configureUserCredentials: { groupOf: '[name="cred"][value="no"]' } }],
    ['a form with Yes/No drop-down lists', 'esa.corp.example/etf/add_source_selects', 'src',
      { ...UNTOUCHED, useHttps: false, pollingPort: '8080', configureUserCredentials: true }, '',
      { hostname: '[name="a3"]', pollingPath: '[name="a4"]', collectionName: '[name="a5"]', useHttps: '[name="a7"]', pollingPort: '[name="a8"]', configureUserCredentials: '[name="a9"]' }],
    ['a form with fieldsets, one of them disabled', 'esa.corp.example/etf/add_source_fieldsets', 'src',
      { ...UNTOUCHED, useHttps: true, pollingPort: '443', configureUserCredentials: false }, 'existing_name',
      { hostname: '[name="h"]', pollingPath: '[name="p"]', collectionName: '[name="c"]', useHttps: { groupOf: '[name="https"][value="false"]' }, pollingPort: '[name="port"]', configureUserCredentials: { groupOf: '[name="cred"][value="false"]' } }],
  ])('reads %s, its Source Name, and the element beside each field', (_, site, formId, values, sourceName, selectors) => {
    const document = loadSite(site);
    const before = document.body.innerHTML;
    expect(readEtfForm(document)).toEqual({ ok: true, values, sourceName, scope: document.getElementById(formId), controls: controlsOf(document, selectors) });
    expect(document.body.innerHTML).toBe(before);
  });

  it('reads what Autofill filled as a source with no mistake', () => {
    const document = loadSite(ASYNC_OS);
    fillEtfForm(document, VALUES, FOCUS_SUBMIT);
    const reading = readEtfForm(document);
    const values = { hostname: 'private.intel.amp.cisco.com', pollingPath: PATH, collectionName: SECRETS[0], useHttps: true, pollingPort: '443', configureUserCredentials: false };
    expect(reading).toMatchObject({ ok: true, values });
    expect(checkSource(values)).toMatchObject({ kind: 'feed', mistakes: [] });
  });

  it('reads the classic mistakes typed by hand, for the check to name', () => {
    const document = loadSite(ASYNC_OS);
    const type = (id: string, value: string) => ((document.getElementById(id) as HTMLInputElement).value = value);
    type('source_hostname', 'private.intel.amp.cisco.com:443');
    type('source_polling_path', `${PATH}.txt`);
    type('source_collection_name', `s=${SECRETS[0]}`);
    const reading = readEtfForm(document);
    expect(reading.ok && checkSource(reading.values)).toMatchObject({
      kind: 'feed',
      mistakes: ['port-in-hostname', 'txt-view', 's-in-collection-name', 'https-not-yes', 'wrong-port', 'credentials-yes'].map((code) => ({ code })),
    });
  });

  it('reads null for a Yes/No group with nothing chosen or not in the form, and empty for a missing text field', () => {
    const document = loadSite(ASYNC_OS);
    (document.getElementById('use_https_no') as HTMLInputElement).checked = false;
    document.getElementById('poll_port')!.closest('tr')!.remove();
    document.getElementById('source_config_cred_yes')!.closest('tr')!.remove();
    const { hostname, pollingPath, collectionName, useHttps } = ASYNC_OS_CONTROLS;
    expect(readEtfForm(document)).toEqual({
      ok: true,
      values: { ...UNTOUCHED, useHttps: null, pollingPort: '', configureUserCredentials: null },
      sourceName: '',
      scope: document.getElementById('add_source_form'),
      controls: controlsOf(document, { hostname, pollingPath, collectionName, useHttps }),
    });
  });
});
