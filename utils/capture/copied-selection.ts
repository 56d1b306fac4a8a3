/** What the user is copying, and the element it is in: a text field's selection or the page's. */
export function readCopiedSelection(document: Document): { text: string; element: Element | null } {
  const active = document.activeElement;
  if (active instanceof HTMLInputElement || active instanceof HTMLTextAreaElement) {
    const { selectionStart, selectionEnd } = selectionOf(active);
    if (selectionStart !== selectionEnd) return { text: active.value.slice(selectionStart, selectionEnd), element: active };
  }
  const selection = document.getSelection();
  if (!selection || selection.rangeCount === 0) return { text: '', element: null };
  const container = selection.getRangeAt(0).commonAncestorContainer;
  return { text: selection.toString(), element: container instanceof Element ? container : container.parentElement };
}

/** Inputs of some types (email, number) throw when asked for their selection. */
function selectionOf(field: HTMLInputElement | HTMLTextAreaElement): { selectionStart: number; selectionEnd: number } {
  try {
    return { selectionStart: field.selectionStart ?? 0, selectionEnd: field.selectionEnd ?? 0 };
  } catch {
    return { selectionStart: 0, selectionEnd: 0 };
  }
}
