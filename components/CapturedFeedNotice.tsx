import { useState } from 'preact/hooks';
import { FIELD_LABELS, FIELD_ORDER } from '@/utils/feed/feed-fields';
import type { FeedFields } from '@/utils/feed/feed-url';
import type { Notice } from '@/utils/i18n/feed-notices';
import { t, type MessageKey } from '@/utils/i18n/i18n';

/** What the background did with the feed: kept it as chosen, only listed it, kept it beside another secret, or not at all. */
export type NoticeHeading = 'captured' | 'listed' | 'side-by-side' | { notKept: string };

interface CapturedFeedNoticeProps {
  heading: NoticeHeading;
  alerts: Notice[];
  /** Copies one field; the values stay in the extension, never in the page. Absent when the feed was not kept. */
  onCopy?: (field: keyof FeedFields) => Promise<void>;
}

const HEADINGS: Record<Exclude<NoticeHeading, object>, MessageKey> = {
  captured: 'noticeCaptured',
  listed: 'noticeSeenOnly',
  'side-by-side': 'noticeSideBySide',
};

/** Shown in the console next to a feed URL, once the extension has answered for it. */
export function CapturedFeedNotice({ heading, alerts, onCopy }: CapturedFeedNoticeProps) {
  const [status, setStatus] = useState('');
  const [used, setUsed] = useState(false);

  async function copy(event: MouseEvent, field: keyof FeedFields) {
    // Only the person's own click counts: the page can click this button too, from a script.
    if (!event.isTrusted || !onCopy) return;
    try {
      await onCopy(field);
      setUsed(true);
      setStatus(t('noticeCopied', FIELD_LABELS[field]));
    } catch {
      setStatus(t('noticeClipboardRefused'));
    }
  }

  const title = typeof heading === 'object' ? t('noticeNotKept', heading.notKept) : t(used && heading === 'listed' ? 'noticeCaptured' : HEADINGS[heading]);
  return (
    <div class="etf-notice">
      <p class="title">{title}</p>
      {alerts.map((alert) => (
        <p key={alert.code} role="alert" class="alert">
          {alert.message}
        </p>
      ))}
      {onCopy && (
        <div>
          {FIELD_ORDER.map((field) => (
            <button key={field} type="button" onClick={(event) => copy(event, field)}>
              {t('fieldCopyLabel', FIELD_LABELS[field])}
            </button>
          ))}
          <span role="status" class="status">
            {status}
          </span>
        </div>
      )}
    </div>
  );
}
