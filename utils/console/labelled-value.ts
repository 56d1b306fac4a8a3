import { INTERACTIVE, LABEL_ELEMENTS } from './console-patterns';
import { elementText } from './element-text';

/** A label is a few words, perhaps with an emphasised value; more children make it a container. */
const MAX_LABEL_CHILDREN = 2;

/**
 * Elements inside `scope` whose own words are the label, e.g. "Output" or "Output:". An element
 * that holds a form control is the field around the label, not the label, unless it is a <label>.
 */
export function findLabels(scope: ParentNode, label: RegExp): Element[] {
  const labels: Element[] = [];
  for (const candidate of scope.querySelectorAll(LABEL_ELEMENTS)) {
    if (candidate.childElementCount > MAX_LABEL_CHILDREN) continue;
    if (candidate.tagName !== 'LABEL' && candidate.querySelector(INTERACTIVE)) continue;
    if (label.test(elementText(candidate)) || label.test(ownText(candidate))) labels.push(candidate);
  }
  return labels;
}

/**
 * The element that holds a label's value: the `dd` of a `dt`, the cell beside a row header, the
 * control a `<label for>` or `aria-labelledby` names, the fieldset of a legend, else what follows it.
 */
export function valueElementOf(label: Element): Element | null {
  const document = label.ownerDocument;
  if (label.tagName === 'DT') return nextSiblingMatching(label, 'dd');
  if (label.tagName === 'LEGEND') return label.parentElement;
  if (label instanceof HTMLLabelElement) {
    const control = label.control ?? label.querySelector(INTERACTIVE);
    if (control) return control;
  }
  if (label.id) {
    const labelled = document.querySelector(`[aria-labelledby~="${CSS.escape(label.id)}"]`);
    if (labelled) return labelled;
  }
  const next = label.nextElementSibling ?? label.parentElement?.nextElementSibling ?? null;
  return next?.matches(INTERACTIVE) ? next : (next?.querySelector(INTERACTIVE) ?? next);
}

/** Text of the element itself, without its child elements' text ("Output: " in `Output: <b>…</b>`). */
function ownText(element: Element): string {
  let text = '';
  for (const node of element.childNodes) if (node.nodeType === Node.TEXT_NODE) text += node.nodeValue;
  return text.replace(/\s+/g, ' ').trim();
}

function nextSiblingMatching(element: Element, selector: string): Element | null {
  for (let next = element.nextElementSibling; next; next = next.nextElementSibling) {
    if (next.matches(selector)) return next;
  }
  return null;
}
