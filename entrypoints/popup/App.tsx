import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { CopyableField } from '@/components/CopyableField';
import { FeedNotices } from '@/components/FeedNotices';
import { GatewaySettings } from '@/components/GatewaySettings';
import { FIELD_LABELS, FIELD_ORDER, formatFieldsAsLines } from '@/utils/feed-fields';
import { parseFeedUrl, type FeedFields, type Notice } from '@/utils/feed-url';
import type { FeedsClient } from '@/utils/feeds-client';
import type { StoredFeed } from '@/utils/stored-feed';

export interface AppProps {
  feeds: FeedsClient;
  writeClipboard: (text: string) => Promise<void>;
}

interface ShownFeed {
  fields: FeedFields;
  warnings: Notice<string>[];
}

export function App({ feeds, writeClipboard }: AppProps) {
  const [stored, setStored] = useState<StoredFeed[]>([]);
  const [text, setText] = useState('');
  const [saveError, setSaveError] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const lastSaved = useRef('');

  useEffect(() => {
    feeds.read().then(setStored);
    return feeds.watch(setStored);
  }, [feeds]);

  const parsed = useMemo(() => (text.trim() === '' ? null : parseFeedUrl(text)), [text]);

  // A valid paste is kept at once, so closing the popup loses nothing.
  useEffect(() => {
    if (!parsed?.ok || lastSaved.current === text) return;
    lastSaved.current = text;
    setSaveError(null);
    feeds.savePasted(text).then((reply) => {
      if (reply.ok) setStored(reply.feeds);
      else setSaveError(reply.error.message);
    });
  }, [parsed, text, feeds]);

  const shown: ShownFeed | null = parsed === null ? (stored[0] ?? null) : parsed.ok ? parsed : null;

  async function copy(what: string, value: string): Promise<boolean> {
    try {
      await writeClipboard(value);
      setStatus(`${what} copied to the clipboard.`);
      return true;
    } catch {
      setStatus(`Could not copy ${what}: the browser refused the clipboard. Select the value and press Ctrl+C instead.`);
      return false;
    }
  }

  return (
    <main>
      <h1>ETF Autofill</h1>
      <label for="feed-url">Feed URL</label>
      <textarea
        id="feed-url"
        rows={3}
        value={text}
        placeholder="https://private.intel.amp.cisco.com/ctia/feed/feed-…/view.txt?s=…"
        spellcheck={false}
        autoComplete="off"
        aria-describedby="feed-url-help"
        aria-invalid={parsed?.ok === false}
        onInput={(event) => setText(event.currentTarget.value)}
      />
      <p id="feed-url-help" class="help">
        Paste the URL from the feed's Feed Details in SecureX / XDR.
      </p>
      {parsed?.ok === false && (
        <p role="alert" class="notice notice-alert">
          {parsed.error.message}
        </p>
      )}
      {saveError && (
        <p role="alert" class="notice notice-alert">
          {saveError}
        </p>
      )}

      {shown && (
        <section aria-labelledby="fields-heading">
          <h2 id="fields-heading">Add Source fields</h2>
          <FeedNotices warnings={shown.warnings} />
          {FIELD_ORDER.map((key) => (
            <CopyableField
              key={key}
              label={FIELD_LABELS[key]}
              value={shown.fields[key]}
              secret={key === 'collectionName'}
              onCopy={copy}
            />
          ))}
          <button type="button" class="copy-all" onClick={() => copy('All three fields', formatFieldsAsLines(shown.fields))}>
            Copy all
          </button>
        </section>
      )}
      {!shown && parsed === null && <p class="help">No feed yet. Paste a feed URL above.</p>}

      <GatewaySettings />
      <p role="status" class="status">
        {status}
      </p>
    </main>
  );
}
