import { parseFeedUrl } from '../feed/feed-url';
import { MAX_PASTED_TEXT } from '../feed/url-in-text';

/**
 * The person's paste (its text, and the id of the feed in it) into a text field of the form in `formScope`, when it holds a feed
 * URL (alone or with words around it, as the popup's paste box takes it); null for any other paste,
 * which then goes on as the page would have it. A paste the page makes up is not the person's.
 */
export function feedPaste(event: ClipboardEvent, formScope: ParentNode): { text: string; feedId: string } | null {
  if (!event.isTrusted) return null;
  const field = event.target;
  if (!isTextField(field) || !formScope.contains(field)) return null;
  const text = event.clipboardData?.getData('text/plain') ?? '';
  if (text.length > MAX_PASTED_TEXT) return null;
  const feed = parseFeedUrl(text);
  return feed.ok ? { text, feedId: feed.feedId } : null;
}

function isTextField(target: EventTarget | null): target is HTMLInputElement | HTMLTextAreaElement {
  if (!(target instanceof Element)) return false;
  if (target.localName === 'textarea') return true;
  return target.localName === 'input' && TEXT_TYPES.has((target as HTMLInputElement).type);
}

/** Inputs a feed URL could be pasted into; never a password field. */
const TEXT_TYPES = new Set(['text', 'search', 'url']);
