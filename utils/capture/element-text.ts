/** More than any label, name, Output or title the console shows (a title keeps 200): the rest is not read. */
const MAX_TEXT_LENGTH = 256;
/**
 * What markup costs besides the characters kept: each node passed, each whitespace character
 * collapsed. Indentation and a few nested tags fit; an element built of megabytes of either stops here.
 */
const MARKUP_ALLOWANCE = 500;

/**
 * The element's text as a person reads it (whitespace collapsed, trimmed), cut to `maxLength`.
 * Only its first text nodes are read, so an element holding megabytes costs as little as a label.
 */
export function elementText(element: Element | null | undefined, maxLength = MAX_TEXT_LENGTH): string {
  return element ? readText(descendants(element), maxLength) : '';
}

/** The text of the element itself, without its child elements' ("Output: " in `Output: <b>…</b>`), cut likewise. */
export function ownText(element: Element, maxLength = MAX_TEXT_LENGTH): string {
  return readText(children(element), maxLength);
}

/**
 * The first `maxLength` characters of the collapsed text of `nodes`: what the whole text would give
 * cut to that length, unless whitespace and markup use up MARKUP_ALLOWANCE before that.
 */
function readText(nodes: Iterable<Node>, maxLength: number): string {
  let text = '';
  let budget = maxLength + MARKUP_ALLOWANCE;
  for (const node of nodes) {
    budget--;
    if (node.nodeType === Node.TEXT_NODE) {
      // Only the characters still missing are copied out of a text node, however long it is.
      const data = node as Text;
      for (let offset = 0; offset < data.length && text.length <= maxLength && budget > 0; ) {
        const chunk = data.substringData(offset, Math.min(budget, maxLength + 1 - text.length));
        offset += chunk.length;
        budget -= chunk.length;
        text = (text + chunk).replace(/\s+/g, ' ').trimStart();
      }
    }
    if (text.length > maxLength || budget <= 0) break;
  }
  return text.length > maxLength ? text.slice(0, maxLength) : text.trimEnd();
}

function* descendants(element: Element): Generator<Node> {
  const nodes = element.ownerDocument.createTreeWalker(element);
  for (let node = nodes.nextNode(); node; node = nodes.nextNode()) yield node;
}

function* children(element: Element): Generator<Node> {
  for (let node = element.firstChild; node; node = node.nextSibling) yield node;
}
