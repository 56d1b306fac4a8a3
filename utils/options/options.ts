import type { OptionalFieldKey } from '../gateway/etf-fields';
import type { FillSettings } from '../gateway/etf-values';
import { storageItem } from '../platform/storage-item';

/** How Autofill names the source and which of the gateway's own settings it overrides: what the form filler takes. No secrets. */
export type Options = FillSettings;
export type OptionKey = keyof Options;

export const DEFAULT_OPTIONS: Options = {
  sourceNameTemplate: '{title}',
  descriptionTemplate: '{title}: SecureX/XDR feed {feedId}, added {date} by ETF Autofill',
  pollIntervalHours: null,
  pollIntervalMinutes: null,
  feedAgeDays: null,
  pollSegmentDays: null,
};

/** Every option, each once: the keys of the defaults, which name every option (the type says so) and nothing else. */
export const OPTION_KEYS = Object.keys(DEFAULT_OPTIONS) as readonly OptionKey[];

/** The options that set a gateway setting: one per optional field of the Add Source form. */
export type NumberKey = OptionalFieldKey;

/** The whole numbers each setting takes; the gateway still checks its own limits on Submit. */
export const NUMBER_RANGES: Record<NumberKey, readonly [number, number]> = {
  pollIntervalHours: [0, 24],
  pollIntervalMinutes: [0, 59],
  feedAgeDays: [1, 365],
  pollSegmentDays: [1, 365],
};

export const syncedOptions = storageItem<Partial<Options>>('sync', 'options', {});

/**
 * The organisation's policy as last read from managed storage. `storage.managed.get()` waits for
 * the browser's policy service (seconds on a fresh Chrome; never, on some Edge builds), so no click
 * reads it: the background copies it here when it starts and whenever the policy changes.
 */
export const policyCopy = storageItem<Partial<Options>>('local', 'policy', {});

/** How long a refresh waits for the policy service before leaving the last copy as it is. */
export const POLICY_WAIT_MS = 10_000;

export interface EffectiveOptions {
  options: Options;
  /** Options the organisation set by policy: they win and cannot be edited. */
  managed: OptionKey[];
}

export type OptionErrors = Partial<Record<OptionKey, string>>;

/** Calls `onChange` when the user's options or the organisation's policy change. */
export function watchOptions(onChange: () => void): () => void {
  const stops = [syncedOptions.watch(onChange), policyCopy.watch(onChange)];
  return () => stops.forEach((stop) => stop());
}

