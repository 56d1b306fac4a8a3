import { useEffect, useState } from 'preact/hooks';
import type { GatewayTab } from '@/utils/gateway-tab';

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
    if (!gateway) return setTab({ kind: 'refused', message: 'There is no tab to fill.' });
    gateway.inspect().then((answer) => setTab(answer.ok ? { kind: 'ready' } : { kind: 'refused', message: answer.error.message }));
  }, [gateway]);

  const reason =
    tab.kind === 'checking'
      ? 'Looking for the Add Source form in this tab…'
      : tab.kind === 'refused'
        ? tab.message
        : feedMissing
          ? 'Paste a feed URL or open a feed in SecureX / XDR first.'
          : 'Fills the form in this tab; you review it and click Submit.';

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
      <h2 id="autofill-heading">Gateway form</h2>
      <button type="button" class="autofill" disabled={tab.kind !== 'ready' || feedMissing || busy} aria-describedby="autofill-reason" onClick={autofill}>
        Autofill Add Source form
      </button>
      <p id="autofill-reason" class="help">
        {reason}
      </p>
    </section>
  );
}
