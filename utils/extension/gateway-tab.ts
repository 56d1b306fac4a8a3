import * as z from 'zod/mini';
import { browser } from 'wxt/browser';
import { FIELD_KEYS, type FillResult, type InspectResult } from '../gateway/etf-form';
import type { EtfValues } from '../gateway/etf-values';
import { t } from '../i18n/i18n';

/** The bundled in-page script (entrypoints/gateway-form.ts) that finds and fills the form. */
const GATEWAY_FORM_SCRIPT = '/gateway-form.js';

export interface GatewayTab {
  /** Whether the tab shows an Add Source form. Changes nothing. */
  inspect(): Promise<InspectResult | TabFailure>;
  /** Fills the form; with `onlyOrigin`, only if the tab still shows that origin when the fill runs. */
  fill(values: EtfValues, onlyOrigin?: string): Promise<FillResult | TabFailure>;
  /** Shows a short message in the page, for fills started from the keyboard. */
  announce(lines: string[], urgent: boolean): Promise<void>;
}

export type GatewayTabError = { code: 'page-unreachable' | 'unexpected-answer'; message: string };
/** The tab could not be asked, or its answer made no sense: nothing was changed. */
export type TabFailure = { ok: false; error: GatewayTabError };


const FormError = z.object({ code: z.enum(['not-add-source-form', 'form-in-closed-frame']), message: z.string() });
const Refusal = z.object({ ok: z.literal(false), error: FormError });
const InspectAnswer = z.union([z.object({ ok: z.literal(true) }), Refusal]);
const FillAnswer = z.union([
  z.object({
    ok: z.literal(true),
    fields: z.array(
      z.object({
        key: z.enum(FIELD_KEYS),
        label: z.string(),
        outcome: z.enum(['filled', 'already-set', 'not-found', 'skipped']),
        reason: z.optional(z.string()),
      }),
    ),
    submitFocused: z.boolean(),
  }),
  Refusal,
]);

/**
 * The Add Source form in tab `tabId`, reached through the bundled in-page script. The id may come
 * later (the popup draws before it has asked which tab is active); no id means no tab to fill.
 */
export function gatewayTab(tabId: number | Promise<number | undefined>): GatewayTab {
  return {
    inspect: () => callInTab(tabId, 'inspect', null, InspectAnswer),
    fill: (values, onlyOrigin) => callInTab(tabId, 'fill', values, FillAnswer, onlyOrigin),
    announce: async (lines, urgent) => {
      await callInTab(tabId, 'announce', { lines, urgent }, z.unknown());
    },
  };
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
