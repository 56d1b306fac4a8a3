import { INTERACTIVE, OUTPUT_LABEL } from './console-patterns';
import { findLabels, valueElementOf } from './labelled-value';

export interface OutputControl {
  /** The element whose value is the chosen Output. */
  control: Element;
  /** The control with its label: where a warning about it belongs. */
  field: Element;
}

/**
 * The form controls under `root` where a person chooses a feed's Output: a `<select>`, a radio
 * group, or a custom dropdown, found by their "Output" label. Read-only displays of the Output
 * (details panels, list columns) are not controls and are not returned.
 */
export function findOutputControls(root: ParentNode): OutputControl[] {
  const found = new Map<Element, Element>();
  for (const control of root.querySelectorAll('[aria-label]')) {
    if (control.matches(INTERACTIVE) && OUTPUT_LABEL.test(control.getAttribute('aria-label') ?? '')) found.set(control, control);
  }
  for (const label of findLabels(root, OUTPUT_LABEL)) {
    const value = valueElementOf(label);
    if (!value || found.has(value)) continue;
    const isRadioGroup = value.tagName === 'FIELDSET' && value.querySelector('input[type="radio"]') !== null;
    if (value.matches(INTERACTIVE) || isRadioGroup) found.set(value, fieldOf(label, value));
  }
  return [...found].map(([control, field]) => ({ control, field }));
}

/** The smallest element holding both label and control, unless that is a whole form. */
function fieldOf(label: Element, control: Element): Element {
  let field: Element | null = control;
  while (field && !field.contains(label)) field = field.parentElement;
  return !field || field.matches('form, body, main, [role="form"]') ? control : field;
}
