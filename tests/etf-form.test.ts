import { beforeEach, describe, expect, it } from 'vitest';
import { fillEtfForm, inspectEtfForm, type FieldReport } from '@/utils/gateway/etf-form';
import { etfValuesFor } from '@/utils/gateway/etf-values';
import { DEFAULT_OPTIONS } from '@/utils/extension/options';
import { FEED_IDS, SECRETS, storedFeed } from './feeds';
import { formState } from './form-state';
import { loadSite } from './console/load-site';

const VALUES = etfValuesFor(storedFeed(0, { title: 'Phishing domains (EU)' }), new Date('2026-11-28T10:00:00Z'));
const DESCRIPTION = `Phishing domains (EU): SecureX/XDR feed ${FEED_IDS[0]}, added 2026-11-28 by ETF Autofill`;
const PATH = `/ctia/feed/${FEED_IDS[0]}/view`;

function reports(outcomes: Record<string, FieldReport['outcome'] | [FieldReport['outcome'], string]>): FieldReport[] {
  const labels: Record<string, string> = {
    sourceName: 'Source Name',
    description: 'Description',
    hostname: 'Hostname',
    pollingPath: 'Polling Path',
    collectionName: 'Collection Name',
    useHttps: 'Use HTTPS',
    pollingPort: 'Polling Port',
    configureUserCredentials: 'Configure User Credentials',
  };
  return Object.entries(labels).map(([key, label]) => {
    const outcome = outcomes[key]!;
    return Array.isArray(outcome) ? { key, label, outcome: outcome[0], reason: outcome[1] } : { key, label, outcome };
  }) as FieldReport[];
}

const ALL_FILLED = {
  ok: true,
  fields: reports({
    sourceName: 'filled', description: 'filled', hostname: 'filled', pollingPath: 'filled', collectionName: 'filled',
    useHttps: 'filled', pollingPort: 'filled', configureUserCredentials: 'filled',
  }),
  submitFocused: true,
};

let submitted: number;
beforeEach(() => {
  submitted = 0;
  document.addEventListener('submit', (event) => {
    submitted++;
    event.preventDefault();
  }, { capture: true });
});

describe('fillEtfForm', () => {
  it('fills the AsyncOS 13.5 form by its element ids and leaves every other setting alone', () => {
    const document = loadSite('dh1234-esa1.iphmx.com/mail_policies/etf/add_source');
    const form = document.getElementById('add_source_form') as HTMLFormElement;
    const search = document.querySelector<HTMLInputElement>('form.search input')!;

    expect(inspectEtfForm(document)).toEqual({ ok: true });
    const result = fillEtfForm(document, VALUES);

    expect(result).toEqual(ALL_FILLED);
    expect(formState(form)).toEqual({
      source_name: 'Phishing_domains_EU',
      source_description: DESCRIPTION,
      source_hostname: 'private.intel.amp.cisco.com',
      source_polling_path: PATH,
      source_collection_name: SECRETS[0],
      poll_interval_hour: '1',
      poll_interval_mins: '0',
      source_collection_age: '1',
      poll_chunk_size: '1',
      'use_https=1': true,
      'use_https=0': false,
      poll_port: '443',
      'use_global_proxy=1': false,
      'use_global_proxy=0': true,
      'source_config_cred=1': false,
      'source_config_cred=0': true,
      cc_auth_user: 'taxii-reader',
      cc_auth_pass: '',
    });
    expect(search.value).toBe('');
    expect(document.activeElement).toBe(form.querySelector('input[type="submit"]'));
    expect(submitted).toBe(0);
  });

  it('fills a relabelled form with other ids by its labels and radio groups', () => {
    const document = loadSite('esa.corp.example/etf/add_source');
    const form = document.getElementById('etf-source') as HTMLFormElement;
    const result = fillEtfForm(document, VALUES);

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
    expect(submitted).toBe(0);
  });

  it('fills a form labelled only in table header cells, with Yes/No drop-down lists', () => {
    const document = loadSite('esa.corp.example/etf/add_source_selects');
    const form = document.getElementById('src') as HTMLFormElement;
    const result = fillEtfForm(document, VALUES);

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
    expect(submitted).toBe(0);
  });

  it('fills fieldset radio groups and ARIA- or placeholder-named fields; reports what it did not change and why', () => {
    const document = loadSite('esa.corp.example/etf/add_source_fieldsets');
    const form = document.getElementById('src') as HTMLFormElement;
    const result = fillEtfForm(document, VALUES);

    expect(result).toEqual({ ok: true, fields: reports({
      sourceName: ['skipped', 'the field is read-only'],
      description: 'filled',
      hostname: 'filled',
      pollingPath: 'filled',
      collectionName: 'filled',
      useHttps: 'already-set',
      pollingPort: 'already-set',
      configureUserCredentials: ['skipped', 'the field is disabled'],
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
    fillEtfForm(document, VALUES);
    expect(seen).toEqual(['focus', 'input', 'change', 'blur']);
  });

  it('reports a hidden field as skipped and leaves it alone', () => {
    const document = loadSite('dh1234-esa1.iphmx.com/mail_policies/etf/add_source');
    document.getElementById('source_description')!.closest('tr')!.hidden = true;
    const result = fillEtfForm(document, VALUES);
    expect(result.ok && result.fields.find((f) => f.key === 'description')).toEqual({
      key: 'description', label: 'Description', outcome: 'skipped', reason: 'the field is hidden',
    });
    expect((document.getElementById('source_description') as HTMLTextAreaElement).value).toBe('');
  });

  it('never types into a password field, even one labelled like a feed field', () => {
    const document = loadSite('esa.corp.example/etf/add_source_selects');
    document.querySelector<HTMLInputElement>('[name="a5"]')!.type = 'password';
    const result = fillEtfForm(document, VALUES);
    expect(result.ok && result.fields.find((f) => f.key === 'collectionName')).toEqual({
      key: 'collectionName', label: 'Collection Name', outcome: 'skipped', reason: 'it is a password field, which ETF Autofill never fills',
    });
    expect(document.querySelector<HTMLInputElement>('[name="a5"]')!.value).toBe('');
  });

  it('reports a second fill of the same feed as already set', () => {
    const document = loadSite('dh1234-esa1.iphmx.com/mail_policies/etf/add_source');
    fillEtfForm(document, VALUES);
    const again = fillEtfForm(document, VALUES);
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
    const refusal = {
      ok: false,
      error: {
        code: 'not-add-source-form',
        message: "This page is not the gateway's Add Source form. Open Mail Policies → External Threat Feeds Manager → Add Source in this tab, then try again.",
      },
    };
    expect(inspectEtfForm(document)).toEqual(refusal);
    expect(fillEtfForm(document, VALUES)).toEqual(refusal);
    expect(document.body.innerHTML).toBe(before);
    expect([...document.querySelectorAll('input, textarea')].map((e) => (e as HTMLInputElement).value)).toEqual(values);
  });

  it('refuses a form that has a Hostname but no Polling Path or Collection Name (a TAXII-less proxy form, say)', () => {
    document.body.innerHTML = '<form><label>Hostname <input id="h"></label><label>Port <input></label><button>Submit</button></form>';
    expect(fillEtfForm(document, VALUES)).toMatchObject({ ok: false, error: { code: 'not-add-source-form' } });
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
    { key: 'pollIntervalHours', label: 'Polling Interval (hours)', outcome: 'filled' },
    { key: 'pollIntervalMinutes', label: 'Polling Interval (minutes)', outcome: 'filled' },
    { key: 'feedAgeDays', label: 'Age of Threat Feeds', outcome: 'filled' },
    { key: 'pollSegmentDays', label: 'Time Span of Poll Segment', outcome: 'filled' },
  ];

  it.each([
    ['the AsyncOS form, by id', 'dh1234-esa1.iphmx.com/mail_policies/etf/add_source', 'add_source_form',
      { poll_interval_hour: '0', poll_interval_mins: '45', source_collection_age: '7', poll_chunk_size: '3' }],
    ['the relabelled form, by label', 'esa.corp.example/etf/add_source', 'etf-source',
      { interval_h: '0', interval_m: '45', age: '7', span: '3' }],
  ])('fills them on %s', (_, site, formId, expected) => {
    const document = loadSite(site);
    const result = fillEtfForm(document, WITH_SETTINGS);
    expect(result.ok && result.fields.slice(8)).toEqual(SETTINGS_REPORT);
    expect(formState(document.getElementById(formId)!)).toMatchObject(expected);
  });
});
