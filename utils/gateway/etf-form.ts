import { FIELD_ORDER } from '../feed/feed-fields';
import { FIELD_KEYS, FIELD_SPECS, SOURCE_FIELD_KEYS, type EtfFieldKey, type FieldSpec, type SourceField } from './etf-fields';
import type { EtfValues } from './etf-values';
import type { EtfFormError, FieldReport, FillRequest, FillResult, InspectResult, SkipReason, SourceFormValues } from './fill-report';

/** A field's spec, with the key it is reported under. */
interface FormField extends FieldSpec {
  key: EtfFieldKey;
}

/** The Add Source form's fields, in the order the report names them. */
const FIELDS: FormField[] = FIELD_KEYS.map((key) => ({ key, ...FIELD_SPECS[key] }));

/** Without the feed's three fields, the page is not an Add Source form (or not one this extension understands). */
const REQUIRED: readonly EtfFieldKey[] = FIELD_ORDER;

// A box whose type attribute is missing, empty or unknown has the type 'text'.
const TEXT_TYPES = new Set(['text', 'search', 'url', 'number', 'tel', 'email']);
const YES = /^(yes|on|true|enabled?|1)$/;
const NO = /^(no|off|false|disabled?|0)$/;

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

/** A field as found in the page: a single control, or the radios of one Yes/No group. */
type FoundField = { spec: FormField; control: Control } | { spec: FormField; radios: HTMLInputElement[] };

/** What a fill sets: any of the form's values; a field left out, or null, keeps the gateway's value. */
export type FormValues = { [K in EtfFieldKey]?: EtfValues[K] | null };

/** Whether `document` (or a frame it may reach) holds an Add Source form. Changes nothing. */
export function inspectEtfForm(document: Document): InspectResult {
  const located = locateForm(document);
  return located.ok ? { ok: true } : located;
}

/**
 * Fills the Add Source form like a person: focus, value, input and change events, blur. Fills only
 * the feed's fields and the fixed settings, inside the one form it found; leaves every other setting
 * as the gateway has it, never types into password fields, never submits. Types the feed's secret
 * only when Use HTTPS is (or has just been set to) Yes. Moves focus to Submit only when asked to.
 */
export function fillEtfForm(document: Document, values: FormValues, options: Pick<FillRequest, 'focusSubmit'> & { highlight?: boolean }): FillResult {
  const located = locateForm(document);
  if (!located.ok) return located;
  // Chrome hands `null` arguments of executeScript over as undefined: both mean "leave it".
  const wanted = FIELDS.filter((spec) => values[spec.key] != null);
  // Asked before anything is typed: typing moves focus, after which every visibility question
  // would make the browser recompute the page's styles again.
  const problems = new Map([...wanted.map((spec) => spec.key), 'useHttps' as const].map((key) => [key, skipReasonOf(located.fields.get(key))]));
  const changed: Element[] = [];
  const fill = (spec: FormField, refusal: SkipReason | null = null): FieldReport => {
    const field = located.fields.get(spec.key);
    if (!field) return { key: spec.key, outcome: 'not-found' };
    const reason = problems.get(spec.key) ?? refusal;
    if (reason) return { key: spec.key, outcome: 'skipped', reason };
    const value = values[spec.key]!;
    const element = 'control' in field ? setControl(field.control, value) : chooseRadio(field.radios, value === true);
    // Nothing changed, yet not the wanted choice: the field offers none this filler recognises.
    if (!element && typeof value === 'boolean' && !readsChoice(field, value)) {
      return { key: spec.key, outcome: 'skipped', reason: value ? 'no-yes-option' : 'no-no-option' };
    }
    if (element) changed.push(element);
    return { key: spec.key, outcome: element ? 'filled' : 'already-set' };
  };
  // Use HTTPS comes after Collection Name in the form but is decided first: the feed's secret goes
  // only into a form that will poll over HTTPS, never into one that would send it in clear.
  const https = wanted.find((spec) => spec.key === 'useHttps');
  const httpsReport = https && fill(https);
  const httpsField = located.fields.get('useHttps');
  const overHttps = httpsField !== undefined && !problems.get('useHttps') && readsChoice(httpsField, true);
  const reports = wanted.map((spec): FieldReport => {
    if (spec === https) return httpsReport!;
    return fill(spec, spec.key === 'collectionName' && !overHttps ? 'https-not-yes' : null);
  });
  if (options.highlight) changed.forEach((element) => highlight(element));
  const submit = findSubmitButton(located.scope);
  // Only an explicit true: the in-page script passes on whatever it was sent (see FillRequest).
  if (options.focusSubmit === true) submit?.focus();
  return { ok: true, fields: reports, submitFocused: submit !== null && submit.ownerDocument.activeElement === submit };
}

/** The Add/Edit Source form's feed fields as they stand, and for each the element a note about it goes beside. */
export type EtfFormReading =
  | { ok: true; values: SourceFormValues; sourceName: string; scope: ParentNode; controls: Partial<Record<SourceField, Element>> }
  | { ok: false; error: EtfFormError };

/**
 * Reads the feed's fields of the Add/Edit Source form in `document` (or a frame it may reach), as
 * fillEtfForm finds them. A Yes/No field with nothing chosen, or not in the form, reads null; a
 * missing text field reads empty. The element beside a field is its text box, its select or checkbox,
 * or its Yes/No group's cell (or fieldset, or radio group; else its last radio). Also reads the
 * Source Name, which a submit is reported under. Changes nothing.
 */
export function readEtfForm(document: Document): EtfFormReading {
  const located = locateForm(document);
  if (!located.ok) return located;
  const found = (key: SourceField) => located.fields.get(key);
  const text = (key: EtfFieldKey) => {
    const field = located.fields.get(key);
    return field && 'control' in field ? field.control.value : '';
  };
  const choice = (key: SourceField) => {
    const field = found(key);
    return !field ? null : readsChoice(field, true) ? true : readsChoice(field, false) ? false : null;
  };
  const controls: Partial<Record<SourceField, Element>> = {};
  for (const key of SOURCE_FIELD_KEYS) {
    const field = found(key);
    // A note beside a Yes/No group goes after the whole group, not between a radio and its label.
    if (field) controls[key] = 'control' in field ? field.control : (field.radios[0]!.closest('td, fieldset, [role="radiogroup"]') ?? field.radios.at(-1)!);
  }
  return {
    ok: true,
    values: {
      hostname: text('hostname'),
      pollingPath: text('pollingPath'),
      collectionName: text('collectionName'),
      useHttps: choice('useHttps'),
      pollingPort: text('pollingPort'),
      configureUserCredentials: choice('configureUserCredentials'),
    },
    sourceName: text('sourceName'),
    scope: located.scope,
    controls,
  };
}

type Located = { ok: true; scope: ParentNode; fields: Map<EtfFieldKey, FoundField> } | { ok: false; error: EtfFormError };

/** The form in this document, else in a same-origin frame; sandboxed and foreign frames are refused. */
function locateForm(document: Document): Located {
  labelCache = new WeakMap();
  const found = formIn(document);
  if (found) return { ok: true, ...found };
  let closedFrame = false;
  for (const frame of document.querySelectorAll('iframe, frame')) {
    const inner = frame.hasAttribute('sandbox') ? null : frameDocument(frame as HTMLIFrameElement);
    if (!inner) {
      closedFrame = true;
      continue;
    }
    const located = locateForm(inner);
    if (located.ok) return located;
    if (located.error.code === 'form-in-closed-frame') closedFrame = true;
  }
  return closedFrame
    ? { ok: false, error: { code: 'form-in-closed-frame' } }
    : { ok: false, error: { code: 'not-add-source-form' } };
}

function frameDocument(frame: HTMLIFrameElement): Document | null {
  try {
    return frame.contentDocument;
  } catch {
    return null;
  }
}

/** The form holding the Hostname field, and every field found inside that form only. */
function formIn(document: Document): { scope: ParentNode; fields: Map<EtfFieldKey, FoundField> } | null {
  // Another form may have a Hostname field too (a search box, a proxy form): try each one's form.
  const hostnameSpec = FIELDS.find((f) => f.key === 'hostname')!;
  const scopes = new Set<ParentNode>();
  for (let hostname = findField(document, hostnameSpec, new Set()), seen = new Set<Element>(); hostname && 'control' in hostname; ) {
    scopes.add(hostname.control.form ?? document);
    seen.add(hostname.control);
    hostname = findField(document, hostnameSpec, seen);
  }
  for (const scope of scopes) {
    const found = fieldsIn(scope);
    if (REQUIRED.every((key) => found.has(key))) return { scope, fields: found };
  }
  return null;
}

/** Every field of the form in `scope`, each control given to one field only. */
function fieldsIn(scope: ParentNode): Map<EtfFieldKey, FoundField> {
  const used = new Set<Element>();
  const fields = new Map<EtfFieldKey, FoundField>();
  for (const spec of FIELDS) {
    const field = findField(scope, spec, used);
    if (!field) continue;
    fields.set(spec.key, field);
    for (const element of 'control' in field ? [field.control] : field.radios) used.add(element);
  }
  return fields;
}

function findField(scope: ParentNode, spec: FormField, used: Set<Element>): FoundField | null {
  const isChoice = !Array.isArray(spec.ids);
  const byId = byKnownId(scope, spec);
  if (byId && !('control' in byId ? [byId.control] : byId.radios).some((e) => used.has(e))) return byId;
  for (const control of scope.querySelectorAll<Control>('input, select, textarea')) {
    if (used.has(control) || !isFillable(control, isChoice)) continue;
    if (isInput(control) && control.type === 'radio') {
      if (!isChoice || !matches(labelsOf(control, groupLabels), spec)) continue;
      const radios = radioGroup(control);
      if (radios.some((r) => used.has(r))) continue;
      return { spec, radios };
    }
    if (matches(labelsOf(control, controlLabels), spec)) return { spec, control };
  }
  return null;
}

function byKnownId(scope: ParentNode, spec: FormField): FoundField | null {
  const byId = (id: string) => scope.querySelector(`#${CSS.escape(id)}`);
  if (Array.isArray(spec.ids)) {
    for (const id of spec.ids) {
      const control = byId(id);
      if (control && isControl(control) && isFillable(control, false)) return { spec, control };
    }
    return null;
  }
  const yes = byId(spec.ids.yes);
  const no = byId(spec.ids.no);
  if (isInput(yes) && yes.type === 'radio' && isInput(no) && no.type === 'radio') {
    return { spec, radios: [yes, no] };
  }
  return null;
}

/** Kinds of control a field of this spec can be: text boxes for text, radios/select/checkbox for Yes/No. */
function isFillable(control: Control, choice: boolean): boolean {
  if (isTextArea(control)) return !choice;
  if (isSelect(control)) return choice;
  if (control.type === 'radio' || control.type === 'checkbox') return choice;
  return !choice && (TEXT_TYPES.has(control.type) || control.type === 'password');
}

// A same-origin frame's elements come from that frame's globals, so `instanceof` against this
// frame's classes would fail: elements are told apart by their tag names instead.
function isInput(element: Element | null): element is HTMLInputElement {
  return element?.localName === 'input';
}

function isSelect(element: Element): element is HTMLSelectElement {
  return element.localName === 'select';
}

function isTextArea(element: Element): element is HTMLTextAreaElement {
  return element.localName === 'textarea';
}

function isElement(node: Node): node is Element {
  return node.nodeType === Node.ELEMENT_NODE;
}

function isControl(element: Element): element is Control {
  return isInput(element) || isSelect(element) || isTextArea(element);
}

function matches(labels: string[], spec: FormField): boolean {
  return labels.some((label) => spec.labels.some((pattern) => pattern.test(label)));
}

/**
 * A control's labels, worked out once per search: every field spec asks about every control, and
 * reading labels reads the page. Kept weakly, so a page's later changes start afresh next time.
 */
let labelCache = new WeakMap<Element, string[]>();
function labelsOf<C extends Control>(control: C, read: (control: C) => string[]): string[] {
  let labels = labelCache.get(control);
  if (!labels) labelCache.set(control, (labels = read(control)));
  return labels;
}

/** Every text that names `control`: its labels, ARIA names, placeholder, row header, preceding text. */
function controlLabels(control: Control): string[] {
  const texts = [...(control.labels ?? [])].map((label) => textOutside(label, control));
  texts.push(...ariaNames(control));
  if ('placeholder' in control && control.placeholder) texts.push(control.placeholder);
  texts.push(...rowHeader(control));
  const previous = control.previousElementSibling;
  if (previous && !previous.querySelector('input, select, textarea') && !isControl(previous)) texts.push(previous.textContent ?? '');
  return texts.map(normalizeLabel).filter(Boolean);
}

/** What names a radio group (not its options): the fieldset legend, radiogroup name, or row header. */
function groupLabels(radio: HTMLInputElement): string[] {
  const texts: string[] = [];
  const legend = radio.closest('fieldset')?.querySelector('legend');
  if (legend) texts.push(legend.textContent ?? '');
  const group = radio.closest('[role="radiogroup"]');
  if (group) texts.push(...ariaNames(group));
  texts.push(...rowHeader(radio));
  return texts.map(normalizeLabel).filter(Boolean);
}

function ariaNames(element: Element): string[] {
  const texts: string[] = [];
  const label = element.getAttribute('aria-label');
  if (label) texts.push(label);
  const ids = element.getAttribute('aria-labelledby')?.split(/\s+/) ?? [];
  const text = ids.map((id) => element.ownerDocument.getElementById(id)?.textContent ?? '').join(' ');
  if (text.trim()) texts.push(text);
  return texts;
}

/** AsyncOS lays forms out as tables: the row's header cell (or first cell) names its controls. */
function rowHeader(control: Element): string[] {
  const row = control.closest('tr');
  if (!row) return [];
  const header = row.querySelector(':scope > th') ?? row.cells[0];
  return header && !header.contains(control) ? [header.textContent ?? ''] : [];
}

function radioGroup(radio: HTMLInputElement): HTMLInputElement[] {
  const scope = radio.form ?? radio.ownerDocument;
  return [...scope.querySelectorAll<HTMLInputElement>('input[type="radio"]')].filter((r) => r.name === radio.name);
}

function normalizeLabel(text: string): string {
  return text
    .toLowerCase()
    .replace(/\([^)]*\)/g, ' ')
    .replace(/[*:?]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A label's text without the text of the control inside it (a select's options, say). */
function textOutside(label: Node, control: Element): string {
  let text = '';
  for (const node of label.childNodes) {
    // The control itself, or an element around it (a node contains itself).
    if (node.contains(control)) {
      if (node !== control) text += textOutside(node, control);
      continue;
    }
    if (isElement(node) && isControl(node)) continue;
    // Words in a comment of the page's source are not shown: no part of the label.
    if (node.nodeType === Node.COMMENT_NODE) continue;
    text += node.textContent ?? '';
  }
  return text;
}

function skipReasonOf(field: FoundField | undefined): SkipReason | null {
  return field ? reasonToSkip('control' in field ? field.control : field.radios[0]!) : null;
}

function reasonToSkip(element: Control): SkipReason | null {
  if (isInput(element) && element.type === 'password') return 'password';
  if (element.disabled) return 'disabled';
  if ('readOnly' in element && element.readOnly) return 'read-only';
  if (isHidden(element)) return 'hidden';
  return null;
}

function isHidden(element: Element): boolean {
  // (An <input type="hidden"> is never found as a field: see isFillable.)
  if (element.closest('[hidden]')) return true;
  // One native question: display none or visibility hidden, anywhere up the tree.
  return !element.checkVisibility({ visibilityProperty: true });
}

/** Sets a text field, a Yes/No select or a checkbox; returns the element if it changed anything. */
function setControl(control: Control, value: string | boolean): Control | null {
  if (isSelect(control)) {
    const option = [...control.options].find((o) => optionMeaning(o) === value);
    if (!option || option.selected) return null;
    return type(control, option.value);
  }
  if (isInput(control) && control.type === 'checkbox') {
    if (control.checked === value) return null;
    click(control);
    return control;
  }
  const text = String(value);
  return control.value === text ? null : type(control, text);
}

function chooseRadio(radios: HTMLInputElement[], yes: boolean): HTMLInputElement | null {
  const wanted = radios.find((radio) => radioMeaning(radio) === yes);
  if (!wanted || wanted.checked) return null;
  click(wanted);
  return wanted;
}

/** Whether a Yes/No field reads `yes` (Yes when true, No when false) now: that radio or option chosen, or its checkbox so. */
function readsChoice(field: FoundField, yes: boolean): boolean {
  if (!('control' in field)) return field.radios.some((radio) => radio.checked && radioMeaning(radio) === yes);
  const { control } = field;
  if (isSelect(control)) return [...control.selectedOptions].some((option) => optionMeaning(option) === yes);
  return isInput(control) && control.type === 'checkbox' && control.checked === yes;
}

/** Yes (true), No (false) or neither (null), by the radio's known id, else its label or value. */
function radioMeaning(radio: HTMLInputElement): boolean | null {
  if (/_yes$/.test(radio.id)) return true;
  if (/_no$/.test(radio.id)) return false;
  return yesOrNo(normalizeLabel([...(radio.labels ?? [])].map((l) => l.textContent).join(' ') || radio.value));
}

function optionMeaning(option: HTMLOptionElement): boolean | null {
  return yesOrNo(normalizeLabel(option.text)) ?? yesOrNo(option.value.toLowerCase());
}

function yesOrNo(text: string): boolean | null {
  return YES.test(text) ? true : NO.test(text) ? false : null;
}

/** Sets the value through the element's own setter, so frameworks watching it see the change. */
function type(control: Control, value: string): Control {
  const prototype = Object.getPrototypeOf(control) as object;
  const setter = Object.getOwnPropertyDescriptor(prototype, 'value')?.set;
  control.focus();
  if (setter) setter.call(control, value);
  else control.value = value;
  control.dispatchEvent(new Event('input', { bubbles: true }));
  control.dispatchEvent(new Event('change', { bubbles: true }));
  control.blur();
  return control;
}

function click(control: HTMLInputElement) {
  control.focus();
  control.click();
  control.blur();
}

/** The form's own Submit button (only one that says Submit). */
export function findSubmitButton(scope: ParentNode): HTMLElement | null {
  const buttons = [...scope.querySelectorAll<HTMLElement>('input[type="submit"], button[type="submit"], button:not([type])')];
  // Only a button that says Submit: focus on another (Delete, Log out) would invite the wrong Enter.
  return buttons.find((b) => /submit/i.test(isInput(b) ? b.value : (b.textContent ?? ''))) ?? null;
}

/** Draws the eye to `element`: a green outline that fades, `pulses` times over. */
export function highlight(element: Element, pulses = 1) {
  element.animate?.(
    [
      { outline: '3px solid #2da44e', outlineOffset: '2px' },
      { outline: '3px solid rgba(45, 164, 78, 0)', outlineOffset: '2px' },
    ],
    { duration: 2500, easing: 'ease-in', iterations: pulses },
  );
}
