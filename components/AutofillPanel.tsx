import { useEffect, useState } from 'preact/hooks';
import type { TabClient } from '@/utils/protocol/background-client';
import { t } from '@/utils/i18n/i18n';

/** The tab as inspected: the site that showed the form, and the origin the fill is bound to. */
type TabState = { kind: 'checking' } | { kind: 'ready'; origin: string; site: string; secure: boolean } | { kind: 'refused'; message: string };

interface AutofillPanelProps {
  /** The popup's tab, whose Add Source form Autofill fills. */
  tab: TabClient;
  /** The active tab's address, which names the site Autofill fills. */
  tabUrl: Promise<string | undefined>;
  /** The feed Autofill fills with, by name; undefined when there is none. */
  feedName: string | undefined;
  /** Fills the form, only if the tab still shows `origin`. */
  onAutofill: (origin: string) => Promise<void>;
  /**
   * Whether this site is a gateway the person filled before (so the keyboard and "Add to" fill it, over
   * HTTPS) and may forget: not one the organisation lists, which stays. And forgetting it.
   */
  mayForgetGateway: (origin: string) => Promise<boolean>;
  onForgetGateway: (origin: string) => Promise<void>;
  /** What to say when the feed was already added to the gateway at `origin`; undefined when it was not. */
  addedBefore: (origin: string) => string | undefined;
}

/**
 * The Autofill button, first in the popup: usable only on an Add Source form, naming the site and
 * the feed it will fill, or saying why it cannot. Over plain HTTP it asks first.
 */
export function AutofillPanel({ tab: form, tabUrl, feedName, onAutofill, mayForgetGateway, onForgetGateway, addedBefore }: AutofillPanelProps) {
  const [tab, setTab] = useState<TabState>({ kind: 'checking' });
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [forgettable, setForgettable] = useState(false);

  useEffect(() => {
    Promise.all([form.inspect(), tabUrl]).then(([answer, url]) => {
      const page = URL.parse(url ?? '');
      if (!answer.ok) return setTab({ kind: 'refused', message: answer.error.message });
      if (!page) return setTab({ kind: 'refused', message: t('autofillNoTab') });
      const secure = page.protocol === 'https:';
      setTab({ kind: 'ready', origin: page.origin, site: secure ? page.host : page.origin, secure });
      mayForgetGateway(page.origin).then(setForgettable, () => undefined);
    });
  }, [form, tabUrl, mayForgetGateway]);

  const reason =
    tab.kind === 'checking'
      ? t('autofillChecking')
      : tab.kind === 'refused'
        ? tab.message
        : feedName === undefined
          ? t('autofillNeedsFeed')
          : t(tab.secure ? 'autofillReady' : 'autofillReadyHttp', tab.site, feedName);

  async function autofill(origin: string) {
    setConfirming(false);
    setBusy(true);
    try {
      await onAutofill(origin);
      setForgettable(await mayForgetGateway(origin).catch(() => false));
    } finally {
      setBusy(false);
    }
  }

  async function forget(origin: string) {
    await onForgetGateway(origin);
    setForgettable(false);
  }

  const ready = tab.kind === 'ready' && feedName !== undefined;
  // Not a refusal: after Edit Source on the gateway, filling the same feed again is what the person wants.
  const already = ready ? addedBefore(tab.origin) : undefined;
  return (
    <section aria-labelledby="autofill-heading" class="autofill-panel">
      <h2 id="autofill-heading" class="visually-hidden">
        {t('autofillHeading')}
      </h2>
      {already && (
        <p id="autofill-already" class="notice">
          {already}
        </p>
      )}
      <button
        type="button"
        class="autofill"
        disabled={!ready || busy || confirming}
        aria-describedby={already ? 'autofill-already autofill-reason' : 'autofill-reason'}
        onClick={() => tab.kind === 'ready' && (tab.secure ? autofill(tab.origin) : setConfirming(true))}
      >
        {t('autofillButton')}
      </button>
      <p id="autofill-reason" class="help">
        {reason}
      </p>
      {forgettable && tab.kind === 'ready' && (
        <button type="button" class="link-button" onClick={() => forget(tab.origin)}>
          {t('autofillForgetGateway')}
        </button>
      )}
      {confirming && tab.kind === 'ready' && (
        <div class="confirm">
          <p role="alert" class="notice notice-alert">
            {t('autofillHttpWarning')}
          </p>
          <div class="actions">
            <button type="button" onClick={() => autofill(tab.origin)}>
              {t('autofillHttpConfirm')}
            </button>
            <button type="button" class="secondary" onClick={() => setConfirming(false)}>
              {t('autofillHttpCancel')}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
