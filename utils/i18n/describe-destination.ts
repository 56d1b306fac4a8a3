import type { FeedDestination } from '../destinations/feed-destinations';
import { gatewayName } from '../gateways/gateway-name';
import { t, uiLanguage } from './i18n';

/** "Added to dh1234-esa1.iphmx.com on Dec 3": a line under the feed's title. */
export function addedTo(destination: FeedDestination, now = Date.now()): string {
  return t('destinationAddedTo', gatewayName(destination.gatewayOrigin), submittedOn(destination, now));
}

/** "Already added to dh1234-esa1.iphmx.com as XDR_phishing on Dec 3": before filling or adding it there again. */
export function alreadyAdded(destination: FeedDestination, now = Date.now()): string {
  return t('destinationAlreadyAdded', gatewayName(destination.gatewayOrigin), destination.sourceName, submittedOn(destination, now));
}

/** "Added to dh1234-esa1.iphmx.com as XDR_phishing on Dec 3": under the feed's name in the options page's list. */
export function addedAs(destination: FeedDestination, now = Date.now()): string {
  return t('destinationAddedAs', gatewayName(destination.gatewayOrigin), destination.sourceName, submittedOn(destination, now));
}

/** The day it was submitted, short, in the language of the messages: the year only when not this year's. */
function submittedOn({ submittedAt }: FeedDestination, now: number): string {
  const day = new Date(submittedAt);
  const thisYear = day.getFullYear() === new Date(now).getFullYear();
  return day.toLocaleDateString(uiLanguage(), { day: 'numeric', month: 'short', ...(!thisYear && { year: 'numeric' }) });
}
