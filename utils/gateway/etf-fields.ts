import { FIELD_LABELS } from '../feed/feed-fields';
import type { FeedFields } from '../feed/feed-url';

// The Add Source form's fields, listed once. Their keys, order, words and fixed values are here;
// the values' types, the settings the popup lists and what the source check reads derive from them.

interface EtfField {
  /** The gateway form's own words for the field. */
  label: string;
  /** A setting every CTIA feed needs, always filled. A Yes/No field's is a boolean. */
  fixed?: boolean | number;
  /** A gateway setting filled only when the options set it; otherwise the gateway's own value stays. */
  optional?: true;
}

/** The fields Autofill fills, in the order its report names them: the form's, the optional settings last. */
export const ETF_FIELDS = {
  sourceName: { label: 'Source Name' },
  description: { label: 'Description' },
  hostname: { label: FIELD_LABELS.hostname },
  pollingPath: { label: FIELD_LABELS.pollingPath },
  collectionName: { label: FIELD_LABELS.collectionName },
  // A CTIA feed is served over HTTPS, on port 443 unless its URL names another, and authenticates
  // by its URL secret alone.
  useHttps: { label: 'Use HTTPS', fixed: true },
  pollingPort: { label: 'Polling Port', fixed: 443 },
  configureUserCredentials: { label: 'Configure User Credentials', fixed: false },
  pollIntervalHours: { label: 'Polling Interval (hours)', optional: true },
  pollIntervalMinutes: { label: 'Polling Interval (minutes)', optional: true },
  feedAgeDays: { label: 'Age of Threat Feeds', optional: true },
  pollSegmentDays: { label: 'Time Span of Poll Segment', optional: true },
} as const satisfies Record<string, EtfField>;

type Fields = typeof ETF_FIELDS;
export type EtfFieldKey = keyof Fields;
type KeysWhere<Shape> = { [K in EtfFieldKey]: Fields[K] extends Shape ? K : never }[EtfFieldKey];
type FixedFieldKey = KeysWhere<{ fixed: unknown }>;
export type OptionalFieldKey = KeysWhere<{ optional: true }>;

/** What the form gets for a field: a Yes/No field's choice, or text; for an optional setting, null leaves the gateway's value. */
export type EtfFieldValue<K extends EtfFieldKey> = Fields[K] extends { fixed: boolean } ? boolean : Fields[K] extends { optional: true } ? string | null : string;

export const FIELD_KEYS = Object.keys(ETF_FIELDS) as [EtfFieldKey, ...EtfFieldKey[]];

// Each list below is marked pure, so a bundle that does not use it leaves it out.

export const OPTIONAL_FIELD_KEYS = /* @__PURE__ */ FIELD_KEYS.filter((key): key is OptionalFieldKey => 'optional' in ETF_FIELDS[key]);

/** The Add/Edit Source fields that make a feed source poll, in form order: the feed's three and the fixed settings. What the source check reads and its Fix sets. */
export type SourceField = keyof FeedFields | FixedFieldKey;
export const SOURCE_FIELD_KEYS = /* @__PURE__ */ FIELD_KEYS.filter((key): key is SourceField => key in FIELD_LABELS || 'fixed' in ETF_FIELDS[key]);

/** The fixed settings as the gateway form words them. */
export const FIXED_SETTINGS = /* @__PURE__ */ FIELD_KEYS.flatMap((key) => {
  const { label, fixed }: EtfField = ETF_FIELDS[key];
  return fixed === undefined ? [] : [{ key, label, value: typeof fixed === 'boolean' ? (fixed ? 'Yes' : 'No') : String(fixed) }];
});

/** Where the filler looks for a field. */
export interface FieldSpec {
  /** Known element ids (AsyncOS 13.5): a text field's id, or a Yes/No radio pair's. */
  ids: string[] | { yes: string; no: string };
  /** The field's label, normalised (lower case, no colon, asterisk or parenthesised hint). */
  labels: RegExp[];
}

/** Each field's spec. Apart from ETF_FIELDS so that only the filler's bundle carries the gateway's element ids. */
export const FIELD_SPECS: Record<EtfFieldKey, FieldSpec> = {
  sourceName: { ids: ['source_name'], labels: [/^source name$/] },
  description: { ids: ['source_description'], labels: [/^description$/] },
  hostname: { ids: ['source_hostname'], labels: [/^host ?name$/] },
  pollingPath: { ids: ['source_polling_path'], labels: [/^polling path$/] },
  collectionName: { ids: ['source_collection_name'], labels: [/^collection name$/] },
  useHttps: { ids: { yes: 'use_https_yes', no: 'use_https_no' }, labels: [/^use https$/] },
  pollingPort: { ids: ['poll_port'], labels: [/^polling port$/] },
  configureUserCredentials: { ids: { yes: 'source_config_cred_yes', no: 'source_config_cred_no' }, labels: [/^configure user credentials$/] },
  pollIntervalHours: { ids: ['poll_interval_hour'], labels: [/^polling interval( hours?)?$/] },
  pollIntervalMinutes: { ids: ['poll_interval_mins'], labels: [/^polling interval minutes?$/] },
  feedAgeDays: { ids: ['source_collection_age'], labels: [/^age of threat feeds?( days)?$/] },
  pollSegmentDays: { ids: ['poll_chunk_size'], labels: [/^time span of poll segment( days)?$/] },
};
