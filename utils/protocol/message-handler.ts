import type { Browser } from 'wxt/browser';
import { CISCO_UI_HOSTS } from '../feed/cisco-hosts';
import { isKnownGateway, isPlainHttp, knownGateways, reachableGateways, rememberGateway, type KnownGateway } from '../gateways/known-gateways';
import { saveCommitReminder, takeCommitReminder } from '../destinations/commit-reminders';
import { destinationAt, feedDestinations, recordDestination } from '../destinations/feed-destinations';
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
import { describeParseError } from '../i18n/describe-parse';
import { t } from '../i18n/i18n';
import { chooseFeed, forgetFeeds, readFeed, readFeeds, recordCheck, removeFeed, saveFeed } from '../feeds/feeds-store';
import { saveAddToRequest, takeAddToRequest } from '../add-to-gateway/add-to-confirmation';
import type { AddToQuestion } from '../add-to-gateway/add-to-question';
import type { StoredFeed } from '../feeds/stored-feed';
import { ExtensionMessage, type GatewayReply, type CaptureFeed, type CaptureReply, type CheckReply, type FeedsReply, type FillReply, type FillTab, type NoteReply, type OptionsReply, type SaveOptionsReply, type ReplyError } from './messages';

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


type Sender = Browser.runtime.MessageSender;

/** The background's single entry point for messages; validates the sender and the payload first. */
export function createMessageHandler(context: MessageHandlerContext) {
  return async function handleMessage(message: unknown, sender: Sender): Promise<FeedsReply | CheckReply | CaptureReply | NoteReply | FillReply | OptionsReply | SaveOptionsReply | GatewayReply> {
    if (sender.id !== context.extensionId) return refuse('forbidden-sender', t('refuseOtherExtension'));
    const parsed = ExtensionMessage.safeParse(message);
    if (!parsed.success) return refuse('invalid-message', t('refuseMalformed'));
    const request = parsed.data;

    if (isGatewayPageMessage(request)) {
      const origin = await trustedGatewayOrigin(sender);
      if (!origin) return refuse('forbidden-sender', t('refuseGatewaySender'));
      return gatewayPage(request, origin, sender, context);
    }
    const consoleHost = ciscoConsoleHost(sender);
    const fromExtension = sender.url?.startsWith(context.extensionBaseUrl) === true;
    if (request.type === 'add-to-gateway') {
      // The popup's own button adds at once; a console note's only asks, in the extension's window.
      if (fromExtension) return addToGateway(request.key, request.origin, undefined, context);
      if (!consoleHost) return refuse('forbidden-sender', t('refuseChangeSender'));
      return askToAddTo(request.key, request.origin, sender.tab?.id, context);
    }
    if (request.type === 'capture-feed' || request.type === 'use-feed-note') {
      if (!consoleHost) return refuse('forbidden-sender', t('refuseCaptureSender'));
      if (request.type === 'capture-feed') return capture(request, consoleHost, context);
      return (await chooseFeed(request.key, context.now())) ? { ok: true } : refuse('unknown-feed', t('refuseUnknownFeed'));
    }

    if (!fromExtension) return refuse('forbidden-sender', t('refuseChangeSender'));
    switch (request.type) {
      case 'save-pasted-feed': {
        const kept = await keepPastedFeed(request.text, context.now());
        return kept.ok ? { ok: true, feeds: kept.feeds } : kept;
      }
      case 'choose-feed': {
        const feeds = await chooseFeed(request.key, context.now());
        return feeds ? { ok: true, feeds } : refuse('unknown-feed', t('refuseUnknownFeed'));
      }
      case 'remove-feed':
        return { ok: true, feeds: await removeFeed(request.key) };
      case 'forget-feeds':
        await forgetFeeds();
        return { ok: true, feeds: await readFeeds() };
      case 'check-feed':
        return check(request.key, context);
      case 'confirm-add-to': {
        const waiting = await takeAddToRequest(request.id, context.now());
        if (!waiting) return refuse('unknown-request', t('refuseUnknownAddTo'));
        return addToGateway(waiting.key, waiting.origin, waiting.besideTabId, context);
      }
      case 'fill-tab':
        return fillTab(request, context);
      case 'read-options':
        // A policy that has just arrived shows the next time the page asks.
        void refreshPolicy();
        return { ok: true, ...(await readOptions()) };
      case 'save-options':
        return { ok: true, errors: await saveOptions(request.input as Record<OptionKey, string>, (await readOptions()).managed) };
    }
  };
}

/**
 * Keeps a feed a console page showed: only on Cisco's own feed hosts, never over a kept feed's
 * fields. Only the person's copy makes it the chosen feed; a URL merely seen in a page is listed,
 * nothing more, whatever the page drew around it.
 */
async function capture(request: CaptureFeed, consoleHost: string, context: MessageHandlerContext): Promise<CaptureReply> {
  const feed = parseFeedUrl(request.url);
  if (!feed.ok) return refuse(feed.error.code, describeParseError(feed.error));
  if (feed.region === null) return refuse('unrecognized-host', t('refuseCaptureHost'));
  const newFeed = { ...keptPartsOf(feed), title: request.title, output: request.output, source: request.source, seenOn: consoleHost, seenAt: context.now() };
  const { key, outcome, feeds } = await saveFeed(newFeed, request.source === 'copy');
  const kept = feeds.find((f) => f.key === key);
  const gateways = await reachableGateways(context.mayContact);
  const withheld = kept?.output === 'judgements' && gateways.length > 0;
  return { ok: true, key, outcome, listedOnly: kept?.actedAt === undefined, gateways: withheld ? [] : gateways, withheld };
}

/**
 * The popup's Autofill: the kept feed and the options in force into the tab's form, bound to the
 * origin the popup inspected. A filled gateway is remembered for the keyboard and "Add to" (which
 * trust it over HTTPS only: see isPlainHttp).
 */
async function fillTab({ tabId, key, origin }: FillTab, context: MessageHandlerContext): Promise<FillReply> {
  const feed = await readFeed(key);
  if (!feed) return refuse('unknown-feed', t('refuseUnknownFeed'));
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
async function addToTarget(key: string, origin: string): Promise<{ ok: true; feed: StoredFeed; gateway: KnownGateway } | { ok: false; error: ReplyError }> {
  if (isPlainHttp(origin)) return refuse('plain-http-gateway', t('httpGatewayPopupOnly'));
  const feed = await readFeed(key);
  if (!feed) return refuse('unknown-feed', t('refuseUnknownFeed'));
  if (feed.output === 'judgements') return refuse('judgements-output', t('refuseJudgementsGateway'));
  const gateway = (await knownGateways()).find((g) => g.origin === origin);
  if (!gateway) return refuse('unknown-gateway', t('refuseUnknownGateway'));
  return { ok: true, feed, gateway };
}

/** Opens the gateway and fills it with the feed, which becomes the chosen one. */
async function addToGateway(key: string, origin: string, besideTabId: number | undefined, context: MessageHandlerContext): Promise<NoteReply> {
  const target = await addToTarget(key, origin);
  if (!target.ok) return target;
  const started = await context.openGateway(target.gateway, key, besideTabId);
  if (!started.ok) return refuse('unreachable-gateway', t('refuseUnreachableGateway'));
  await chooseFeed(key, context.now());
  return { ok: true };
}

/**
 * A console note's "Add to": nothing opens or fills yet. The request waits for the person to
 * confirm it in the extension's own window, which names the feed and the gateway. Only a feed the
 * person copied has a note that offers it.
 */
async function askToAddTo(key: string, origin: string, besideTabId: number | undefined, context: MessageHandlerContext): Promise<NoteReply> {
  const target = await addToTarget(key, origin);
  if (!target.ok) return target;
  if (target.feed.actedAt === undefined) return refuse('not-chosen', t('refuseNotChosen'));
  const request = await saveAddToRequest({ key, origin, besideTabId }, context.now());
  const { title, feedId, seenOn } = target.feed;
  await context.confirmAddTo({ requestId: request.id, feedId, feedTitle: title, seenOn, gatewayOrigin: origin });
  return { ok: true };
}

/** Keeps the feed in text the person pasted (in the popup, or into a gateway's form) as the one they chose. */
async function keepPastedFeed(text: string, now: number): Promise<{ ok: true; key: string; feeds: StoredFeed[] } | { ok: false; error: ReplyError }> {
  const feed = parseFeedUrl(text);
  if (!feed.ok) return refuse(feed.error.code, describeParseError(feed.error));
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
async function check(key: string, context: MessageHandlerContext): Promise<CheckReply> {
  const feed = await readFeed(key);
  if (!feed) return refuse('unknown-feed', t('refuseUnknownFeed'));
  const verdict: FeedCheck = (await context.mayContact(`https://${feed.fields.hostname}/*`))
    ? await context.checkFeed(feed.fields, feed.port)
    : { kind: 'problem', code: 'permission-refused' };
  const feeds = await recordCheck(key, learntFrom(verdict));
  return { ok: true, check: verdict, feeds };
}

function learntFrom(verdict: FeedCheck): Parameters<typeof recordCheck>[1] {
  if (verdict.kind !== 'problem') return { output: verdict.kind, secretCheck: 'accepted' };
  return verdict.code === 'wrong-secret' ? { secretCheck: 'refused' } : {};
}

/** The messages only the gateway script sends, from a trusted gateway's page. */
const GATEWAY_PAGE_MESSAGES = ['gateway-page', 'paste-feed', 'check-source', 'fix-source', 'source-submitted'] as const;
type GatewayPageMessage = Extract<ExtensionMessage, { type: (typeof GATEWAY_PAGE_MESSAGES)[number] }>;
const isGatewayPageMessage = (request: ExtensionMessage): request is GatewayPageMessage => (GATEWAY_PAGE_MESSAGES as readonly string[]).includes(request.type);

/**
 * What the gateway script asks of the background, on the External Threat Feeds pages of a gateway
 * the extension trusts. Its page had the secret it pastes; it gets no other but, on the person's
 * Fix, the one captured for the feed the form already names.
 */
async function gatewayPage(request: GatewayPageMessage, origin: string, sender: Sender, context: MessageHandlerContext): Promise<GatewayReply> {
  const now = context.now();
  const tabId = sender.tab!.id;
  switch (request.type) {
    case 'gateway-page': {
      if (tabId === undefined) return refuse('forbidden-sender', t('refuseGatewaySender'));
      const commitReminder = await takeCommitReminder(tabId, origin, now);
      // Answered at once: the page may be left while the script is injected, and an answer that
      // arrives after that is reported as an error by Firefox.
      void context.startGatewayPage(tabId, sender.frameId ?? 0, { commitReminder }).catch(() => undefined);
      return { ok: true };
    }
    case 'paste-feed': {
      // Kept and chosen as a paste into the popup is.
      const kept = await keepPastedFeed(request.text, now);
      if (!kept.ok) return kept;
      const feed = kept.feeds.find((f) => f.key === kept.key);
      if (!feed) return refuse('unknown-feed', t('refuseUnknownFeed'));
      if (feed.output === 'judgements') return refuse('judgements-output', t('gatewayPasteJudgements'));
      const { options } = await readOptions();
      const added = destinationAt(await feedDestinations(), feed.feedId, origin);
      return { ok: true, feedId: feed.feedId, values: etfValuesFor(feed, new Date(now), options), feedName: feedName(feed), ...(added && { alreadyAdded: alreadyAdded(added) }) };
    }
    case 'check-source':
      return { ok: true, check: checkSourceWithFacts(request.values, await readFeeds()) };
    case 'fix-source': {
      const secret = capturedSecret(await readFeeds(), request.feedId);
      return secret ? { ok: true, collectionName: secret } : refuse('unknown-feed', t('refuseUnknownFeed'));
    }
    case 'source-submitted': {
      const title = (await readFeeds()).find((feed) => feed.feedId === request.feedId)?.title;
      await recordDestination({ feedId: request.feedId, title, gatewayOrigin: origin, sourceName: request.sourceName, submittedAt: now });
      if (tabId !== undefined) await saveCommitReminder({ tabId, origin, sourceName: request.sourceName }, now);
      return { ok: true };
    }
  }
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

/** The origin of a gateway page the extension trusts (the Cloud Gateway, or one the person or the organisation made known, over HTTPS), or null. */
async function trustedGatewayOrigin(sender: Sender): Promise<string | null> {
  if (!sender.tab || !sender.url) return null;
  return (await isKnownGateway(sender.url)) ? new URL(sender.url).origin : null;
}

/** The console host of a content script's tab, or null for any other sender. */
function ciscoConsoleHost(sender: Sender): string | null {
  if (!sender.tab || !sender.url) return null;
  const url = URL.parse(sender.url);
  if (url?.protocol !== 'https:') return null;
  return (CISCO_UI_HOSTS as readonly string[]).includes(url.hostname) ? url.hostname : null;
}

function refuse(code: string, message: string): { ok: false; error: ReplyError } {
  return { ok: false, error: { code, message } };
}
