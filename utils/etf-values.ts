import { GATEWAY_SETTINGS } from './gateway-settings';
import type { StoredFeed } from './stored-feed';

/** Everything the Add Source form gets from one feed. */
export interface EtfValues {
  sourceName: string;
  description: string;
  hostname: string;
  pollingPath: string;
  collectionName: string;
  pollingPort: string;
  useHttps: boolean;
  configureUserCredentials: boolean;
}

const MAX_SOURCE_NAME = 32;

/**
 * The form's values for `feed`: its three fields, the fixed settings, a Source Name made from the
 * feed's title (letters, digits, "-" and "_" only, which any gateway release accepts) and a
 * Description that says where the source came from. The secret goes only into Collection Name.
 */
export function etfValuesFor(feed: Pick<StoredFeed, 'fields' | 'feedId' | 'title'>, today: Date): EtfValues {
  const date = today.toISOString().slice(0, 10);
  return {
    sourceName: sourceNameFor(feed),
    description: `${feed.title ? `${feed.title}: ` : ''}SecureX/XDR feed ${feed.feedId}, added ${date} by ETF Autofill`,
    ...feed.fields,
    pollingPort: String(GATEWAY_SETTINGS.pollingPort),
    useHttps: GATEWAY_SETTINGS.useHttps,
    configureUserCredentials: GATEWAY_SETTINGS.configureUserCredentials,
  };
}

function sourceNameFor({ title, feedId }: Pick<StoredFeed, 'title' | 'feedId'>): string {
  const fromTitle = (title ?? '')
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9 _-]+/g, ' ')
    .trim()
    .replace(/\s+/g, '_')
    .slice(0, MAX_SOURCE_NAME)
    .replace(/[_-]+$/, '');
  return fromTitle || `XDR_feed_${feedId.slice(5, 13)}`;
}
