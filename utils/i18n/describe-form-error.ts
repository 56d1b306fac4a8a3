import type { EtfFormError } from '../gateway/fill-report';
import { t, type MessageKey } from './i18n';

const FORM_ERROR_MESSAGES: Record<EtfFormError['code'], MessageKey> = {
  'not-add-source-form': 'formNotAddSource',
  'form-in-closed-frame': 'formClosedFrame',
};

/** Why the form filler did nothing, in the user's words. */
export function describeFormError(error: EtfFormError): string {
  return t(FORM_ERROR_MESSAGES[error.code]);
}

/**
 * A form filler's answer with its refusal worded, as the popup and the in-page announcement show
 * it; whatever else the refusal tells (the sources list is on screen, say) is kept.
 */
export function withWordedError<T extends { ok: true }>(answer: T | { ok: false; error: EtfFormError }): T | { ok: false; error: EtfFormError & { message: string } } {
  return answer.ok ? answer : { ...answer, error: { ...answer.error, message: describeFormError(answer.error) } };
}
