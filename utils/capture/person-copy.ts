import { FEED_PATH } from '../feed/cisco-hosts';
import { CLIPBOARD_WRITE_EVENT, MAX_HANDED_OVER_TEXT } from './clipboard-handover';
import { readCopiedSelection } from './copied-selection';

// What counts as the person copying a feed: markup proves nothing about the person, their own
// acts do. A page's script can fire copy events, select text and copy it inside the person's
// click, or change the selection while a copy is handled; none of those is the person's copy.

/** Whitespace and quotes a copied URL may come wrapped in. */
const WRAPPING = /^[\s"'`“”‘’«»]+|[\s"'`“”‘’«»]+$/g;

/** The copied text as a feed URL, when it is one feed URL and nothing else (give or take whitespace and quotes). */
export function copiedFeedUrl(text: string): string | null {
  if (text.length > MAX_HANDED_OVER_TEXT) return null;
  const url = text.replace(WRAPPING, '');
  return /^https:\/\/\S+$/i.test(url) && url.includes(FEED_PATH) ? url : null;
}

/** Ctrl+C (Cmd+C on a Mac) or Ctrl+Insert: the keys a person presses to copy. */
export function isCopyShortcut(event: KeyboardEvent): boolean {
  if (event.altKey || event.shiftKey) return false;
  if (event.ctrlKey && event.key === 'Insert') return true;
  return (event.ctrlKey || event.metaKey) && (event.code === 'KeyC' || event.key.toLowerCase() === 'c');
}

export interface CopyWatchOptions {
  window: Window;
  /** Ends the watch (the content script's lifetime). */
  signal: AbortSignal;
  /** Called with a feed URL the person copied, and the element it was copied from or with. */
  onCopy: (url: string, element: Element) => void;
  /** Runs `task` once the event being handled has reached every listener of the page. */
  afterEvent?: (task: () => void) => void;
}

/**
 * Watches for the person copying a feed URL, in two ways:
 * - a `copy` the person asked for (Ctrl+C, or Copy in the context menu: the last trusted input
 *   before it), of a selection that stayed the same from their asking until every copy handler of
 *   the page has run, and that the page did not replace (a prevented default);
 * - the console's own Copy button writing with the Clipboard API, handed over by the main-world
 *   script, while the person's click (or key) is still the page's user activation.
 * Listeners go on the window in the capture phase, started before the page's own scripts.
 */
export function watchPersonCopies({ window, signal, onCopy, afterEvent = (task) => window.setTimeout(task, 0) }: CopyWatchOptions): void {
  const document = window.document;
  /** The selection when the person last asked to copy; null when their last input was anything else. */
  let asked: string | null = null;
  /** The element the person last pressed or typed into: where a Clipboard API copy came from. */
  let pressed: Element | null = null;
  const listen = (target: EventTarget, type: string, listener: (event: Event) => void) =>
    target.addEventListener(type, listener, { capture: true, signal });
  const hasActivation = () => window.navigator.userActivation?.isActive !== false;

  const onInput = (event: Event) => {
    if (!event.isTrusted) return;
    // A key goes to the focused element, a press to the one under the pointer: either is the target.
    pressed = event.target instanceof Element ? event.target : null;
    const asksToCopy = event.type === 'contextmenu' || (event.type === 'keydown' && isCopyShortcut(event as KeyboardEvent));
    asked = asksToCopy ? readCopiedSelection(document).text : null;
  };
  for (const type of ['keydown', 'pointerdown', 'contextmenu']) listen(window, type, onInput);

  listen(window, 'copy', (event) => {
    const selection = asked;
    asked = null;
    if (!event.isTrusted || !hasActivation()) return;
    const copied = readCopiedSelection(document);
    // Also false when the person's last input was not a request to copy (selection is null).
    if (copied.text !== selection || !copied.element) return;
    afterEvent(() => {
      if (event.defaultPrevented || readCopiedSelection(document).text !== copied.text) return;
      const url = copiedFeedUrl(copied.text);
      if (url) onCopy(url, copied.element!);
    });
  });

  listen(document, CLIPBOARD_WRITE_EVENT, (event) => {
    const text: unknown = (event as CustomEvent).detail;
    // Anyone can send this event: only the person's activation makes it theirs.
    if (typeof text !== 'string' || window.navigator.userActivation?.isActive !== true) return;
    const url = copiedFeedUrl(text);
    if (url) onCopy(url, pressed?.isConnected ? pressed : document.body);
  });
}
