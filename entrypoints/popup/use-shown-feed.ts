import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { parseFeedUrl, type ParsedFeedUrl } from '@/utils/feed/feed-url';
import { chosenFeed } from '@/utils/feeds/chosen-feed';
import { sameFeed } from '@/utils/feeds/same-feed';
import type { StoredFeed } from '@/utils/feeds/stored-feed';
import { feedName } from '@/utils/i18n/feed-summary';
import { t } from '@/utils/i18n/i18n';
import type { FeedsClient } from '@/utils/protocol/background-client';
import type { Reply } from '@/utils/protocol/messages';
import type { Outcome } from './use-outcome';

/** A feed to show: a stored one, or a pasted one the background has not stored yet (no key). */
export type ShownFeed = Pick<StoredFeed, 'fields' | 'warnings' | 'output' | 'title' | 'feedId' | 'region' | 'port' | 'conflict' | 'secretCheck'> & { key?: string };

/**
 * The kept feeds, the paste box, and the feed the popup shows: the one picked, else the one pasted,
 * else the one the person chose last. Every change goes to the background; the list follows its store.
 */
export function useShownFeed(feeds: FeedsClient, report: Outcome['report']) {
  const [stored, setStored] = useState<StoredFeed[]>([]);
  const [selectedKey, setSelectedKey] = useState<string | undefined>();
  const [text, setText] = useState('');
  /** The save of the last paste, which an Autofill or Check feed right after it must wait for: the key it kept. */
  const lastSave = useRef<{ text: string; key: Promise<string | undefined> } | undefined>(undefined);

  useEffect(() => {
    feeds.read().then(setStored);
    return feeds.watch(setStored);
  }, [feeds]);

  const parsed = useMemo(() => (text.trim() === '' ? null : parseFeedUrl(text)), [text]);

  // A valid paste is kept at once, so closing the popup loses nothing.
  useEffect(() => {
    if (!parsed?.ok || lastSave.current?.text === text) return;
    // The pasted feed is now the one the person chose last: it shows, and Autofill uses it.
    setSelectedKey(undefined);
    const key = feeds.savePasted(text).then((reply) => {
      if (!reply.ok) return void report([reply.error.message], true);
      return reply.key;
    });
    lastSave.current = { text, key };
  }, [parsed, text, feeds]);

  // Only a feed the person acted on is shown first: one merely seen in a page's text waits to be picked.
  // A paste shows as the kept feed it is once the background kept it (with all it knows).
  const selected = stored.find((f) => f.key === selectedKey);
  const pasted = parsed?.ok ? pastedFeed(parsed) : undefined;
  const shown: ShownFeed | undefined =
    parsed?.ok === false ? undefined : (selected ?? (pasted ? (stored.find((f) => sameFeed(f, pasted)) ?? pasted) : chosenFeed(stored)));

  /** Reports a change the background made (the list follows the store), or why it refused. */
  function apply(request: Promise<Reply<'choose-feed' | 'remove-feed' | 'forget-feeds'>>, done?: string) {
    void request.then((reply) => {
      if (!reply.ok) return report([reply.error.message], true);
      if (done) report([done], false);
    });
  }

  return {
    stored,
    text,
    parsed,
    shown,
    paste: setText,
    /** The key under which `feed` is kept: a paste just made has the one the background answered its save with. */
    async keyOf(feed: ShownFeed): Promise<string | undefined> {
      return feed.key ?? (lastSave.current?.text === text ? lastSave.current.key : undefined);
    },
    select(key: string) {
      setText('');
      setSelectedKey(key);
      // Picking is choosing: the keyboard fill uses this feed from now on.
      apply(feeds.choose(key));
    },
    remove(feed: StoredFeed) {
      if (feed.key === shown?.key) setText('');
      apply(feeds.remove(feed.key), t('popupRemoved', feedName(feed)));
    },
    forgetAll() {
      setText('');
      apply(feeds.forgetAll(), t('popupForgotAll'));
    },
  };
}

function pastedFeed({ feedId, fields, warnings, region, port }: ParsedFeedUrl): ShownFeed {
  return { feedId, fields, warnings, region, port };
}
