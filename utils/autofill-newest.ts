import { etfValuesFor } from './etf-values';
import { feedName } from './feed-summary';
import { readFeeds } from './feeds-store';
import { describeFill } from './fill-report';
import { t } from './i18n';
import type { GatewayTab } from './gateway-tab';
import type { Options } from './options';

/** The keyboard command: fills the form in `tab` with the newest feed and says so in the page. */
export async function autofillNewestFeed(tab: GatewayTab, today: Date, options: Options): Promise<void> {
  const [feed] = await readFeeds();
  if (!feed) {
    await tab.announce([t('commandNoFeed')], true);
    return;
  }
  const result = await tab.fill(etfValuesFor(feed, today, options));
  if (result.ok) await tab.announce([t('commandFrom', feedName(feed)), ...describeFill(result.fields)], false);
  else await tab.announce([result.error.message], true);
}
