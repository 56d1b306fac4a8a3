import type { FeedFields } from './feed-url';

/** The gateway form's own words for each field, used for labels, buttons and copied text. */
export const FIELD_LABELS: Record<keyof FeedFields, string> = {
  hostname: 'Hostname',
  pollingPath: 'Polling Path',
  collectionName: 'Collection Name',
};

export const FIELD_ORDER = ['hostname', 'pollingPath', 'collectionName'] as const satisfies readonly (keyof FeedFields)[];

/** "Hostname: …" lines, one per field, for pasting into a ticket or a change request. */
export function formatFieldsAsLines(fields: FeedFields): string {
  return FIELD_ORDER.map((key) => `${FIELD_LABELS[key]}: ${fields[key]}`).join('\n');
}
