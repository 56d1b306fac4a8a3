/** Every CTIA feed URL's path starts so. */
export const FEED_PATH = '/ctia/feed/';

/** Where Cisco's private threat intelligence (CTIA) serves feeds, per region. */
export const PRIVATE_INTEL_HOSTS = {
  'private.intel.amp.cisco.com': 'us',
  'private.intel.eu.amp.cisco.com': 'eu',
  'private.intel.apjc.amp.cisco.com': 'apjc',
} as const;

/** Host permissions for the private-intel hosts, where Check feed fetches feeds. */
export const PRIVATE_INTEL_ORIGINS = Object.keys(PRIVATE_INTEL_HOSTS).map((host) => `https://${host}/*`);

export type Region = (typeof PRIVATE_INTEL_HOSTS)[keyof typeof PRIVATE_INTEL_HOSTS];

const REGION_NAMES: Record<Region, string> = { us: 'US', eu: 'EU', apjc: 'APJC' };

/** How a feed's place is shown: its region, or the host of a feed outside Cisco's regions. */
export function regionOrHost(feed: { region: Region | null; fields: { hostname: string } }): string {
  return feed.region ? REGION_NAMES[feed.region] : feed.fields.hostname;
}

/** The region of a private-intel host, or null for any other host. */
export function regionOfHost(hostname: string): Region | null {
  return Object.hasOwn(PRIVATE_INTEL_HOSTS, hostname)
    ? PRIVATE_INTEL_HOSTS[hostname as keyof typeof PRIVATE_INTEL_HOSTS]
    : null;
}

/** The SecureX, Threat Response and XDR consoles, where admins create feeds and copy their URLs. */
export const CISCO_UI_HOSTS = [
  'visibility.amp.cisco.com',
  'visibility.eu.amp.cisco.com',
  'visibility.apjc.amp.cisco.com',
  'securex.us.security.cisco.com',
  'securex.eu.security.cisco.com',
  'securex.apjc.security.cisco.com',
  'xdr.us.security.cisco.com',
  'xdr.eu.security.cisco.com',
  'xdr.apjc.security.cisco.com',
] as const;

/** Match patterns for the consoles: the content script runs there and nowhere else. */
export const CISCO_UI_MATCHES = CISCO_UI_HOSTS.map((host) => `https://${host}/*`);
