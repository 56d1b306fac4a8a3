import { FEED_PATH } from '../feed/cisco-hosts';
import { OWN_ELEMENT_PREFIX } from './console-patterns';

/** A place in the page that shows a feed URL: the element, and the text that holds the URL. */
export interface FeedUrlSighting {
  element: Element;
  text: string;
}

const SKIPPED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);

/**
 * Every feed URL under `root` (itself included): in text, in link targets and in form field values.
 * Only nodes whose text holds the feed path are looked at closely, so large pages cost one pass.
 */
export function findFeedUrls(root: Node): FeedUrlSighting[] {
  const sightings: FeedUrlSighting[] = [];
  const element = root instanceof Element ? root : root.parentElement;
  if (!element || isSkipped(element)) return sightings;

  const fields = [element, ...element.querySelectorAll('input, textarea, a[href]')];
  for (const field of fields) {
    const text = fieldText(field);
    if (text?.includes(FEED_PATH) && !isSkipped(field)) sightings.push({ element: field, text });
  }

  if (!(root instanceof Element) && root.nodeType !== Node.TEXT_NODE) return sightings;
  const texts = root.ownerDocument!.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = root.nodeType === Node.TEXT_NODE ? root : texts.nextNode(); node; node = texts.nextNode()) {
    const parent = node.parentElement;
    if (!parent || !node.nodeValue?.includes(FEED_PATH) || isSkipped(parent)) continue;
    // A link whose text is its own target, and a textarea's text (its value), were found above.
    if ((parent instanceof HTMLAnchorElement || parent instanceof HTMLTextAreaElement) && sightings.some((s) => s.element === parent)) continue;
    sightings.push({ element: parent, text: node.nodeValue });
  }
  return sightings;
}

function fieldText(field: Element): string | null {
  if (field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement) return field.value;
  if (field instanceof HTMLAnchorElement) return field.getAttribute('href');
  return null;
}

/** Inside a script, style or template, or inside one of our own notices. */
function isSkipped(element: Element): boolean {
  for (let node: Element | null = element; node; node = node.parentElement) {
    if (SKIPPED.has(node.tagName) || node.tagName.startsWith(OWN_ELEMENT_PREFIX)) return true;
  }
  return false;
}
