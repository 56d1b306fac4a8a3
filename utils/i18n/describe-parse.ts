import type { FeedUrlError, FeedUrlWarningCode } from '../feed/feed-url';
import { t, type MessageKey } from './i18n';

/** A host name or scheme from the pasted text is shown this far: enough to recognise, never a page of text. */
const MAX_SHOWN = 60;

/** What the admin reads when a text is not a feed URL the gateway can poll, and what to do next. */
export function describeParseError(error: FeedUrlError): string {
  const again = t('parseCopyAgain');
  switch (error.code) {
    case 'empty':
      return t('parseEmpty');
    case 'not-a-url':
      if (error.host !== undefined) return t('parseBadHost', error.host.slice(0, MAX_SHOWN), again);
      return t(error.port === undefined ? 'parseNotAUrl' : 'parseBadPort', again);
    case 'not-https': {
      const scheme = `${error.protocol.slice(0, -1).slice(0, MAX_SHOWN)}:`;
      // "data://" would misquote a URL that has no "//": such a scheme is named on its own.
      return error.slashes ? t('parseNotHttps', scheme, again) : t('parseNotHttpsNoSlashes', scheme, again);
    }
    case 'not-a-feed-url':
      return t(error.part === 'path' ? 'parseNotFeedPath' : 'parseBadFeedId', again);
    case 'missing-secret':
      return t('parseMissingSecret', again);
    case 'bad-secret':
      return t('parseBadSecret', again);
  }
}

const WARNINGS: Record<FeedUrlWarningCode, MessageKey> = {
  'txt-view': 'parseTxtView',
  'judgements-view': 'parseJudgementsView',
  'unrecognized-host': 'parseUnrecognizedHost',
  'custom-port': 'parseCustomPort',
};

/** What the admin reads about a warning on a feed: the feed's host and port are what it names. */
export function describeFeedWarning(code: FeedUrlWarningCode, feed: { fields: { hostname: string }; port?: number }): string {
  if (code === 'unrecognized-host') return t(WARNINGS[code], feed.fields.hostname);
  if (code === 'custom-port') return t(WARNINGS[code], feed.port ?? 443);
  return t(WARNINGS[code]);
}
