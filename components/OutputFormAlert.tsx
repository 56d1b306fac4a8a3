import { t } from '@/utils/i18n/i18n';

/** Shown on the console's feed form while its Output is Judgements. */
export function OutputFormAlert() {
  return (
    <div class="etf-notice">
      <p role="alert" class="alert">
        {t('judgementsForm')}
      </p>
    </div>
  );
}
