import { FEED_PATH } from '../feed/cisco-hosts';
import { MAX_PASTED_TEXT } from '../feed/url-in-text';

/**
 * The text of the person's paste into a text field of the form in `formScope`, when it may hold a
 * feed URL (alone or with words around it, as the popup's paste box takes it): the background
 * parses it. Null for any other paste, which goes on as the page would have it. A paste the page
 * makes up is not the person's.
 */
export function feedPasteText(event: ClipboardEvent, formScope: ParentNode): string | null {
  if (!event.isTrusted) return null;
  const field = event.target;
  if (!isTextField(field) || !formScope.contains(field)) return null;
  const text = event.clipboardData?.getData('text/plain') ?? '';
  return text.length <= MAX_PASTED_TEXT && text.includes(FEED_PATH) ? text : null;
}

/**
 * Puts `text` into `field` where the person pasted it, as the browser's own paste would have (at
 * the caret, over the selection, with its input event and undo step): for a paste held back that
 * was no feed after all.
 */
export function pasteAsTyped(field: EventTarget | null, text: string): void {
  if (!isTextField(field)) return;
  field.focus();
  field.ownerDocument.execCommand('insertText', false, text);
}

function isTextField(target: EventTarget | null): target is HTMLInputElement | HTMLTextAreaElement {
  if (!(target instanceof Element)) return false;
  if (target.localName === 'textarea') return true;
  return target.localName === 'input' && TEXT_TYPES.has((target as HTMLInputElement).type);
}

/** Inputs a feed URL could be pasted into; never a password field. */
const TEXT_TYPES = new Set(['text', 'search', 'url']);
