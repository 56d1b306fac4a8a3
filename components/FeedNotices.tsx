import { feedNotices, secretNotices, type NoticedFeed } from '@/utils/i18n/feed-notices';
import type { StoredFeed } from '@/utils/feeds/stored-feed';

type FeedNoticesProps = NoticedFeed & Pick<StoredFeed, 'conflict' | 'secretCheck'>;

/** A feed's problems: those that make the gateway reject it interrupt (alert), the rest inform. */
export function FeedNotices(props: FeedNoticesProps) {
  const feed = feedNotices(props);
  const secret = secretNotices(props);
  const alerts = [...secret.alerts, ...feed.alerts];
  const notes = [...secret.notes, ...feed.notes];
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
