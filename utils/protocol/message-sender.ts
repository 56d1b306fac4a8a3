import type { Browser } from 'wxt/browser';
import { CISCO_UI_HOSTS } from '../feed/cisco-hosts';
import { isTrustedGatewayPage } from '../gateways/known-gateways';
import type { SenderKind } from './messages';

/** A sender the protocol knows, with what the messages it may send need to know of it. */
export type KnownSender =
  | { kind: 'extension-page' }
  /** A console page's content script: the console's host, and its tab (an Add to opens beside it). */
  | { kind: 'console'; host: string; tabId: number | undefined }
  /** The gateway script on a trusted gateway's page: the gateway's origin, and the frame of the tab it runs in. */
  | { kind: 'gateway-page'; origin: string; tabId: number; frameId: number };

/** The sender of a message the protocol accepts from senders of kind `K`. */
export type SenderOf<K extends SenderKind> = Extract<KnownSender, { kind: K }>;

/**
 * Who sent a message, of this extension (`sender.id` is checked before): one of its own pages, a
 * content script on a console page (in a tab, over HTTPS, on one of Cisco's console hosts), or the
 * gateway script on a page of a gateway the extension trusts (in a tab: the Cloud Gateway, or one
 * the person or the organisation made known, over HTTPS); null for any other.
 */
export async function senderOf(sender: Browser.runtime.MessageSender, extensionBaseUrl: string): Promise<KnownSender | null> {
  if (sender.url?.startsWith(extensionBaseUrl)) return { kind: 'extension-page' };
  if (!sender.tab || !sender.url) return null;
  const host = ciscoConsoleHost(sender.url);
  if (host) return { kind: 'console', host, tabId: sender.tab.id };
  const tabId = sender.tab.id;
  if (tabId === undefined || !(await isTrustedGatewayPage(sender.url))) return null;
  return { kind: 'gateway-page', origin: new URL(sender.url).origin, tabId, frameId: sender.frameId ?? 0 };
}

/** The console host of a page at `url`, or null for any other page. */
function ciscoConsoleHost(url: string): string | null {
  const page = URL.parse(url);
  if (page?.protocol !== 'https:') return null;
  return (CISCO_UI_HOSTS as readonly string[]).includes(page.hostname) ? page.hostname : null;
}
