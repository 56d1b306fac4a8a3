import { readFeeds } from '../feeds/feeds-store';
import { t } from '../i18n/i18n';
import type { GatewayTab } from './gateway-tab';
import { isTrustedGatewayPage, isPlainHttp } from '../gateways/known-gateways';
import type { Options } from '../options/options';
import { chosenFeed } from '../feeds/chosen-feed';
import { fillAndAnnounce } from './fill-and-announce';

/**
 * The keyboard command: fills the form in `tab` with the feed the person chose last and says so in the page, on a
 * gateway the user has filled from the popup before (or the Cloud Gateway) only, and never over plain HTTP.
 */
export async function fillChosenFeed(tab: GatewayTab, tabUrl: string | undefined, today: Date, options: Options): Promise<void> {
  // Before the known-gateway question: filling from the popup once would not change this answer.
  if (isPlainHttp(tabUrl)) return tab.announce([t('httpGatewayPopupOnly')], true);
  if (!(await isTrustedGatewayPage(tabUrl))) return tab.announce([t('commandUnknownGateway')], true);
  // Only the feed the person chose last: never one a page merely showed.
  const feed = chosenFeed(await readFeeds());
  if (!feed) return tab.announce([t('commandNoFeed')], true);
  if (feed.output === 'judgements') return tab.announce([t('commandJudgements')], true);
  const origin = URL.parse(tabUrl ?? '')?.origin;
  // Pressed on the gateway's page, where the person is looking at the form.
  if (origin) await fillAndAnnounce(tab, origin, feed, today, options, { focusSubmit: true });
}
