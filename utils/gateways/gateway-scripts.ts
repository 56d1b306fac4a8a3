import { browser } from 'wxt/browser';
import { GATEWAY_WATCH_SCRIPT } from '../gateway/gateway-hosts';
import { isCloudGateway, isTrustedGatewayPage, knownGateways } from './known-gateways';

/** Ids of the scripts registered here: one per on-premises gateway origin. */
const ID_PREFIX = 'gateway-watch ';

/**
 * Registers the gateway script (which glances at each page, see entrypoints/gateway-watch.ts) for
 * every on-premises gateway the extension trusts over HTTPS and the person allowed it to reach, and
 * unregisters it from every other: a gateway forgotten, or whose permission was removed. The Cloud
 * Gateway has it from the manifest. Run at start-up and whenever gateways or permissions change.
 */
export function syncGatewayScripts(): Promise<void> {
  // One at a time: two at once would both register a missing script, and the second fails.
  queue = queue.then(sync, sync);
  return queue;
}

let queue: Promise<void> = Promise.resolve();

async function sync(): Promise<void> {
  const wanted = new Set<string>();
  for (const { origin } of await knownGateways()) {
    if (isCloudGateway(new URL(origin)) || !(await isTrustedGatewayPage(`${origin}/`))) continue;
    if (await browser.permissions.contains({ origins: [`${origin}/*`] }).catch(() => false)) wanted.add(origin);
  }
  const registered = (await browser.scripting.getRegisteredContentScripts()).filter((script) => script.id.startsWith(ID_PREFIX));
  const stale = registered.filter((script) => !wanted.has(script.id.slice(ID_PREFIX.length))).map((script) => script.id);
  if (stale.length > 0) await browser.scripting.unregisterContentScripts({ ids: stale });
  const missing = [...wanted].filter((origin) => !registered.some((script) => script.id === ID_PREFIX + origin));
  if (missing.length === 0) return;
  await browser.scripting.registerContentScripts(
    missing.map((origin) => ({ id: ID_PREFIX + origin, matches: [`${origin}/*`], js: [GATEWAY_WATCH_SCRIPT], allFrames: true, runAt: 'document_idle' as const })),
  );
}
