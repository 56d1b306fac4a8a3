import { describe, expect, it } from 'vitest';
import { fillEtfForm, inspectEtfForm, readEtfForm } from '@/utils/gateway/etf-form';
import { etfValuesFor } from '@/utils/gateway/etf-values';
import { DEFAULT_OPTIONS } from '@/utils/options/options';
import { SECRETS, storedFeed } from '../support/feeds';
import { loadSite, siteBody } from '../capture/load-site';

const VALUES = etfValuesFor(storedFeed(0), new Date('2026-11-28T10:00:00Z'), DEFAULT_OPTIONS);
const ASYNC_OS = 'dh1234-esa1.iphmx.com/mail_policies/etf/add_source';
const FOCUS_SUBMIT = { focusSubmit: true };

const outcomeOf = (result: ReturnType<typeof fillEtfForm>, key: string) => (result.ok ? result.fields.find((field) => field.key === key) : result);
const collectionName = (document: Document) => (document.getElementById('source_collection_name') as HTMLInputElement).value;

describe('the feed’s secret goes in only when Use HTTPS reads Yes after the fill', () => {
  const httpsCell = (document: Document) => document.getElementById('use_https_yes')!.closest('tr')!.cells[1]!;

  it('keeps it back when a page script undoes the tick of a Use HTTPS checkbox', () => {
    const document = loadSite(ASYNC_OS);
    httpsCell(document).innerHTML = '<input type="checkbox" name="use_https" value="1">';
    // A click whose default is prevented leaves the box as it was.
    document.querySelector('input[name="use_https"]')!.addEventListener('click', (event) => event.preventDefault());
    const result = fillEtfForm(document, VALUES, FOCUS_SUBMIT);
    expect(outcomeOf(result, 'collectionName')).toEqual({ key: 'collectionName', outcome: 'skipped', reason: 'https-not-yes' });
    expect(collectionName(document)).toBe('');
  });

  it('keeps it back when a page script undoes the click on Use HTTPS Yes', () => {
    const document = loadSite(ASYNC_OS);
    document.getElementById('use_https_yes')!.addEventListener('click', (event) => event.preventDefault());
    const result = fillEtfForm(document, VALUES, FOCUS_SUBMIT);
    expect(outcomeOf(result, 'collectionName')).toEqual({ key: 'collectionName', outcome: 'skipped', reason: 'https-not-yes' });
    expect(collectionName(document)).toBe('');
  });

  it.each([
    ['a list with no choice in it yet', '<select name="use_https"></select>'],
    ['a list of several choices with none chosen', '<select name="use_https" multiple><option value="1">Yes</option><option value="0">No</option></select>'],
  ])('reads Use HTTPS as unset, and keeps the secret back, when it is %s', (_, html) => {
    const document = loadSite(ASYNC_OS);
    httpsCell(document).innerHTML = html;
    const select = document.querySelector<HTMLSelectElement>('select[name="use_https"]')!;
    // A page script that clears the choice again whenever it is made.
    select.addEventListener('change', () => (select.selectedIndex = -1));
    expect(readEtfForm(document).ok && readEtfForm(document)).toMatchObject({ values: { useHttps: null } });
    const result = fillEtfForm(document, VALUES, FOCUS_SUBMIT);
    expect(outcomeOf(result, 'collectionName')).toEqual({ key: 'collectionName', outcome: 'skipped', reason: 'https-not-yes' });
    expect(collectionName(document)).toBe('');
  });

  it('reads a ticked and an unticked Use HTTPS checkbox as Yes and No', () => {
    const document = loadSite(ASYNC_OS);
    httpsCell(document).innerHTML = '<input type="checkbox" name="use_https" value="1">';
    const box = document.querySelector<HTMLInputElement>('input[name="use_https"]')!;
    const readHttps = () => (readEtfForm(document) as { values: { useHttps: boolean | null } }).values.useHttps;
    expect(readHttps()).toBe(false);
    box.checked = true;
    expect(readHttps()).toBe(true);
  });
});

describe('an Add Source form inside a frame', () => {
  /** A frame of the gateway's own page showing `body`, as a same-origin frame's document is reachable. */
  function frameShowing(body: string, attributes: Record<string, string> = {}) {
    const frame = document.createElement('iframe');
    for (const [name, value] of Object.entries(attributes)) frame.setAttribute(name, value);
    frame.srcdoc = body;
    return frame;
  }
  /** A frame of another site: the browser gives its parent no document. */
  function foreignFrame() {
    const frame = document.createElement('iframe');
    Object.defineProperty(frame, 'contentDocument', { get: () => null });
    frame.srcdoc = '';
    return frame;
  }
  const FORM = siteBody(ASYNC_OS);
  const inFrame = (frame: HTMLIFrameElement) => (frame.contentDocument!.getElementById('source_collection_name') as HTMLInputElement).value;

  it('of the gateway’s own page is found, filled and read there', () => {
    const frame = frameShowing(FORM);
    document.body.replaceChildren(frame);
    expect(inspectEtfForm(document)).toEqual({ ok: true });
    const result = fillEtfForm(document, VALUES, FOCUS_SUBMIT);
    expect(outcomeOf(result, 'collectionName')).toEqual({ key: 'collectionName', outcome: 'filled' });
    expect(inFrame(frame)).toBe(SECRETS[0]);
    expect(readEtfForm(document)).toMatchObject({ ok: true, values: { collectionName: SECRETS[0], useHttps: true } });
  });

  it('two frames deep is found too', () => {
    const outer = frameShowing('<p>Mail Policies</p>');
    document.body.replaceChildren(outer);
    const inner = frameShowing(FORM);
    outer.contentDocument!.body.append(inner);
    expect(inspectEtfForm(document)).toEqual({ ok: true });
  });

  it.each([
    ['a sandboxed frame, even one allowed its own origin', () => frameShowing(FORM, { sandbox: 'allow-scripts allow-forms allow-same-origin' })],
    ['a frame of another site', foreignFrame],
  ])('in %s is refused, and nothing is typed', (_, makeFrame) => {
    const frame = makeFrame();
    document.body.replaceChildren(frame);
    expect(inspectEtfForm(document)).toEqual({ ok: false, error: { code: 'form-in-closed-frame' } });
    expect(fillEtfForm(document, VALUES, FOCUS_SUBMIT)).toEqual({ ok: false, error: { code: 'form-in-closed-frame' } });
    expect(readEtfForm(document)).toEqual({ ok: false, error: { code: 'form-in-closed-frame' } });
    if (frame.contentDocument) expect(inFrame(frame)).toBe('');
  });

  it('is refused when the only frame that could hold it is closed, deeper down', () => {
    const outer = frameShowing('<p>Mail Policies</p>');
    document.body.replaceChildren(outer);
    outer.contentDocument!.body.append(frameShowing(FORM, { sandbox: '' }));
    expect(inspectEtfForm(document)).toEqual({ ok: false, error: { code: 'form-in-closed-frame' } });
  });

  it('is found beside a closed frame, without waiting for it', () => {
    const open = frameShowing(FORM);
    document.body.replaceChildren(foreignFrame(), open);
    expect(fillEtfForm(document, VALUES, FOCUS_SUBMIT)).toMatchObject({ ok: true });
    expect(inFrame(open)).toBe(SECRETS[0]);
  });

  it('is no form at all when the frames hold none', () => {
    document.body.replaceChildren(frameShowing('<p>Monitor</p>'), frameShowing('<form><input name="q"></form>'));
    expect(inspectEtfForm(document)).toEqual({ ok: false, error: { code: 'not-add-source-form' } });
  });
});
