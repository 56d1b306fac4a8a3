import { useEffect, useState } from 'preact/hooks';
import type { GatewayTab } from '@/utils/extension/gateway-tab';
import { t } from '@/utils/i18n/i18n';

type TabState = { kind: 'checking' } | { kind: 'ready' } | { kind: 'refused'; message: string };

interface AutofillPanelProps {
  gateway: GatewayTab | null;
  /** Why there is nothing to fill with, when there is no feed. */
  feedMissing: boolean;
  onAutofill: () => Promise<void>;
}

/** The Autofill button, usable only on an Add Source form and saying why when it is not. */
export function AutofillPanel({ gateway, feedMissing, onAutofill }: AutofillPanelProps) {
  const [tab, setTab] = useState<TabState>({ kind: 'checking' });
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!gateway) return setTab({ kind: 'refused', message: t('autofillNoTab') });
    gateway.inspect().then((answer) => setTab(answer.ok ? { kind: 'ready' } : { kind: 'refused', message: answer.error.message }));
  }, [gateway]);

  const reason =
    tab.kind === 'checking'
      ? t('autofillChecking')
      : tab.kind === 'refused'
        ? tab.message
        : feedMissing
          ? t('autofillNeedsFeed')
          : t('autofillReady');

  async function autofill() {
    setBusy(true);
    try {
      await onAutofill();
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="autofill-heading">
      <h2 id="autofill-heading">{t('autofillHeading')}</h2>
      <button type="button" class="autofill" disabled={tab.kind !== 'ready' || feedMissing || busy} aria-describedby="autofill-reason" onClick={autofill}>
        {t('autofillButton')}
      </button>
      <p id="autofill-reason" class="help">
        {reason}
      </p>
    </section>
  );
}
