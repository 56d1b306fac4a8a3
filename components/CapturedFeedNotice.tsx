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
  /** Known gateways to offer "Add to" for (origins), and whether some were withheld (Judgements). */
  gateways?: string[];
  withheld?: boolean;
  /** Asks the extension to open that gateway and fill it with this feed: only its id and the origin leave the page. */
  onAddTo?: (origin: string) => Promise<void>;
}

const HEADINGS: Record<Exclude<NoticeHeading, object>, MessageKey> = {
  captured: 'noticeCaptured',
  listed: 'noticeSeenOnly',
  'side-by-side': 'noticeSideBySide',
};

/** Shown in the console next to a feed URL, once the extension has answered for it. */
export function CapturedFeedNotice({ heading, alerts, onCopy, gateways = [], withheld = false, onAddTo }: CapturedFeedNoticeProps) {
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

  async function addTo(event: MouseEvent, origin: string) {
    if (!event.isTrusted || !onAddTo) return;
    await onAddTo(origin);
    setUsed(true);
    setStatus(t('addToOpening', hostOf(origin)));
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
      {withheld && <p class="withheld">{t('addToWithheldJudgements')}</p>}
      {onCopy && (
        <div>
          {onAddTo &&
            gateways.map((origin) => (
              <button key={origin} type="button" class="add-to" onClick={(event) => addTo(event, origin)}>
                {t('addToGateway', hostOf(origin))}
              </button>
            ))}
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

/** A gateway as the person names it: its host, with the port when not the default. */
export function hostOf(origin: string): string {
  return URL.parse(origin)?.host ?? origin;
}
