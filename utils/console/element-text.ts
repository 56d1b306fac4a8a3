/** The element's text as a person reads it: whitespace collapsed, trimmed. */
export function elementText(element: Element | null | undefined): string {
  return (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
}
