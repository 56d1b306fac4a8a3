import { useEffect, useState } from 'preact/hooks';
import type { FeedDestination } from '@/utils/destinations/feed-destinations';
import type { Reply } from '@/utils/protocol/messages';
import { addedAs } from '@/utils/i18n/describe-destination';
import { feedName } from '@/utils/i18n/feed-summary';
import { gatewayName } from '@/utils/gateways/gateway-name';
import { t } from '@/utils/i18n/i18n';

interface FeedDestinationsListProps {
  list: () => Promise<FeedDestination[]>;
  /** Asks the background to forget that the feed `feedId` was submitted to the gateway at `gatewayOrigin`. */
  forget: (feedId: string, gatewayOrigin: string) => Promise<Reply<'forget-destination'>>;
  now: number;
}

/** Each feed submitted to a gateway (its name, the gateway, the Source Name, the day), each with Remove. */
export function FeedDestinationsList({ list, forget, now }: FeedDestinationsListProps) {
  const [destinations, setDestinations] = useState<FeedDestination[] | null>(null);
  const [status, setStatus] = useState('');

  useEffect(() => {
    list().then(setDestinations, () => setDestinations([]));
  }, [list]);

  async function remove(destination: FeedDestination) {
    const reply = await forget(destination.feedId, destination.gatewayOrigin);
    setDestinations(await list());
    setStatus(reply.ok ? t('destinationRemoved', feedName(destination), gatewayName(destination.gatewayOrigin)) : reply.error.message);
  }

  return (
    <section aria-labelledby="destinations-heading">
      <h2 id="destinations-heading">{t('destinationsHeading')}</h2>
      <p class="help">{t('destinationsHelp')}</p>
      {destinations?.length === 0 && <p>{t('destinationsNone')}</p>}
      {destinations && destinations.length > 0 && (
        <ul class="destinations">
          {destinations.map((destination) => (
            <li key={`${destination.feedId} ${destination.gatewayOrigin}`}>
              <span class="destination">
                <span class="destination-feed">{feedName(destination)}</span>
                <span class="help">{addedAs(destination, now)}</span>
              </span>
              <button
                type="button"
                class="secondary"
                aria-label={t('destinationRemove', feedName(destination), gatewayName(destination.gatewayOrigin))}
                onClick={() => remove(destination)}
              >
                {t('listRemove')}
              </button>
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
