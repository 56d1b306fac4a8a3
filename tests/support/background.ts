import type { AddToQuestion } from '@/utils/add-to-gateway/add-to-question';
import { vi } from 'vitest';
import type { FeedCheck } from '@/utils/check-feed/feed-check';
import type { FeedFields } from '@/utils/feed/feed-url';
import type { Ask } from '@/utils/protocol/ask-background';
import { createFeedsClient, type FeedsClient, type TabClient } from '@/utils/protocol/background-client';
import type { KnownGateway } from '@/utils/gateways/known-gateways';
import type { GatewayTab } from '@/utils/autofill/gateway-tab';
import { createMessageHandler, type MessageHandlerContext } from '@/utils/protocol/message-handler';

export const EXTENSION_ID = 'etf-autofill-id';
export const BASE_URL = `chrome-extension://${EXTENSION_ID}/`;
/** How the browser describes a message from the popup. */
export const POPUP = { id: EXTENSION_ID, url: `${BASE_URL}popup.html` };

/**
 * The background's real message handler, with the network replaced: `checkFeed` records what it was
 * asked and answers `answer.current`; `mayContact` answers `access.current`; `openGateway` records
 * the gateways it was asked to open in `opened` (and, whole, in its calls).
 */
export function testHandler(overrides: Partial<MessageHandlerContext> = {}) {
  const checked: FeedFields[] = [];
  const answer: { current: FeedCheck } = { current: { kind: 'observables', total: 0, byType: {} } };
  const access = { current: true };
  const checkFeed = vi.fn(async (fields: FeedFields, _port?: number) => {
    checked.push(fields);
    return answer.current;
  });
  const opened: { origin: string; feedKey: string; besideTabId: number | undefined }[] = [];
  const openGateway = vi.fn(async (gateway: KnownGateway, feedKey: string, besideTabId: number | undefined) => {
    opened.push({ origin: gateway.origin, feedKey, besideTabId });
    return { ok: access.current };
  });
  /** The confirmation windows the console's "Add to" opened: what each asked. */
  const confirmations: AddToQuestion[] = [];
  const confirmAddTo = vi.fn(async (question: AddToQuestion) => void confirmations.push(question));
  /** The browser's tabs as the handler sees them: tests put a page's form (a GatewayTab) under a tab id. */
  const tabs = new Map<number, { form: GatewayTab; url: string }>();
  const handleMessage = createMessageHandler({
    extensionId: EXTENSION_ID,
    extensionBaseUrl: BASE_URL,
    now: () => 1234,
    checkFeed,
    mayContact: async () => access.current,
    tab: (tabId) => ({ form: tabs.get(tabId)?.form ?? UNREACHABLE, url: async () => tabs.get(tabId)?.url }),
    openGateway,
    confirmAddTo,
    gatewaysChanged: async () => undefined,
    startGatewayPage: async () => undefined,
    ...overrides,
  });
  return { handleMessage, checked, answer, access, checkFeed, openGateway, opened, confirmations, tabs };
}

/** A tab the extension cannot reach. */
const UNREACHABLE: GatewayTab = {
  inspect: async () => ({ ok: false, error: { code: 'page-unreachable', message: 'unreachable' } }),
  fill: async () => ({ ok: false, error: { code: 'page-unreachable', message: 'unreachable' } }),
  announce: async () => undefined,
};

type HandleMessage = ReturnType<typeof testHandler>['handleMessage'];

/** An extension page's `ask`, answered by the real handler, minus the message hop the fake browser cannot answer. */
export function askAs(handleMessage: HandleMessage, sender: Parameters<HandleMessage>[1] = POPUP): Ask {
  return (message) => handleMessage(message, sender) as Promise<never>;
}

/** The popup's client over the real store and handler. */
export function popupClient(handleMessage: HandleMessage): FeedsClient {
  return createFeedsClient(askAs(handleMessage));
}

/** The popup's client of tab `tabId`, through the real handler. */
export function popupTab({ handleMessage, tabs }: Pick<ReturnType<typeof testHandler>, 'handleMessage' | 'tabs'>, tabId: number): TabClient {
  return {
    // The popup inspects its tab itself.
    inspect: async () => {
      const answer = await (tabs.get(tabId)?.form ?? UNREACHABLE).inspect();
      return answer.ok ? { ok: true } : { ok: false, error: answer.error };
    },
    fill: (key, origin) => askAs(handleMessage)({ type: 'fill-tab', tabId, key, origin }),
  };
}
