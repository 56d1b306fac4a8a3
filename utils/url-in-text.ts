const FEED_PATH = '/ctia/feed/';

/**
 * Picks the feed URL out of whatever the user copied: a bare URL, or one inside a label, quotes,
 * angle brackets or a sentence. Prefers a URL that looks like a CTIA feed; falls back to the first
 * URL of any scheme (so the caller can say why it is not a feed), then to a feed URL written without
 * its scheme. Returns null when the text holds no URL at all.
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
      if (url.includes(FEED_PATH)) return url;
      firstUrl ??= url;
    }
    from = end;
  }
  if (firstUrl !== null) return firstUrl;

  const path = text.indexOf(FEED_PATH);
  if (path <= 0) return null;
  let start = path;
  while (start > 0 && isHostChar(text.charCodeAt(start - 1))) start--;
  if (start === path) return null;
  return `https://${trimTrailingPunctuation(text.slice(start, endOfUrl(text, path)))}`;
}

function endOfUrl(text: string, from: number): number {
  let end = from;
  while (end < text.length && !isUrlStop(text.charCodeAt(end))) end++;
  return end;
}

/** Whitespace, quotes and angle brackets end a URL in running text; none is valid inside one. */
function isUrlStop(code: number): boolean {
  return code <= 0x20 || code === 0x22 || code === 0x27 || code === 0x3c || code === 0x3e || code === 0x60 ||
    code === 0xa0 || code === 0x2028 || code === 0x2029 || code === 0x3000;
}

function isSchemeChar(code: number): boolean {
  return isAlphaNumeric(code) || code === 0x2b || code === 0x2d || code === 0x2e; // + - .
}

function isHostChar(code: number): boolean {
  return isAlphaNumeric(code) || code === 0x2d || code === 0x2e || code === 0x3a; // - . :
}

function isAlphaNumeric(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

/** Sentence punctuation and closing brackets that follow a URL in prose are not part of it. */
function trimTrailingPunctuation(url: string): string {
  let end = url.length;
  while (end > 0 && '.,;:!?)]}…'.includes(url.charAt(end - 1))) end--;
  return url.slice(0, end);
}
