/**
 * What the confirmation window of a console's "Add to" asks the person: the feed (its id and
 * title, never its secret), where it was copied, and the gateway. The background writes it into
 * the window's own address, which no web page can open, so the window shows it without asking.
 */
export interface AddToQuestion {
  requestId: string;
  feedId: string;
  feedTitle?: string;
  /** The console host the feed was copied on. */
  seenOn?: string;
  /** The gateway's origin; the window names it by its host. */
  gatewayOrigin: string;
}

const PAGE = '/confirm-add.html';

/** The window's address (extension-relative) for `question`. */
export function questionAddress(question: AddToQuestion): string {
  const entries = Object.entries(question).filter((entry): entry is [string, string] => entry[1] !== undefined);
  return `${PAGE}?${new URLSearchParams(entries)}`;
}

/** The question in the window's address (`location.search`); null when it is not whole. */
export function questionIn(search: string): AddToQuestion | null {
  const params = new URLSearchParams(search);
  const requestId = params.get('requestId');
  const feedId = params.get('feedId');
  const gatewayOrigin = params.get('gatewayOrigin');
  if (!requestId || !feedId || !gatewayOrigin) return null;
  const feedTitle = params.get('feedTitle');
  const seenOn = params.get('seenOn');
  return { requestId, feedId, gatewayOrigin, ...(feedTitle !== null && { feedTitle }), ...(seenOn !== null && { seenOn }) };
}
