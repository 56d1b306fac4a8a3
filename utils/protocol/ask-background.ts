import { browser } from 'wxt/browser';
import { t } from '../i18n/i18n';
import type { MessageType, Reply, Request } from './messages';

/** How an extension page asks the background: the request, then its reply. */
export type Ask = <T extends MessageType>(message: Request<T>) => Promise<Reply<T>>;

/**
 * Sends an extension page's request to the background, typed by the reply the protocol gives it;
 * refused as 'background-unavailable' when the background could not be asked. A module of its own,
 * so a page that sends one request (the Add to confirmation) loads nothing else.
 */
export const ask: Ask = async (message) => {
  try {
    return await browser.runtime.sendMessage(message);
  } catch {
    return { ok: false, error: { code: 'background-unavailable', message: t('backgroundUnavailable') } };
  }
};
