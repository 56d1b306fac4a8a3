import * as z from 'zod/mini';
import { browser } from 'wxt/browser';
import type { EtfValues } from '../gateway/etf-values';
import { FIELD_KEYS, FILLED_OUTCOMES, FORM_ERROR_CODES, SKIP_REASONS, type EtfFormError, type FillRequest, type FillResult } from '../gateway/fill-report';
import { withWordedError } from '../i18n/describe-form-error';
import { t } from '../i18n/i18n';
import type { GatewayPageStart } from '../gateway-page/gateway-page-start';

/** The bundled in-page script (entrypoints/gateway-form.ts) that finds and fills the form. */
const GATEWAY_FORM_SCRIPT = '/gateway-form.js';

export interface GatewayTab {
  /** Whether the tab shows an Add Source form. Changes nothing. */
  inspect(): Promise<{ ok: true } | (FormRefusal & { sourcesList?: boolean }) | TabFailure>;
  /**
   * Fills the form; with `onlyOrigin`, only if the tab still shows that origin when the fill runs.
   * Focus goes to Submit only with `focusSubmit` (see FillRequest for when).
   */
  fill(values: EtfValues, how: TabFill): Promise<Extract<FillResult, { ok: true }> | FormRefusal | TabFailure>;
  /** Shows a short message in the page, for fills started from the keyboard. */
  announce(lines: string[], urgent: boolean): Promise<void>;
}

/** How a tab is filled: only while it shows `onlyOrigin`, when given; focus on Submit afterwards or not. */
export interface TabFill {
  onlyOrigin?: string;
  focusSubmit: FillRequest['focusSubmit'];
}

export type GatewayTabError = { code: 'page-unreachable' | 'unexpected-answer'; message: string };
/** The tab could not be asked, or its answer made no sense: nothing was changed. */
export type TabFailure = { ok: false; error: GatewayTabError };
/** The page holds no form the filler may fill: nothing was changed. */
export type FormRefusal = { ok: false; error: EtfFormError & { message: string } };

// The page's answer carries codes only (the page may have changed the script's answer): the
// words the admin reads are the extension's own.
const Refusal = z.object({ ok: z.literal(false), error: z.object({ code: z.enum(FORM_ERROR_CODES) }) });
const InspectAnswer = z.union([
  z.object({ ok: z.literal(true) }),
  z.object({ ok: z.literal(false), error: z.object({ code: z.enum(FORM_ERROR_CODES) }), sourcesList: z.optional(z.boolean()) }),
]);
const FieldReport = z.union([
  z.object({ key: z.enum(FIELD_KEYS), outcome: z.enum(FILLED_OUTCOMES) }),
  z.object({ key: z.enum(FIELD_KEYS), outcome: z.literal('skipped'), reason: z.enum(SKIP_REASONS) }),
]);
const FillAnswer = z.union([z.object({ ok: z.literal(true), fields: z.array(FieldReport), submitFocused: z.boolean() }), Refusal]);

/**
 * The Add Source form in tab `tabId`, reached through the bundled in-page script. The id may come
 * later (the popup draws before it has asked which tab is active); no id means no tab to fill.
 */
export function gatewayTab(tabId: number | Promise<number | undefined>): GatewayTab {
  return {
    inspect: async () => worded(await callInTab(tabId, 'inspect', null, InspectAnswer)),
    fill: async (values, { onlyOrigin, focusSubmit }) => {
      const request: FillRequest = { values, focusSubmit };
      return worded(await callInTab(tabId, 'fill', request, FillAnswer, onlyOrigin));
    },
    announce: async (lines, urgent) => {
      await callInTab(tabId, 'announce', { heading: t('extName'), lines, urgent }, z.unknown());
    },
  };
}

/** The answer with the filler's refusal worded; a failure to reach the tab comes worded already. */
function worded<T extends { ok: true }>(answer: T | { ok: false; error: EtfFormError } | TabFailure): T | FormRefusal | TabFailure {
  return isTabFailure(answer) ? answer : withWordedError(answer);
}

function isTabFailure(answer: { ok: boolean; error?: object }): answer is TabFailure {
  return !answer.ok && answer.error !== undefined && 'message' in answer.error;
}

async function callInTab<T>(
  tabIdToBe: number | Promise<number | undefined>,
  call: string,
  argument: unknown,
  answer: z.ZodMiniType<T>,
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
  const parsed = answer.safeParse(result);
  return parsed.success ? parsed.data : { ok: false, error: { code: 'unexpected-answer', message: t('tabUnexpected') } };
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
