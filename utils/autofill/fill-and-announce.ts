import { etfValuesFor } from '../gateway/etf-values';
import { describeFill } from '../i18n/describe-fill';
import { feedName } from '../i18n/feed-summary';
import { t } from '../i18n/i18n';
import type { GatewayTab, TabFill } from './gateway-tab';
import type { Options } from '../options/options';
import type { StoredFeed } from '../feeds/stored-feed';

/**
 * Fills the form in `tab` with `feed`, only while the tab shows `origin`, and tells the person in
 * the page what it did: for the keyboard fill and for "Add to <gateway>" alike, which differ in
 * where focus goes (`focusSubmit`, see FillRequest).
 */
export async function fillAndAnnounce(
  tab: GatewayTab,
  origin: string,
  feed: StoredFeed,
  today: Date,
  options: Options,
  { focusSubmit }: Pick<TabFill, 'focusSubmit'>,
): Promise<void> {
  const result = await tab.fill(etfValuesFor(feed, today, options), { onlyOrigin: origin, focusSubmit });
  if (result.ok) await tab.announce([t('commandFrom', feedName(feed)), ...describeFill(result.fields)], false);
  else await tab.announce([result.error.message], true);
}
