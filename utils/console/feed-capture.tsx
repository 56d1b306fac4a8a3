import type { VNode } from 'preact';
import { CapturedFeedNotice } from '@/components/CapturedFeedNotice';
import { FEED_PATH } from '../feed/cisco-hosts';
import { feedNotices } from '../i18n/feed-notices';
import { parseFeedUrl } from '../feed/feed-url';
import type { CaptureFeed } from '../extension/messages';
import { readFeedContext } from './feed-context';
import { findFeedUrls } from './find-feed-urls';
import { findUrlInText } from '../feed/url-in-text';
import type { InPageUi } from './mount-in-page';

export interface FeedCaptureDeps {
  send: (message: CaptureFeed) => Promise<unknown>;
  mount: (anchor: Element, node: VNode) => Promise<InPageUi>;
  writeClipboard: (text: string) => Promise<void>;
}

/**
 * Takes note of feed URLs the console shows or the user copies: each new one (or one whose title
 * or Output the page now tells) goes to the background once, and gets a notice beside it.
 */
export function createFeedCapture({ send, mount, writeClipboard }: FeedCaptureDeps) {
  /** What was last sent per feed id, so a re-rendering page does not resend it. */
  const sent = new Map<string, string>();
  /** The notice beside each element, and what it was drawn for. */
  const notices = new Map<Element, { drawnFor: string; ui: Promise<InPageUi> }>();

  function consider(element: Element, text: string, source: CaptureFeed['source']) {
    const url = findUrlInText(text);
    const feed = url === null ? null : parseFeedUrl(url);
    // A page may show any URL (an observable in an incident, say): only Cisco's feed hosts count.
    if (!url || !feed?.ok || feed.region === null) return;
    const { title, output } = readFeedContext(element);

    const signature = JSON.stringify([title, output]);
    if (sent.get(feed.feedId) !== signature) {
      sent.set(feed.feedId, signature);
      send({ type: 'capture-feed', url, title, output, source }).catch(() => sent.delete(feed.feedId));
    }

    // An element the page reuses for another feed (or another Output) gets its notice redrawn.
    const drawnFor = JSON.stringify([url, output]);
    const notice = notices.get(element);
    if (notice?.drawnFor === drawnFor) return;
    const { alerts } = feedNotices({ ...feed, output });
    const copy = (field: keyof typeof feed.fields) => writeClipboard(feed.fields[field]);
    const content = <CapturedFeedNotice key={drawnFor} alerts={alerts} onCopy={copy} />;
    if (notice) {
      notice.drawnFor = drawnFor;
      notice.ui.then((ui) => ui.update(content));
    } else {
      notices.set(element, { drawnFor, ui: mount(element, content) });
    }
  }

  function removeDetachedNotices() {
    for (const [element, notice] of notices) {
      if (element.isConnected) continue;
      notices.delete(element);
      notice.ui.then((ui) => ui.remove());
    }
  }

  return {
    /** Looks for feed URLs in nodes the page added or changed. */
    scan(roots: Node[]) {
      removeDetachedNotices();
      for (const root of roots) for (const sighting of findFeedUrls(root)) consider(sighting.element, sighting.text, 'page');
    },
    /** Looks at what the user copies; never changes the copy itself. */
    captureCopy(text: string, element: Element | null) {
      if (element && text.includes(FEED_PATH)) consider(element, text, 'copy');
    },
  };
}
