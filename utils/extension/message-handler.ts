import type { Browser } from 'wxt/browser';
import { CISCO_UI_HOSTS } from '../feed/cisco-hosts';
import { parseFeedUrl } from '../feed/feed-url';
import type { FeedCheck } from '../feed/feed-check';
import type { FeedFields, ParsedFeedUrl } from '../feed/feed-url';
import { describeParseError } from '../i18n/describe-parse';
import { t } from '../i18n/i18n';
import { chooseFeed, forgetFeeds, readFeeds, recordCheck, removeFeed, saveFeed } from './feeds-store';
import { ExtensionMessage, type CaptureFeed, type CaptureReply, type CheckReply, type FeedsReply, type NoteReply, type ReplyError } from './messages';

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
}

type Sender = Browser.runtime.MessageSender;

/** The background's single entry point for messages; validates the sender and the payload first. */
export function createMessageHandler(context: MessageHandlerContext) {
  return async function handleMessage(message: unknown, sender: Sender): Promise<FeedsReply | CheckReply | CaptureReply | NoteReply> {
    if (sender.id !== context.extensionId) return refuse('forbidden-sender', t('refuseOtherExtension'));
    const parsed = ExtensionMessage.safeParse(message);
    if (!parsed.success) return refuse('invalid-message', t('refuseMalformed'));
    const request = parsed.data;

    if (request.type === 'capture-feed' || request.type === 'use-feed-note') {
      const consoleHost = ciscoConsoleHost(sender);
      if (!consoleHost) return refuse('forbidden-sender', t('refuseCaptureSender'));
      if (request.type === 'capture-feed') return capture(request, consoleHost, context.now());
      return (await chooseFeed(request.key, context.now())) ? { ok: true } : refuse('unknown-feed', t('refuseUnknownFeed'));
    }

    if (!sender.url?.startsWith(context.extensionBaseUrl)) {
      return refuse('forbidden-sender', t('refuseChangeSender'));
    }
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
    }
  };
}

/**
 * Keeps a feed a console page showed: only on Cisco's own feed hosts, never over a kept feed's
 * fields. Only what the person did (a copy, the feed's own details view) makes it the chosen feed;
 * a URL merely seen in a page's text is listed, nothing more.
 */
async function capture(request: CaptureFeed, consoleHost: string, now: number): Promise<CaptureReply> {
  const feed = parseFeedUrl(request.url);
  if (!feed.ok) return refuse(feed.error.code, describeParseError(feed.error));
  if (feed.region === null) return refuse('unrecognized-host', t('refuseCaptureHost'));
  const newFeed = { ...keptPartsOf(feed), title: request.title, output: request.output, source: request.source, seenOn: consoleHost, seenAt: now };
  const { key, outcome, feeds } = await saveFeed(newFeed, request.source !== 'page');
  return { ok: true, key, outcome, listedOnly: feeds.find((f) => f.key === key)?.actedAt === undefined };
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
  const feed = (await readFeeds()).find((f) => f.key === key);
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
