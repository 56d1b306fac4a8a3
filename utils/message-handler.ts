import type { Browser } from 'wxt/browser';
import { parseFeedUrl } from './feed-url';
import { saveFeed } from './feeds-store';
import { ExtensionMessage, type SaveFeedReply } from './messages';

export interface MessageHandlerContext {
  /** This extension's id: messages from any other extension are refused. */
  extensionId: string;
  /** `chrome-extension://<id>/`: pasted feeds are accepted only from the extension's own pages. */
  extensionBaseUrl: string;
  now: () => number;
}

/** The background's single entry point for messages; validates the sender and the payload first. */
export function createMessageHandler(context: MessageHandlerContext) {
  return async function handleMessage(message: unknown, sender: Browser.runtime.MessageSender): Promise<SaveFeedReply> {
    if (sender.id !== context.extensionId || !sender.url?.startsWith(context.extensionBaseUrl)) {
      return refuse('forbidden-sender', 'Only ETF Autofill’s own pages may save feeds.');
    }
    const parsed = ExtensionMessage.safeParse(message);
    if (!parsed.success) {
      return refuse('invalid-message', 'The request was malformed and was ignored.');
    }
    const feed = parseFeedUrl(parsed.data.text);
    if (!feed.ok) return { ok: false, error: feed.error };
    const feeds = await saveFeed({
      feedId: feed.feedId,
      fields: feed.fields,
      region: feed.region,
      warnings: feed.warnings,
      source: 'pasted',
      seenAt: context.now(),
    });
    return { ok: true, feeds };
  };
}

function refuse(code: string, message: string): SaveFeedReply {
  return { ok: false, error: { code, message } };
}
