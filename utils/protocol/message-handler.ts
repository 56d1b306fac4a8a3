import type { Browser } from 'wxt/browser';
import { forgetGateway, isPlainHttp, knownGateways, reachableGateways, rememberGateway, type KnownGateway } from '../gateways/known-gateways';
import { saveCommitReminder, takeCommitReminder } from '../destinations/commit-reminders';
import { destinationAt, feedDestinations, forgetDestination, recordDestination } from '../destinations/feed-destinations';
import { alreadyAdded } from '../i18n/describe-destination';
import { feedName } from '../i18n/feed-summary';
import { chosenFeed } from '../feeds/chosen-feed';
import type { GatewayPageStart } from '../gateway-page/gateway-page-start';
import { checkSource, type SourceCheck } from '../gateway/source-check';
import type { SourceFormValues } from '../gateway/fill-report';
import { etfValuesFor } from '../gateway/etf-values';
import type { GatewayTab } from '../autofill/gateway-tab';
import { readOptions, refreshPolicy, saveOptions } from '../options/options-store';
import type { OptionKey } from '../options/options';
import { parseFeedUrl } from '../feed/feed-url';
import type { FeedCheck } from '../check-feed/feed-check';
import type { FeedFields, ParsedFeedUrl } from '../feed/feed-url';
import { chooseFeed, forgetFeeds, readFeed, readFeeds, recordCheck, removeFeed, saveFeed } from '../feeds/feeds-store';
import { saveAddToRequest, takeAddToRequest } from '../add-to-gateway/add-to-confirmation';
import type { AddToQuestion } from '../add-to-gateway/add-to-question';
import type { StoredFeed } from '../feeds/stored-feed';
import { PROTOCOL, type MessageType, type Refusal, type Reply, type Request, type SenderKind } from './messages';
import { senderOf, type SenderOf } from './message-sender';
import { SENDER_REFUSALS, refuse, refuseUnparsed } from './refusals';

export interface MessageHandlerContext {
  /** This extension's id: messages from any other extension are refused. */
  extensionId: string;
  /** `chrome-extension://<id>/`: only the extension's own pages may change the feeds directly. */
  extensionBaseUrl: string;
  now: () => number;
  /** Fetches the feed as the gateway will poll it. */
  checkFeed: (fields: FeedFields, port?: number) => Promise<FeedCheck>;
  /** Whether the extension may contact this origin (granted in the manifest or by the user). */
  mayContact: (origin: string) => Promise<boolean>;
  /** A browser tab: its Add Source form, reached through the in-page script, and its address. */
  tab: (tabId: number) => { form: GatewayTab; url(): Promise<string | undefined> };
  /** Opens a known gateway's Add Source page beside `besideTabId` and fills it with the feed once it is there. */
  openGateway: (gateway: KnownGateway, feedKey: string, besideTabId: number | undefined) => Promise<{ ok: boolean }>;
  /** Opens the extension's own window that asks the person to confirm a console's "Add to". */
  confirmAddTo: (question: AddToQuestion) => Promise<void>;
  /** The known gateways changed: the gateway script follows them. */
  gatewaysChanged: () => Promise<void>;
  /** Starts the gateway script's External Threat Feeds part in that frame of that tab. */
  startGatewayPage: (tabId: number, frameId: number, start: GatewayPageStart) => Promise<void>;
}

/**
 * The background's single entry point for messages. Only this extension's senders, only a request
 * its schema reads, only from a sender the protocol names for it (see PROTOCOL); then its handler.
 */
export function createMessageHandler(context: MessageHandlerContext) {
  return async function handleMessage(message: unknown, sender: Browser.runtime.MessageSender): Promise<Reply<MessageType>> {
    if (sender.id !== context.extensionId) return refuse('refuseOtherExtension');
    const request = readRequest(message);
    if (!request) return refuse('refuseMalformed');
    const from: readonly SenderKind[] = PROTOCOL[request.type].from;
    const known = await senderOf(sender, context.extensionBaseUrl);
    if (!known || !from.includes(known.kind)) return refuse(SENDER_REFUSALS[from[0]!]);
    // The table let this sender send this request; its handler's types cannot follow that lookup.
    return (HANDLERS[request.type] as Handler<MessageType>)(request, known as never, context);
  };
}

/** The request in `message`, as the schema of its type reads it; null for an unknown type or a malformed request. */
function readRequest(message: unknown): Request<MessageType> | null {
  const type = (message as { type?: unknown } | null | undefined)?.type;
  if (typeof type !== 'string' || !Object.hasOwn(PROTOCOL, type)) return null;
  const parsed = PROTOCOL[type as MessageType].request.safeParse(message);
  return parsed.success ? parsed.data : null;
}

/** What the background does for a request of type `T`, from a sender the protocol allows for it. */
type Handler<T extends MessageType> = (request: Request<T>, sender: SenderOf<(typeof PROTOCOL)[T]['from'][number]>, context: MessageHandlerContext) => Promise<Reply<T>>;

const HANDLERS: { [T in MessageType]: Handler<T> } = {
  'save-pasted-feed': async ({ text }, _sender, context) => {
    const kept = await keepPastedFeed(text, context.now());
    return kept.ok ? { ok: true, key: kept.key } : kept;
  },
  'remove-feed': async ({ key }) => {
    await removeFeed(key);
    return { ok: true };
  },
  'choose-feed': choose,
  'forget-feeds': async () => {
    await forgetFeeds();
    return { ok: true };
  },
  'check-feed': check,
  'capture-feed': capture,
  'use-feed-note': choose,
  // The popup's own button adds at once; a console note's only asks, in the extension's window.
  'add-to-gateway': ({ key, origin }, sender, context) =>
    sender.kind === 'extension-page' ? addToGateway(key, origin, undefined, context) : askToAddTo(key, origin, sender.tabId, context),
  'confirm-add-to': async ({ id }, _sender, context) => {
    const waiting = await takeAddToRequest(id, context.now());
    return waiting ? addToGateway(waiting.key, waiting.origin, waiting.besideTabId, context) : refuse('refuseUnknownAddTo');
  },
  'fill-tab': fillTab,
  'read-options': async () => {
    // A policy that has just arrived shows the next time the page asks.
    void refreshPolicy();
    return { ok: true, ...(await readOptions()) };
  },
  'save-options': async ({ input }) => ({ ok: true, errors: await saveOptions(input as Record<OptionKey, string>, (await readOptions()).managed) }),
  'forget-gateway': async ({ origin }, _sender, context) => {
    await forgetGateway(origin);
    await context.gatewaysChanged().catch(() => undefined);
    return { ok: true };
  },
  'forget-destination': async ({ feedId, gatewayOrigin }) => {
    await forgetDestination(feedId, gatewayOrigin);
    return { ok: true };
  },

  // What the gateway script asks, on the External Threat Feeds pages of a gateway the extension
  // trusts. Its page had the secret it pastes; it gets no other but, on the person's Fix, the one
  // captured for the feed the form already names.
  'gateway-page': async (_request, { origin, tabId, frameId }, context) => {
    const commitReminder = await takeCommitReminder(tabId, origin, context.now());
    // Answered at once: the page may be left while the script is injected, and an answer that
    // arrives after that is reported as an error by Firefox.
    void context.startGatewayPage(tabId, frameId, { commitReminder }).catch(() => undefined);
    return { ok: true };
  },
  'paste-feed': async ({ text }, { origin }, context) => {
    const now = context.now();
    // Kept and chosen as a paste into the popup is.
    const kept = await keepPastedFeed(text, now);
    if (!kept.ok) return kept;
    // saveFeed answers a list that holds the feed under the key it answers.
    const feed = kept.feeds.find((f) => f.key === kept.key)!;
    if (feed.output === 'judgements') return refuse('gatewayPasteJudgements');
    const { options } = await readOptions();
    const added = destinationAt(await feedDestinations(), feed.feedId, origin);
    return { ok: true, feedId: feed.feedId, values: etfValuesFor(feed, new Date(now), options), feedName: feedName(feed), ...(added && { alreadyAdded: alreadyAdded(added) }) };
  },
  'check-source': async ({ values }) => ({ ok: true, check: checkSourceWithFacts(values, await readFeeds()) }),
  'fix-source': async ({ feedId }) => {
    const secret = capturedSecret(await readFeeds(), feedId);
    return secret ? { ok: true, collectionName: secret } : refuse('refuseUnknownFeed');
  },
  'source-submitted': async ({ feedId, sourceName }, { origin, tabId }, context) => {
    const now = context.now();
    const title = (await readFeeds()).find((feed) => feed.feedId === feedId)?.title;
    await recordDestination({ feedId, title, gatewayOrigin: origin, sourceName, submittedAt: now });
    await saveCommitReminder({ tabId, origin, sourceName }, now);
    return { ok: true };
  },
};

/** The person chose the kept feed `key`: in the popup, or in the note of their copy on a console page. */
async function choose({ key }: { key: string }, _sender: unknown, context: MessageHandlerContext): Promise<Reply<'choose-feed'>> {
  return (await chooseFeed(key, context.now())) ? { ok: true } : refuse('refuseUnknownFeed');
}

/**
 * Keeps a feed a console page showed: only on Cisco's own feed hosts, never over a kept feed's
 * fields. Only the person's copy makes it the chosen feed; a URL merely seen in a page is listed,
 * nothing more, whatever the page drew around it.
 */
async function capture(request: Request<'capture-feed'>, { host }: SenderOf<'console'>, context: MessageHandlerContext): Promise<Reply<'capture-feed'>> {
  const feed = parseFeedUrl(request.url);
  if (!feed.ok) return refuseUnparsed(feed.error);
  if (feed.region === null) return refuse('refuseCaptureHost');
  const newFeed = { ...keptPartsOf(feed), title: request.title, output: request.output, source: request.source, seenOn: host, seenAt: context.now() };
  const { key, outcome, feeds } = await saveFeed(newFeed, request.source === 'copy');
  // saveFeed answers a list that holds the feed under the key it answers.
  const kept = feeds.find((f) => f.key === key)!;
  const gateways = await reachableGateways(context.mayContact);
  const withheld = kept.output === 'judgements' && gateways.length > 0;
  return { ok: true, key, outcome, listedOnly: kept.actedAt === undefined, gateways: withheld ? [] : gateways, withheld };
}

/**
 * The popup's Autofill: the kept feed and the options in force into the tab's form, bound to the
 * origin the popup inspected. A filled gateway is remembered for the keyboard and "Add to" (which
 * trust it over HTTPS only: see isPlainHttp).
 */
async function fillTab({ tabId, key, origin }: Request<'fill-tab'>, _sender: unknown, context: MessageHandlerContext): Promise<Reply<'fill-tab'>> {
  const feed = await readFeed(key);
  if (!feed) return refuse('refuseUnknownFeed');
  const { options } = await readOptions();
  const tab = context.tab(tabId);
  // The person pressed Autofill on this tab, looking at the form: focus goes to Submit.
  const result = await tab.form.fill(etfValuesFor(feed, new Date(context.now()), options), { onlyOrigin: origin, focusSubmit: true });
  if (!result.ok) return { ok: false, error: result.error };
  await rememberGateway(await tab.url(), context.now());
  await context.gatewaysChanged().catch(() => undefined);
  return result;
}

/**
 * Add to <gateway>: only a kept feed that is not Judgements, only to a gateway the person filled
 * from the popup before, over HTTPS, and only one the extension may reach.
 */
async function addToTarget(key: string, origin: string): Promise<{ ok: true; feed: StoredFeed; gateway: KnownGateway } | Refusal> {
  if (isPlainHttp(origin)) return refuse('httpGatewayPopupOnly');
  const feed = await readFeed(key);
  if (!feed) return refuse('refuseUnknownFeed');
  if (feed.output === 'judgements') return refuse('refuseJudgementsGateway');
  const gateway = (await knownGateways()).find((g) => g.origin === origin);
  if (!gateway) return refuse('refuseUnknownGateway');
  return { ok: true, feed, gateway };
}

/** Opens the gateway and fills it with the feed, which becomes the chosen one. */
async function addToGateway(key: string, origin: string, besideTabId: number | undefined, context: MessageHandlerContext): Promise<Reply<'add-to-gateway'>> {
  const target = await addToTarget(key, origin);
  if (!target.ok) return target;
  const started = await context.openGateway(target.gateway, key, besideTabId);
  if (!started.ok) return refuse('refuseUnreachableGateway');
  await chooseFeed(key, context.now());
  return { ok: true };
}

/**
 * A console note's "Add to": nothing opens or fills yet. The request waits for the person to
 * confirm it in the extension's own window, which names the feed and the gateway. Only a feed the
 * person copied has a note that offers it.
 */
async function askToAddTo(key: string, origin: string, besideTabId: number | undefined, context: MessageHandlerContext): Promise<Reply<'add-to-gateway'>> {
  const target = await addToTarget(key, origin);
  if (!target.ok) return target;
  if (target.feed.actedAt === undefined) return refuse('refuseNotChosen');
  const request = await saveAddToRequest({ key, origin, besideTabId }, context.now());
  const { title, feedId, seenOn } = target.feed;
  await context.confirmAddTo({ requestId: request.id, feedId, feedTitle: title, seenOn, gatewayOrigin: origin });
  return { ok: true };
}

/** Keeps the feed in text the person pasted (in the popup, or into a gateway's form) as the one they chose. */
async function keepPastedFeed(text: string, now: number): Promise<{ ok: true; key: string; feeds: StoredFeed[] } | Refusal> {
  const feed = parseFeedUrl(text);
  if (!feed.ok) return refuseUnparsed(feed.error);
  const { key, feeds } = await saveFeed({ ...keptPartsOf(feed), source: 'pasted', seenAt: now }, true);
  return { ok: true, key, feeds };
}

/** What is kept of a parsed feed URL; the port only when it is not the usual 443. */
function keptPartsOf({ feedId, fields, region, warnings, port }: ParsedFeedUrl) {
  return { feedId, fields, region, warnings, ...(port !== 443 && { port }) };
}

/**
 * Checks a stored feed: only its own host, with its own secret, is ever contacted. What the host
 * says of the secret is kept, so of two secrets seen for one feed the accepted one shows.
 */
async function check({ key }: Request<'check-feed'>, _sender: unknown, context: MessageHandlerContext): Promise<Reply<'check-feed'>> {
  const feed = await readFeed(key);
  if (!feed) return refuse('refuseUnknownFeed');
  const verdict: FeedCheck = (await context.mayContact(`https://${feed.fields.hostname}/*`))
    ? await context.checkFeed(feed.fields, feed.port)
    : { kind: 'problem', code: 'permission-refused' };
  await recordCheck(key, learntFrom(verdict));
  return { ok: true, check: verdict };
}

function learntFrom(verdict: FeedCheck): Parameters<typeof recordCheck>[1] {
  if (verdict.kind !== 'problem') return { output: verdict.kind, secretCheck: 'accepted' };
  return verdict.code === 'wrong-secret' ? { secretCheck: 'refused' } : {};
}

/**
 * The form's check, knowing what the kept feeds say of the feed it names: its Output and port (from
 * the kept feed with the form's secret, else any with its id), and whether the form's secret is none
 * of those captured for it.
 */
function checkSourceWithFacts(values: SourceFormValues, feeds: StoredFeed[]): SourceCheck {
  const plain = checkSource(values);
  if (plain.kind !== 'feed' || plain.feedId === null) return plain;
  const kept = feeds.filter((feed) => feed.feedId === plain.feedId);
  const same = kept.find((feed) => feed.fields.collectionName === plain.fix.collectionName);
  const known = same ?? kept[0];
  return checkSource(values, { output: known?.output, port: known?.port, secretDiffers: kept.length > 0 && !same });
}

/** Of the secrets kept for a feed id, the one the feed host accepted, else the one the person chose last, else any not refused. */
function capturedSecret(feeds: StoredFeed[], feedId: string): string | undefined {
  const candidates = feeds.filter((feed) => feed.feedId === feedId && feed.secretCheck !== 'refused');
  const best = candidates.find((feed) => feed.secretCheck === 'accepted') ?? chosenFeed(candidates) ?? candidates[0];
  return best?.fields.collectionName;
}
