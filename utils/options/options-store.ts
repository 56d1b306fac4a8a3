import * as z from 'zod/mini';
import { browser } from 'wxt/browser';
import { OPTIONAL_FIELD_KEYS } from '../gateway/etf-fields';
import { MAX_DESCRIPTION, TEMPLATE_PLACEHOLDERS } from '../gateway/etf-values';
import { t } from '../i18n/i18n';
import { keepPolicyGateways } from '../gateways/known-gateways';
import { WholeNumber } from '../platform/whole-number';
import { within } from '../platform/within';
import { DEFAULT_OPTIONS, NUMBER_RANGES, OPTION_KEYS, policyCopy, syncedOptions, type EffectiveOptions, type NumberKey, type OptionErrors, type OptionKey, type Options, POLICY_WAIT_MS } from './options';

// The options as the background reads, checks and stores them: sync storage is one a content
// script can write, so every value is checked against its rule on the way in and out.

const UNKNOWN_PLACEHOLDER = new RegExp(`\\{(?!(?:${TEMPLATE_PLACEHOLDERS.join('|')})\\})[^{}]*\\}`);
const template = (max: number) =>
  z.string().check(
    z.maxLength(max, { error: () => t('optionTooLong', max) }),
    z.refine((text) => !UNKNOWN_PLACEHOLDER.test(text), { error: () => t('optionUnknownPlaceholder') }),
  );
function rangeMessage(key: NumberKey): string {
  const [min, max] = NUMBER_RANGES[key];
  return t('optionRange', min, max);
}

const whole = (key: NumberKey) => z.nullable(WholeNumber.check(z.minimum(NUMBER_RANGES[key][0]), z.maximum(NUMBER_RANGES[key][1])));

/** Each option's rule, for what is stored and what policy sets. */
const OPTION_SCHEMAS: Record<OptionKey, z.ZodMiniType> = {
  sourceNameTemplate: template(100),
  descriptionTemplate: template(MAX_DESCRIPTION),
  ...(Object.fromEntries(OPTIONAL_FIELD_KEYS.map((key) => [key, whole(key)])) as Record<NumberKey, ReturnType<typeof whole>>),
};

/** The options in force: the organisation's policy over the user's choices over the defaults. */
export async function readOptions(): Promise<EffectiveOptions> {
  const [synced, policy] = await Promise.all([syncedOptions.get().catch(() => ({})), policyCopy.get().catch(() => ({}))]);
  const user = validOptions(synced);
  const managed = validOptions(policy);
  return { options: { ...DEFAULT_OPTIONS, ...user, ...managed }, managed: Object.keys(managed) as OptionKey[] };
}

/**
 * Copies the managed policy (its options, and the gateways it lists) to where a click reads it at
 * once. A browser without a policy (or one that refuses managed storage) leaves no policy; one whose
 * policy service does not answer within `waitMs` leaves the last copy alone. Resolves either way,
 * never later than `waitMs`.
 */
export async function refreshPolicy(waitMs = POLICY_WAIT_MS): Promise<void> {
  const policy = await within<{ gateways?: unknown } | null>(browser.storage.managed.get().catch(() => ({})), waitMs, null);
  if (policy === null) return;
  await Promise.all([policyCopy.set(validOptions(policy)).catch(() => undefined), keepPolicyGateways(policy.gateways).catch(() => undefined)]);
}

/**
 * Checks `input` (a form's text, '' for empty numbers) and stores it unless anything is wrong; the
 * organisation's options are never stored over. Returns the problems per field, empty when saved.
 */
export async function saveOptions(input: Record<OptionKey, string>, managed: OptionKey[]): Promise<OptionErrors> {
  const errors: OptionErrors = {};
  const values: Partial<Options> = {};
  for (const key of OPTION_KEYS) {
    if (managed.includes(key)) continue;
    const isNumber = key in NUMBER_RANGES;
    const raw = input[key].trim();
    const value = isNumber ? (raw === '' ? null : /^\d+$/.test(raw) ? Number(raw) : Number.NaN) : input[key];
    const parsed = OPTION_SCHEMAS[key].safeParse(value);
    if (parsed.success) Object.assign(values, { [key]: parsed.data });
    else errors[key] = isNumber ? rangeMessage(key as NumberKey) : parsed.error.issues[0]?.message;
  }
  // The user's own values for what policy now sets are kept, for when the policy is lifted.
  if (Object.keys(errors).length === 0) await syncedOptions.set({ ...validOptions(await syncedOptions.get().catch(() => ({}))), ...values });
  return errors;
}

/** The valid options in `value`, one by one: a bad or old-shaped entry falls back to its default. */
function validOptions(value: unknown): Partial<Options> {
  if (value === null || typeof value !== 'object') return {};
  const options: Partial<Options> = {};
  for (const key of OPTION_KEYS) {
    if (!(key in value)) continue;
    const parsed = OPTION_SCHEMAS[key].safeParse((value as Record<string, unknown>)[key]);
    if (parsed.success) Object.assign(options, { [key]: parsed.data });
  }
  return options;
}
