import { feedNotices, type NoticedFeed } from '@/utils/i18n/feed-notices';

/** A feed's problems: those that make the gateway reject it interrupt (alert), the rest inform. */
export function FeedNotices({ feed }: { feed: NoticedFeed }) {
  const { alerts, notes } = feedNotices(feed);
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
