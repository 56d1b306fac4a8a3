import { FIXED_SETTINGS } from '@/utils/gateway/etf-fields';
import { t } from '@/utils/i18n/i18n';

/** The settings that are the same for every feed, so the admin sets them without thinking. */
export function GatewaySettings() {
  return (
    <section aria-labelledby="gateway-settings-heading">
      <h2 id="gateway-settings-heading">{t('settingsHeading')}</h2>
      <dl class="settings">
        {FIXED_SETTINGS.map(({ key, label, value }) => (
          <div key={key}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
