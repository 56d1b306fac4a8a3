import { useEffect, useState } from 'preact/hooks';
import { gatewayName } from '@/utils/gateways/gateway-name';
import type { KnownGateway } from '@/utils/gateways/known-gateways';
import type { Reply } from '@/utils/protocol/messages';
import { t } from '@/utils/i18n/i18n';

interface KnownGatewaysListProps {
  list: () => Promise<KnownGateway[]>;
  /** Asks the background to forget the person's gateway at `origin`. */
  forget: (origin: string) => Promise<Reply<'forget-gateway'>>;
}

/**
 * The gateways the extension fills without the popup (keyboard, "Add to"): the person's, each with
 * Remove, and the organisation's, marked as set by it, which only its policy removes.
 */
export function KnownGatewaysList({ list, forget }: KnownGatewaysListProps) {
  const [gateways, setGateways] = useState<KnownGateway[] | null>(null);
  const [status, setStatus] = useState('');

  useEffect(() => {
    list().then(setGateways, () => setGateways([]));
  }, [list]);

  async function remove(origin: string) {
    const reply = await forget(origin);
    setGateways(await list());
    setStatus(reply.ok ? t('optionsGatewayRemoved', gatewayName(origin)) : reply.error.message);
  }

  return (
    <section aria-labelledby="gateways-heading">
      <h2 id="gateways-heading">{t('optionsGatewaysHeading')}</h2>
      <p class="help">{t('optionsGatewaysHelp')}</p>
      {gateways?.some(({ setBy }) => setBy === 'organisation') && <p class="help">{t('policyGatewaysHelp')}</p>}
      {gateways?.length === 0 && <p>{t('optionsGatewaysNone')}</p>}
      {gateways && gateways.length > 0 && (
        <ul class="gateways">
          {gateways.map(({ origin, addSourceUrl, setBy }) => (
            <li key={origin}>
              <span class="gateway-url">{addSourceUrl}</span>
              {setBy === 'organisation' ? (
                <span class="help">{t('optionsManaged')}</span>
              ) : (
                <button type="button" class="secondary" aria-label={t('optionsGatewayRemove', gatewayName(origin))} onClick={() => remove(origin)}>
                  {t('listRemove')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <p role="status" class="help">
        {status}
      </p>
    </section>
  );
}
