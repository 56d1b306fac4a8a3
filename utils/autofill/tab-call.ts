import { browser } from 'wxt/browser';
import { FORM_ERROR_CODES, type EtfFormError } from '../gateway/fill-report';
import { withWordedError } from '../i18n/describe-form-error';
import { t } from '../i18n/i18n';
import type { GatewayPageStart } from '../gateway-page/gateway-page-start';

// Calls into the in-page script of a tab (entrypoints/gateway-form.ts), and the question every
// caller asks first: does the tab show the Add Source form? No schema library here: the popup asks
// this question itself, and loads nothing more for it.

/** The bundled in-page script (entrypoints/gateway-form.ts) that finds and fills the form. */
const GATEWAY_FORM_SCRIPT = '/gateway-form.js';

export type GatewayTabError = { code: 'page-unreachable' | 'unexpected-answer'; message: string };
/** The tab could not be asked, or its answer made no sense: nothing was changed. */
export type TabFailure = { ok: false; error: GatewayTabError };
/** The page holds no form the filler may fill: nothing was changed. */
export type FormRefusal = { ok: false; error: EtfFormError & { message: string } };
/** Whether the tab shows an Add Source form; when not, why, and whether it shows the sources list whose Add Source button leads to it. */
export type TabInspection = { ok: true } | (FormRefusal & { sourcesList?: boolean }) | TabFailure;

/**
 * Whether tab `tabId` shows an Add Source form, asked of the in-page script (injected first where
 * it is not there yet). Changes nothing. The page's answer carries codes only (the page may have
 * changed the script's answer): the words the admin reads are the extension's own.
 */
export async function inspectTab(tabId: number | Promise<number | undefined>): Promise<TabInspection> {
  return worded(await callInTab(tabId, 'inspect', null, inspectionIn));
}

function inspectionIn(answer: unknown): { ok: true } | { ok: false; error: EtfFormError; sourcesList?: boolean } | undefined {
  if (typeof answer !== 'object' || answer === null) return undefined;
  const { ok, error, sourcesList } = answer as { ok?: unknown; error?: { code?: unknown }; sourcesList?: unknown };
  if (ok === true) return { ok: true };
  const code = FORM_ERROR_CODES.find((known) => known === error?.code);
  if (ok !== false || code === undefined || (sourcesList !== undefined && typeof sourcesList !== 'boolean')) return undefined;
  return { ok: false, error: { code }, ...(sourcesList !== undefined && { sourcesList }) };
}

/** The answer with the filler's refusal worded; a failure to reach the tab comes worded already. */
export function worded<T extends { ok: true }>(answer: T | { ok: false; error: EtfFormError } | TabFailure): T | FormRefusal | TabFailure {
  return isTabFailure(answer) ? answer : withWordedError(answer);
}

function isTabFailure(answer: { ok: boolean; error?: object }): answer is TabFailure {
  return !answer.ok && answer.error !== undefined && 'message' in answer.error;
}

/** Calls `call` of the in-page script in the tab; `read` makes sense of its answer (undefined: it makes none). */
export async function callInTab<T>(
  tabIdToBe: number | Promise<number | undefined>,
  call: string,
  argument: unknown,
  read: (answer: unknown) => T | undefined,
  onlyOrigin?: string,
): Promise<T | TabFailure> {
  let result: unknown;
  try {
    const tabId = await tabIdToBe;
    if (tabId === undefined) throw new Error('no active tab');
    result = await callInFrame({ tabId }, call, argument, onlyOrigin ?? null);
  } catch {
    result = OTHER_ORIGIN;
  }
  if (result === OTHER_ORIGIN) return { ok: false, error: { code: 'page-unreachable', message: t('tabUnreachable') } };
  return read(result) ?? { ok: false, error: { code: 'unexpected-answer', message: t('tabUnexpected') } };
}

/**
 * Starts the in-page script's watch of a gateway's External Threat Feeds page, in the frame that
 * asked: what it needs to know is left for it, then it is injected (again, if the popup did before)
 * and starts at once, so the page is watched from the moment the script is there.
 */
export async function startGatewayPage(tabId: number, frameId: number, start: GatewayPageStart): Promise<void> {
  const target = { tabId, frameIds: [frameId] };
  await browser.scripting.executeScript({ target, func: leaveStart, args: [start] });
  await browser.scripting.executeScript({ target, files: [GATEWAY_FORM_SCRIPT] });
}

/** Runs in the page's isolated world (serialised on its own): what the in-page script starts with. */
function leaveStart(start: GatewayPageStart) {
  Object.assign(globalThis, { etfAutofillStart: start });
}

/**
 * Calls the in-page script in `target`, injecting it first only when the page does not have it yet:
 * on a gateway's External Threat Feeds pages it is there already, and the popup's answer comes sooner.
 */
async function callInFrame(target: { tabId: number; frameIds?: number[] }, call: string, argument: unknown, onlyOrigin: string | null): Promise<unknown> {
  const callOnce = async () => (await browser.scripting.executeScript({ target, func: callInPage, args: [call, argument, onlyOrigin] }))[0]?.result;
  const result = await callOnce();
  if (result !== NOT_INJECTED) return result;
  await browser.scripting.executeScript({ target, files: [GATEWAY_FORM_SCRIPT] });
  return callOnce();
}

/**
 * Runs in the page's isolated world, where the in-page script left its functions. It is serialised
 * on its own, so it may use nothing but its arguments and that global.
 */
function callInPage(call: string, argument: unknown, onlyOrigin: string | null): unknown {
  // The keyboard fill approved one origin; a redirect since (to a sign-in page, say) gets nothing.
  if (onlyOrigin !== null && location.origin !== onlyOrigin) return 'other-origin';
  const api = (globalThis as unknown as { etfAutofill?: { isCurrent(): boolean } & Record<string, (argument: unknown) => unknown> }).etfAutofill;
  // Not there, or left by the extension before an update: the current script is injected first.
  if (!api?.isCurrent()) return 'not-injected';
  return api[call]?.(argument) ?? null;
}

/** What callInPage answers for a page that is not (or no longer) the one it may fill. */
const OTHER_ORIGIN = 'other-origin';
/** What callInPage answers where the in-page script is not (or no longer) in the page. */
const NOT_INJECTED = 'not-injected';
