import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { AddedToLines } from '@/components/AddedToLines';
import { AutofillPanel } from '@/components/AutofillPanel';
import { CopyableField } from '@/components/CopyableField';
import { gatewayName } from '@/utils/gateways/gateway-name';
import { FeedList } from '@/components/FeedList';
import { FeedNotices } from '@/components/FeedNotices';
import { GatewaySettings } from '@/components/GatewaySettings';
import { FIELD_LABELS, FIELD_ORDER, formatFieldsAsLines } from '@/utils/feed/feed-fields';
import { feedName } from '@/utils/i18n/feed-summary';
import { parseFeedUrl, type ParsedFeedUrl } from '@/utils/feed/feed-url';
import type { FeedsClient, TabClient } from '@/utils/protocol/background-client';
import { describeCheck } from '@/utils/i18n/describe-check';
import { alreadyAdded } from '@/utils/i18n/describe-destination';
import { describeFill } from '@/utils/i18n/describe-fill';
import { describeParseError } from '@/utils/i18n/describe-parse';
import { t } from '@/utils/i18n/i18n';
import type { Reply } from '@/utils/protocol/messages';
import { chosenFeed } from '@/utils/feeds/chosen-feed';
import { sameFeed } from '@/utils/feeds/same-feed';
import { destinationAt, type FeedDestination } from '@/utils/destinations/feed-destinations';
import { isPlainHttp } from '@/utils/gateways/known-gateways';
import type { StoredFeed } from '@/utils/feeds/stored-feed';

export interface AppProps {
  feeds: FeedsClient;
  /** The active tab, where Autofill works; null when there is none. */
  gateway: TabClient;
  /** The active tab's address, for naming the site Autofill fills. */
  tabUrl: Promise<string | undefined>;
  writeClipboard: (text: string) => Promise<void>;
  /** Asks the user for access to a feed host the manifest does not name; true when granted. */
  requestHostAccess: (origin: string) => Promise<boolean>;
  /** Whether the extension may reach this origin pattern already. */
  hasHostAccess: (origin: string) => Promise<boolean>;
  /** The known gateways the extension may open (origins, newest first): "Add to" is offered for these. */
  reachableGateways: () => Promise<string[]>;
  isKnownGateway: (origin: string) => Promise<boolean>;
  /** Asks the background to forget the person's gateway at `origin`. */
  forgetGateway: (origin: string) => Promise<Reply<'forget-gateway'>>;
  /** Where feeds were submitted, newest first: said under the shown feed, and before filling it there again. */
  destinations: () => Promise<FeedDestination[]>;
  now?: () => number;
}

/** A feed to show: a stored one, or a pasted one the background has not stored yet (no key). */
type ShownFeed = Pick<StoredFeed, 'fields' | 'warnings' | 'output' | 'title' | 'feedId' | 'region' | 'port' | 'conflict' | 'secretCheck'> & { key?: string };

export function App(props: AppProps) {
  const { feeds, gateway, tabUrl, writeClipboard, requestHostAccess, hasHostAccess, reachableGateways, isKnownGateway, forgetGateway, destinations, now = Date.now } = props;
  const [stored, setStored] = useState<StoredFeed[]>([]);
  const [selectedKey, setSelectedKey] = useState<string | undefined>();
  const [text, setText] = useState('');
  /** The outcome of the last action: calm news in the status region, trouble in an alert. */
  const [status, setStatus] = useState('');
  const [alert, setAlert] = useState<string | null>(null);
  const [checking, setChecking] = useState(false);
  /** A gateway just filled that the console cannot offer yet: the person may allow it. */
  const [offerConsole, setOfferConsole] = useState<string | null>(null);
  const [gatewayOrigins, setGatewayOrigins] = useState<string[]>([]);
  const [submitted, setSubmitted] = useState<FeedDestination[]>([]);
  /** The save of the last paste, which an Autofill or Check feed right after it must wait for: the key it kept. */
  const lastSave = useRef<{ text: string; key: Promise<string | undefined> } | undefined>(undefined);

  useEffect(() => {
    feeds.read().then(setStored);
    return feeds.watch(setStored);
  }, [feeds]);

  useEffect(() => {
    reachableGateways().then(setGatewayOrigins, () => undefined);
  }, [reachableGateways]);

  useEffect(() => {
    destinations().then(setSubmitted, () => undefined);
  }, [destinations]);

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

  function report(lines: string[], urgent: boolean) {
    setStatus(urgent ? '' : lines.join('\n'));
    setAlert(urgent ? lines.join('\n') : null);
  }

  /** Reports a change the background made (the list follows the store), or why it refused. */
  function apply(request: Promise<Reply<'choose-feed' | 'remove-feed' | 'forget-feeds'>>, done?: string): Promise<void> {
    return request.then((reply) => {
      if (!reply.ok) return report([reply.error.message], true);
      if (done) report([done], false);
    });
  }

  // Only a feed the person acted on is shown first: one merely seen in a page's text waits to be picked.
  // A paste shows as the kept feed it is once the background kept it (with all it knows).
  const selected = stored.find((f) => f.key === selectedKey);
  const pasted = parsed?.ok ? pastedFeed(parsed) : undefined;
  const shown: ShownFeed | undefined =
    parsed?.ok === false ? undefined : (selected ?? (pasted ? (stored.find((f) => sameFeed(f, pasted)) ?? pasted) : chosenFeed(stored)));

  /** The key under which `feed` is kept: a paste just made has the one the background answered its save with. */
  async function keyOf(feed: ShownFeed): Promise<string | undefined> {
    return feed.key ?? (lastSave.current?.text === text ? lastSave.current.key : undefined);
  }

  /** What to say before Autofill when the shown feed was already submitted to the gateway at `origin`. */
  function addedBefore(origin: string): string | undefined {
    const destination = shown && destinationAt(submitted, shown.feedId, origin);
    return destination && alreadyAdded(destination, now());
  }

  async function copy(what: string, value: string): Promise<boolean> {
    try {
      await writeClipboard(value);
      report([t('popupCopied', what)], false);
      return true;
    } catch {
      report([t('popupCouldNotCopy', what)], false);
      return false;
    }
  }

  async function autofill(origin: string) {
    if (!shown) return;
    const key = await keyOf(shown);
    if (!key) return;
    // Bound to the origin that was inspected: a tab that has moved on since gets nothing.
    const result = await gateway.fill(key, origin);
    if (!result.ok) return report([result.error.message], true);
    report(describeFill(result.fields), false);
    // "Add to" never opens a plain-HTTP gateway, so the console is not offered one.
    if (!isPlainHttp(origin) && !(await hasHostAccess(`${origin}/*`).catch(() => true))) setOfferConsole(origin);
  }

  async function forget(origin: string) {
    const reply = await forgetGateway(origin);
    if (!reply.ok) return report([reply.error.message], true);
    setGatewayOrigins(await reachableGateways());
    report([t('autofillForgotGateway', gatewayName(origin))], false);
  }

  async function allowConsole(origin: string) {
    // Asked at once, inside the click: the browser shows its prompt only then.
    const granted = await requestHostAccess(`${origin}/*`).catch(() => false);
    setOfferConsole(null);
    report([granted ? t('fillOfferGranted', gatewayName(origin)) : t('fillOfferRefused')], false);
    if (granted) setGatewayOrigins(await reachableGateways());
  }

  async function addTo(key: string, origin: string) {
    const reply = await feeds.addToGateway(key, origin);
    report([reply.ok ? t('addToOpening', gatewayName(origin)) : reply.error.message], !reply.ok);
  }

  async function check() {
    if (!shown) return;
    setChecking(true);
    report([t('popupChecking')], false);
    try {
      // Asked first, while the click still counts as the user's: the browser shows its prompt only then.
      const allowed = await requestHostAccess(`https://${shown.fields.hostname}/*`).catch(() => false);
      const key = await keyOf(shown);
      const reply = allowed && key ? await feeds.check(key) : null;
      if (reply && !reply.ok) return report([reply.error.message], true);
      const { urgent, lines } = describeCheck(reply ? reply.check : { kind: 'problem', code: 'permission-refused' });
      report(lines, urgent);
    } finally {
      setChecking(false);
    }
  }

  function select(key: string) {
    setText('');
    setSelectedKey(key);
    // Picking is choosing: the keyboard fill uses this feed from now on.
    apply(feeds.choose(key));
  }

  function remove(feed: StoredFeed) {
    if (feed.key === shown?.key) setText('');
    apply(feeds.remove(feed.key), t('popupRemoved', feedName(feed)));
  }

  function forgetAll() {
    setText('');
    apply(feeds.forgetAll(), t('popupForgotAll'));
  }

  // What the tab calls for comes first: Autofill and the feed it uses, then that feed's fields.
  // The list, the paste box and the fixed settings follow, so they never push those out of view.
  return (
    <main>
      <h1>{t('extName')}</h1>
      <AutofillPanel
        gateway={gateway}
        tabUrl={tabUrl}
        feedName={shown && feedName(shown)}
        onAutofill={autofill}
        isKnownGateway={isKnownGateway}
        onForgetGateway={forget}
        addedBefore={addedBefore}
      />

      {shown && (
        <section aria-labelledby="fields-heading">
          <h2 id="fields-heading">{t('popupFieldsHeading')}</h2>
          <p class="feed-title">{feedName(shown)}</p>
          <AddedToLines destinations={submitted.filter((destination) => destination.feedId === shown.feedId)} now={now()} />
          <FeedNotices fields={shown.fields} port={shown.port} warnings={shown.warnings} output={shown.output} conflict={shown.conflict} secretCheck={shown.secretCheck} />
          {FIELD_ORDER.map((key) => (
            <CopyableField
              key={`${shown.key ?? shown.feedId}-${key}`}
              label={FIELD_LABELS[key]}
              value={shown.fields[key]}
              secret={key === 'collectionName'}
              onCopy={copy}
            />
          ))}
          {shown.key && shown.output !== 'judgements' && gatewayOrigins.length > 0 && (
            <div class="actions">
              {gatewayOrigins.map((origin) => (
                <button key={origin} type="button" class="secondary" onClick={() => addTo(shown.key!, origin)}>
                  {t('addToGateway', gatewayName(origin))}
                </button>
              ))}
            </div>
          )}
          <div class="actions">
            <button type="button" onClick={() => copy(t('popupAllFields'), formatFieldsAsLines(shown.fields))}>
              {t('popupCopyAll')}
            </button>
            <button type="button" aria-busy={checking} disabled={checking} onClick={check}>
              {t('popupCheckFeed')}
            </button>
          </div>
        </section>
      )}
      {!shown && parsed === null && stored.length > 0 && <p class="help">{t('popupPickFeed')}</p>}
      {/* Results sit right under the buttons that produce them, in view without scrolling. */}
      {alert && (
        <p role="alert" class="notice notice-alert result">
          {alert}
        </p>
      )}
      <p role="status" class="status">
        {status}
      </p>
      {offerConsole && (
        <button type="button" class="secondary" onClick={() => allowConsole(offerConsole)}>
          {t('fillOfferConsole')}
        </button>
      )}

      {stored.length > 0 && (
        <FeedList feeds={stored} selectedKey={shown?.key} now={now()} onSelect={select} onRemove={remove} onForgetAll={forgetAll} />
      )}

      <label for="feed-url">{t('popupFeedUrl')}</label>
      <textarea
        id="feed-url"
        rows={2}
        value={text}
        placeholder="https://private.intel.amp.cisco.com/ctia/feed/feed-…/view.txt?s=…"
        spellcheck={false}
        autoComplete="off"
        aria-describedby="feed-url-help"
        aria-invalid={parsed?.ok === false}
        onInput={(event) => setText(event.currentTarget.value)}
      />
      <p id="feed-url-help" class="help">
        {t('popupFeedUrlHelp')}
      </p>
      {parsed?.ok === false && (
        <p role="alert" class="notice notice-alert">
          {describeParseError(parsed.error)}
        </p>
      )}
      {parsed === null && stored.length === 0 && <p class="help">{t('popupNoFeed')}</p>}

      <GatewaySettings />
    </main>
  );
}

function pastedFeed({ feedId, fields, warnings, region, port }: ParsedFeedUrl): ShownFeed {
  return { feedId, fields, warnings, region, port };
}
