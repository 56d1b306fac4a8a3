import { useState } from 'preact/hooks';
import { AddedToLines } from '@/components/AddedToLines';
import { AutofillPanel } from '@/components/AutofillPanel';
import { CopyableField } from '@/components/CopyableField';
import { FeedList } from '@/components/FeedList';
import { FeedNotices } from '@/components/FeedNotices';
import { GatewaySettings } from '@/components/GatewaySettings';
import { destinationAt } from '@/utils/destinations/feed-destinations';
import { FIELD_LABELS, FIELD_ORDER, formatFieldsAsLines } from '@/utils/feed/feed-fields';
import { gatewayName } from '@/utils/gateways/gateway-name';
import { describeCheck } from '@/utils/i18n/describe-check';
import { alreadyAdded } from '@/utils/i18n/describe-destination';
import { describeFill } from '@/utils/i18n/describe-fill';
import { describeParseError } from '@/utils/i18n/describe-parse';
import { feedName } from '@/utils/i18n/feed-summary';
import { t } from '@/utils/i18n/i18n';
import type { FeedsClient, TabClient } from '@/utils/protocol/background-client';
import { useGateways, type HostAccess, type PopupGateways } from './use-gateways';
import { useOutcome } from './use-outcome';
import { useShownFeed } from './use-shown-feed';

export interface AppProps {
  feeds: FeedsClient;
  /** The tab the popup opened over, where Autofill works, and its address (which names the site Autofill fills). */
  activeTab: { form: TabClient; url: Promise<string | undefined> };
  gateways: PopupGateways;
  hostAccess: HostAccess;
  writeClipboard: (text: string) => Promise<void>;
  now?: () => number;
}

/** The popup: Autofill for the tab, the feed it uses and its fields, the kept feeds and the paste box. */
export function App({ feeds, activeTab, gateways, hostAccess, writeClipboard, now = Date.now }: AppProps) {
  const { status, alert, report } = useOutcome();
  const { stored, text, parsed, shown, paste, keyOf, select, remove, forgetAll } = useShownFeed(feeds, report);
  const { origins: gatewayOrigins, submitted, offerConsole, filled, forget, allowConsole } = useGateways(gateways, hostAccess, report);
  const [checking, setChecking] = useState(false);

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
    const key = shown && (await keyOf(shown));
    if (!key) return;
    // Bound to the origin that was inspected: a tab that has moved on since gets nothing.
    const result = await activeTab.form.fill(key, origin);
    if (!result.ok) return report([result.error.message], true);
    report(describeFill(result.fields), false);
    await filled(origin);
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
      const allowed = await hostAccess.request(`https://${shown.fields.hostname}/*`).catch(() => false);
      const key = await keyOf(shown);
      const reply = allowed && key ? await feeds.check(key) : null;
      if (reply && !reply.ok) return report([reply.error.message], true);
      const { urgent, lines } = describeCheck(reply ? reply.check : { kind: 'problem', code: 'permission-refused' });
      report(lines, urgent);
    } finally {
      setChecking(false);
    }
  }

  // What the tab calls for comes first: Autofill and the feed it uses, then that feed's fields.
  // The list, the paste box and the fixed settings follow, so they never push those out of view.
  return (
    <main>
      <h1>{t('extName')}</h1>
      <AutofillPanel
        tab={activeTab.form}
        tabUrl={activeTab.url}
        feedName={shown && feedName(shown)}
        onAutofill={autofill}
        mayForgetGateway={gateways.mayForget}
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
        onInput={(event) => paste(event.currentTarget.value)}
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
