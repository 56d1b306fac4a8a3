import { describe, expect, it, vi } from 'vitest';
import { fillEtfForm, highlight } from '@/utils/gateway/etf-form';
import { etfValuesFor } from '@/utils/gateway/etf-values';
import type { FieldReport } from '@/utils/gateway/fill-report';
import { DEFAULT_OPTIONS } from '@/utils/options/options';
import { FEED_IDS, SECRETS, storedFeed } from '../support/feeds';
import { formState } from '../support/form-state';
import { failOnSubmission } from '../support/no-submission';
import { loadSite } from '../capture/load-site';

const VALUES = etfValuesFor(storedFeed(0), new Date('2026-11-28T10:00:00Z'), DEFAULT_OPTIONS);
const HOST = 'private.intel.amp.cisco.com';
const PATH = `/ctia/feed/${FEED_IDS[0]}/view`;
const ASYNC_OS = 'dh1234-esa1.iphmx.com/mail_policies/etf/add_source';
const RELABELLED = 'esa.corp.example/etf/add_source';
const NO_FOCUS = { focusSubmit: false };

const KEYS = ['sourceName', 'description', 'hostname', 'pollingPath', 'collectionName', 'useHttps', 'pollingPort', 'configureUserCredentials'] as const;
type Key = (typeof KEYS)[number];
type Outcome = Exclude<FieldReport['outcome'], 'skipped'> | Extract<FieldReport, { outcome: 'skipped' }>['reason'];

/** The report of the eight fields every fill sets, in form order; a field not named was not found. */
function report(outcomes: Partial<Record<Key, Outcome>>): FieldReport[] {
  return KEYS.map((key): FieldReport => {
    const outcome = outcomes[key] ?? 'not-found';
    return outcome === 'filled' || outcome === 'already-set' || outcome === 'not-found' ? { key, outcome } : { key, outcome: 'skipped', reason: outcome };
  });
}
const fieldOf = (result: ReturnType<typeof fillEtfForm>, key: Key) => (result.ok ? result.fields.find((field) => field.key === key) : result);

/** A page of `body`, with the feed's three fields labelled plainly in a form (or in none) before it. */
function pageWith(body: string, { form = true } = {}): Document {
  const fields = `<label>Hostname <input name="h"></label><label>Polling Path <input name="p"></label><label>Collection Name <input name="c"></label>${body}`;
  document.body.innerHTML = form ? `<form id="f">${fields}</form>` : `<div id="f">${fields}</div>`;
  return document;
}
const valueOf = (name: string) => document.querySelector<HTMLInputElement | HTMLSelectElement>(`[name="${name}"]`)!.value;
const YES_NO_LIST = '<select name="u"><option value="1">Yes</option><option value="0" selected>No</option></select>';

failOnSubmission();

describe('a table row’s header names its fields', () => {
  /** A form laid out as a table, each row `[label cell markup, control cell markup]`, the label cell a plain cell. */
  const tableForm = (rows: string[]) => {
    document.body.innerHTML = `<form id="f"><table>${rows.map((row) => `<tr>${row}</tr>`).join('')}</table></form>`;
    return document;
  };
  const FEED_ROWS = [
    '<td>Hostname:</td><td><input name="h"></td>',
    '<td>Polling Path:</td><td><input name="p"></td>',
    '<td>Collection Name:</td><td><input name="c"></td>',
  ];

  it('fills a form whose rows name their fields in a plain first cell, with no header cell', () => {
    const document = tableForm([...FEED_ROWS, `<td>Use HTTPS:</td><td>${YES_NO_LIST}</td>`]);
    expect(fillEtfForm(document, VALUES, NO_FOCUS)).toEqual({
      ok: true,
      fields: report({ hostname: 'filled', pollingPath: 'filled', collectionName: 'filled', useHttps: 'filled' }),
      submitFocused: false,
    });
    expect(formState(document.getElementById('f')!)).toEqual({ h: HOST, p: PATH, c: SECRETS[0], u: '1' });
  });

  // A list of options one per row: "Use HTTPS" is an option's own words there, not a Yes/No field's name.
  it('does not take the words of the cell a radio sits in for its group’s name', () => {
    const document = tableForm([
      ...FEED_ROWS,
      '<td><label><input type="radio" name="proto" value="s"> Use HTTPS</label></td>',
      '<td><label><input type="radio" name="proto" value="p" checked> Use HTTP</label></td>',
    ]);
    const result = fillEtfForm(document, VALUES, NO_FOCUS);
    expect(fieldOf(result, 'useHttps')).toEqual({ key: 'useHttps', outcome: 'not-found' });
    expect(formState(document.getElementById('f')!)).toMatchObject({ 'proto=s': false, 'proto=p': true });
  });
});

describe('a radio group', () => {
  const RADIOS = '<fieldset><legend>Use HTTPS</legend><label><input type="radio" name="u" value="yes"> Yes</label><label><input type="radio" name="u" value="no" checked> No</label></fieldset>';

  it('is filled on a page that lays its fields out without a form element', () => {
    const document = pageWith(RADIOS, { form: false });
    expect(fillEtfForm(document, VALUES, NO_FOCUS)).toEqual({
      ok: true,
      fields: report({ hostname: 'filled', pollingPath: 'filled', collectionName: 'filled', useHttps: 'filled' }),
      submitFocused: false,
    });
    expect(document.querySelector<HTMLInputElement>('[name="u"][value="yes"]')!.checked).toBe(true);
  });

  it('is the radios of its own form only: a same-named Yes in another form neither is chosen nor lets the secret in', () => {
    const document = loadSite(RELABELLED);
    // Another form before it on the page, with a group of the same name (a settings or search panel).
    const other = document.createElement('form');
    other.id = 'other';
    other.innerHTML = '<label><input type="radio" name="https" value="yes"> Yes</label><label><input type="radio" name="https" value="no" checked> No</label>';
    document.body.prepend(other);
    // The gateway's own page script turns its Use HTTPS back to No whenever Yes is clicked.
    const ownYes = document.querySelector<HTMLInputElement>('#etf-source [name="https"][value="yes"]')!;
    ownYes.addEventListener('click', (event) => event.preventDefault());
    const result = fillEtfForm(document, VALUES, NO_FOCUS);
    expect(fieldOf(result, 'collectionName')).toEqual({ key: 'collectionName', outcome: 'skipped', reason: 'https-not-yes' });
    expect((document.getElementById('etf-collection') as HTMLInputElement).value).toBe('');
    expect(formState(other)).toEqual({ 'https=yes': false, 'https=no': true });
  });
});

describe('a label’s words', () => {
  it.each([
    ['laid over several source lines', '\n  Polling\n  Path\n'],
    ['with a hint in parentheses between its words', 'Polling(TAXII)Path'],
    ['with a colon between its words', 'Polling:Path'],
    ['with an asterisk between its words', 'Polling*Path'],
  ])('name the Polling Path field when %s', (_, words) => {
    const document = loadSite(ASYNC_OS);
    const row = document.getElementById('source_polling_path')!.closest('tr')!;
    row.cells[0]!.textContent = words;
    // Not by its known id: by its row's header only.
    document.getElementById('source_polling_path')!.id = 'path';
    expect(fieldOf(fillEtfForm(document, VALUES, NO_FOCUS), 'pollingPath')).toEqual({ key: 'pollingPath', outcome: 'filled' });
    expect((document.getElementById('path') as HTMLInputElement).value).toBe(PATH);
  });

  it.each([
    ['its words in a span, then a required mark', '<label><span>Hostname</span> <abbr title="required">*</abbr> <input name="h"></label>', 'h', HOST],
    ['a comment of the page’s source between its words and the box', '<label>Hostname <!-- the gateway’s DNS name --> <input name="h"></label>', 'h', HOST],
    ['a list of schemes before the box', '<label>Hostname <select name="scheme"><option>https://</option><option>http://</option></select><input name="h"></label>', 'h', HOST],
    ['the list itself, directly in the label', `<label>Use HTTPS ${YES_NO_LIST}</label>`, 'u', '1'],
    ['the list itself, wrapped with the words in a span', `<label><span class="wrap">Use HTTPS ${YES_NO_LIST}</span></label>`, 'u', '1'],
  ])('name a field, whatever a label holds besides: %s', (_, label, name, value) => {
    const document = pageWith('');
    const form = document.getElementById('f')!;
    // The label under test replaces the plain one of the same field, or joins the form.
    const plain = form.querySelector(`[name="${name}"]`)?.closest('label');
    if (plain) plain.outerHTML = label;
    else form.insertAdjacentHTML('beforeend', label);
    const result = fillEtfForm(document, VALUES, NO_FOCUS);
    expect(result).toMatchObject({ ok: true });
    expect(valueOf(name)).toBe(value);
  });
});

describe('a hidden field', () => {
  it('is left alone when styled invisible (visibility: hidden)', () => {
    const document = loadSite(ASYNC_OS);
    const description = document.getElementById('source_description') as HTMLTextAreaElement;
    description.style.visibility = 'hidden';
    expect(fieldOf(fillEtfForm(document, VALUES, NO_FOCUS), 'description')).toEqual({ key: 'description', outcome: 'skipped', reason: 'hidden' });
    expect(description.value).toBe('');
  });
});

describe('what a Yes or a No is', () => {
  const ALL_FILLED = { ok: true, fields: report(Object.fromEntries(KEYS.map((key) => [key, 'filled']))), submitFocused: false };

  it('reads the radios by their known ids on a gateway in another language', () => {
    const document = loadSite(ASYNC_OS);
    for (const [id, word] of [['use_https_yes', 'Oui'], ['use_https_no', 'Non'], ['source_config_cred_yes', 'Oui'], ['source_config_cred_no', 'Non']]) {
      document.querySelector(`label[for="${id}"]`)!.textContent = word!;
    }
    expect(fillEtfForm(document, VALUES, NO_FOCUS)).toEqual(ALL_FILLED);
    expect(formState(document.getElementById('add_source_form')!)).toMatchObject({
      'use_https=1': true, 'use_https=0': false, 'source_config_cred=1': false, 'source_config_cred=0': true,
    });
  });

  /** The relabelled form with its Use HTTPS and Configure User Credentials radios changed by `change`. */
  const relabelledWith = (change: (radio: HTMLInputElement, yes: boolean) => void) => {
    const document = loadSite(RELABELLED);
    for (const name of ['https', 'cred']) {
      for (const radio of document.querySelectorAll<HTMLInputElement>(`[name="${name}"]`)) change(radio, radio.value === 'yes');
    }
    return document;
  };

  it.each([
    // A Yes/No widget's ids name the widget and the radio's place, not its meaning.
    ['whose ids only name their widget', (radio: HTMLInputElement, yes: boolean) => (radio.id = `${radio.name}_yes_no_${yes ? 0 : 1}`)],
    ['whose values are codes of their own', (radio: HTMLInputElement, yes: boolean) => (radio.value = yes ? 'Y' : 'N')],
  ])('reads radios labelled Yes and No by their labels, %s', (_, change) => {
    const document = relabelledWith(change);
    const result = fillEtfForm(document, VALUES, NO_FOCUS);
    expect(result.ok && result.fields.filter((field) => field.key === 'useHttps' || field.key === 'configureUserCredentials')).toEqual([
      { key: 'useHttps', outcome: 'filled' },
      { key: 'configureUserCredentials', outcome: 'filled' },
    ]);
    const [httpsYes, credNo] = [document.querySelector<HTMLInputElement>('[name="https"]')!, document.querySelectorAll<HTMLInputElement>('[name="cred"]')[1]!];
    expect([httpsYes.checked, credNo.checked]).toEqual([true, true]);
  });

  it('reads a list’s choices by their values when their words are in another language', () => {
    const document = pageWith('<label>Use HTTPS <select name="u"><option value="yes">Oui</option><option value="no" selected>Non</option></select></label>');
    expect(fieldOf(fillEtfForm(document, VALUES, NO_FOCUS), 'useHttps')).toEqual({ key: 'useHttps', outcome: 'filled' });
    expect(valueOf('u')).toBe('yes');
  });
});

describe('typing', () => {
  it('sends input and change events that bubble up to the form, where a page script may listen', () => {
    const document = pageWith(`<label>Use HTTPS ${YES_NO_LIST}</label>`);
    const heard: string[] = [];
    for (const type of ['input', 'change']) {
      document.getElementById('f')!.addEventListener(type, (event) => heard.push(`${type} ${(event.target as HTMLInputElement).name}`));
    }
    fillEtfForm(document, VALUES, NO_FOCUS);
    // Use HTTPS first: it decides whether the secret goes in.
    expect(heard).toEqual(['input u', 'change u', 'input h', 'change h', 'input p', 'change p', 'input c', 'change c']);
  });

  // A framework (React, say) keeps its own note of a field's value on the element: typing that
  // went through the element's own `value` would update that note, and the framework would see
  // no change at the input event. A person's typing leaves the note as it was.
  it('types below a page framework’s note of the value, so the framework sees the change', () => {
    const document = pageWith('');
    const host = document.querySelector<HTMLInputElement>('[name="h"]')!;
    const native = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(host), 'value')!;
    let noted = host.value;
    Object.defineProperty(host, 'value', {
      configurable: true,
      get: () => native.get!.call(host),
      set: (value: string) => {
        noted = value;
        native.set!.call(host, value);
      },
    });
    const seen: boolean[] = [];
    host.addEventListener('input', () => seen.push(host.value !== noted));
    fillEtfForm(document, VALUES, NO_FOCUS);
    expect(seen).toEqual([true]);
    expect(host.value).toBe(HOST);
  });

  it('types into a field of the page’s own input class', () => {
    const document = pageWith('');
    const host = document.querySelector<HTMLInputElement>('[name="h"]')!;
    class PageInput extends window.HTMLInputElement {}
    Object.setPrototypeOf(host, PageInput.prototype);
    expect(fieldOf(fillEtfForm(document, VALUES, NO_FOCUS), 'hostname')).toEqual({ key: 'hostname', outcome: 'filled' });
    expect(host.value).toBe(HOST);
  });
});

describe('the highlight', () => {
  const OUTLINE = [
    { outline: '3px solid #2da44e', outlineOffset: '2px' },
    { outline: '3px solid rgba(45, 164, 78, 0)', outlineOffset: '2px' },
  ];

  it('draws a fading green outline once round each field the fill changed, and only those', () => {
    const document = pageWith(`<label>Use HTTPS ${YES_NO_LIST}</label>`);
    (document.querySelector('[name="p"]') as HTMLInputElement).value = PATH;
    const animate = vi.spyOn(window.Element.prototype, 'animate');
    try {
      fillEtfForm(document, VALUES, { focusSubmit: false, highlight: true });
      expect(animate.mock.contexts).toEqual(['u', 'h', 'c'].map((name) => document.querySelector(`[name="${name}"]`)));
      expect(animate.mock.calls).toEqual(Array(3).fill([OUTLINE, { duration: 2500, easing: 'ease-in', iterations: 1 }]));
    } finally {
      animate.mockRestore();
    }
  });

  it('pulses as many times as asked', () => {
    const element = document.createElement('div');
    const animate = vi.spyOn(element, 'animate');
    highlight(element, 3);
    expect(animate.mock.calls).toEqual([[OUTLINE, { duration: 2500, easing: 'ease-in', iterations: 3 }]]);
  });

  it('draws nothing, and throws nothing, where elements cannot animate', () => {
    const document = pageWith('');
    const host = document.querySelector<HTMLInputElement>('[name="h"]')!;
    Object.defineProperty(host, 'animate', { value: undefined });
    expect(() => highlight(host)).not.toThrow();
    expect(fillEtfForm(document, VALUES, { focusSubmit: false, highlight: true })).toMatchObject({ ok: true });
    expect(host.value).toBe(HOST);
  });
});
