import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { chosenFeed } from '@/utils/feeds/chosen-feed';
import { readFeeds } from '@/utils/feeds/feeds-store';
import { rememberGateway } from '@/utils/gateways/known-gateways';
import { EXTENSION_ID, POPUP, testHandler } from '../support/background';
import { FEED_IDS, feedUrl } from '../support/feeds';
import { clearKnownGateways } from '../support/gateways-db';

const GATEWAY = 'https://dh1234-esa1.iphmx.com';
const CONSOLE = 'https://xdr.us.security.cisco.com/intelligence/feeds';

beforeEach(async () => {
  fakeBrowser.reset();
  await clearKnownGateways();
  await rememberGateway(`${GATEWAY}/mail_policies/etf/add_source/`, 1);
});

describe('Add to that cannot open the gateway', () => {
  it('answers that the gateway could not be reached, and leaves the chosen feed as it was', async () => {
    const background = testHandler();
    await background.handleMessage({ type: 'save-pasted-feed', text: feedUrl(0) }, POPUP);
    await background.handleMessage({ type: 'save-pasted-feed', text: feedUrl(1) }, POPUP);
    background.access.current = false;
    expect(await background.handleMessage({ type: 'add-to-gateway', key: FEED_IDS[0], origin: GATEWAY }, POPUP)).toEqual({
      ok: false,
      error: { code: 'unreachable-gateway', message: expect.any(String) },
    });
    expect(background.opened).toEqual([{ origin: GATEWAY, feedKey: FEED_IDS[0], besideTabId: undefined }]);
    expect(chosenFeed(await readFeeds())?.key).toBe(FEED_IDS[1]);
  });
});

describe('a console’s Add to from a sender without a tab', () => {
  it('is refused, asks nothing and opens nothing', async () => {
    const background = testHandler();
    await background.handleMessage({ type: 'capture-feed', url: feedUrl(0), source: 'copy' }, { id: EXTENSION_ID, url: CONSOLE, tab: { id: 3 } } as never);
    const reply = await background.handleMessage({ type: 'add-to-gateway', key: FEED_IDS[0], origin: GATEWAY }, { id: EXTENSION_ID, url: CONSOLE } as never);
    expect(reply).toEqual({ ok: false, error: { code: 'forbidden-sender', message: expect.any(String) } });
    expect(background.confirmations).toEqual([]);
    expect(background.opened).toEqual([]);
  });

  it('beside the console’s tab when it has one', async () => {
    const background = testHandler();
    const consoleTab = { id: EXTENSION_ID, url: CONSOLE, tab: { id: 3 } } as never;
    await background.handleMessage({ type: 'capture-feed', url: feedUrl(0), source: 'copy' }, consoleTab);
    expect(await background.handleMessage({ type: 'add-to-gateway', key: FEED_IDS[0], origin: GATEWAY }, consoleTab)).toEqual({ ok: true });
    expect(await background.handleMessage({ type: 'confirm-add-to', id: background.confirmations[0]!.requestId }, POPUP)).toEqual({ ok: true });
    expect(background.opened).toEqual([{ origin: GATEWAY, feedKey: FEED_IDS[0], besideTabId: 3 }]);
  });
});
