import { feedOutputOf, type FeedOutput } from '../feed/feed-output';
import { elementText } from './element-text';

/**
 * The Output a form control shows as chosen: a `<select>`'s selected option, the checked radio of a
 * group, a text field's value, or the selected option / visible value of a custom dropdown.
 */
export function readOutputChoice(control: Element): FeedOutput | null {
  if (control instanceof HTMLSelectElement) return feedOutputOf(control.selectedOptions[0]?.text ?? '');
  if (control instanceof HTMLInputElement) {
    if (control.type !== 'radio') return feedOutputOf(control.value);
    const group = control.form ?? control.closest('fieldset, [role="radiogroup"]') ?? control.ownerDocument;
    const checked = [...group.querySelectorAll<HTMLInputElement>('input[type="radio"]')].find((r) => r.name === control.name && r.checked);
    return checked ? radioOutput(checked) : null;
  }
  const radio = control.querySelector<HTMLInputElement>('input[type="radio"]:checked');
  if (radio) return radioOutput(radio);
  if (control.querySelector('input[type="radio"]')) return null;
  const selected = control.querySelector('[aria-selected="true"], [aria-checked="true"]');
  if (selected) return feedOutputOf(elementText(selected));
  return feedOutputOf(elementText(control).replace(/[▾▼⌄]/g, ''));
}

function radioOutput(radio: HTMLInputElement): FeedOutput | null {
  return feedOutputOf(elementText(radio.labels?.[0])) ?? feedOutputOf(radio.value);
}
