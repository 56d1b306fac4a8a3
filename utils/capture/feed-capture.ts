import { feedNotices } from '../i18n/feed-notices';
import { parseFeedUrl } from '../feed/feed-url';
import type { Reply, Request } from '../protocol/messages';
import { createFeedContextReader, type FeedContextReader } from './feed-context';
import { findFeedUrls } from './find-feed-urls';
import { findUrlInText } from '../feed/url-in-text';
import { capturedFeedNote, type NoteHeading } from './in-page-notes';
import type { InPageUi } from '../in-page/mount-in-page';
import { yieldToPage } from './yield-to-page';

export interface FeedCaptureDeps {
  send: (message: Request<'capture-feed' | 'use-feed-note' | 'add-to-gateway'>) => Promise<unknown>;
  mount: (anchor: Element, content: HTMLElement) => Promise<InPageUi>;
  writeClipboard: (text: string) => Promise<void>;
  /** Waits while the page draws and handles input; a test may step it by hand. */
  yieldToPage?: () => Promise<void>;
}

/**
 * Feed URLs read per task. A page showing hundreds of feeds is read a chunk at a time, with the
 * page drawing in between, so no frame waits for more than this many.
 */
export const URLS_PER_TASK = 10;
/** And at most this long: a frame is 16 ms, and the page needs most of it to draw. */
export const MS_PER_TASK = 5;
/**
 * The most notes on a page at once: one beside every row of a long feed list (the tests and the
 * benchmark draw 500), never thousands, whatever the page shows.
 */
export const MAX_NOTES_PER_PAGE = 500;
/**
 * The most feed URLs sent to the background from one page in its life: a long list, paged through,
 * stays below it; a page that makes up URLs stops there. Past it only what the person copies is read.
 */
export const MAX_URLS_PER_PAGE = 1_000;

/**
 * Takes note of feed URLs the console shows or the person copies: each new one (or one whose title
 * or Output the page now tells) goes to the background once, and gets a notice beside it saying
 * what the background did with it. Only the notice of the person's own copy offers actions (Copy,
 * Add to): a URL the page shows may be anyone's text, drawn anywhere, even under the person's cursor.
 */
export function createFeedCapture({ send, mount, writeClipboard, yieldToPage: yieldNow = yieldToPage }: FeedCaptureDeps) {
  /** The background's answer per feed URL and what was sent of it, so a re-rendering page does not resend it. */
  const sent = new Map<string, { signature: string; reply: Promise<Reply<'capture-feed'>> }>();
  /** The notice beside each element, and what it was drawn for. */
  const notices = new Map<Element, { url: string; source: Request<'capture-feed'>['source']; drawnFor: string; ui: Promise<InPageUi | null> }>();
  /** Sightings not read yet, in page order, with the text each element showed last. */
  const waiting = new Map<Element, string>();
  /** Whether the waiting sightings are being read; `reading` settles when they all are. */
  let busy = false;
  let reading = Promise.resolve();

  function consider(actedOn: Element, text: string, source: Request<'capture-feed'>['source'], contexts: FeedContextReader) {
    const url = findUrlInText(text);
    const feed = url === null ? null : parseFeedUrl(url);
    // A page may show any URL (an observable in an incident, say): only Cisco's feed hosts count.
    if (!url || !feed?.ok || feed.region === null) return;
    const { title, output } = contexts.read(actedOn);
    // The note of the person's copy goes where the page shows that URL, if it does: one note per URL.
    const element = source === 'copy' ? (noticedAt(url) ?? actedOn) : actedOn;

    const signature = JSON.stringify([title, output, source]);
    let capture = sent.get(url);
    if (capture?.signature !== signature) {
      const reply = (send({ type: 'capture-feed', url, title, output, source }) as Promise<Reply<'capture-feed'>>).catch((error: unknown) => {
        sent.delete(url);
        throw error;
      });
      sent.set(url, (capture = { signature, reply }));
    }

    // An element the page reuses for another feed (or another Output) gets its notice redrawn.
    const drawnFor = JSON.stringify([url, output, source]);
    const notice = notices.get(element);
    if (notice?.drawnFor === drawnFor) return;
    // Once the person copied a URL, its note (with the actions) is the one note about it: the page
    // drawing that URL again, there or elsewhere, adds none and takes none away.
    if (source === 'page' && noticedAt(url, 'copy')) return;
    const { alerts } = feedNotices({ ...feed, output });
    // Drawn once the background has answered: the note never says "captured" before it was kept.
    const content = capture.reply.then((reply) => {
      if (!reply.ok) return capturedFeedNote({ heading: { notKept: reply.error.message }, alerts });
      const heading: NoteHeading = reply.outcome === 'side-by-side' ? 'side-by-side' : reply.listedOnly ? 'listed' : 'captured';
      if (source === 'page') return capturedFeedNote({ heading, alerts });
      const onCopy = async (field: keyof typeof feed.fields) => {
        await writeClipboard(feed.fields[field]);
        await send({ type: 'use-feed-note', key: reply.key });
      };
      // The page gets no secret: the click sends the feed's key and the gateway's origin, the background does the rest.
      const onAddTo = async (origin: string) => void (await send({ type: 'add-to-gateway', key: reply.key, origin }));
      return capturedFeedNote({ heading, alerts, onCopy, gateways: reply.gateways, withheld: reply.withheld, onAddTo });
    });
    if (notice) {
      Object.assign(notice, { url, source, drawnFor });
      const drawn = notice.ui;
      // No answer: the note about the feed the element showed before goes, and the next scan tries again.
      const gone = () => drawn.then((ui) => (ui?.remove(), notices.delete(element), null));
      notice.ui = Promise.all([drawn, content]).then(([ui, node]) => (ui?.update(node), ui), gone);
    } else {
      // No answer (the background was away): no notice, and the next scan tries again.
      const ui = content.then((node) => mount(element, node)).catch(() => (notices.delete(element), null));
      notices.set(element, { url, source, drawnFor, ui });
    }
  }

  /** The element on the page with a notice about `url` (drawn for `source`, when given), if there is one. */
  function noticedAt(url: string, source?: Request<'capture-feed'>['source']): Element | undefined {
    for (const [element, notice] of notices) if (notice.url === url && (!source || notice.source === source) && element.isConnected) return element;
    return undefined;
  }

  function removeDetachedNotices() {
    for (const [element, notice] of notices) {
      if (element.isConnected) continue;
      notices.delete(element);
      notice.ui.then((ui) => ui?.remove());
    }
  }

  /** Whether the page may still have `element` read: it has not had all the notes and captures a page may cause. */
  function withinPageCaps(element: Element): boolean {
    return sent.size < MAX_URLS_PER_PAGE && (notices.has(element) || notices.size < MAX_NOTES_PER_PAGE);
  }

  /**
   * Reads the waiting sightings, the first ones at once: per task, URLS_PER_TASK at most and for
   * MS_PER_TASK at most (always one), then the page draws. Sightings past the page's caps are dropped.
   */
  async function readWaiting() {
    busy = true;
    try {
      while (waiting.size > 0) {
        // The page may change while it draws: what a reader learnt holds only for its own chunk.
        const contexts = createFeedContextReader();
        const taskEnd = performance.now() + MS_PER_TASK;
        let read = 0;
        for (const [element, text] of waiting) {
          waiting.delete(element);
          if (element.isConnected && withinPageCaps(element)) {
            consider(element, text, 'page', contexts);
            read++;
          }
          if (read === URLS_PER_TASK || performance.now() >= taskEnd) break;
        }
        if (waiting.size > 0) await yieldNow();
      }
    } finally {
      busy = false;
    }
  }

  return {
    /**
     * Looks for feed URLs in nodes the page added or changed. The first task's worth are read
     * before it returns; the promise settles when every one has been.
     */
    scan(roots: Node[]): Promise<void> {
      removeDetachedNotices();
      for (const root of roots) {
        for (const { element, text } of findFeedUrls(root)) {
          waiting.delete(element); // an element seen again is read in its new place, with its new text
          waiting.set(element, text);
        }
      }
      if (!busy) reading = readWaiting();
      return reading;
    },
    /** Takes the feed URL the person copied, with the element they copied it from (or with). */
    captureCopy(url: string, element: Element) {
      consider(element, url, 'copy', createFeedContextReader());
    },
  };
}
