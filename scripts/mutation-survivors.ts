// Mutants that no unit test kills and may stay, each with why: equivalent (no behaviour tells it
// apart) or shown only in a real browser (the end-to-end test that does). Keyed by the file, the
// mutated code and its replacement as MUTATION.md shows them, not by line, so an entry holds while
// the code around it moves.
export interface ExplainedSurvivor {
  file: string;
  code: string;
  replacement: string;
  why: string;
}

const KNOWN_GATEWAYS = 'utils/gateways/known-gateways.ts';
/** isCleanPageOf's type checks: the comparisons after them fail for anything but two strings anyway. */
const CLEAN_PAGE_TYPES = 'equivalent: withoutSecrets(x) === x and webUrl(x)?.origin === origin hold only for a string URL and a string origin';

const OPENER = 'utils/add-to-gateway/gateway-opener.ts';
const PENDING_FILL = 'utils/add-to-gateway/pending-fill.ts';
/** An inspection's answer: only `ok: true` fills, only `sourcesList: true` hints. */
const NOT_OK = 'equivalent: an answer without `ok` is not ok and without `sourcesList` is no sources list: the same wait as `{ ok: false }`';
/** The waiting fill's steps: only 'wait' keeps a fill and only 'fill' fills. */
const DROP = 'equivalent: any step but "wait" and "fill" ends the wait; the word "drop" is for the reader';
const COPIED_SELECTION = 'utils/capture/copied-selection.ts';
const HANDLER = 'utils/protocol/message-handler.ts';
/** checkSourceWithFacts's early answer: the facts of no kept feed change nothing of the check. */
const NO_FEED_FACTS = 'equivalent: a form that names no feed id matches no kept feed (each has one), and checkSource with no facts answers as without them';

const FETCH_FEED = 'utils/check-feed/fetch-feed.ts';
/** The size cap's abort listener: an AbortSignal fires once, and a reader cancelled again stays cancelled. */
const ABORT_ONCE = 'equivalent: an AbortSignal fires abort at most once, and cancelling a reader again does nothing, so keeping the listener after it fired changes nothing';

const FEED_CAPTURE = 'utils/capture/feed-capture.ts';
const CLIPBOARD_WATCH = 'entrypoints/clipboard-watch.content.ts';
/** Where and when the page-world script runs: only a browser loads content scripts. */
const CLIPBOARD_WATCH_IN_BROWSER =
  'shown only in a real browser: tests/e2e/acts-not-shapes.test.ts, "the console’s own Copy button (Clipboard API, URL masked in the page) chooses its feed, and the popup offers it"';

const ETF_VALUES = 'utils/gateway/etf-values.ts';
/** The Source Name's and Description's cleaning: each run it replaces is squeezed into one by the next step. */
const ONE_PER_RUN = 'equivalent: a space per character instead of per run, but the next step squeezes each run of spaces into one, before the cut';

const SOURCE_CHECK = 'utils/gateway/source-check.ts';
/** Why a typed source's URL failed: only the secret's reason is ever read; the host's and path's only count as refused. */
const REASON_UNREAD = 'equivalent: only the secret’s reason is read (refused.get("secret")); for the host and path only refused.has is';

const ETF_FORM = 'utils/gateway/etf-form.ts';
/** Past the select's branch, a Yes/No field found is a checkbox: it is found only as radios, a select or a checkbox. */
const ONLY_CHECKBOX_LEFT = 'equivalent: a Yes/No field is found only as radios, a select or a checkbox, so past the select’s branch it is a checkbox';

const URL_IN_TEXT = 'utils/feed/url-in-text.ts';
/** findSchemelessFeedUrl's early exits: the walk that follows finds no host and returns null anyway. */
const NO_HOST_BEFORE_PATH = 'equivalent: with the feed path at the start (or absent) the walk back finds no host, and `start === path` returns null';
/** The walks back from the feed path stop at the text's start either way. */
const DIGITS_TO_START = 'equivalent: at the text’s start charCodeAt(-1) is NaN (no digit, host character or colon), so the walk stops there either way';

/** trimTrailingPunctuation's walk: a URL found in text starts with a letter or digit, which is no punctuation. */
const TRIM_TO_START = 'equivalent: a URL found here starts with its scheme’s or host’s letter or digit, no punctuation, so the walk stops before its start';

/** The walk back over a scheme from its "://" stops before the previous URL's end anyway. */
const SCHEME_FROM = 'equivalent: the previous URL ends at a stop character (or `](`), which is no scheme character, so the walk never reaches `from`';

export const EXPLAINED_SURVIVORS: ExplainedSurvivor[] = [
  {
    file: 'utils/feeds/chosen-feed.ts',
    code: 'feed.actedAt !== undefined',
    replacement: 'true',
    why: 'equivalent: a feed no one acted on has no actedAt, and `undefined > n` is false for every n, so it is never chosen either way',
  },
  { file: URL_IN_TEXT, code: 'path <= 0', replacement: 'false', why: NO_HOST_BEFORE_PATH },
  { file: URL_IN_TEXT, code: 'path <= 0', replacement: 'path < 0', why: NO_HOST_BEFORE_PATH },
  { file: URL_IN_TEXT, code: 'start > 0', replacement: 'true', why: DIGITS_TO_START },
  { file: URL_IN_TEXT, code: 'start > 0', replacement: 'start >= 0', why: DIGITS_TO_START },
  { file: URL_IN_TEXT, code: 'start > from', replacement: 'true', why: SCHEME_FROM },
  { file: URL_IN_TEXT, code: 'start > from', replacement: 'start >= from', why: SCHEME_FROM },
  {
    file: URL_IN_TEXT,
    code: 'end < text.length',
    replacement: 'end <= text.length',
    why: 'equivalent: charCodeAt past the end is NaN, no stop, and slice past the end ends at the end',
  },
  { file: URL_IN_TEXT, code: 'end > 0', replacement: 'true', why: TRIM_TO_START },
  { file: URL_IN_TEXT, code: 'end > 0', replacement: 'end >= 0', why: TRIM_TO_START },
  {
    file: URL_IN_TEXT,
    code: 'wordStart - 1',
    replacement: 'wordStart + 1',
    why: 'equivalent: the walk then stops one character into the word before the space, never far enough back for a whole scheme',
  },
  { file: CLIPBOARD_WATCH, code: "'document_start'", replacement: '""', why: CLIPBOARD_WATCH_IN_BROWSER },
  { file: CLIPBOARD_WATCH, code: "'MAIN'", replacement: '""', why: CLIPBOARD_WATCH_IN_BROWSER },
  {
    file: 'utils/capture/clipboard-handover.ts',
    code: "'etf-autofill:clipboard-write'",
    replacement: '""',
    why: 'equivalent: both worlds take the event’s name from this one constant, so any name pairs them; it is no secret, a page may send the event either way',
  },
  {
    file: 'utils/capture/person-copy.ts',
    code: 'event.target instanceof Element',
    replacement: 'true',
    why: 'equivalent: a press (pointer or key) always targets an element: the one pressed, or the focused one, else the body',
  },
  { file: FEED_CAPTURE, code: 'feed?.ok', replacement: 'feed.ok', why: 'equivalent: feed is null only when url is, and `!url` returns before feed is read' },
  {
    file: FEED_CAPTURE,
    code: '() => null',
    replacement: '() => undefined',
    why: 'equivalent: every reader of a notice’s ui goes through `ui?.`, for which null and undefined are alike',
  },
  {
    file: ETF_VALUES,
    code: String.raw`/\p{M}+/gu`,
    replacement: String.raw`/\p{M}/gu`,
    why: 'equivalent: the marks are replaced with nothing, so a run at once or one mark at a time leaves the same text',
  },
  { file: ETF_VALUES, code: '/[^A-Za-z0-9 _-]+/g', replacement: '/[^A-Za-z0-9 _-]/g', why: ONE_PER_RUN },
  { file: ETF_VALUES, code: String.raw`/[^\p{L}\p{M}\p{Nd} .,:;_()/#&+’–—-]+/gu`, replacement: String.raw`/[^\p{L}\p{M}\p{Nd} .,:;_()/#&+’–—-]/gu`, why: ONE_PER_RUN },
  {
    file: SOURCE_CHECK,
    code: "'secret'",
    replacement: '""',
    why: 'equivalent: the last stand-in is never reached: with the host and path stood in, the URL can fail only on its secret, which the engine blames on the secret itself',
  },
  {
    file: SOURCE_CHECK,
    code: String.raw`/:\d+$/`,
    replacement: String.raw`/:\d+/`,
    why: 'equivalent: URL.host has a colon only before its port or inside IPv6 brackets, and no IPv6 host is a private-intel host',
  },
  {
    file: SOURCE_CHECK,
    code: "''",
    replacement: '"Stryker was here!"',
    why: 'equivalent: regionOfHost and URL.parse read "Stryker was here!" as they read "": no region, no URL',
  },
  {
    file: SOURCE_CHECK,
    code: 'typedPath !== undefined',
    replacement: 'true',
    why: 'equivalent: ENDS_AT_FEED_ID.test(undefined) tests the text "undefined", which holds no feed id',
  },
  { file: SOURCE_CHECK, code: "'not-a-url'", replacement: '""', why: REASON_UNREAD },
  { file: SOURCE_CHECK, code: "'not-a-feed-url'", replacement: '""', why: REASON_UNREAD },
  {
    file: SOURCE_CHECK,
    code: "'host'",
    replacement: '""',
    why: 'equivalent: a part named "" is refused on the first pass, the same parts fail again, and the host (or the next part not refused) is blamed as before',
  },
  {
    file: 'utils/gateway/threat-feeds-page.ts',
    code: "''",
    replacement: '"Stryker was here!"',
    why: 'equivalent: an element’s textContent is never null (only a document’s or a doctype’s is)',
  },
  {
    file: ETF_FORM,
    code: '[]',
    replacement: '["Stryker was here"]',
    why: 'equivalent: one more entry, "Stryker was here", in a list of labels (which no field’s pattern and no Yes or No matches), of ids (which name no element) or of changed fields (a text, which highlight cannot animate)',
  },
  {
    file: ETF_FORM,
    code: '{\n    return null;\n  }',
    replacement: '{}',
    why: 'equivalent: a frame whose document the browser withholds then reads as undefined instead of null, and both mean a closed frame',
  },
  {
    file: ETF_FORM,
    code: 'node.nodeType === Node.ELEMENT_NODE',
    replacement: 'true',
    why: 'equivalent: the node asked about either holds the control (so it is an element) or goes to isControl, which a text or comment node fails by its tag name',
  },
  {
    file: ETF_FORM,
    code: 'spec.labels.some((pattern) => pattern.test(label))',
    replacement: 'spec.labels.every(pattern => pattern.test(label))',
    why: 'equivalent: each field’s spec in FIELD_SPECS has exactly one label pattern (its wordings are alternatives inside it)',
  },
  {
    file: ETF_FORM,
    code: '!labels',
    replacement: 'true',
    why: 'equivalent: the cache only spares reading a control’s labels again; the page does not change during one search, so they read the same',
  },
  {
    file: ETF_FORM,
    code: "'placeholder' in control && control.placeholder",
    replacement: "'placeholder' in control || control.placeholder",
    why: 'equivalent: the most it adds is an empty or absent placeholder, an empty label that is dropped',
  },
  {
    file: ETF_FORM,
    code: 'texts.map(normalizeLabel).filter(Boolean)',
    replacement: 'texts.map(normalizeLabel)',
    why: 'equivalent: labels are only matched against the fields’ patterns, and none matches an empty text',
  },
  {
    file: ETF_FORM,
    code: String.raw`/\s+/`,
    replacement: String.raw`/\s/`,
    why: 'equivalent: the empty ids it adds name nothing (getElementById("") is null), and the spaces they leave in the joined text are squeezed when the label is normalised',
  },
  { file: ETF_FORM, code: 'text.trim()', replacement: 'true', why: 'equivalent: a blank aria-labelledby text normalises to an empty label, which is dropped' },
  { file: ETF_FORM, code: 'text.trim()', replacement: 'text', why: 'equivalent: a blank aria-labelledby text normalises to an empty label, which is dropped' },
  {
    file: ETF_FORM,
    code: "''",
    replacement: '"Stryker was here!"',
    why: 'equivalent: the textContent of an element or a text node is never null (only a document’s or a doctype’s is)',
  },
  { file: ETF_FORM, code: "isInput(control) && control.type === 'checkbox'", replacement: 'true', why: ONLY_CHECKBOX_LEFT },
  { file: ETF_FORM, code: "isInput(control) && control.type === 'checkbox'", replacement: "isInput(control) || control.type === 'checkbox'", why: ONLY_CHECKBOX_LEFT },
  { file: ETF_FORM, code: "control.type === 'checkbox'", replacement: 'true', why: ONLY_CHECKBOX_LEFT },
  {
    file: ETF_FORM,
    code: "' '",
    replacement: '""',
    why: 'equivalent for every form: no Yes or No word has a space, so a radio’s joined labels read Yes or No only when the others are empty; only labels that split one word ("Y" + "es") would tell',
  },
  {
    file: 'utils/check-feed/feed-check.ts',
    code: "typeof json !== 'object'",
    replacement: 'false',
    why: 'equivalent: a JSON number, string or boolean has no observables or judgements key either, so it gets the same unexpected-json answer below; only null needs the early exit, and that check stays',
  },
  {
    file: FETCH_FEED,
    code: "''",
    replacement: '"Stryker was here!"',
    why: 'equivalent: the text of an answer without a body only goes to JSON.parse, and neither string is JSON',
  },
  { file: FETCH_FEED, code: '{ once: true }', replacement: '{}', why: ABORT_ONCE },
  { file: FETCH_FEED, code: 'true', replacement: 'false', why: ABORT_ONCE },
  {
    file: 'utils/feed/feed-output.ts',
    code: String.raw`/^output\s*:?\s*/i`,
    replacement: String.raw`/output\s*:?\s*/i`,
    why: 'equivalent for every text a console shows: only a word glued to "output" ("JudgmentsOutput") reads differently; with a space between, the space left behind fails the whole-text match either way',
  },
  {
    file: 'utils/feed/feed-url.ts',
    code: 'candidate === null',
    replacement: 'false',
    why: 'equivalent: URL.parse(null) parses the text "null", which has no scheme, so the answer is null either way',
  },
  {
    file: KNOWN_GATEWAYS,
    code: String.raw`/[_\-.]+|(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])/`,
    replacement: String.raw`/[_\-.]|(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])/`,
    why: 'equivalent: a run of separators then splits into empty words, and an empty word is no token word',
  },
  { file: KNOWN_GATEWAYS, code: `typeof origin === 'string' && typeof addSourceUrl === 'string'`, replacement: 'true', why: CLEAN_PAGE_TYPES },
  {
    file: KNOWN_GATEWAYS,
    code: `typeof origin === 'string' && typeof addSourceUrl === 'string'`,
    replacement: `typeof origin === 'string' || typeof addSourceUrl === 'string'`,
    why: CLEAN_PAGE_TYPES,
  },
  { file: KNOWN_GATEWAYS, code: `typeof origin === 'string'`, replacement: 'true', why: CLEAN_PAGE_TYPES },
  { file: KNOWN_GATEWAYS, code: `typeof addSourceUrl === 'string'`, replacement: 'true', why: CLEAN_PAGE_TYPES },
  {
    file: KNOWN_GATEWAYS,
    code: 'webUrl(addSourceUrl)?.origin',
    replacement: 'webUrl(addSourceUrl).origin',
    why: 'equivalent: withoutSecrets(addSourceUrl) === addSourceUrl, checked first, holds only for a URL webUrl parses',
  },
  {
    file: KNOWN_GATEWAYS,
    code: '() => false',
    replacement: '() => undefined',
    why: 'equivalent: a permission question that fails reads as "may not reach" either way (both falsy)',
  },
  { file: HANDLER, code: "plain.kind !== 'feed' || plain.feedId === null", replacement: "plain.kind !== 'feed' && plain.feedId === null", why: NO_FEED_FACTS },
  { file: HANDLER, code: "plain.kind !== 'feed' || plain.feedId === null", replacement: 'false', why: NO_FEED_FACTS },
  { file: HANDLER, code: "plain.kind !== 'feed'", replacement: 'false', why: NO_FEED_FACTS },
  { file: HANDLER, code: 'plain.feedId === null', replacement: 'false', why: NO_FEED_FACTS },
  {
    file: 'utils/feeds/feeds-store.ts',
    code: 'actedAt !== undefined',
    replacement: 'true',
    why: 'equivalent: it only adds `actedAt: undefined` to a feed no one acted on; every reader asks `actedAt !== undefined`, and JSON, storage and messages drop it',
  },
  {
    file: HANDLER,
    code: 'sender.tab?.id',
    replacement: 'sender.tab.id',
    why: 'equivalent: a console sender without a tab is refused before (ciscoConsoleHost); tests/protocol/add-to-refusals.test.ts sends one',
  },
  {
    file: OPENER,
    code: '[]',
    replacement: '["Stryker was here"]',
    why: 'equivalent: a saved state that is no list of waiting fills reads as none waiting (pending-fill.ts), as the empty list does',
  },
  { file: OPENER, code: '{ ok: false }', replacement: '{}', why: NOT_OK },
  {
    file: OPENER,
    code: 'webUrl(url)?.origin',
    replacement: 'webUrl(url).origin',
    why: 'equivalent: for a tab showing no web page the inspection then throws, and the waiting fill reads a failed inspection as not ok',
  },
  { file: PENDING_FILL, code: "{ next: 'drop' }", replacement: '{}', why: DROP },
  { file: PENDING_FILL, code: "'drop'", replacement: '""', why: DROP },
  { file: PENDING_FILL, code: '{ ok: false }', replacement: '{}', why: NOT_OK },
  {
    file: COPIED_SELECTION,
    code: 'active instanceof HTMLInputElement || active instanceof HTMLTextAreaElement',
    replacement: 'true',
    why: 'equivalent: any other focused element (or none) has no selectionStart, read as 0 to 0, an empty selection, so the page’s selection is read either way',
  },
  {
    file: COPIED_SELECTION,
    code: '{ selectionStart: 0, selectionEnd: 0 }',
    replacement: '{}',
    why: 'equivalent: undefined to undefined is an empty selection as 0 to 0 is, so the page’s selection is read either way',
  },
  {
    file: OPENER,
    code: '!feed',
    replacement: 'false',
    why: 'equivalent: without the feed, fillAndAnnounce throws before it reaches the page, and `within` answers its fallback: no fill either way',
  },
];
