import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createGatewayOpener } from '@/utils/add-to-gateway/gateway-opener';
import type { KnownGateway } from '@/utils/gateways/known-gateways';
import { t } from '@/utils/i18n/i18n';
import { FEED_IDS, SECRETS, storedFeed } from '../support/feeds';

const GATEWAY: KnownGateway = {
  origin: 'https://dh1234-esa1.iphmx.com',
  addSourceUrl: 'https://dh1234-esa1.iphmx.com/mail_policies/etf/add_source/',
  setBy: 'person',
  filledAt: 1,
};
const SIGN_IN = 'https://dh1234-esa1.iphmx.com/login';
const SOURCES_LIST = 'https://dh1234-esa1.iphmx.com/mail_policies/etf/sources/';
const FORM_ANSWERS: Record<string, unknown> = { inspect: { ok: true }, fill: { ok: true, fields: [{ key: 'hostname', outcome: 'filled' }], submitFocused: false } };

/**
 * The calls the extension makes into the page (after injecting its script), answered by `answer`
 * (by default as a page showing the form does).
 */
function pageAnswering(answer: (call: string) => unknown = (call) => FORM_ANSWERS[call]): unknown[][] {
  const calls: unknown[][] = [];
  fakeBrowser.scripting.executeScript = vi.fn(async (injection: { files?: string[]; args?: unknown[] }) => {
    if (injection.files) return [{ frameId: 0, result: undefined }];
    calls.push(injection.args!);
    return [{ frameId: 0, result: answer(injection.args![0] as string) }];
  }) as never;
  return calls;
}
const callsNamed = (calls: unknown[][], name: string) => calls.filter(([call]) => call === name);

/** The page loads in the tab: the browser reports its new URL and, once loaded, its completion. */
async function load(tabId: number, url: string) {
  await fakeBrowser.tabs.update(tabId, { url });
  await fakeBrowser.tabs.update(tabId, { status: 'complete' } as never);
}
/** The listeners' work is not awaited by the browser: wait for it to settle. */
const settled = () => new Promise((resolve) => setTimeout(resolve, 20));

beforeEach(async () => {
  fakeBrowser.reset();
  await fakeBrowser.windows.create({ focused: true });
  fakeBrowser.permissions.contains = vi.fn(async () => true) as never;
  // As the browser does, a tab that is gone is an error, not nothing, and no tab id at all is a
  // mistake in the call, thrown at once (Firefox checks each argument before it answers).
  const get = fakeBrowser.tabs.get;
  fakeBrowser.tabs.get = ((tabId: number) => {
    if (!Number.isInteger(tabId)) throw new TypeError('Type error for parameter tabId (Expected integer) for tabs.get.');
    return get(tabId).then((tab) => tab ?? Promise.reject(new Error(`No tab with id: ${tabId}.`)));
  }) as never;
  await fakeBrowser.storage.session.set({ feeds: [storedFeed(0)] });
});
afterEach(() => vi.restoreAllMocks());

describe('"Add to <gateway>" in the browser', () => {
  it('fills the form in the tab it opened, bound to the gateway, leaving focus off Submit: the person has not looked at it yet', async () => {
    const calls = pageAnswering();
    const opener = createGatewayOpener();
    const started = await opener.start({ gateway: GATEWAY, feedKey: FEED_IDS[0] });
    if (!started.ok) throw new Error('the gateway was refused');
    await opener.onTabUpdated(started.tabId);
    const fills = calls.filter(([call]) => call === 'fill');
    expect(fills).toEqual([['fill', { values: expect.objectContaining({ collectionName: SECRETS[0] }), focusSubmit: false }, GATEWAY.origin]]);
  });

  it('opens the gateway’s page right after the console’s tab, in its window, as opened from it', async () => {
    const consoleTab = await fakeBrowser.tabs.create({ url: 'https://xdr.us.security.cisco.com/intelligence/feeds' });
    // The fake browser moves no tab: the console's tab is said to be fifth.
    await fakeBrowser.tabs.update(consoleTab.id!, { index: 4 } as never);
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    await createGatewayOpener().start({ gateway: GATEWAY, feedKey: FEED_IDS[0], besideTabId: consoleTab.id });
    expect(create).toHaveBeenCalledWith({ url: GATEWAY.addSourceUrl, index: 5, openerTabId: consoleTab.id, windowId: consoleTab.windowId });
  });

  it.each([
    ['no console tab', undefined],
    ['a console tab closed meanwhile', 999],
  ])('opens the page where the browser puts a new tab when there is %s', async (_, besideTabId) => {
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    const started = await createGatewayOpener().start({ gateway: GATEWAY, feedKey: FEED_IDS[0], besideTabId });
    expect(create).toHaveBeenCalledWith({ url: GATEWAY.addSourceUrl });
    expect(started).toMatchObject({ ok: true });
  });

  it('asks the browser whether it may reach the gateway’s whole origin, and opens nothing when it may not', async () => {
    fakeBrowser.permissions.contains = vi.fn(async () => false) as never;
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    expect(await createGatewayOpener().start({ gateway: GATEWAY, feedKey: FEED_IDS[0] })).toEqual({ ok: false, code: 'unreachable-gateway' });
    expect(fakeBrowser.permissions.contains).toHaveBeenCalledWith({ origins: [`${GATEWAY.origin}/*`] });
    expect(create).not.toHaveBeenCalled();
  });

  it('waits through the sign-in page as the tab loads it, then fills the form when it loads', async () => {
    let inspection: unknown = { ok: false, error: { code: 'not-add-source-form' } };
    const calls = pageAnswering((call) => (call === 'inspect' ? inspection : FORM_ANSWERS[call]));
    const opener = createGatewayOpener();
    const started = await opener.start({ gateway: GATEWAY, feedKey: FEED_IDS[0] });
    if (!started.ok) throw new Error('the gateway was refused');
    await load(started.tabId, SIGN_IN);
    await settled();
    // Asked once at the new address, once when it has loaded.
    expect(calls).toEqual([['inspect', null, null], ['inspect', null, null]]);
    inspection = { ok: true };
    await load(started.tabId, GATEWAY.addSourceUrl);
    await settled();
    expect(callsNamed(calls, 'fill')).toHaveLength(1);
  });

  it('looks at the page only once it has loaded or its address has changed', async () => {
    const calls = pageAnswering();
    const opener = createGatewayOpener();
    const started = await opener.start({ gateway: GATEWAY, feedKey: FEED_IDS[0] });
    if (!started.ok) throw new Error('the gateway was refused');
    await fakeBrowser.tabs.update(started.tabId, { status: 'loading', title: 'Cisco Secure Email' } as never);
    await settled();
    expect(calls).toEqual([]);
  });

  it('on the sources list, tells the person in the page to press Add Source', async () => {
    const calls = pageAnswering((call) => (call === 'inspect' ? { ok: false, error: { code: 'not-add-source-form' }, sourcesList: true } : null));
    const opener = createGatewayOpener();
    const started = await opener.start({ gateway: GATEWAY, feedKey: FEED_IDS[0] });
    if (!started.ok) throw new Error('the gateway was refused');
    await load(started.tabId, SOURCES_LIST);
    await settled();
    expect(callsNamed(calls, 'announce')).toEqual([['announce', { heading: t('extName'), lines: [t('addToPressAddSource')], urgent: false }, null]]);
    expect(callsNamed(calls, 'fill')).toEqual([]);
  });

  it('fills nothing when the tab has left the gateway by the time the page answers', async () => {
    let tabId = 0;
    const calls = pageAnswering((call) => {
      // The page says it shows the form, but the tab has gone elsewhere meanwhile.
      if (call === 'inspect') void fakeBrowser.tabs.update(tabId, { url: 'https://phish.example/add_source/' });
      return FORM_ANSWERS[call];
    });
    const opener = createGatewayOpener();
    const started = await opener.start({ gateway: GATEWAY, feedKey: FEED_IDS[0] });
    if (!started.ok) throw new Error('the gateway was refused');
    tabId = started.tabId;
    await opener.onTabUpdated(tabId);
    expect(callsNamed(calls, 'fill')).toEqual([]);
  });

  it('waits through a sign-in at the organisation’s identity provider, a page it may not see, and fills the form back on the gateway', async () => {
    const calls = pageAnswering();
    const get = fakeBrowser.tabs.get;
    // The browser tells the extension nothing of the address of a page on a host it may not reach.
    fakeBrowser.tabs.get = (async (tabId: number) => {
      const tab = await get(tabId);
      return tab.url?.startsWith(GATEWAY.origin) ? tab : { ...tab, url: undefined };
    }) as never;
    const opener = createGatewayOpener();
    const started = await opener.start({ gateway: GATEWAY, feedKey: FEED_IDS[0] });
    if (!started.ok) throw new Error('the gateway was refused');
    await load(started.tabId, 'https://login.idp.example/saml2/sso');
    await settled();
    expect(calls).toEqual([]);
    await load(started.tabId, GATEWAY.addSourceUrl);
    await settled();
    expect(callsNamed(calls, 'fill')).toHaveLength(1);
  });

  it('fills nothing in a page that has not answered within ten seconds, and asks it again at its next change', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      let answering = false;
      const calls: string[] = [];
      fakeBrowser.scripting.executeScript = vi.fn(async (injection: { files?: string[]; args?: unknown[] }) => {
        if (injection.files) return [{ frameId: 0, result: undefined }];
        const call = injection.args![0] as string;
        calls.push(call);
        // A page that hangs holds its answer back for good.
        return answering ? [{ frameId: 0, result: FORM_ANSWERS[call] }] : new Promise(() => undefined);
      }) as never;
      const opener = createGatewayOpener();
      const started = await opener.start({ gateway: GATEWAY, feedKey: FEED_IDS[0] });
      if (!started.ok) throw new Error('the gateway was refused');
      const looked = opener.onTabUpdated(started.tabId);
      await vi.advanceTimersByTimeAsync(10_000);
      await looked;
      expect(calls).toEqual(['inspect']);
      answering = true;
      await opener.onTabUpdated(started.tabId);
      expect(calls).toEqual(['inspect', 'inspect', 'fill', 'announce']);
    } finally {
      vi.useRealTimers();
    }
  });

  it('fills nothing when the feed is no longer kept', async () => {
    await fakeBrowser.storage.session.set({ feeds: [] });
    const calls = pageAnswering();
    const opener = createGatewayOpener();
    const started = await opener.start({ gateway: GATEWAY, feedKey: FEED_IDS[0] });
    if (!started.ok) throw new Error('the gateway was refused');
    await opener.onTabUpdated(started.tabId);
    expect(callsNamed(calls, 'inspect')).toHaveLength(1);
    expect(callsNamed(calls, 'fill')).toEqual([]);
  });

  it('stops waiting when its tab is closed, and keeps that in session storage', async () => {
    const calls = pageAnswering();
    const opener = createGatewayOpener();
    const started = await opener.start({ gateway: GATEWAY, feedKey: FEED_IDS[0] });
    if (!started.ok) throw new Error('the gateway was refused');
    expect(await fakeBrowser.storage.session.get('pendingFills')).toEqual({ pendingFills: [expect.objectContaining({ tabId: started.tabId })] });
    await fakeBrowser.tabs.remove(started.tabId);
    await settled();
    expect(await fakeBrowser.storage.session.get('pendingFills')).toEqual({ pendingFills: [] });
    await opener.onTabUpdated(started.tabId);
    expect(calls).toEqual([]);
  });
});
