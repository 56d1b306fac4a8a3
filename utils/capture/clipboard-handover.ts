/**
 * The console's own Copy buttons write with `navigator.clipboard.writeText`, which fires no `copy`
 * event. A small script in the page's main world sees the write and hands the text to the content
 * script with this event. A page can dispatch the same event: the content script counts it only
 * with the person's user activation, and only for a text that is a feed URL alone, so a forged
 * hand-over gains a page nothing it could not get by calling `writeText` inside the person's click.
 */
export const CLIPBOARD_WRITE_EVENT = 'etf-autofill:clipboard-write';

/** A feed URL is a few hundred characters; a longer text is not handed over. */
export const MAX_HANDED_OVER_TEXT = 4_096;
