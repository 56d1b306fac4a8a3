import type { FieldReport } from './etf-form';

/** The lines the admin reads after an autofill: what changed, what did not and why, what is next. */
export function describeFill(fields: FieldReport[]): string[] {
  const names = (outcome: FieldReport['outcome']) => fields.filter((f) => f.outcome === outcome).map((f) => f.label);
  const filled = names('filled');
  const already = names('already-set');
  const missing = names('not-found');
  const skipped = fields.filter((f) => f.outcome === 'skipped').map((f) => `${f.label} (${f.reason})`);
  return [
    filled.length > 0 ? `Filled ${filled.length} of ${fields.length} fields: ${filled.join(', ')}.` : 'Filled no fields.',
    ...(already.length > 0 ? [`Already set: ${already.join(', ')}.`] : []),
    ...(missing.length > 0 ? [`Not found, set by hand: ${missing.join(', ')}.`] : []),
    ...(skipped.length > 0 ? [`Left alone: ${skipped.join('; ')}.`] : []),
    'Nothing was submitted: review the form, click Submit, then Commit Changes.',
  ];
}
