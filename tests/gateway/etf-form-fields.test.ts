import { afterEach, describe, expect, it, vi } from 'vitest';
import { fillEtfForm, inspectEtfForm, readEtfForm } from '@/utils/gateway/etf-form';
import { etfValuesFor } from '@/utils/gateway/etf-values';
import { DEFAULT_OPTIONS } from '@/utils/options/options';
import { FEED_IDS, SECRETS, storedFeed } from '../support/feeds';
import { failOnSubmission } from '../support/no-submission';
import { loadSite, siteBody } from '../capture/load-site';

const VALUES = etfValuesFor(storedFeed(0), new Date('2026-11-28T10:00:00Z'), DEFAULT_OPTIONS);
const HOSTNAME = 'private.intel.amp.cisco.com';
const PATH = `/ctia/feed/${FEED_IDS[0]}/view`;
const ASYNC_OS = 'dh1234-esa1.iphmx.com/mail_policies/etf/add_source';
const FOCUS_SUBMIT = { focusSubmit: true };

const byName = <E extends Element = HTMLInputElement>(name: string) => document.querySelector<E>(`[name="${name}"]`)!;
const reportOf = (result: ReturnType<typeof fillEtfForm>, key: string) => (result.ok ? result.fields.find((field) => field.key === key) : result);
const readHttps = () => {
  const reading = readEtfForm(document);
  return reading.ok ? reading.values.useHttps : reading;
};

/** A form of labelled boxes: Hostname, Polling Path and Collection Name in table rows, then the `rows` given, then `after` the table. */
const tableForm = (rows: string, after = '') => `<form id="f"><table>
  <tr><th>Hostname</th><td><input name="h"></td></tr>
  <tr><th>Polling Path</th><td><input name="p"></td></tr>
  <tr><th>Collection Name</th><td><input name="c"></td></tr>
  ${rows}
</table>${after}<button>Submit</button></form>`;

// Whatever the filler did or refused, nothing may have tried to submit the form.
failOnSubmission();
afterEach(() => vi.restoreAllMocks());

describe('the text boxes it fills', () => {
  it.each(['text', 'search', 'url', 'tel', 'email', '', 'fqdn'])('fills a Hostname box whose type attribute is "%s"', (type) => {
    document.body.innerHTML = `<form>
      <label>Hostname <input type="${type}" name="h"></label>
      <label>Polling Path <input name="p"></label>
      <label>Collection Name <input name="c"></label>
      <button>Submit</button></form>`;
    expect(reportOf(fillEtfForm(document, VALUES, FOCUS_SUBMIT), 'hostname')).toEqual({ key: 'hostname', outcome: 'filled' });
    expect(byName('h').value).toBe(HOSTNAME);
  });

  it.each([
    ['by words in an element that also wraps the box', '<label><span>Polling Path <input name="p"></span></label>'],
    ['by words in bold inside its label', '<label><b>Polling Path</b> <input name="p"></label>'],
    ['only by the text just before it', '<p><span>Polling Path</span><input name="p"></p>'],
    ['only by aria-labelledby, naming two words', '<p><input name="p" aria-labelledby="w1 w2"> <span id="w1">Polling</span> <span id="w2">Path</span></p>'],
    ['only by aria-labelledby, one of whose ids names nothing', '<p><input name="p" aria-labelledby="gone pp"> <span id="pp">Polling Path</span></p>'],
  ])('fills a Polling Path box named %s', (_, html) => {
    document.body.innerHTML = `<form>
      <label>Hostname <input name="h"></label>
      ${html}
      <label>Collection Name <input name="c"></label>
      <button>Submit</button></form>`;
    expect(reportOf(fillEtfForm(document, VALUES, FOCUS_SUBMIT), 'pollingPath')).toEqual({ key: 'pollingPath', outcome: 'filled' });
    expect(byName('p').value).toBe(PATH);
  });

  it('gives a box to one field only, even when its id is another field’s', () => {
    // The box labelled Source Name carries the Description's known id; the Description is the text area.
    document.body.innerHTML = `<form>
      <label for="source_description">Source Name</label> <input id="source_description" name="n">
      <label>Description <textarea name="d"></textarea></label>
      <label>Hostname <input name="h"></label>
      <label>Polling Path <input name="p"></label>
      <label>Collection Name <input name="c"></label>
      <button>Submit</button></form>`;
    const result = fillEtfForm(document, VALUES, FOCUS_SUBMIT);
    expect([reportOf(result, 'sourceName'), reportOf(result, 'description')]).toEqual([
      { key: 'sourceName', outcome: 'filled' },
      { key: 'description', outcome: 'filled' },
    ]);
    expect([byName('n').value, byName<HTMLTextAreaElement>('d').value]).toEqual([VALUES.sourceName, VALUES.description]);
  });
});

describe('the Yes/No words it understands', () => {
  const cellOf = (id: string) => document.getElementById(id)!.closest('td')!;

  // Each list's choices, the one marked * chosen; their values say nothing, so the filler goes by their words.
  it.each([
    ['Enable for Use HTTPS', 'use_https_yes', 'useHttps', ['Enable', '*Disable'], 'Enable'],
    ['Yes for Use HTTPS, not an earlier choice ending in “on”', 'use_https_yes', 'useHttps', ['Automatic selection', 'Yes', '*No'], 'Yes'],
    ['Yes for Use HTTPS, not an earlier choice starting with “on”', 'use_https_yes', 'useHttps', ['Only when offered', 'Yes', '*No'], 'Yes'],
    ['Disable for Configure User Credentials', 'source_config_cred_yes', 'configureUserCredentials', ['*Enable', 'Disable'], 'Disable'],
    ['No for Configure User Credentials, not an earlier choice ending in “0”', 'source_config_cred_yes', 'configureUserCredentials', ['*Yes', 'Client certificate, TLS 1.0', 'No'], 'No'],
    ['No for Configure User Credentials, not an earlier choice starting with “no”', 'source_config_cred_yes', 'configureUserCredentials', ['*Yes', 'Normal login', 'No'], 'No'],
  ])('chooses %s', (_, radioId, key, texts, chosen) => {
    loadSite(ASYNC_OS);
    cellOf(radioId).innerHTML = `<select name="choice">${texts.map((text, i) => `<option value="v${i}">${text.replace('*', '')}</option>`).join('')}</select>`;
    byName<HTMLSelectElement>('choice').selectedIndex = texts.findIndex((text) => text.startsWith('*'));
    expect(reportOf(fillEtfForm(document, VALUES, FOCUS_SUBMIT), key)).toEqual({ key, outcome: 'filled' });
    expect(byName<HTMLSelectElement>('choice').selectedOptions[0]!.text).toBe(chosen);
  });
});

describe('Yes/No radios found by their known ids', () => {
  const httpsRow = (yes: string, no: string) =>
    `<tr><th>Use HTTPS</th><td><label><input type="radio" name="https" value="1"${yes}> Yes</label> <label><input type="radio" name="https" value="0" checked${no}> No</label></td></tr>`;
  const HIDDEN = (id: string) => `<tr><td><input type="hidden" id="${id}" name="old_${id}" value="1"></td></tr>`;

  it.each([
    ['both radios have their ids, and no label names the group', '', `<p><span>Use HTTPS</span>
      <input type="radio" id="use_https_yes" name="https" value="1"> Yes <input type="radio" id="use_https_no" name="https" value="0" checked> No</p>`],
    ['only the Yes radio has its id', httpsRow(' id="use_https_yes"', ''), ''],
    ['only the No radio has its id', httpsRow('', ' id="use_https_no"'), ''],
    ['the Yes id is on a hidden field', HIDDEN('use_https_yes') + httpsRow('', ' id="use_https_no"'), ''],
    ['the No id is on a hidden field', httpsRow(' id="use_https_yes"', '') + HIDDEN('use_https_no'), ''],
  ])('reads Use HTTPS as No, and sets it to Yes, when %s', (_, rows, after) => {
    document.body.innerHTML = tableForm(rows, after);
    expect(readHttps()).toBe(false);
    const result = fillEtfForm(document, VALUES, FOCUS_SUBMIT);
    expect([reportOf(result, 'collectionName'), reportOf(result, 'useHttps')]).toEqual([
      { key: 'collectionName', outcome: 'filled' },
      { key: 'useHttps', outcome: 'filled' },
    ]);
    expect(document.querySelector<HTMLInputElement>('[name="https"]:checked')?.value).toBe('1');
  });

  it('reads Configure User Credentials from its own radios, though a Use HTTPS radio carries its Yes id', () => {
    document.body.innerHTML = tableForm(`
      <tr><th>Use HTTPS</th><td><label><input type="radio" id="source_config_cred_yes" name="https" value="yes" checked> Yes</label>
        <label><input type="radio" name="https" value="no"> No</label></td></tr>
      <tr><th>Configure User Credentials</th><td><label><input type="radio" name="cred" value="yes"> Yes</label>
        <label><input type="radio" id="source_config_cred_no" name="cred" value="no" checked> No</label></td></tr>`);
    expect(readEtfForm(document)).toMatchObject({ ok: true, values: { useHttps: true, configureUserCredentials: false } });
  });

  it('finds no Configure User Credentials whose radios share their name with Use HTTPS’s, and leaves them alone', () => {
    // Radios of one name are one group to the browser: choosing a credentials No would undo Use HTTPS Yes.
    document.body.innerHTML = tableForm(`
      <tr><th>Use HTTPS</th><td><input type="radio" id="use_https_yes" name="opt" value="1"> Yes
        <input type="radio" id="use_https_no" name="opt" value="0"> No</td></tr>
      <tr><th>Configure User Credentials</th><td><label><input type="radio" name="opt" value="1" checked> Yes</label>
        <label><input type="radio" name="opt" value="0"> No</label></td></tr>`);
    const result = fillEtfForm(document, VALUES, FOCUS_SUBMIT);
    expect([reportOf(result, 'useHttps'), reportOf(result, 'configureUserCredentials')]).toEqual([
      { key: 'useHttps', outcome: 'filled' },
      { key: 'configureUserCredentials', outcome: 'not-found' },
    ]);
    expect(document.querySelector('[name="opt"]:checked')).toBe(document.getElementById('use_https_yes'));
  });

  it('puts the note about a group of three radios in header cells after its last radio', () => {
    document.body.innerHTML = tableForm(`<tr><th>Use HTTPS</th><th>
      <label><input type="radio" name="https" value="yes"> Yes</label>
      <label><input type="radio" name="https" value="no" checked> No</label>
      <label><input type="radio" name="https" value="auto"> Auto</label></th></tr>`);
    const reading = readEtfForm(document);
    expect(reading.ok && reading.controls.useHttps).toBe(document.querySelector('[value="auto"]'));
  });
});

describe('the Submit button and the eye', () => {
  it('fills a form without a Submit button and says focus is not on one', () => {
    document.body.innerHTML = `<form>
      <label>Hostname <input name="h"></label>
      <label>Polling Path <input name="p"></label>
      <label>Collection Name <input name="c"></label>
      <button type="button">Save</button></form>`;
    expect(fillEtfForm(document, VALUES, FOCUS_SUBMIT)).toMatchObject({ ok: true, submitFocused: false });
    expect(byName('h').value).toBe(HOSTNAME);
    expect(document.activeElement).toBe(document.body);
  });

  /** The elements drawn the eye to, in order, from now on. */
  const watchHighlights = () => {
    const drawn: Element[] = [];
    vi.spyOn(Element.prototype, 'animate').mockImplementation(function (this: Element) {
      drawn.push(this);
      return {} as Animation;
    });
    return drawn;
  };
  const CHANGED = ['use_https_yes', 'source_name', 'source_description', 'source_hostname', 'source_polling_path', 'source_collection_name', 'poll_port', 'source_config_cred_no'];

  it('draws the eye to each control it changed, when asked, and to none it left as it was', () => {
    loadSite(ASYNC_OS);
    const drawn = watchHighlights();
    fillEtfForm(document, VALUES, { focusSubmit: false, highlight: true });
    expect(drawn).toEqual(CHANGED.map((id) => document.getElementById(id)));
    drawn.length = 0;
    expect(fillEtfForm(document, VALUES, { focusSubmit: false, highlight: true })).toMatchObject({ ok: true });
    expect(drawn).toEqual([]);
  });

  it.each([undefined, false])('draws the eye to nothing when highlight is %o', (highlight) => {
    loadSite(ASYNC_OS);
    const drawn = watchHighlights();
    expect(fillEtfForm(document, VALUES, { focusSubmit: false, highlight })).toMatchObject({ ok: true });
    expect((document.getElementById('source_hostname') as HTMLInputElement).value).toBe(HOSTNAME);
    expect(drawn).toEqual([]);
  });
});

describe('frames', () => {
  const frameShowing = (body: string) => {
    const frame = document.createElement('iframe');
    frame.srcdoc = body;
    return frame;
  };

  it('finds the form in the second frame when the first holds none', () => {
    const open = frameShowing(siteBody(ASYNC_OS));
    document.body.replaceChildren(frameShowing('<p>Monitor</p>'), open);
    expect(fillEtfForm(document, VALUES, FOCUS_SUBMIT)).toMatchObject({ ok: true });
    expect((open.contentDocument!.getElementById('source_collection_name') as HTMLInputElement).value).toBe(SECRETS[0]);
  });

  it('refuses a frame whose document the browser will not hand over', () => {
    const frame = frameShowing('');
    Object.defineProperty(frame, 'contentDocument', {
      get: () => {
        throw new DOMException('Blocked a frame from accessing a cross-origin frame.', 'SecurityError');
      },
    });
    document.body.replaceChildren(frame);
    expect(inspectEtfForm(document)).toEqual({ ok: false, error: { code: 'form-in-closed-frame' } });
  });
});
