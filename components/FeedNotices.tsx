import type { Notice } from '@/utils/feed-url';

/** Warnings that mean the gateway will reject the feed: these interrupt, the rest inform. */
const BLOCKING = new Set(['judgements-view']);

export function FeedNotices({ warnings }: { warnings: Notice<string>[] }) {
  const blocking = warnings.filter((w) => BLOCKING.has(w.code));
  const advisory = warnings.filter((w) => !BLOCKING.has(w.code));
  return (
    <>
      {blocking.map((w) => (
        <p key={w.code} role="alert" class="notice notice-alert">
          {w.message}
        </p>
      ))}
      {advisory.length > 0 && (
        <ul class="notices">
          {advisory.map((w) => (
            <li key={w.code} class="notice">
              {w.message}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
