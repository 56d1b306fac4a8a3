import { ETF_FIELDS } from '../gateway/etf-fields';
import type { FieldReport, SkipReason } from '../gateway/fill-report';
import { t, type MessageKey } from './i18n';

const SKIP_REASON_MESSAGES: Record<SkipReason, MessageKey> = {
  password: 'formSkipPassword',
  disabled: 'formSkipDisabled',
  'read-only': 'formSkipReadOnly',
  hidden: 'formSkipHidden',
  'https-not-yes': 'formSkipHttpsNotYes',
  'no-yes-option': 'formSkipNoYesOption',
  'no-no-option': 'formSkipNoNoOption',
};

/** The lines the admin reads after an autofill: what changed, what did not and why, what is next. */
export function describeFill(fields: FieldReport[]): string[] {
  const names = (outcome: FieldReport['outcome']) => fields.filter((f) => f.outcome === outcome).map((f) => ETF_FIELDS[f.key].label);
  const filled = names('filled');
  const already = names('already-set');
  const missing = names('not-found');
  const skipped = fields.flatMap((f) => (f.outcome === 'skipped' ? [t('fillLeftAloneField', ETF_FIELDS[f.key].label, t(SKIP_REASON_MESSAGES[f.reason]))] : []));
  return [
    filled.length > 0 ? t('fillFilled', filled.length, fields.length, filled.join(', ')) : t('fillNone'),
    ...(already.length > 0 ? [t('fillAlreadySet', already.join(', '))] : []),
    ...(missing.length > 0 ? [t('fillNotFound', missing.join(', '))] : []),
    ...(skipped.length > 0 ? [t('fillLeftAlone', skipped.join('; '))] : []),
    t('fillNotSubmitted'),
  ];
}
