import type { Browser } from 'wxt/browser';
import { CISCO_UI_HOSTS } from '../feed/cisco-hosts';
import { parseFeedUrl } from '../feed/feed-url';
import type { FeedCheck } from '../feed/feed-check';
import type { FeedFields, ParsedFeedUrl } from '../feed/feed-url';
import { describeParseError } from '../i18n/describe-parse';
import { t } from '../i18n/i18n';
import { forgetFeeds, readFeeds, removeFeed, saveCapture, saveFeed, setFeedOutput } from './feeds-store';
import { ExtensionMessage, type CaptureFeed, type CaptureReply, type CheckReply, type FeedsReply, type ReplyError } from './messages';

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
  return async function handleMessage(message: unknown, sender: Sender): Promise<FeedsReply | CheckReply | CaptureReply> {
    if (sender.id !== context.extensionId) return refuse('forbidden-sender', t('refuseOtherExtension'));
    const parsed = ExtensionMessage.safeParse(message);
    if (!parsed.success) return refuse('invalid-message', t('refuseMalformed'));
    const request = parsed.data;

    if (request.type === 'capture-feed') {
      const consoleHost = ciscoConsoleHost(sender);
      if (!consoleHost) return refuse('forbidden-sender', t('refuseCaptureSender'));
      return capture(request, consoleHost, context.now());
    }

    if (!sender.url?.startsWith(context.extensionBaseUrl)) {
      return refuse('forbidden-sender', t('refuseChangeSender'));
    }
    switch (request.type) {
      case 'save-pasted-feed': {
        const feed = parseFeedUrl(request.text);
        if (!feed.ok) return refuse(feed.error.code, describeParseError(feed.error));
        return { ok: true, feeds: await saveFeed({ ...keptPartsOf(feed), source: 'pasted', seenAt: context.now() }) };
      }
      case 'remove-feed':
        return { ok: true, feeds: await removeFeed(request.feedId) };
      case 'forget-feeds':
        await forgetFeeds();
        return { ok: true, feeds: await readFeeds() };
      case 'check-feed':
        return check(request.feedId, context);
    }
  };
}

/** Keeps a feed a console page showed: only on Cisco's own feed hosts, never over a kept feed's fields. */
async function capture(request: CaptureFeed, consoleHost: string, now: number): Promise<CaptureReply> {
  const feed = parseFeedUrl(request.url);
  if (!feed.ok) return refuse(feed.error.code, describeParseError(feed.error));
  if (feed.region === null) return refuse('unrecognized-host', t('refuseCaptureHost'));
  const outcome = await saveCapture({
    ...keptPartsOf(feed),
    title: request.title,
    output: request.output,
    source: request.source,
    seenOn: consoleHost,
    seenAt: now,
  });
  return outcome === 'conflict' ? refuse('conflicting-capture', t('refuseCaptureConflict')) : { ok: true };
}

/** What is kept of a parsed feed URL; the port only when it is not the usual 443. */
function keptPartsOf({ feedId, fields, region, warnings, port }: ParsedFeedUrl) {
  return { feedId, fields, region, warnings, ...(port !== 443 && { port }) };
}

/** Checks a stored feed: only its own host, with its own secret, is ever contacted. */
async function check(feedId: string, context: MessageHandlerContext): Promise<CheckReply> {
  const feed = (await readFeeds()).find((f) => f.feedId === feedId);
  if (!feed) return refuse('unknown-feed', t('refuseUnknownFeed'));
  const verdict: FeedCheck = (await context.mayContact(`https://${feed.fields.hostname}/*`))
    ? await context.checkFeed(feed.fields, feed.port)
    : { kind: 'problem', code: 'permission-refused' };
  const feeds = verdict.kind === 'problem' ? await readFeeds() : await setFeedOutput(feedId, verdict.kind);
  return { ok: true, check: verdict, feeds };
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
