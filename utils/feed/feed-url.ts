import { FEED_PATH, regionOfHost, type Region } from './cisco-hosts';
import { t } from '../i18n/i18n';
import { findUrlInText } from './url-in-text';

/** The three values the gateway's Add Source form needs from a feed URL. */
export interface FeedFields {
  hostname: string;
  pollingPath: string;
  collectionName: string;
}

export type FeedUrlErrorCode =
  | 'empty'
  | 'not-a-url'
  | 'not-https'
  | 'not-a-feed-url'
  | 'missing-secret'
  | 'bad-secret';

export type FeedUrlWarningCode = 'txt-view' | 'judgements-view' | 'unrecognized-host' | 'custom-port';

export interface Notice<Code extends string> {
  code: Code;
  message: string;
}

export interface ParsedFeedUrl {
  ok: true;
  fields: FeedFields;
  /** The feed host's port: 443 unless the URL names another, which Polling Port must then be. */
  port: number;
  feedId: string;
  region: Region | null;
  warnings: Notice<FeedUrlWarningCode>[];
}

export type FeedUrlResult = ParsedFeedUrl | { ok: false; error: Notice<FeedUrlErrorCode> };

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
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
 */
export function parseFeedUrl(text: string): FeedUrlResult {
  const cleaned = text.replace(INVISIBLE, '');
  if (cleaned.trim() === '') {
    return fail('empty', t('parseEmpty'));
  }
  const candidate = findUrlInText(cleaned);
  const url = candidate === null ? null : URL.parse(candidate);
  if (url === null) {
    return fail('not-a-url', t('parseNotAUrl', t('parseCopyAgain')));
  }
  if (url.protocol !== 'https:') {
    return fail('not-https', t('parseNotHttps', url.protocol, t('parseCopyAgain')));
  }

  const path = decodeOrKeep(url.pathname);
  if (!path.startsWith(FEED_PATH)) {
    return fail('not-a-feed-url', t('parseNotFeedPath', t('parseCopyAgain')));
  }
  // The long shape nests the whole feed URL as the id; the real id follows the last /ctia/feed/.
  const view = FEED_VIEW.exec(path.slice(path.lastIndexOf(FEED_PATH) + FEED_PATH.length));
  if (view === null) {
    return fail('not-a-feed-url', t('parseBadFeedId', t('parseCopyAgain')));
  }

  const secret = url.searchParams.get('s');
  if (!secret) {
    return fail('missing-secret', t('parseMissingSecret', t('parseCopyAgain')));
  }
  if (!SECRET.test(secret)) {
    return fail('bad-secret', t('parseBadSecret', t('parseCopyAgain')));
  }

  const feedId = view[1]!; // the pattern's first group always matches
  const hostname = url.hostname.replace(/\.$/, '');
  // URL accepts "*" and other characters no feed host has; they would make odd permission requests.
  if (!HOST_NAME.test(hostname) || hostname.length > 253) {
    return fail('not-a-url', t('parseBadHost', hostname.slice(0, 60), t('parseCopyAgain')));
  }
  if (url.port === '0') {
    return fail('not-a-url', t('parseBadPort', t('parseCopyAgain')));
  }
  const region = regionOfHost(hostname);
  const warnings: Notice<FeedUrlWarningCode>[] = [];
  if (view[2]) {
    warnings.push({ code: 'txt-view', message: t('parseTxtView') });
  } else {
    warnings.push({
      code: 'judgements-view',
      message: t('parseJudgementsView'),
    });
  }
  if (region === null) {
    warnings.push({
      code: 'unrecognized-host',
      message: t('parseUnrecognizedHost', hostname),
    });
  }
  if (url.port !== '') {
    warnings.push({ code: 'custom-port', message: t('parseCustomPort', url.port) });
  }

  return {
    ok: true,
    fields: { hostname, pollingPath: `${FEED_PATH}${feedId}/view`, collectionName: secret },
    port: url.port === '' ? 443 : Number(url.port),
    feedId,
    region,
    warnings,
  };
}

function fail(code: FeedUrlErrorCode, message: string): FeedUrlResult {
  return { ok: false, error: { code, message } };
}

function decodeOrKeep(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}
