/** The Cloud Gateway's admin UI: every host under iphmx.com, over HTTPS. */
export const CLOUD_GATEWAY_MATCHES = ['https://*.iphmx.com/*'];

/** The script that glances at every gateway page (entrypoints/gateway-watch.ts), as built. */
export const GATEWAY_WATCH_SCRIPT = 'gateway-watch.js';
