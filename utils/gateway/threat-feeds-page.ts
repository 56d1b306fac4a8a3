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

function words(element: Element): string {
  return (element.textContent ?? '').replace(/\s+/g, ' ').trim();
}
