import { vi } from 'vitest';
import type { FeedCheck } from '@/utils/feed/feed-check';
import type { FeedFields } from '@/utils/feed/feed-url';
import type { FeedsClient } from '@/utils/extension/feeds-client';
import { readFeeds, watchFeeds } from '@/utils/extension/feeds-store';
import { createMessageHandler, type MessageHandlerContext } from '@/utils/extension/message-handler';
import type { CheckReply, ExtensionMessage, FeedsReply } from '@/utils/extension/messages';

export const EXTENSION_ID = 'etf-autofill-id';
export const BASE_URL = `chrome-extension://${EXTENSION_ID}/`;
/** How the browser describes a message from the popup. */
export const POPUP = { id: EXTENSION_ID, url: `${BASE_URL}popup.html` };

/**
 * The background's real message handler, with the network replaced: `checkFeed` records what it was
 * asked and answers `answer.current`; `mayContact` answers `access.current`.
 */
export function testHandler(overrides: Partial<MessageHandlerContext> = {}) {
  const checked: FeedFields[] = [];
  const answer: { current: FeedCheck } = { current: { kind: 'observables', total: 0, byType: {} } };
  const access = { current: true };
  const checkFeed = vi.fn(async (fields: FeedFields, _port?: number) => {
    checked.push(fields);
    return answer.current;
  });
  const handleMessage = createMessageHandler({
    extensionId: EXTENSION_ID,
    extensionBaseUrl: BASE_URL,
    now: () => 1234,
    checkFeed,
    mayContact: async () => access.current,
    ...overrides,
  });
  return { handleMessage, checked, answer, access, checkFeed };
}

/** The popup's client over the real store and handler, minus the message hop the fake browser cannot answer. */
export function popupClient(handleMessage: ReturnType<typeof testHandler>['handleMessage']): FeedsClient {
  const ask = (message: ExtensionMessage) => handleMessage(message, POPUP) as Promise<FeedsReply & CheckReply>;
  return {
    read: readFeeds,
    watch: watchFeeds,
    savePasted: (text) => ask({ type: 'save-pasted-feed', text }),
    choose: (key) => ask({ type: 'choose-feed', key }),
    remove: (key) => ask({ type: 'remove-feed', key }),
    forgetAll: () => ask({ type: 'forget-feeds' }),
    check: (key) => ask({ type: 'check-feed', key }),
  };
}
