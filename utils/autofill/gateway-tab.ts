import * as z from 'zod/mini';
import { FIELD_KEYS } from '../gateway/etf-fields';
import type { EtfValues } from '../gateway/etf-values';
import { FILLED_OUTCOMES, FORM_ERROR_CODES, SKIP_REASONS, type FillRequest, type FillResult } from '../gateway/fill-report';
import { t } from '../i18n/i18n';
import { callInTab, inspectTab, worded, type FormRefusal, type TabFailure, type TabInspection } from './tab-call';

export interface GatewayTab {
  /** Whether the tab shows an Add Source form. Changes nothing. */
  inspect(): Promise<TabInspection>;
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

// The page's answer carries codes only (the page may have changed the script's answer): the
// words the admin reads are the extension's own.
const Refusal = z.object({ ok: z.literal(false), error: z.object({ code: z.enum(FORM_ERROR_CODES) }) });
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
    inspect: () => inspectTab(tabId),
    fill: async (values, { onlyOrigin, focusSubmit }) => {
      const request: FillRequest = { values, focusSubmit };
      return worded(await callInTab(tabId, 'fill', request, parsedBy(FillAnswer), onlyOrigin));
    },
    announce: async (lines, urgent) => {
      await callInTab(tabId, 'announce', { heading: t('extName'), lines, urgent }, () => null);
    },
  };
}

/** A schema's reading of the page's answer: its value, or undefined when the answer does not fit. */
function parsedBy<T>(schema: z.ZodMiniType<T>): (answer: unknown) => T | undefined {
  return (answer) => {
    const parsed = schema.safeParse(answer);
    return parsed.success ? parsed.data : undefined;
  };
}
