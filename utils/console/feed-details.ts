import { DETAILS_VIEW, FEED_DETAILS_NAME, FEED_URL_LABEL } from './console-patterns';
import { elementText } from './element-text';
import { findLabels, valueElementOf } from './labelled-value';

/**
 * Whether `element` is the Feed URL field of a feed's own details view (a dialog or form the
 * console names "Feed Details" or "Edit Feed"). Opening that view is the person's choice of the
 * feed; the same URL anywhere else (an incident, a note, a list) was merely seen.
 */
export function isFeedDetailsField(element: Element): boolean {
  const view = element.closest(DETAILS_VIEW);
  if (!view || !FEED_DETAILS_NAME.test(nameOf(view))) return false;
  if (FEED_URL_LABEL.test(element.getAttribute('aria-label') ?? '')) return true;
  return findLabels(view, FEED_URL_LABEL).some((label) => valueElementOf(label)?.contains(element));
}

/** A view's name: its aria-label, the text it is labelled by, else its first heading. */
function nameOf(view: Element): string {
  const label = view.getAttribute('aria-label')?.trim();
  if (label) return label;
  const ids = view.getAttribute('aria-labelledby')?.split(/\s+/).filter(Boolean) ?? [];
  const labelledBy = ids.map((id) => elementText(view.ownerDocument.getElementById(id))).join(' ').trim();
  return labelledBy || elementText(view.querySelector('h1, h2, h3, [role="heading"]'));
}
