import { FEED_PATH, regionOfHost } from '../feed/cisco-hosts';
import { parseFeedUrl, type FeedUrlErrorCode, type ParsedFeedUrl } from '../feed/feed-url';
import { findUrlInText } from '../feed/url-in-text';
import type { FeedOutput } from '../feed/feed-output';
import { ETF_FIELDS } from './etf-fields';
import type { SourceFormValues } from './fill-report';

export type { SourceField } from './etf-fields';
export type { SourceFormValues } from './fill-report';

/** What the extension knows of the feed these fields name (from its kept feeds); all optional. */
export interface KnownFeedFacts {
  output?: FeedOutput;
  /** The secret in the form is not the one captured for this feed id. */
  secretDiffers?: boolean;
  /** The port the kept feed's URL names, when not 443: what Polling Port must be when the form names none. */
  port?: number;
}

/**
 * A mistake named beside `field`. `port`: for `port-in-hostname` the port typed there, for
 * `wrong-port` the port Polling Port should be.
 */
export type SourceMistake =
  | { field: 'hostname'; code: 'host-missing' | 'url-in-hostname' | 'scheme-in-hostname' | 'user-in-hostname' }
  | { field: 'hostname'; code: 'port-in-hostname'; port: number }
  | { field: 'pollingPath'; code: 'path-not-feed' | 'url-in-path' | 'query-in-path' | 'txt-view' | 'view-missing' | 'judgements-output' }
  | { field: 'collectionName'; code: 'secret-missing' | 'url-in-collection-name' | 's-in-collection-name' | 'secret-malformed' | 'secret-differs' }
  | { field: 'useHttps'; code: 'https-not-yes' }
  | { field: 'pollingPort'; code: 'wrong-port'; port: number }
  | { field: 'configureUserCredentials'; code: 'credentials-yes' };
export type SourceMistakeCode = SourceMistake['code'];

/**
 * What Fix sets: the feed's fields as the gateway needs them and the fixed settings. A field the
 * form gives too little to derive (no host, no feed id, no valid secret) is null: Fix leaves it.
 */
export interface SourceFix {
  hostname: string | null;
  pollingPath: string | null;
  collectionName: string | null;
  useHttps: true;
  pollingPort: string;
  configureUserCredentials: false;
}

export type SourceCheck =
  | { kind: 'not-a-feed' }
  /** `feedId` is null when no field holds a whole feed id (a private-intel host with a broken path, say). */
  | { kind: 'feed'; feedId: string | null; mistakes: SourceMistake[]; fix: SourceFix };

/** A field is read this far: a feed URL, even in its long shape, is a few hundred characters. */
const MAX_FIELD_LENGTH = 2_000;

type UrlPart = 'host' | 'path' | 'secret';
const URL_PARTS: readonly UrlPart[] = ['host', 'path', 'secret'];
/** What one field says of the feed URL; `secret` is whatever stands where the secret goes, valid or not. */
type UrlParts = Partial<Record<UrlPart, string>>;

/**
 * Parts of the right shape that stand in for a part the form gets wrong or lacks, so the engine
 * still judges the others (it names only the first part it refuses). Never shown, never filled.
 */
const STAND_INS: Record<UrlPart, string> = {
  host: 'feed-host.invalid',
  path: `${FEED_PATH}feed-00000000-0000-0000-0000-000000000000/view`,
  secret: '00000000-0000-0000-0000-000000000000',
};

const SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;
/**
 * Cisco's private-intel hosts all start so (cisco-hosts.ts has the list): enough for a first look.
 * At Hostname's start, or after a scheme anywhere in it: the check reads a URL pasted after other text too.
 */
const PRIVATE_INTEL_HOST = /(?:^\s*|:\/\/)private\.intel\./i;

/**
 * Whether the fields may name a Cisco feed at all: a CTIA feed path in one of them, or a host in
 * Hostname that starts like Cisco's private-intel hosts. Cheap, and true for every form
 * checkSource takes for a feed: the gateway page asks for a check only then, or to clear its notes.
 */
export function mayNameCiscoFeed({ hostname, pollingPath, collectionName }: Pick<SourceFormValues, 'hostname' | 'pollingPath' | 'collectionName'>): boolean {
  return PRIVATE_INTEL_HOST.test(hostname) || [hostname, pollingPath, collectionName].some((text) => text.includes(FEED_PATH));
}
/** The port of a host the URL parser took, a name or a bracketed IPv6 address: neither holds `:` then digits at its end. */
const PORT = /:(\d+)$/;
/** A feed path that stops at the feed id, where `/view` should follow. */
const ENDS_AT_FEED_ID = /feed-[0-9a-f-]+\/?$/i;
/** `s=` as a query parameter, with or without the `?` before it. */
const SECRET_PARAMETER = /(?:^|[?&])s=/;

/**
 * Whether the Add/Edit Source fields hold a Cisco feed (a CTIA feed path in a field, or a
 * private-intel Hostname), and if so each mistake that would keep the gateway from polling it, and
 * what Fix sets. Derives the feed from the fields with the feed engine, wherever the person typed
 * its parts: the secret alone, with `s=` or in the whole URL in Collection Name, or in a query on
 * Polling Path, or the whole URL pasted into Hostname. Never throws; answers in codes.
 */
export function checkSource(values: SourceFormValues, facts: KnownFeedFacts = {}): SourceCheck {
  const hostname = readField(values.hostname);
  const pollingPath = readField(values.pollingPath);
  const collectionName = readField(values.collectionName);
  const typed = { hostname: hostnameParts(hostname), pollingPath: pollingPathParts(pollingPath), collectionName: collectionNameParts(collectionName) };
  const privateIntelHost = regionOfHost(typed.hostname.host?.replace(/:\d+$/, '') ?? '') !== null;
  const heldFeed = privateIntelHost || [hostname, pollingPath, collectionName].some((text) => text.includes(FEED_PATH));
  if (!heldFeed) return { kind: 'not-a-feed' };

  // Each part from the field meant for it first, else from a whole URL typed into another field.
  const host = typed.hostname.host ?? typed.pollingPath.host ?? typed.collectionName.host;
  const typedPath = typed.pollingPath.path ?? typed.hostname.path ?? typed.collectionName.path;
  const secret = typed.collectionName.secret ?? typed.pollingPath.secret ?? typed.hostname.secret;
  const viewMissing = typedPath !== undefined && ENDS_AT_FEED_ID.test(typedPath);
  const path = viewMissing ? `${typedPath.replace(/\/$/, '')}/view` : typedPath;
  const { feed, refused } = judge({ host, path, secret });

  // The port the fields' URL names, else the kept feed's, else 443, where feed hosts serve.
  const port = feed.warnings.some((w) => w.code === 'custom-port') ? feed.port : (facts.port ?? ETF_FIELDS.pollingPort.fixed);
  const hostKnown = typed.hostname.host !== undefined && !refused.has('host');
  const pathKnown = typed.pollingPath.path !== undefined && !refused.has('path');
  const mistakes: SourceMistake[] = [
    ...hostnameMistakes(hostname, hostKnown),
    ...pollingPathMistakes(pollingPath, pathKnown && { txtView: feed.warnings.some((w) => w.code === 'txt-view'), viewMissing }),
    ...(facts.output === 'judgements' ? [{ field: 'pollingPath', code: 'judgements-output' } as const] : []),
    ...collectionNameMistakes(collectionName, refused.get('secret'), facts),
    ...(values.useHttps === true ? [] : [{ field: 'useHttps', code: 'https-not-yes' } as const]),
    ...(readField(values.pollingPort) === String(port) ? [] : [{ field: 'pollingPort', code: 'wrong-port', port } as const]),
    ...(values.configureUserCredentials === true ? [{ field: 'configureUserCredentials', code: 'credentials-yes' } as const] : []),
  ];
  return {
    kind: 'feed',
    feedId: refused.has('path') ? null : feed.feedId,
    mistakes,
    fix: {
      hostname: refused.has('host') ? null : feed.fields.hostname,
      pollingPath: refused.has('path') ? null : feed.fields.pollingPath,
      collectionName: refused.has('secret') ? null : feed.fields.collectionName,
      useHttps: ETF_FIELDS.useHttps.fixed,
      pollingPort: String(port),
      configureUserCredentials: ETF_FIELDS.configureUserCredentials.fixed,
    },
  };
}

function readField(text: string): string {
  return text.slice(0, MAX_FIELD_LENGTH).trim();
}

/** Hostname: its host (with any port), and the path and secret of a whole URL typed there. */
function hostnameParts(text: string): UrlParts {
  const { authority, rest } = splitHostname(text);
  if (authority === '') return rest.includes(FEED_PATH) ? pollingPathParts(rest) : {};
  return urlParts(URL.parse(`https://${authority}${rest}`));
}

/** Polling Path: the path whatever it is (a wrong one is a mistake to name), a query's secret, or a whole URL's parts. */
function pollingPathParts(text: string): UrlParts {
  if (text === '') return {};
  if (text.indexOf(FEED_PATH) > 0) return wholeUrlParts(text);
  const url = URL.parse(text, `https://${STAND_INS.host}`);
  return url === null ? {} : { path: url.pathname, ...secretParameter(url.searchParams) };
}

/** Collection Name: a whole URL's parts, or the `s=` value, or the text itself as the secret. */
function collectionNameParts(text: string): UrlParts {
  if (text === '') return {};
  if (holdsUrl(text)) return wholeUrlParts(text);
  if (SECRET_PARAMETER.test(text)) return secretParameter(new URLSearchParams(text.slice(text.indexOf('?') + 1)));
  return { secret: text };
}

function wholeUrlParts(text: string): UrlParts {
  return urlParts(URL.parse(findUrlInText(text) ?? ''));
}

function urlParts(url: URL | null): UrlParts {
  if (url === null) return {};
  return { host: url.host, ...(url.pathname.includes(FEED_PATH) && { path: url.pathname }), ...secretParameter(url.searchParams) };
}

function secretParameter(query: URLSearchParams): UrlParts {
  const secret = query.get('s');
  return secret === null ? {} : { secret };
}

function holdsUrl(text: string): boolean {
  return text.includes('://') || text.includes(FEED_PATH);
}

/**
 * Hostname as typed: an optional scheme, the authority (host and port, perhaps after a
 * `user:password@`), and whatever follows it. A backslash ends the authority as `/` does: so URLs read it.
 */
function splitHostname(text: string): { scheme: boolean; user: boolean; authority: string; rest: string } {
  const scheme = SCHEME.exec(text)?.[0] ?? '';
  const afterScheme = text.slice(scheme.length);
  const end = afterScheme.search(/[/\\?#]/);
  const split = end < 0 ? afterScheme.length : end;
  const authority = afterScheme.slice(0, split);
  return { scheme: scheme !== '', user: authority.includes('@'), authority, rest: afterScheme.slice(split) };
}

/**
 * The feed URL the parts make, as the engine reads it, and the parts it refused (with why, for the
 * secret). A missing or refused part is replaced by its stand-in and the URL judged again: at most
 * once per part, and with every part a stand-in the engine accepts the URL.
 */
function judge(parts: UrlParts): { feed: ParsedFeedUrl; refused: Map<UrlPart, FeedUrlErrorCode> } {
  const refused = new Map<UrlPart, FeedUrlErrorCode>();
  if (parts.host === undefined) refused.set('host', 'not-a-url');
  if (parts.path === undefined) refused.set('path', 'not-a-feed-url');
  if (parts.secret === undefined) refused.set('secret', 'missing-secret');
  for (;;) {
    const part = (name: UrlPart) => (refused.has(name) ? STAND_INS[name] : parts[name]!);
    // A path not starting at "/" (from a URL of another scheme) would run into the host and be blamed on it.
    const path = part('path').replace(/^(?!\/)/, '/');
    const result = parseFeedUrl(`https://${part('host')}${path}?${new URLSearchParams({ s: part('secret') })}`);
    if (result.ok) return { feed: result, refused };
    // Should the engine blame a part already replaced, the next one not yet replaced goes.
    const blamed = [PART_OF_ERROR[result.error.code], ...URL_PARTS].find((name) => !refused.has(name))!;
    refused.set(blamed, result.error.code);
  }
}

const PART_OF_ERROR: Record<FeedUrlErrorCode, UrlPart> = {
  empty: 'host',
  'not-a-url': 'host',
  'not-https': 'host',
  'not-a-feed-url': 'path',
  'missing-secret': 'secret',
  'bad-secret': 'secret',
};

function hostnameMistakes(text: string, hostKnown: boolean): SourceMistake[] {
  if (!hostKnown) return [{ field: 'hostname', code: 'host-missing' }];
  const { scheme, user, authority, rest } = splitHostname(text);
  // A URL or path there is named once: it says the scheme and port do not belong there either.
  if (rest !== '') return [{ field: 'hostname', code: 'url-in-hostname' }];
  const port = PORT.exec(authority)?.[1];
  return [
    ...(scheme ? [{ field: 'hostname', code: 'scheme-in-hostname' } as const] : []),
    ...(user ? [{ field: 'hostname', code: 'user-in-hostname' } as const] : []),
    ...(port === undefined ? [] : [{ field: 'hostname', code: 'port-in-hostname', port: Number(port) } as const]),
  ];
}

/** `feed`: what the engine made of the path typed in Polling Path, or false when that is no feed's path. */
function pollingPathMistakes(text: string, feed: false | { txtView: boolean; viewMissing: boolean }): SourceMistake[] {
  if (!feed) return [{ field: 'pollingPath', code: 'path-not-feed' }];
  const mistakes: SourceMistake[] = [];
  if (text.indexOf(FEED_PATH) > 0) mistakes.push({ field: 'pollingPath', code: 'url-in-path' });
  if (text.includes('?')) mistakes.push({ field: 'pollingPath', code: 'query-in-path' });
  if (feed.txtView) mistakes.push({ field: 'pollingPath', code: 'txt-view' });
  if (feed.viewMissing) mistakes.push({ field: 'pollingPath', code: 'view-missing' });
  return mistakes;
}

function collectionNameMistakes(text: string, secretError: FeedUrlErrorCode | undefined, facts: KnownFeedFacts): SourceMistake[] {
  const mistakes: SourceMistake[] = [];
  if (holdsUrl(text)) mistakes.push({ field: 'collectionName', code: 'url-in-collection-name' });
  else if (SECRET_PARAMETER.test(text)) mistakes.push({ field: 'collectionName', code: 's-in-collection-name' });
  if (text === '' || secretError === 'missing-secret') mistakes.push({ field: 'collectionName', code: 'secret-missing' });
  else if (secretError !== undefined) mistakes.push({ field: 'collectionName', code: 'secret-malformed' });
  else if (facts.secretDiffers) mistakes.push({ field: 'collectionName', code: 'secret-differs' });
  return mistakes;
}
