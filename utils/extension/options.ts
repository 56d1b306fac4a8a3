import * as z from 'zod/mini';
import { browser } from 'wxt/browser';
import { storageItem } from './storage-item';
import { t } from '../i18n/i18n';

/** How Autofill names the source and which of the gateway's own settings it overrides. No secrets. */
export interface Options {
  sourceNameTemplate: string;
  descriptionTemplate: string;
  /** null: leave the gateway's own value. */
  pollIntervalHours: number | null;
  pollIntervalMinutes: number | null;
  feedAgeDays: number | null;
  pollSegmentDays: number | null;
}
export type OptionKey = keyof Options;

export const OPTION_KEYS = [
  'sourceNameTemplate',
  'descriptionTemplate',
  'pollIntervalHours',
  'pollIntervalMinutes',
  'feedAgeDays',
  'pollSegmentDays',
] as const satisfies readonly OptionKey[];

export const DEFAULT_OPTIONS: Options = {
  sourceNameTemplate: '{title}',
  descriptionTemplate: '{title}: SecureX/XDR feed {feedId}, added {date} by ETF Autofill',
  pollIntervalHours: null,
  pollIntervalMinutes: null,
  feedAgeDays: null,
  pollSegmentDays: null,
};

/** What a template may say: the feed's title, id, region, host and today's date. */
export const TEMPLATE_PLACEHOLDERS = ['title', 'feedId', 'region', 'host', 'date'] as const;

const UNKNOWN_PLACEHOLDER = /\{(?!(?:title|feedId|region|host|date)\})[^{}]*\}/;
const template = (max: number) =>
  z.string().check(
    z.maxLength(max, { error: () => t('optionTooLong', max) }),
    z.refine((text) => !UNKNOWN_PLACEHOLDER.test(text), { error: () => t('optionUnknownPlaceholder') }),
  );
type NumberKey = 'pollIntervalHours' | 'pollIntervalMinutes' | 'feedAgeDays' | 'pollSegmentDays';

/** The whole numbers each setting takes; the gateway still checks its own limits on Submit. */
export const NUMBER_RANGES: Record<NumberKey, readonly [number, number]> = {
  pollIntervalHours: [0, 24],
  pollIntervalMinutes: [0, 59],
  feedAgeDays: [1, 365],
  pollSegmentDays: [1, 365],
};

function rangeMessage(key: NumberKey): string {
  const [min, max] = NUMBER_RANGES[key];
  return t('optionRange', min, max);
}

const whole = (key: NumberKey) => z.nullable(z.int().check(z.minimum(NUMBER_RANGES[key][0]), z.maximum(NUMBER_RANGES[key][1])));

/** Each option's rule, for what is stored and what policy sets. */
const OPTION_SCHEMAS = {
  sourceNameTemplate: template(100),
  descriptionTemplate: template(300),
  pollIntervalHours: whole('pollIntervalHours'),
  pollIntervalMinutes: whole('pollIntervalMinutes'),
  feedAgeDays: whole('feedAgeDays'),
  pollSegmentDays: whole('pollSegmentDays'),
} satisfies Record<OptionKey, z.ZodMiniType>;

const syncedOptions = storageItem<Partial<Options>>('sync', 'options', {});

/**
 * The organisation's policy as last read from managed storage. `storage.managed.get()` waits for
 * the browser's policy service (seconds on a fresh Chrome; never, on some Edge builds), so no click
 * reads it: the background copies it here when it starts and whenever the policy changes.
 */
const policyCopy = storageItem<Partial<Options>>('local', 'policy', {});

/** How long a refresh waits for the policy service before leaving the last copy as it is. */
export const POLICY_WAIT_MS = 10_000;

export interface EffectiveOptions {
  options: Options;
  /** Options the organisation set by policy: they win and cannot be edited. */
  managed: OptionKey[];
}

/** The options in force: the organisation's policy over the user's choices over the defaults. */
export async function readOptions(): Promise<EffectiveOptions> {
  const [synced, policy] = await Promise.all([syncedOptions.get().catch(() => ({})), policyCopy.get().catch(() => ({}))]);
  const user = validOptions(synced);
  const managed = validOptions(policy);
  return { options: { ...DEFAULT_OPTIONS, ...user, ...managed }, managed: Object.keys(managed) as OptionKey[] };
}

/**
 * Copies the managed policy to where a click reads it at once. A browser without a policy (or one
 * that refuses managed storage) leaves no policy; one whose policy service does not answer within
 * `waitMs` leaves the last copy alone. Resolves either way, never later than `waitMs`.
 */
export async function refreshPolicy(waitMs = POLICY_WAIT_MS): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<null>((resolve) => (timer = setTimeout(resolve, waitMs, null)));
  const policy = await Promise.race([browser.storage.managed.get().catch(() => ({})), timeout]);
  clearTimeout(timer);
  if (policy !== null) await policyCopy.set(validOptions(policy)).catch(() => undefined);
}

/** Calls `onChange` when the user's options or the organisation's policy change. */
export function watchOptions(onChange: () => void): () => void {
  const stops = [syncedOptions.watch(onChange), policyCopy.watch(onChange)];
  return () => stops.forEach((stop) => stop());
}

export type OptionErrors = Partial<Record<OptionKey, string>>;

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
