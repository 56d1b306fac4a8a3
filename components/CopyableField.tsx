import { useEffect, useId, useState } from 'preact/hooks';
import { t } from '@/utils/i18n/i18n';

interface CopyableFieldProps {
  label: string;
  value: string;
  /** Masks the value until the user reveals it; copying always copies the real value. */
  secret?: boolean;
  onCopy: (label: string, value: string) => Promise<boolean>;
}

const COPIED_FOR_MS = 1500;

/** One gateway field: its label, its value read-only, and a Copy button that says when it copied. */
export function CopyableField({ label, value, secret = false, onCopy }: CopyableFieldProps) {
  const id = useId();
  const [revealed, setRevealed] = useState(false);
  const [copied, setCopied] = useState(false);

  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), COPIED_FOR_MS);
    return () => clearTimeout(timer);
  }, [copied]);

  const valueProps = { id, class: 'field-value', value, readOnly: true, spellcheck: false, autoComplete: 'off' };

  async function copy() {
    setCopied(await onCopy(label, value));
  }

  return (
    <div class="field">
      <label for={id}>{label}</label>
      <div class="field-row">
        {secret && !revealed ? <input type="password" {...valueProps} /> : <input type="text" {...valueProps} />}
        {secret && (
          <button type="button" aria-pressed={revealed} aria-label={t('fieldShowLabel', label)} onClick={() => setRevealed(!revealed)}>
            {revealed ? t('fieldHide') : t('fieldShow')}
          </button>
        )}
        <button type="button" aria-label={t('fieldCopyLabel', label)} onClick={copy}>
          {copied ? t('fieldCopied') : t('fieldCopy')}
        </button>
      </div>
    </div>
  );
}
