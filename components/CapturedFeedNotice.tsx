import { useState } from 'preact/hooks';
import { FIELD_LABELS, FIELD_ORDER } from '@/utils/feed/feed-fields';
import type { FeedFields } from '@/utils/feed/feed-url';
import type { Notice } from '@/utils/i18n/feed-notices';
import { t } from '@/utils/i18n/i18n';

interface CapturedFeedNoticeProps {
  alerts: Notice[];
  /** Copies one field; the values stay in the extension, never in the page. */
  onCopy: (field: keyof FeedFields) => Promise<void>;
}

/** Shown in the console next to a feed URL the extension has taken note of. */
export function CapturedFeedNotice({ alerts, onCopy }: CapturedFeedNoticeProps) {
  const [status, setStatus] = useState('');

  async function copy(field: keyof FeedFields) {
    try {
      await onCopy(field);
      setStatus(t('noticeCopied', FIELD_LABELS[field]));
    } catch {
      setStatus(t('noticeClipboardRefused'));
    }
  }

  return (
    <div class="etf-notice">
      <p class="title">{t('noticeCaptured')}</p>
      {alerts.map((alert) => (
        <p key={alert.code} role="alert" class="alert">
          {alert.message}
        </p>
      ))}
      <div>
        {FIELD_ORDER.map((field) => (
          <button key={field} type="button" onClick={() => copy(field)}>
            {t('fieldCopyLabel', FIELD_LABELS[field])}
          </button>
        ))}
        <span role="status" class="status">
          {status}
        </span>
      </div>
    </div>
  );
}
