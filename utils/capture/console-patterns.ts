/**
 * What the SecureX / Threat Response / XDR consoles put on screen, in one place. Their markup is not
 * public and changes between releases, so the extension goes by the words a person reads, not by
 * class names or paths. The fixtures under tests/fixtures/sites hold pages these must match.
 */

/** The label of a feed's Output, on the form and in the details. */
export const OUTPUT_LABEL = /^output\s*:?$/i;

/** A label and its value in one element: "Output: Judgments". */
export const OUTPUT_WITH_VALUE = /^output\s*:\s*\S+$/i;

/** The label of a feed's title. */
export const TITLE_LABEL = /^(title|name|feed name|feed title)\s*:?$/i;

/** Headings that name a panel, not a feed. */
export const GENERIC_HEADING = /^(feed details|details|feeds?|new feed|edit feed|create feed)$/i;

/** Elements a label or a value is written in; containers of many fields are not labels. */
export const LABEL_ELEMENTS = 'dt, th, label, legend, span, div, strong, b, p, td';

/** Elements a person can change: the Output field of a form is one of these, its display is not. */
export const INTERACTIVE =
  'select, input:not([type="hidden"]), textarea, [role="combobox"], [role="listbox"], [role="radiogroup"], button[aria-haspopup]';

/** Our own in-page elements, never scanned. */
export const OWN_ELEMENT_PREFIX = 'ETF-AUTOFILL-';
