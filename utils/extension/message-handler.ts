import type { Browser } from 'wxt/browser';
import { CISCO_UI_HOSTS } from '../feed/cisco-hosts';
import { isPlainHttp, knownGateways, reachableGateways, rememberGateway, type KnownGateway } from './known-gateways';
import { etfValuesFor } from '../gateway/etf-values';
import type { GatewayTab } from './gateway-tab';
import { readOptions, refreshPolicy, saveOptions } from './options-store';
import type { OptionKey } from './options';
import { parseFeedUrl } from '../feed/feed-url';
import type { FeedCheck } from '../feed/feed-check';
import type { FeedFields, ParsedFeedUrl } from '../feed/feed-url';
import { describeParseError } from '../i18n/describe-parse';
import { t } from '../i18n/i18n';
import { chooseFeed, forgetFeeds, readFeed, readFeeds, recordCheck, removeFeed, saveFeed } from './feeds-store';
import { saveAddToRequest, takeAddToRequest } from './add-to-confirmation';
import type { AddToQuestion } from './add-to-question';
import type { StoredFeed } from './stored-feed';
import { ExtensionMessage, type CaptureFeed, type CaptureReply, type CheckReply, type FeedsReply, type FillReply, type FillTab, type InspectReply, type NoteReply, type OptionsReply, type SaveOptionsReply, type ReplyError } from './messages';

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
}


type Sender = Browser.runtime.MessageSender;

/** The background's single entry point for messages; validates the sender and the payload first. */
export function createMessageHandler(context: MessageHandlerContext) {
  return async function handleMessage(message: unknown, sender: Sender): Promise<FeedsReply | CheckReply | CaptureReply | NoteReply | InspectReply | FillReply | OptionsReply | SaveOptionsReply> {
    if (sender.id !== context.extensionId) return refuse('forbidden-sender', t('refuseOtherExtension'));
    const parsed = ExtensionMessage.safeParse(message);
    if (!parsed.success) return refuse('invalid-message', t('refuseMalformed'));
    const request = parsed.data;

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
        const feed = parseFeedUrl(request.text);
        if (!feed.ok) return refuse(feed.error.code, describeParseError(feed.error));
        const { feeds } = await saveFeed({ ...keptPartsOf(feed), source: 'pasted', seenAt: context.now() }, true);
        return { ok: true, feeds };
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
      case 'inspect-tab': {
        const inspection = await context.tab(request.tabId).form.inspect();
        return inspection.ok ? { ok: true } : { ok: false, error: inspection.error };
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
