/**
 * Whether `document` looks like the gateway's External Threat Feeds Manager sources list, whose
 * Add Source button opens the form. Some AsyncOS releases answer a remembered Add Source address
 * with this list; the person is then told to press that button. Changes nothing.
 */
export function looksLikeSourcesList(document: Document): boolean {
  const headings = [...document.querySelectorAll('h1, h2, h3, [role="heading"]')].map(textOf);
  if (!headings.some((heading) => MANAGER_HEADING.test(heading))) return false;
  const controls = document.querySelectorAll<HTMLElement>('button, input[type="button"], input[type="submit"], a[href], [role="button"]');
  return [...controls].some((control) => ADD_SOURCE_BUTTON.test(control instanceof HTMLInputElement ? control.value : textOf(control)));
}

const MANAGER_HEADING = /^external threat feeds? manager$/i;
/** AsyncOS names such buttons "Add Source" or "Add Source...". */
const ADD_SOURCE_BUTTON = /^add source(\.\.\.|…)?$/i;

function textOf(element: Element): string {
  return (element.textContent ?? '').replace(/\s+/g, ' ').trim();
}
