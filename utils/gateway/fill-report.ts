import type { EtfFieldKey, EtfFieldValue, SourceField } from './etf-fields';
import type { EtfValues } from './etf-values';

// What the form filler is asked, and what it answers, as codes. Kept apart from the filler so the
// extension's pages can ask, check and word an answer without bundling the filler itself.

/** What the in-page script is asked to fill: the values, and whether focus then goes to Submit. */
export interface FillRequest {
  values: EtfValues;
  /**
   * True only for a fill the person started on the gateway's page (the popup's Autofill, the
   * keyboard shortcut), looking at the form. A fill started from the console ("Add to") lands in a
   * form the person has not seen yet: focus on Submit there would let their next Enter submit it.
   */
  focusSubmit: boolean;
}

/** The source fields as the form holds them; a Yes/No field with nothing chosen (or not in the form) is null. */
export type SourceFormValues = { [K in SourceField]: EtfFieldValue<K> extends boolean ? boolean | null : EtfFieldValue<K> };

export const FILLED_OUTCOMES = ['filled', 'already-set', 'not-found'] as const;

/**
 * Why a field was left alone: the field itself forbids it, or (`https-not-yes`) Collection Name,
 * the feed's secret, would be polled in clear because Use HTTPS is not Yes, or (`no-yes-option`,
 * `no-no-option`) a Yes/No field offers no choice the filler recognises as the Yes or No it sets.
 */
export const SKIP_REASONS = ['password', 'disabled', 'read-only', 'hidden', 'https-not-yes', 'no-yes-option', 'no-no-option'] as const;
export type SkipReason = (typeof SKIP_REASONS)[number];

export type FieldReport =
  | { key: EtfFieldKey; outcome: (typeof FILLED_OUTCOMES)[number] }
  | { key: EtfFieldKey; outcome: 'skipped'; reason: SkipReason };

export const FORM_ERROR_CODES = ['not-add-source-form', 'form-in-closed-frame'] as const;
export type EtfFormError = { code: (typeof FORM_ERROR_CODES)[number] };

export type InspectResult = { ok: true } | { ok: false; error: EtfFormError };
export type FillResult = { ok: true; fields: FieldReport[]; submitFocused: boolean } | { ok: false; error: EtfFormError };
