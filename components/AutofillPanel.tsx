import { useEffect, useState } from 'preact/hooks';
import type { GatewayTab } from '@/utils/extension/gateway-tab';
import { t } from '@/utils/i18n/i18n';

type TabState = { kind: 'checking' } | { kind: 'ready'; site: string } | { kind: 'refused'; message: string };

interface AutofillPanelProps {
  gateway: GatewayTab | null;
  /** The active tab's address, which names the site Autofill fills. */
  tabUrl: Promise<string | undefined>;
  /** The feed Autofill fills with, by name; undefined when there is none. */
  feedName: string | undefined;
  onAutofill: () => Promise<void>;
}

/**
 * The Autofill button, first in the popup: usable only on an Add Source form, naming the site and
 * the feed it will fill, or saying why it cannot.
 */
export function AutofillPanel({ gateway, tabUrl, feedName, onAutofill }: AutofillPanelProps) {
  const [tab, setTab] = useState<TabState>({ kind: 'checking' });
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!gateway) return setTab({ kind: 'refused', message: t('autofillNoTab') });
    Promise.all([gateway.inspect(), tabUrl]).then(([answer, url]) =>
      setTab(answer.ok ? { kind: 'ready', site: URL.parse(url ?? '')?.host ?? '' } : { kind: 'refused', message: answer.error.message }),
    );
  }, [gateway, tabUrl]);

  const reason =
    tab.kind === 'checking'
      ? t('autofillChecking')
      : tab.kind === 'refused'
        ? tab.message
        : feedName === undefined
          ? t('autofillNeedsFeed')
          : t('autofillReady', tab.site, feedName);

  async function autofill() {
    setBusy(true);
    try {
      await onAutofill();
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="autofill-heading" class="autofill-panel">
      <h2 id="autofill-heading" class="visually-hidden">
        {t('autofillHeading')}
      </h2>
      <button
        type="button"
        class="autofill"
        disabled={tab.kind !== 'ready' || feedName === undefined || busy}
        aria-describedby="autofill-reason"
        onClick={autofill}
      >
        {t('autofillButton')}
      </button>
      <p id="autofill-reason" class="help">
        {reason}
      </p>
    </section>
  );
}
