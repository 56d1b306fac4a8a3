import type { FieldReport } from '../gateway/etf-form';
import { t } from './i18n';

/** The lines the admin reads after an autofill: what changed, what did not and why, what is next. */
export function describeFill(fields: FieldReport[]): string[] {
  const names = (outcome: FieldReport['outcome']) => fields.filter((f) => f.outcome === outcome).map((f) => f.label);
  const filled = names('filled');
  const already = names('already-set');
  const missing = names('not-found');
  const skipped = fields.filter((f) => f.outcome === 'skipped').map((f) => t('fillLeftAloneField', f.label, f.reason ?? ''));
  return [
    filled.length > 0 ? t('fillFilled', filled.length, fields.length, filled.join(', ')) : t('fillNone'),
    ...(already.length > 0 ? [t('fillAlreadySet', already.join(', '))] : []),
    ...(missing.length > 0 ? [t('fillNotFound', missing.join(', '))] : []),
    ...(skipped.length > 0 ? [t('fillLeftAlone', skipped.join('; '))] : []),
    t('fillNotSubmitted'),
  ];
}
