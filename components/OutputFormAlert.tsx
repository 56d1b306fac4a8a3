import { JUDGEMENTS_FORM_MESSAGE } from '@/utils/feed-notices';

/** Shown on the console's feed form while its Output is Judgements. */
export function OutputFormAlert() {
  return (
    <div class="etf-notice">
      <p role="alert" class="alert">
        {JUDGEMENTS_FORM_MESSAGE}
      </p>
    </div>
  );
}
