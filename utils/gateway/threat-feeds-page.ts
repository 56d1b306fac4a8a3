/**
 * Whether `document` is one of the gateway's External Threat Feeds pages: the sources list, or an
 * Add Source or Edit Source form (by the page's title, a field whose id, name or label says Polling
 * Path, or its heading). Asked on every page of a gateway, so it looks at a handful of elements
 * and reads no layout.
 */
export function isThreatFeedsPage(document: Document): boolean {
  if (THREAT_FEEDS_TITLE.test(document.title) || document.querySelector(POLLING_PATH_FIELD)) return true;
  for (const heading of document.querySelectorAll('h1, h2, h3')) {
    if (THREAT_FEEDS_HEADING.test(words(heading))) return true;
  }
  for (const label of document.querySelectorAll('label, th')) {
    if (POLLING_PATH_LABEL.test(words(label))) return true;
  }
  return false;
}

const POLLING_PATH_FIELD = '[id*="polling_path" i], [name*="polling_path" i], #source_hostname, [aria-label^="polling path" i], [placeholder^="polling path" i]';
/** AsyncOS titles its pages "<product>: <page>". */
const THREAT_FEEDS_TITLE = /external threat feeds?/i;
const THREAT_FEEDS_HEADING = /external threat feeds?|^(add|edit) source$/i;
const POLLING_PATH_LABEL = /^polling path\b/i;

/**
 * Whether `document` looks like the gateway's External Threat Feeds Manager sources list, whose
 * Add Source button opens the form. Some AsyncOS releases answer a remembered Add Source address
 * with this list; the person is then told to press that button. Changes nothing.
 */
export function looksLikeSourcesList(document: Document): boolean {
  const headings = [...document.querySelectorAll('h1, h2, h3, [role="heading"]')].map(words);
  return headings.some((heading) => MANAGER_HEADING.test(heading)) && controlNamed(document, ADD_SOURCE_BUTTON) !== null;
}

/**
 * The gateway's own Commit Changes control on this page, if it shows one: AsyncOS draws it as a
 * button or a link in its banner.
 */
export function findCommitControl(document: Document): HTMLElement | null {
  return controlNamed(document, COMMIT_CHANGES);
}

const MANAGER_HEADING = /^external threat feeds? manager$/i;
/** AsyncOS names such buttons "Add Source" or "Add Source...". */
const ADD_SOURCE_BUTTON = /^add source(\.\.\.|…)?$/i;
const COMMIT_CHANGES = /^commit changes(\.\.\.|…)?$/i;

/** The first button or link whose words (an input's value, else its text) are `name`. */
function controlNamed(document: Document, name: RegExp): HTMLElement | null {
  const controls = document.querySelectorAll<HTMLElement>('button, input[type="button"], input[type="submit"], a[href], [role="button"]');
  return [...controls].find((control) => name.test(control instanceof HTMLInputElement ? control.value.trim() : words(control))) ?? null;
}

function words(element: Element): string {
  return (element.textContent ?? '').replace(/\s+/g, ' ').trim();
}
