import * as z from 'zod/mini';
import { browser } from 'wxt/browser';
import type { EtfValues } from '../gateway/etf-values';
import { FIELD_KEYS, FILLED_OUTCOMES, FORM_ERROR_CODES, SKIP_REASONS, type EtfFormError, type FillRequest, type FillResult } from '../gateway/fill-report';
import { withWordedError } from '../i18n/describe-form-error';
import { t } from '../i18n/i18n';

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
    await browser.scripting.executeScript({ target: { tabId }, files: [GATEWAY_FORM_SCRIPT] });
    const [injection] = await browser.scripting.executeScript({ target: { tabId }, func: callInPage, args: [call, argument, onlyOrigin ?? null] });
    result = injection?.result;
  } catch {
    result = OTHER_ORIGIN;
  }
  if (result === OTHER_ORIGIN) return { ok: false, error: { code: 'page-unreachable', message: t('tabUnreachable') } };
  const parsed = answer.safeParse(result);
  return parsed.success ? parsed.data : { ok: false, error: { code: 'unexpected-answer', message: t('tabUnexpected') } };
}

/**
 * Runs in the page's isolated world, where the in-page script left its functions. It is serialised
 * on its own, so it may use nothing but its arguments and that global.
 */
function callInPage(call: string, argument: unknown, onlyOrigin: string | null): unknown {
  // The keyboard fill approved one origin; a redirect since (to a sign-in page, say) gets nothing.
  if (onlyOrigin !== null && location.origin !== onlyOrigin) return 'other-origin';
  const api = (globalThis as unknown as { etfAutofill?: Record<string, (argument: unknown) => unknown> }).etfAutofill;
  return api?.[call]?.(argument);
}

/** What callInPage answers for a page that is not (or no longer) the one it may fill. */
const OTHER_ORIGIN = 'other-origin';
