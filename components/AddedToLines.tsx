import type { FeedDestination } from '@/utils/destinations/feed-destinations';
import { addedTo } from '@/utils/i18n/describe-destination';
import { t } from '@/utils/i18n/i18n';

/** Lines at most: more would push the feed's fields and Copy buttons out of the popup's view. */
const MAX_LINES = 3;

interface AddedToLinesProps {
  /** The shown feed's destinations, newest first. */
  destinations: FeedDestination[];
  now: number;
}

/** Under the shown feed's title: one line per gateway it was added to, newest first; past a few, how many more. */
export function AddedToLines({ destinations, now }: AddedToLinesProps) {
  if (destinations.length === 0) return null;
  const listed = destinations.length <= MAX_LINES ? destinations : destinations.slice(0, MAX_LINES - 1);
  return (
    <ul class="added-to">
      {listed.map((destination) => (
        <li key={destination.gatewayOrigin}>{addedTo(destination, now)}</li>
      ))}
      {listed.length < destinations.length && <li>{t('destinationMore', destinations.length - listed.length)}</li>}
    </ul>
  );
}
