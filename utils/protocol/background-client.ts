import { t } from '../i18n/i18n';
import { ask as askBackground, type Ask } from './ask-background';
import { inspectTab } from '../autofill/tab-call';
import type { InspectReply, Reply } from './messages';
import { DEFAULT_OPTIONS, OPTION_KEYS, type EffectiveOptions, type OptionErrors, type OptionKey } from '../options/options';
import { feedsItem } from '../feeds/feeds-item';
import type { StoredFeed } from '../feeds/stored-feed';

/** What the popup needs of the kept feeds; the background is the only writer. */
export interface FeedsClient {
  read(): Promise<StoredFeed[]>;
  watch(onChange: (feeds: StoredFeed[]) => void): () => void;
  savePasted(text: string): Promise<Reply<'save-pasted-feed'>>;
  choose(key: string): Promise<Reply<'choose-feed'>>;
  remove(key: string): Promise<Reply<'remove-feed'>>;
  forgetAll(): Promise<Reply<'forget-feeds'>>;
  check(key: string): Promise<Reply<'check-feed'>>;
  addToGateway(key: string, origin: string): Promise<Reply<'add-to-gateway'>>;
}

/** The Add Source form of the popup's tab: inspected by the popup itself, filled by the background. */
export interface TabClient {
  inspect(): Promise<InspectReply>;
  /** Fills the form with the kept feed `key`, only while the tab shows `origin`. */
  fill(key: string, origin: string): Promise<Reply<'fill-tab'>>;
}

const asFeeds = (value: unknown): StoredFeed[] => (Array.isArray(value) ? value : []);

/**
 * The kept feeds as the background wrote them, and the requests that change them. Only the
 * background writes the feeds, after validating every one, and their area is emptied when the
 * extension updates: the popup reads them as they are.
 */
export function createFeedsClient(ask: Ask): FeedsClient {
  return {
    read: () => feedsItem.get().then(asFeeds, () => []),
    watch: (onChange) => feedsItem.watch((value) => onChange(asFeeds(value))),
    savePasted: (text) => ask({ type: 'save-pasted-feed', text }),
    choose: (key) => ask({ type: 'choose-feed', key }),
    remove: (key) => ask({ type: 'remove-feed', key }),
    forgetAll: () => ask({ type: 'forget-feeds' }),
    check: (key) => ask({ type: 'check-feed', key }),
    addToGateway: (key, origin) => ask({ type: 'add-to-gateway', key, origin }),
  };
}

export const feedsClient = createFeedsClient(askBackground);

/** The options page's client: the background reads, checks and stores the options. */
export const optionsClient = {
  read: async (): Promise<EffectiveOptions> => {
    const reply = await askBackground({ type: 'read-options' });
    return reply.ok ? reply : { options: DEFAULT_OPTIONS, managed: [] };
  },
  save: async (input: Record<OptionKey, string>): Promise<OptionErrors> => {
    const reply = await askBackground({ type: 'save-options', input });
    return reply.ok ? reply.errors : Object.fromEntries(OPTION_KEYS.map((key) => [key, reply.error.message]));
  },
  /** The person removed the record that the feed `feedId` was submitted to the gateway at `gatewayOrigin`. */
  forgetDestination: (feedId: string, gatewayOrigin: string) => askBackground({ type: 'forget-destination', feedId, gatewayOrigin }),
};

/** The known gateways, as the popup and the options page change them: through the background. */
export const gatewaysClient = {
  /** The person removed a gateway they filled: the background forgets it, and its script goes. */
  forget: (origin: string) => askBackground({ type: 'forget-gateway', origin }),
};

/** The tab `tabId` (known once the popup has asked which tab is active; none means no tab). */
export function tabClient(tabId: Promise<number | undefined>): TabClient {
  const noTab = { ok: false as const, error: { code: 'no-tab', message: t('autofillNoTab') } };
  return {
    // Asked straight from the popup, which the toolbar click gave the tab: no wait for the service
    // worker to wake, and on a gateway's External Threat Feeds page the in-page script is there already.
    inspect: async () => {
      const id = await tabId;
      if (id === undefined) return noTab;
      const answer = await inspectTab(id);
      return answer.ok ? { ok: true } : { ok: false, error: answer.error };
    },
    fill: async (key, origin) => {
      const id = await tabId;
      return id === undefined ? noTab : askBackground({ type: 'fill-tab', tabId: id, key, origin });
    },
  };
}
