import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fillEtfForm } from '@/utils/gateway/etf-form';
import { etfValuesFor } from '@/utils/gateway/etf-values';
import { DEFAULT_OPTIONS } from '@/utils/options/options';
import { storedFeed } from '../support/feeds';
import { guardSubmissions, type SubmissionGuard } from '../support/form-state';

const VALUES = etfValuesFor(storedFeed(0, { title: 'Property' }), new Date('2026-11-28T00:00:00Z'), DEFAULT_OPTIONS);
const REQUIRED = ['Hostname', 'Polling Path', 'Collection Name'];
const LABELS = [...REQUIRED, 'Source Name', 'Description', 'Polling Port', 'Username', 'Password', 'Proxy Host', 'Search'];
const KINDS = ['text', 'password', 'hidden', 'disabled', 'readonly'] as const;
const STYLES = ['label-for', 'wrapping-label', 'aria-label', 'placeholder', 'row-header'] as const;

interface FieldPlan {
  label: string;
  kind: (typeof KINDS)[number];
  style: (typeof STYLES)[number];
}

const fieldPlan = fc.record({ label: fc.constantFrom(...LABELS), kind: fc.constantFrom(...KINDS), style: fc.constantFrom(...STYLES) });

let uid = 0;
function fieldHtml({ label, kind, style }: FieldPlan): string {
  const id = `f${uid++}`;
  const type = kind === 'password' || kind === 'hidden' ? kind : 'text';
  const flags = kind === 'disabled' ? ' disabled' : kind === 'readonly' ? ' readonly' : '';
  const input = (extra = '') => `<input id="${id}" name="${id}" type="${type}" value="orig-${id}"${flags}${extra}>`;
  switch (style) {
    case 'label-for':
      return `<p><label for="${id}">${label}:</label> ${input()}</p>`;
    case 'wrapping-label':
      return `<p><label>${label} ${input()}</label></p>`;
    case 'aria-label':
      return `<p>${input(` aria-label="${label}"`)}</p>`;
    case 'placeholder':
      return `<p>${input(` placeholder="${label}"`)}</p>`;
    case 'row-header':
      return `<table><tr><th>${label}</th><td>${input()}</td></tr></table>`;
  }
}

/** Every control's value, checked state and the form it is in, to compare before and after. */
function snapshot() {
  return [...document.querySelectorAll('input')].map((i) => ({ id: i.id, value: i.value, checked: i.checked, form: i.form?.id ?? null, type: i.type, disabled: i.disabled, readOnly: i.readOnly }));
}

/** The target form is complete when each required label names a text-like input it holds. */
function isComplete(fields: FieldPlan[]): boolean {
  return REQUIRED.every((label) => fields.some((f) => f.label === label && f.kind !== 'hidden'));
}

let guard: SubmissionGuard;
beforeEach(() => {
  guard = guardSubmissions(window);
});
afterEach(() => guard.stop());

describe('fillEtfForm on generated forms', () => {
  it('fills only inside the chosen form, never a password, hidden, disabled or read-only field, refuses incomplete forms, types no secret without Use HTTPS and submits nothing', () => {
    fc.assert(
      fc.property(
        fc.array(fieldPlan, { minLength: 1, maxLength: 12 }),
        fc.array(fieldPlan, { maxLength: 6 }),
        fc.boolean(),
        (target, decoy, decoyFirst) => {
          // A decoy form never holds all three required fields, so the target is the only candidate.
          const decoyFields = decoy.filter((f) => f.label !== 'Collection Name');
          const targetHtml = `<form id="target">${target.map(fieldHtml).join('')}<button>Submit</button></form>`;
          const decoyHtml = `<form id="decoy">${decoyFields.map(fieldHtml).join('')}<button>Search</button></form>`;
          document.body.innerHTML = decoyFirst ? decoyHtml + targetHtml : targetHtml + decoyHtml;
          const before = snapshot();
          guard.attempts.length = 0;

          const result = fillEtfForm(document, VALUES, { focusSubmit: true });
          const after = snapshot();

          expect(result.ok).toBe(isComplete(target));
          after.forEach((control, i) => {
            const was = before[i]!;
            const untouchable = control.form !== 'target' || control.type === 'password' || control.type === 'hidden' || control.disabled || control.readOnly;
            if (untouchable || !result.ok) expect(control).toEqual(was);
          });
          // These forms have no Use HTTPS control: the feed's secret must be typed nowhere.
          expect(after.filter((control) => control.value === VALUES.collectionName)).toEqual([]);
          expect(guard.attempts).toEqual([]);
        },
      ),
      { numRuns: 400 },
    );
    // 400 generated pages take about 2 s; a busy two-core machine needs more room than the default 5 s.
  }, 30_000);
});
