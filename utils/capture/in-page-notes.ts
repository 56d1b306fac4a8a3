import { FIELD_LABELS, FIELD_ORDER } from '../feed/feed-fields';
import type { FeedFields } from '../feed/feed-url';
import type { Notice } from '../i18n/feed-notices';
import { gatewayName } from '../gateways/gateway-name';
import { t, type MessageKey } from '../i18n/i18n';
import { alertElement, button, element } from '../in-page/note-elements';

// The notes the content script draws in the console: a few elements each, built with the DOM
// itself rather than a UI library the page would have to load for them.

/** What the background did with a feed: kept it as chosen, only listed it, kept it beside another secret, or not at all. */
export type NoteHeading = 'captured' | 'listed' | 'side-by-side' | { notKept: string };

export interface CapturedFeedNoteProps {
  heading: NoteHeading;
  alerts: Notice[];
  /** Copies one field; the values stay in the extension, never in the page. Absent when the feed was not kept. */
  onCopy?: (field: keyof FeedFields) => Promise<void>;
  /** Known gateways to offer "Add to" for (origins), and whether some were withheld (Judgements). */
  gateways?: string[];
  withheld?: boolean;
  /** Asks the extension to open that gateway and fill it with this feed: only its key and the origin leave the page. */
  onAddTo?: (origin: string) => Promise<void>;
}

const HEADINGS: Record<Exclude<NoteHeading, object>, MessageKey> = {
  captured: 'noticeCaptured',
  listed: 'noticeSeenOnly',
  'side-by-side': 'noticeSideBySide',
};

/** Shown in the console next to a feed URL, once the extension has answered for it. */
export function capturedFeedNote({ heading, alerts, onCopy, gateways = [], withheld = false, onAddTo }: CapturedFeedNoteProps): HTMLElement {
  const title = element('p', 'title', typeof heading === 'object' ? t('noticeNotKept', heading.notKept) : t(HEADINGS[heading]));
  const note = element('div', 'etf-notice', title, ...alerts.map((alert) => alertElement(alert.message)));
  if (withheld) note.append(element('p', 'withheld', t('addToWithheldJudgements')));
  if (!onCopy) return note;

  const status = element('span', 'status');
  status.setAttribute('role', 'status');
  // Once the person used the note, a feed only listed is theirs: the heading says it is captured.
  const done = (message: string) => {
    if (heading === 'listed') title.textContent = t('noticeCaptured');
    status.textContent = message;
  };
  const actions = element('div', undefined);
  if (onAddTo) {
    for (const origin of gateways) {
      const addTo = button('', 'add-to', async () => {
        await onAddTo(origin);
        done(t('addToConfirmInWindow'));
      });
      // The page must not learn the person's gateways: a closed shadow root keeps its scripts from
      // the elements, but window.find() and selections still reach text. The name is drawn from an
      // attribute (CSS generated content, neither found nor selected) and given to assistive technology.
      const label = t('addToGateway', gatewayName(origin));
      addTo.setAttribute('aria-label', label);
      addTo.dataset.label = label;
      actions.append(addTo);
    }
  }
  for (const field of FIELD_ORDER) {
    actions.append(button(t('fieldCopyLabel', FIELD_LABELS[field]), undefined, async () => {
      try {
        await onCopy(field);
        done(t('noticeCopied', FIELD_LABELS[field]));
      } catch {
        status.textContent = t('noticeClipboardRefused');
      }
    }));
  }
  actions.append(status);
  note.append(actions);
  return note;
}

/** Shown on the console's feed form while its Output is Judgements. */
export function judgementsFormAlert(): HTMLElement {
  return element('div', 'etf-notice', alertElement(t('judgementsForm')));
}
