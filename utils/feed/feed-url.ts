import { FEED_PATH, regionOfHost, type Region } from './cisco-hosts';
import { UUID } from './feed-id';
import { findUrlInText } from './url-in-text';

/** The three values the gateway's Add Source form needs from a feed URL. */
export interface FeedFields {
  hostname: string;
  pollingPath: string;
  collectionName: string;
}

/** Why a text is not a feed URL, with what a message needs to say so (never the secret). */
export type FeedUrlError =
  | { code: 'empty' | 'missing-secret' | 'bad-secret' }
  /** No URL at all; or one whose `host` no server can have, or whose `port` none listens on. */
  | { code: 'not-a-url'; host?: string; port?: number }
  /**
   * `protocol` as the URL parser writes it: "http:", "data:", …; `slashes`: whether "//" follows it
   * in the URL as the browser reads it (http:, ftp:, file: always do; data:, javascript:, mailto: never).
   */
  | { code: 'not-https'; protocol: string; slashes: boolean }
  /** The path is not under /ctia/feed/, or its feed id is cut short or altered. */
  | { code: 'not-a-feed-url'; part: 'path' | 'feed-id' };

export type FeedUrlErrorCode = FeedUrlError['code'];

export const FEED_URL_WARNING_CODES = ['txt-view', 'judgements-view', 'unrecognized-host', 'custom-port'] as const;
export type FeedUrlWarningCode = (typeof FEED_URL_WARNING_CODES)[number];

/**
 * Something the admin should know about an accepted feed URL. The values a message names are the
 * result's own: the host of `unrecognized-host` is `fields.hostname`, the port of `custom-port` is `port`.
 */
export interface FeedUrlWarning {
  code: FeedUrlWarningCode;
}

export interface ParsedFeedUrl {
  ok: true;
  fields: FeedFields;
  /** The feed host's port: 443 unless the URL names another, which Polling Port must then be. */
  port: number;
  feedId: string;
  region: Region | null;
  warnings: FeedUrlWarning[];
}

export type FeedUrlResult = ParsedFeedUrl | { ok: false; error: FeedUrlError };

const SECRET = new RegExp(`^${UUID}$`, 'i');
/** What follows `/ctia/feed/`: the feed id, then the JSON view or the plain-text view. */
const FEED_VIEW = new RegExp(`^(feed-${UUID})/view(\\.txt)?/?$`, 'i');
/** A DNS name, an IPv4 address or a bracketed IPv6 address. */
const HOST_NAME = /^(?:[a-z0-9-]+(?:\.[a-z0-9-]+)*|\[[0-9a-f:.]+\])$/;
/** Zero-width characters that rich-text copies slip into URLs. */
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff]/g;

/**
 * Splits a CTIA feed URL, found anywhere in `text`, into the gateway's Hostname, Polling Path and
 * Collection Name. Accepts the `view`, `view.txt`, `:443` and URL-encoded long-id shapes. Never throws.
 * Answers in codes, with the values a message needs: the UI words them in the user's language.
 */
export function parseFeedUrl(text: string): FeedUrlResult {
  const cleaned = text.replace(INVISIBLE, '');
  if (cleaned.trim() === '') return fail({ code: 'empty' });
  const candidate = findUrlInText(cleaned);
  const url = candidate === null ? null : URL.parse(candidate);
  if (url === null) return fail({ code: 'not-a-url' });
  if (url.protocol !== 'https:') return fail({ code: 'not-https', protocol: url.protocol, slashes: url.href.startsWith(`${url.protocol}//`) });

  const path = decodeOrKeep(url.pathname);
  if (!path.startsWith(FEED_PATH)) return fail({ code: 'not-a-feed-url', part: 'path' });
  // The long shape nests the whole feed URL as the id; the real id follows the last /ctia/feed/.
  const view = FEED_VIEW.exec(path.slice(path.lastIndexOf(FEED_PATH) + FEED_PATH.length));
  if (view === null) return fail({ code: 'not-a-feed-url', part: 'feed-id' });

  const secret = url.searchParams.get('s');
  if (!secret) return fail({ code: 'missing-secret' });
  if (!SECRET.test(secret)) return fail({ code: 'bad-secret' });

  const feedId = view[1]!; // the pattern's first group always matches
  const hostname = url.hostname.replace(/\.$/, '');
  // URL accepts "*" and other characters no feed host has; they would make odd permission requests.
  if (!HOST_NAME.test(hostname) || hostname.length > 253) return fail({ code: 'not-a-url', host: hostname });
  if (url.port === '0') return fail({ code: 'not-a-url', port: 0 });

  const region = regionOfHost(hostname);
  const warnings: FeedUrlWarning[] = [{ code: view[2] ? 'txt-view' : 'judgements-view' }];
  if (region === null) warnings.push({ code: 'unrecognized-host' });
  if (url.port !== '') warnings.push({ code: 'custom-port' });

  return {
    ok: true,
    fields: { hostname, pollingPath: `${FEED_PATH}${feedId}/view`, collectionName: secret },
    port: url.port === '' ? 443 : Number(url.port),
    feedId,
    region,
    warnings,
  };
}

function fail(error: FeedUrlError): FeedUrlResult {
  return { ok: false, error };
}

function decodeOrKeep(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}
