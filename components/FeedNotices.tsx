import type { FeedOutput } from '@/utils/feed/feed-output';
import { feedNotices } from '@/utils/i18n/feed-notices';
import type { Notice } from '@/utils/feed/feed-url';

/** A feed's problems: those that make the gateway reject it interrupt (alert), the rest inform. */
export function FeedNotices(props: { warnings: Notice<string>[]; output?: FeedOutput }) {
  const { alerts, notes } = feedNotices(props);
  return (
    <>
      {alerts.map((n) => (
        <p key={n.code} role="alert" class="notice notice-alert">
          {n.message}
        </p>
      ))}
      {notes.length > 0 && (
        <ul class="notices">
          {notes.map((n) => (
            <li key={n.code} class="notice">
              {n.message}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
