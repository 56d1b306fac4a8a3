import { createStore, getMany, set, update, type UseStore } from 'idb-keyval';
import { browser } from 'wxt/browser';
import { webUrl } from '../platform/web-url';

/**
 * Gateways the extension trusts besides the Cloud Gateway: where "Add to <gateway>" opens a tab, and
 * where the keyboard shortcut may fill, over HTTPS only (see isPlainHttp). The person's are those
 * they filled from the popup; the organisation's are those its policy lists. Both live in the
 * extension origin's IndexedDB, which content scripts cannot reach (they can write `storage.local`),
 * so no page can make itself a gateway that gets a feed secret. Nothing secret is kept here: an
 * origin, a URL without session or CSRF parameters, a time.
 */
export interface KnownGateway {
  origin: string;
  /** The Add Source page, without credentials, token-like parameters or fragment. */
  addSourceUrl: string;
  /** Who made it trusted: the person, by filling it from the popup, or the organisation's policy, which only the policy takes back. */
  setBy: 'person' | 'organisation';
  /** When the person last filled it from the popup; absent for an organisation's gateway they have not filled. */
  filledAt?: number;
}

/** A gateway as the organisation's policy lists it, and as its copy is kept. */
type ListedGateway = Pick<KnownGateway, 'origin' | 'addSourceUrl'>;
/** A gateway the person filled, as their list keeps it. */
type FilledGateway = ListedGateway & { filledAt: number };

export const MAX_KNOWN_GATEWAYS = 10;
/** How many of the organisation's gateways are trusted at most: the first ones its policy lists. */
export const MAX_POLICY_GATEWAYS = 50;
/** Where the lists live (exported for tests, which read and break them directly). */
export const GATEWAYS_DB = { database: 'etf-autofill', store: 'known-gateways', key: 'gateways', policyKey: 'policyGateways' } as const;


let store: UseStore | undefined;
/** Opened on first use: the database is not touched by merely loading this module. */
function gatewayStore(): UseStore {
  store ??= createStore(GATEWAYS_DB.database, GATEWAYS_DB.store);
  return store;
}

/**
 * Remembers the gateway of a page the person just filled from the popup: newest first, one entry per
 * origin, at most MAX_KNOWN_GATEWAYS. Pages that are not http or https are not gateways.
 */
export async function rememberGateway(pageUrl: string | undefined, now: number): Promise<void> {
  const addSourceUrl = withoutSecrets(pageUrl);
  if (!addSourceUrl) return;
  const gateway: FilledGateway = { origin: new URL(addSourceUrl).origin, addSourceUrl, filledAt: now };
  await update(
    GATEWAYS_DB.key,
    (stored: unknown) => [gateway, ...validGateways(stored).filter((known) => known.origin !== gateway.origin)].slice(0, MAX_KNOWN_GATEWAYS),
    gatewayStore(),
  );
}

/**
 * One entry per origin: the person's gateways, newest first, then those only the organisation lists,
 * in its policy's order. A gateway on both lists is the organisation's (its address), in the place
 * the person's fill gives it. A store that cannot be read, or holds anything unexpected, reads as no gateway.
 */
export async function knownGateways(): Promise<KnownGateway[]> {
  try {
    const [filled, listed] = await getMany([GATEWAYS_DB.key, GATEWAYS_DB.policyKey], gatewayStore());
    const own = validGateways(filled);
    const organisation = validPolicyGateways(listed);
    const listedFor = (origin: string) => organisation.find((gateway) => gateway.origin === origin);
    return [
      ...own.map(({ filledAt, ...gateway }): KnownGateway => {
        const listed = listedFor(gateway.origin);
        return listed ? { ...listed, setBy: 'organisation', filledAt } : { ...gateway, setBy: 'person', filledAt };
      }),
      ...organisation.filter((gateway) => !own.some((known) => known.origin === gateway.origin)).map((gateway): KnownGateway => ({ ...gateway, setBy: 'organisation' })),
    ];
  } catch {
    return [];
  }
}

/** Forgets the person's gateway at `origin`. One the organisation lists stays trusted: only its policy takes it back. */
export async function forgetGateway(origin: string): Promise<void> {
  await update(GATEWAYS_DB.key, (stored: unknown) => validGateways(stored).filter((known) => known.origin !== origin), gatewayStore());
}

/**
 * Keeps the gateways the organisation's policy lists (`listed`: its `gateways`, as managed storage
 * gives them) beside the person's, where a click reads them at once, replacing the last copy: a
 * policy that lists none leaves none.
 */
export async function keepPolicyGateways(listed: unknown): Promise<void> {
  await set(GATEWAYS_DB.policyKey, validPolicyGateways(listed), gatewayStore());
}

/**
 * Whether `url` is a plain-HTTP page. A plain-HTTP gateway is never trusted: anyone on the network
 * path can answer for it, and its feed secret would travel in clear. So neither the keyboard shortcut
 * nor "Add to" fills or opens one; only the popup fills it, asking each time. It is still remembered
 * after a fill from the popup (the options page lists it, the popup can forget it): trust is decided
 * here, each time a gateway is used, not when it is stored, so an entry kept by an older version
 * confers none either.
 */
export function isPlainHttp(url: string | undefined): boolean {
  return webUrl(url)?.protocol === 'http:';
}

/**
 * Whether a page at `url` belongs to a gateway the extension trusts, so the keyboard shortcut may
 * fill it and the gateway script may talk to the background: the Cloud Gateway (any host under
 * iphmx.com, over HTTPS on its default port only) or a known gateway, over HTTPS only (see isPlainHttp).
 */
export async function isTrustedGatewayPage(url: string | undefined): Promise<boolean> {
  const page = webUrl(url);
  if (!page || isPlainHttp(page.href)) return false;
  return isCloudGateway(page) || isRememberedGateway(page.origin);
}

/** Whether the person filled a gateway at `origin` from the popup, or the organisation lists it (the Cloud Gateway needs neither). */
export async function isRememberedGateway(origin: string): Promise<boolean> {
  return (await knownGateways()).some((known) => known.origin === origin);
}

/** Whether the person may forget the gateway at `origin`: one they filled from the popup that the organisation does not list. */
export async function isForgettableGateway(origin: string): Promise<boolean> {
  return (await knownGateways()).some((known) => known.origin === origin && known.setBy === 'person');
}

/**
 * Older versions kept gateway origins in `storage.local` under 'knownGateways', where a content
 * script could have added its own page. They are not trusted any more: this removes them.
 */
export async function dropLegacyGatewayList(): Promise<void> {
  await browser.storage.local.remove('knownGateways');
}

/** Whether `page` is on the Cloud Gateway: any host under iphmx.com, over HTTPS on its default port. */
export function isCloudGateway(page: URL): boolean {
  return page.protocol === 'https:' && page.port === '' && page.hostname.endsWith('.iphmx.com');
}

/**
 * Parameter names that look like a session, CSRF or other token (AsyncOS puts `CSRFKey` in its
 * URLs): a remembered URL must not carry one, and an expired one would only get in the way.
 * Matched against the name's words (split at `_`, `-`, `.`, camelCase and an acronym's end, as in
 * `SAMLResponse`), or anywhere in it for the unmistakable ones.
 */
const TOKEN_WORDS = new Set(['sid', 'auth', 'key', 'nonce', 'ticket', 'sig', 'signature', 'code', 'state', 'pass', 'pwd', 'otp', 'jwt', 'saml']);
const TOKEN_ANYWHERE = /csrf|xsrf|token|session|sessid|secret|passw|credential/i;

function isTokenLike(name: string): boolean {
  if (TOKEN_ANYWHERE.test(name)) return true;
  const words = name.split(/[_\-.]+|(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])/).map((word) => word.toLowerCase());
  return words.some((word) => TOKEN_WORDS.has(word));
}

/** The page's URL as a gateway is remembered: no user name or password, token-like parameters, `;jsessionid=` or fragment. */
function withoutSecrets(pageUrl: string | undefined): string | null {
  const page = webUrl(pageUrl);
  if (!page) return null;
  page.username = '';
  page.password = '';
  page.hash = '';
  page.pathname = page.pathname.replace(/;jsessionid=[^/]*/gi, '');
  for (const name of [...new Set(page.searchParams.keys())]) {
    if (isTokenLike(name)) page.searchParams.delete(name);
  }
  return page.href;
}

/**
 * The entries that are whole and still pass today's rules (anything else is dropped, not trusted).
 * Only the background writes this store, so a plain check of each entry's shape does: no
 * schema library for it in the popup.
 */
function validGateways(stored: unknown): FilledGateway[] {
  if (!Array.isArray(stored)) return [];
  return stored.filter((known): known is FilledGateway => typeof known?.filledAt === 'number' && isCleanPageOf(known.origin, known.addSourceUrl));
}

/**
 * The organisation's gateways that are trusted, each entry checked on its own (a bad one is dropped
 * alone): an HTTPS Add Source page on the origin the entry names, without credentials, token-like
 * parameters or fragment; one entry per origin, the first MAX_POLICY_GATEWAYS. IT writes the
 * policy: an address is taken as the URL parser reads it, never cleaned into one it did not write.
 */
function validPolicyGateways(listed: unknown): ListedGateway[] {
  if (!Array.isArray(listed)) return [];
  const valid: ListedGateway[] = [];
  for (const entry of listed) {
    if (valid.length === MAX_POLICY_GATEWAYS) break;
    const origin = entry?.origin;
    const addSourceUrl = typeof entry?.addSourceUrl === 'string' ? webUrl(entry.addSourceUrl)?.href : undefined;
    if (isPlainHttp(addSourceUrl) || !isCleanPageOf(origin, addSourceUrl) || valid.some((known) => known.origin === origin)) continue;
    valid.push({ origin, addSourceUrl });
  }
  return valid;
}

/** Whether `addSourceUrl` is an http or https page of `origin` that carries nothing withoutSecrets removes. */
function isCleanPageOf(origin: unknown, addSourceUrl: unknown): addSourceUrl is string {
  return typeof origin === 'string' && typeof addSourceUrl === 'string' && withoutSecrets(addSourceUrl) === addSourceUrl && webUrl(addSourceUrl)?.origin === origin;
}

/** How many gateways "Add to" offers at most, beside a feed in the console and in the popup. */
export const MAX_OFFERED_GATEWAYS = 3;

/**
 * The known gateways the extension may open now (`mayReach` asks the browser), newest first: what "Add to"
 * offers. Never a plain-HTTP one (see isPlainHttp).
 */
export async function reachableGateways(mayReach: (originPattern: string) => Promise<boolean>): Promise<string[]> {
  const reachable: string[] = [];
  for (const { origin } of await knownGateways()) {
    if (reachable.length === MAX_OFFERED_GATEWAYS) break;
    if (isPlainHttp(origin)) continue;
    if (await mayReach(`${origin}/*`).catch(() => false)) reachable.push(origin);
  }
  return reachable;
}
