import { etfValuesFor } from '../gateway/etf-values';
import { feedName } from '../i18n/feed-summary';
import { readFeeds } from './feeds-store';
import { describeFill } from '../i18n/describe-fill';
import { t } from '../i18n/i18n';
import type { GatewayTab } from './gateway-tab';
import { isKnownGateway } from './known-gateways';
import type { Options } from './options';
import { chosenFeed } from './chosen-feed';
import type { StoredFeed } from './stored-feed';

/**
 * The keyboard command: fills the form in `tab` with the feed the person chose last and says so in the page, on a
 * gateway the user has filled from the popup before (or the Cloud Gateway) only.
 */
export async function autofillNewestFeed(tab: GatewayTab, tabUrl: string | undefined, today: Date, options: Options): Promise<void> {
  if (!(await isKnownGateway(tabUrl))) return tab.announce([t('commandUnknownGateway')], true);
  // Only the feed the person chose last: never one a page merely showed.
  const feed = chosenFeed(await readFeeds());
  if (!feed) return tab.announce([t('commandNoFeed')], true);
  if (feed.output === 'judgements') return tab.announce([t('commandJudgements')], true);
  const origin = URL.parse(tabUrl ?? '')?.origin;
  if (origin) await fillAndAnnounce(tab, origin, feed, today, options);
}

/**
 * Fills the form in `tab` with `feed`, only while the tab shows `origin`, and tells the person in
 * the page what it did: for the keyboard fill and for "Add to <gateway>" alike.
 */
export async function fillAndAnnounce(tab: GatewayTab, origin: string, feed: StoredFeed, today: Date, options: Options): Promise<void> {
  const result = await tab.fill(etfValuesFor(feed, today, options), origin);
  if (result.ok) await tab.announce([t('commandFrom', feedName(feed)), ...describeFill(result.fields)], false);
  else await tab.announce([result.error.message], true);
}
