import { INTERACTIVE, LABEL_ELEMENTS } from './console-patterns';
import { elementText, ownText } from './element-text';

/** A label is a few words, perhaps with an emphasised value; more children make it a container. */
const MAX_LABEL_CHILDREN = 2;
/** A label is a few words ("Feed title:", "Output: Observables"); longer text is a sentence, not a label. */
const MAX_LABEL_LENGTH = 40;

/**
 * What elements say as labels: their words and their own words (without their child elements'),
 * each empty when longer than a label. Kept while the page does not change, it spares reading an
 * element again for another label or a wider scope.
 */
export type LabelWords = Map<Element, readonly [words: string, ownWords: string]>;

/**
 * Elements inside `scope` whose own words are the label, e.g. "Output" or "Output:". An element
 * that holds a form control is the field around the label, not the label, unless it is a <label>.
 */
export function findLabels(scope: ParentNode, label: RegExp, known: LabelWords = new Map()): Element[] {
  const labels: Element[] = [];
  for (const candidate of scope.querySelectorAll(LABEL_ELEMENTS)) {
    if (candidate.childElementCount > MAX_LABEL_CHILDREN) continue;
    // The words first: a few characters settle most candidates, a search for a control covers all of one.
    let said = known.get(candidate);
    if (!said) known.set(candidate, (said = labelWordsOf(candidate)));
    if (!label.test(said[0]) && !label.test(said[1])) continue;
    if (candidate.tagName !== 'LABEL' && candidate.querySelector(INTERACTIVE)) continue;
    labels.push(candidate);
  }
  return labels;
}

/** What `element` says as a label: its words and its own words, read one character past the longest label. */
function labelWordsOf(element: Element): readonly [string, string] {
  const asLabel = (text: string) => (text.length <= MAX_LABEL_LENGTH ? text : '');
  return [asLabel(elementText(element, MAX_LABEL_LENGTH + 1)), asLabel(ownText(element, MAX_LABEL_LENGTH + 1))];
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

function nextSiblingMatching(element: Element, selector: string): Element | null {
  for (let next = element.nextElementSibling; next; next = next.nextElementSibling) {
    if (next.matches(selector)) return next;
  }
  return null;
}
