import { storage } from 'wxt/utils/storage';

/**
 * Gateway origins the user has filled from the popup (origins only, nothing secret). The keyboard
 * shortcut fills only these and the Cloud Gateway: it may fire on any tab, and must not type a feed
 * secret into a page that merely looks like an Add Source form.
 */
const knownGateways = storage.defineItem<string[]>('local:knownGateways', { fallback: [] });
const MAX_KNOWN = 50;

export async function rememberGateway(url: string | undefined): Promise<void> {
  const origin = originOf(url);
  if (!origin) return;
  const known = await knownGateways.getValue().catch((): string[] => []);
  if (!known.includes(origin)) await knownGateways.setValue([origin, ...known].slice(0, MAX_KNOWN));
}

export async function isKnownGateway(url: string | undefined): Promise<boolean> {
  const origin = originOf(url);
  if (!origin) return false;
  if (/^https:\/\/[^/]+\.iphmx\.com$/.test(origin)) return true;
  const known = await knownGateways.getValue().catch((): string[] => []);
  return Array.isArray(known) && known.includes(origin);
}

function originOf(url: string | undefined): string | null {
  const parsed = url ? URL.parse(url) : null;
  return parsed && (parsed.protocol === 'https:' || parsed.protocol === 'http:') ? parsed.origin : null;
}
