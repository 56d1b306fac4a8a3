import { FEED_PATH } from './cisco-hosts';

/** A paste is a selection, not a document; anything longer is refused before it is parsed. */
export const MAX_PASTED_TEXT = 100_000;

/**
 * Picks the feed URL out of whatever the user copied: a bare URL, or one inside a label, quotes,
 * angle brackets, a Markdown link or a sentence. Prefers a URL that looks like a CTIA feed, then one
 * written without its scheme (returned with https:// added, unless it sits inside a URL of another
 * scheme, returned whole), then the first URL of any scheme (so the caller can say why it is not a
 * feed). Returns null when the text holds no URL at all.
 *
 * Each character is visited a bounded number of times, so megabyte inputs return at once.
 */
export function findUrlInText(text: string): string | null {
  let firstUrl: string | null = null;
  let from = 0;
  for (let sep = text.indexOf('://'); sep >= 0; sep = text.indexOf('://', from)) {
    let start = sep;
    while (start > from && isSchemeChar(text.charCodeAt(start - 1))) start--;
    const end = endOfUrl(text, sep + 3);
    if (start < sep) {
      const url = trimTrailingPunctuation(text.slice(start, end));
      if (url.includes(FEED_PATH)) return outerUrl(text, start, end, from) ?? url;
      firstUrl ??= url;
    }
    from = end;
  }
  return findSchemelessFeedUrl(text) ?? firstUrl;
}

/**
 * `host[:port]/ctia/feed/…` with no scheme in front, as the gateway's own fields write it.
 */
function findSchemelessFeedUrl(text: string): string | null {
  const path = text.indexOf(FEED_PATH);
  if (path <= 0) return null;
  let start = path;
  while (start > 0 && isDigit(text.charCodeAt(start - 1))) start--;
  const hasPort = start < path && start > 0 && text.charCodeAt(start - 1) === 0x3a; // :
  if (hasPort) start--;
  else start = path;
  while (start > 0 && isHostNameChar(text.charCodeAt(start - 1))) start--;
  if (start === path || text.charCodeAt(start) === 0x3a) return null;
  const end = endOfUrl(text, path);
  return outerUrl(text, start, end, 0) ?? `https://${trimTrailingPunctuation(text.slice(start, end))}`;
}

/**
 * Schemes of URLs a browser opens or a page links to. A label ("URL:", "Feed:") is written like a
 * scheme, so only these count: the feed URL after one of them is part of that URL.
 */
const OTHER_URL = /(?<![a-z0-9+.-])(?:https?|ftp|file|wss?|data|javascript|vbscript|blob|about|view-source|filesystem|mailto|chrome|chrome-extension|moz-extension):/i;

/**
 * The URL of another scheme that the feed URL at `start`…`end` is part of (`data:text/plain,host/ctia/…`,
 * `javascript:open('https://host/ctia/…')`, `http:host/…`), returned whole so the caller sees its
 * real scheme; null when the word the feed URL stands in starts no such URL. Looks no further back
 * than `limit`, so each character is looked at once.
 */
function outerUrl(text: string, start: number, end: number, limit: number): string | null {
  let wordStart = start;
  while (wordStart > limit && !isSpace(text.charCodeAt(wordStart - 1))) wordStart--;
  const found = OTHER_URL.exec(text.slice(wordStart, start));
  return found === null ? null : trimTrailingPunctuation(text.slice(wordStart + found.index, end));
}

/** Where the URL that starts before `from` ends: at a stop character, or at `](` of a Markdown link. */
function endOfUrl(text: string, from: number): number {
  let end = from;
  while (end < text.length) {
    const code = text.charCodeAt(end);
    if (isUrlStop(code) || (code === 0x5d && text.charCodeAt(end + 1) === 0x28)) break; // ](
    end++;
  }
  return end;
}

/** Whitespace, quotes and angle brackets end a URL in running text; none is valid inside one. */
const URL_STOPS = new Set([
  0x22, 0x27, 0x3c, 0x3e, 0x60, // " ' < > `
  0xa0, 0x2028, 0x2029, 0x3000, // no-break, line, paragraph and ideographic spaces
  0x2018, 0x2019, 0x201c, 0x201d, // ‘ ’ “ ” (what word processors turn quotes into)
  0xab, 0xbb, 0x2039, 0x203a, 0x300c, 0x300d, 0x300e, 0x300f, // « » ‹ › 「 」 『 』
]);

function isUrlStop(code: number): boolean {
  return code <= 0x20 || URL_STOPS.has(code);
}

/** Spaces part words; quotes and brackets do not (`javascript:open('host/…')` is one URL). */
function isSpace(code: number): boolean {
  return code <= 0x20 || code === 0xa0 || code === 0x2028 || code === 0x2029 || code === 0x3000;
}

function isSchemeChar(code: number): boolean {
  return isAlphaNumeric(code) || code === 0x2b || code === 0x2d || code === 0x2e; // + - .
}

function isHostNameChar(code: number): boolean {
  return isAlphaNumeric(code) || code === 0x2d || code === 0x2e; // - .
}

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

function isAlphaNumeric(code: number): boolean {
  return isDigit(code) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

/** Sentence punctuation and closing brackets that follow a URL in prose are not part of it. */
const TRAILING_PUNCTUATION = '.,;:!?)]}…。、，；：！？）】';

function trimTrailingPunctuation(url: string): string {
  let end = url.length;
  while (end > 0 && TRAILING_PUNCTUATION.includes(url.charAt(end - 1))) end--;
  return url.slice(0, end);
}
