import { regionOrHost, type Region } from '../feed/cisco-hosts';
import type { FeedFields } from '../feed/feed-url';
import { GATEWAY_SETTINGS } from './gateway-settings';

/** Everything the Add Source form gets from one feed; null means "leave the gateway's value". */
export interface EtfValues {
  sourceName: string;
  description: string;
  hostname: string;
  pollingPath: string;
  collectionName: string;
  pollingPort: string;
  useHttps: boolean;
  configureUserCredentials: boolean;
  pollIntervalHours: string | null;
  pollIntervalMinutes: string | null;
  feedAgeDays: string | null;
  pollSegmentDays: string | null;
}

/** What the form's values are made from: a feed as the extension keeps it. */
export interface FeedForForm {
  fields: FeedFields;
  feedId: string;
  title?: string;
  region: Region | null;
  /** The feed host's port, when its URL named one other than 443. */
  port?: number;
}

/** What the options decide about the values: how the source is named, which gateway settings are set. */
export interface FillSettings {
  sourceNameTemplate: string;
  descriptionTemplate: string;
  /** null: leave the gateway's own value. */
  pollIntervalHours: number | null;
  pollIntervalMinutes: number | null;
  feedAgeDays: number | null;
  pollSegmentDays: number | null;
}

const MAX_SOURCE_NAME = 32;

/**
 * The form's values for `feed`: its three fields, the fixed settings, the optional settings the
 * options set, and a Source Name and Description from the options' templates. The Source Name keeps
 * letters, digits, "-" and "_" only, which any gateway release accepts. The secret goes only into
 * Collection Name: templates cannot name it.
 */
export function etfValuesFor(feed: FeedForForm, today: Date, options: FillSettings): EtfValues {
  const placeholders: Record<string, string> = {
    title: feed.title ?? '',
    feedId: feed.feedId,
    region: regionOrHost(feed),
    host: feed.fields.hostname,
    date: today.toISOString().slice(0, 10),
  };
  const fill = (template: string) => template.replace(/\{(\w+)\}/g, (_, name: string) => placeholders[name] ?? '');
  const text = (value: number | null) => (value === null ? null : String(value));
  return {
    sourceName: sourceName(fill(options.sourceNameTemplate)) || `XDR_feed_${feed.feedId.slice(5, 13)}`,
    // A template that starts with an empty {title} would start with its separator: drop it.
    description: fill(options.descriptionTemplate).replace(/^[\s:;,.-]+/, '').trim(),
    ...feed.fields,
    pollingPort: String(feed.port ?? GATEWAY_SETTINGS.pollingPort),
    useHttps: GATEWAY_SETTINGS.useHttps,
    configureUserCredentials: GATEWAY_SETTINGS.configureUserCredentials,
    pollIntervalHours: text(options.pollIntervalHours),
    pollIntervalMinutes: text(options.pollIntervalMinutes),
    feedAgeDays: text(options.feedAgeDays),
    pollSegmentDays: text(options.pollSegmentDays),
  };
}

function sourceName(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '') // accents, split off by NFKD: "é" becomes "e", not "e "
    .replace(/[^A-Za-z0-9 _-]+/g, ' ')
    .trim()
    .replace(/\s+/g, '_')
    .slice(0, MAX_SOURCE_NAME)
    .replace(/[_-]+$/, '');
}
