import { feedName, feedOrigin } from '@/utils/i18n/feed-summary';
import { t } from '@/utils/i18n/i18n';
import type { StoredFeed } from '@/utils/feeds/stored-feed';

interface FeedListProps {
  feeds: StoredFeed[];
  selectedKey: string | undefined;
  now: number;
  onSelect: (key: string) => void;
  onRemove: (feed: StoredFeed) => void;
  onForgetAll: () => void;
}

/** The kept feeds, most recent first: one is chosen (arrow keys move), each can be removed. */
export function FeedList({ feeds, selectedKey, now, onSelect, onRemove, onForgetAll }: FeedListProps) {
  return (
    <section aria-labelledby="feed-list-heading">
      <div class="section-heading">
        <h2 id="feed-list-heading">{t('listHeading')}</h2>
        <button type="button" class="link-button" onClick={onForgetAll}>
          {t('listForgetAll')}
        </button>
      </div>
      <ul class="feed-list">
        {feeds.map((feed) => {
          const id = `feed-choice-${feed.key}`;
          const name = feedName(feed);
          return (
            <li key={feed.key} class="feed-item">
              <input type="radio" name="feed" id={id} checked={feed.key === selectedKey} onChange={() => onSelect(feed.key)} />
              <label for={id} class="feed-item-label">
                <span class="feed-item-name">{name}</span>
                {feed.output === 'judgements' && <> <span class="tag tag-alert">{t('listJudgementsTag')}</span></>}
                {feed.conflict && <> <span class="tag tag-alert">{t('listTwoSecretsTag')}</span></>}{' '}
                <span class="feed-item-origin">{feedOrigin(feed, now)}</span>
              </label>
              <button type="button" class="link-button" aria-label={t('listRemoveLabel', name)} onClick={() => onRemove(feed)}>
                {t('listRemove')}
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
