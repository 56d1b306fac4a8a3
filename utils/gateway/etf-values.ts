import { regionOrHost, type Region } from '../feed/cisco-hosts';
import type { FeedFields } from '../feed/feed-url';
import { ETF_FIELDS, OPTIONAL_FIELD_KEYS, type EtfFieldKey, type EtfFieldValue, type OptionalFieldKey } from './etf-fields';

/** Everything the Add Source form gets from one feed; null means "leave the gateway's value". */
export type EtfValues = { [K in EtfFieldKey]: EtfFieldValue<K> };

/** What the form's values are made from: a feed as the extension keeps it. */
export interface FeedForForm {
  fields: FeedFields;
  feedId: string;
  title?: string;
  region: Region | null;
  /** The feed host's port, when its URL named one other than 443. */
  port?: number;
}

/**
 * What the options decide about the values: how the source is named, and each optional gateway
 * setting (null: leave the gateway's own value).
 */
export interface FillSettings extends Record<OptionalFieldKey, number | null> {
  sourceNameTemplate: string;
  descriptionTemplate: string;
}

/** What a template may say: the feed's title, id, region, host and today's date. */
export const TEMPLATE_PLACEHOLDERS = ['title', 'feedId', 'region', 'host', 'date'] as const;
type TemplatePlaceholder = (typeof TEMPLATE_PLACEHOLDERS)[number];

const MAX_SOURCE_NAME = 32;
/** The longest Description: the longest description template the options accept (the gateway's own limit is not published). */
export const MAX_DESCRIPTION = 300;

/**
 * The form's values for `feed`: its three fields, the fixed settings, the optional settings the
 * options set, and a Source Name and Description from the options' templates. The Source Name keeps
 * letters, digits, "-" and "_" only, which any gateway release accepts; the Description keeps
 * letters, digits, spaces and plain punctuation. The secret goes only into Collection Name:
 * templates cannot name it.
 */
export function etfValuesFor(feed: FeedForForm, today: Date, options: FillSettings): EtfValues {
  const placeholders: Record<TemplatePlaceholder, string> = {
    title: feed.title ?? '',
    feedId: feed.feedId,
    region: regionOrHost(feed),
    host: feed.fields.hostname,
    date: today.toISOString().slice(0, 10),
  };
  const fill = (template: string) => template.replace(/\{(\w+)\}/g, (_, name: string) => (isPlaceholder(name) ? placeholders[name] : ''));
  return {
    sourceName: sourceName(fill(options.sourceNameTemplate)) || `XDR_feed_${feed.feedId.slice(5, 13)}`,
    description: description(fill(options.descriptionTemplate)),
    ...feed.fields,
    pollingPort: String(feed.port ?? ETF_FIELDS.pollingPort.fixed),
    useHttps: ETF_FIELDS.useHttps.fixed,
    configureUserCredentials: ETF_FIELDS.configureUserCredentials.fixed,
    ...optionalSettings(options),
  };
}

function isPlaceholder(name: string): name is TemplatePlaceholder {
  return (TEMPLATE_PLACEHOLDERS as readonly string[]).includes(name);
}

/** Each optional setting as the form takes it: the options' number as text, or null. */
function optionalSettings(options: FillSettings): Pick<EtfValues, OptionalFieldKey> {
  return Object.fromEntries(OPTIONAL_FIELD_KEYS.map((key) => [key, options[key] === null ? null : String(options[key])])) as Pick<EtfValues, OptionalFieldKey>;
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

/**
 * The Description as the gateway gets it. A feed's title is whatever its author typed, and the
 * gateway shows the Description in its own pages: only letters (any script, accents and all),
 * digits, spaces and the punctuation of titles, dates and the default template survive. That is
 * `. , : ; _ ( ) / # & +`, hyphens and dashes, and the apostrophe in its typographic form (’), which
 * ends no quoted attribute or string as `'` does. Nothing that opens or closes markup or a quote
 * (`<`, `>`, `"`, `'`, `` ` ``), no `=`, control characters or line breaks: each run of anything else
 * becomes one space.
 */
function description(text: string): string {
  return (
    text
      .normalize('NFC') // "e" + a combining accent becomes the one letter "é"
      .replace(/'/g, '’')
      .replace(/[^\p{L}\p{M}\p{Nd} .,:;_()/#&+’–—-]+/gu, ' ')
      .replace(/\s+/g, ' ')
      // A template that starts with an empty {title} would start with its separator: drop it.
      .replace(/^[\s:;,.–—-]+/, '')
      .slice(0, MAX_DESCRIPTION)
      // Cut inside a character written as two UTF-16 units: drop its first half.
      .replace(/[\uD800-\uDBFF]$/, '')
      .trim()
  );
}
