import { describe, expect, it } from 'vitest';
import type { KnownGateway } from '@/utils/gateways/known-gateways';
import { createPendingFills, PENDING_FILL_TIMEOUT_MS, type FormInspection, type PendingFillDeps } from '@/utils/add-to-gateway/pending-fill';

const CLOUD: KnownGateway = {
  origin: 'https://dh1234-esa1.iphmx.com',
  addSourceUrl: 'https://dh1234-esa1.iphmx.com/mail_policies/etf/add_source/',
  setBy: 'person',
  filledAt: 1,
};
const ON_PREM: KnownGateway = { origin: 'https://esa.corp.example', addSourceUrl: 'https://esa.corp.example/etf/add_source/', setBy: 'person', filledAt: 2 };
const SIGN_IN = 'https://dh1234-esa1.iphmx.com/login?referrer=%2Fmail_policies%2Fetf%2Fadd_source%2F';
const SOURCES_LIST = 'https://dh1234-esa1.iphmx.com/mail_policies/etf/sources/';
const CONSOLE_TAB = 7;
const START = 1_700_000_000_000;

/**
 * A fake browser for the pending fills: tabs with URLs, pages that are the Add Source form (URL
 * path containing `add_source`), the sources list (`/sources/`) or anything else, a clock, and a session
 * storage that, like the real one, keeps only what survives serialisation.
 */
function fakeWorld(options: { reachable?: string[] } = {}) {
  const tabs = new Map<number, string>();
  let nextTabId = 100;
  let stored: string | undefined;
  const world = {
    time: START,
    opened: [] as { url: string; beside: number | undefined }[],
    inspected: [] as [number, string][],
    filled: [] as [number, string, string][],
    hinted: [] as [number, string][],
    saves: 0,
    pageAnswers: (url: string): FormInspection => {
      const path = URL.parse(url)?.pathname ?? '';
      return { ok: path.includes('add_source'), sourcesList: path.endsWith('/sources/') };
    },
    tabs,
    navigate(tabId: number, url: string) {
      tabs.set(tabId, url);
    },
    close(tabId: number) {
      tabs.delete(tabId);
    },
    savedState: (): unknown => (stored === undefined ? undefined : JSON.parse(stored)),
    setSavedState(state: unknown) {
      stored = JSON.stringify(state);
    },
  };
  const deps: PendingFillDeps = {
    openTab: async (url, beside) => {
      world.opened.push({ url, beside });
      const tabId = nextTabId++;
      // The new tab starts blank; its first page completes later.
      tabs.set(tabId, 'about:blank');
      return tabId;
    },
    tabUrl: async (tabId) => tabs.get(tabId),
    inspect: async (tabId, origin) => {
      world.inspected.push([tabId, origin]);
      return world.pageAnswers(tabs.get(tabId) ?? '');
    },
    fill: async (tabId, origin, feedKey) => {
      world.filled.push([tabId, origin, feedKey]);
    },
    mayReach: async (origin) => (options.reachable ?? [CLOUD.origin, ON_PREM.origin]).includes(origin),
    hint: async (tabId, origin) => {
      world.hinted.push([tabId, origin]);
    },
    now: () => world.time,
    load: async () => world.savedState(),
    save: async (state) => {
      world.saves++;
      world.setSavedState(state);
    },
  };
  return { world, deps };
}

/** Starts one "Add to" click and loads the remembered page in its tab. */
async function clickAddTo(gateway: KnownGateway = CLOUD, feedKey = 'feed-a') {
  const { world, deps } = fakeWorld();
  const fills = createPendingFills(deps);
  const answer = await fills.start({ gateway, feedKey, besideTabId: CONSOLE_TAB });
  if (!answer.ok) throw new Error('the gateway was refused');
  const load = async (url: string) => {
    world.navigate(answer.tabId, url);
    await fills.onTabUpdated(answer.tabId);
  };
  return { world, deps, fills, tabId: answer.tabId, deadline: answer.deadline, load };
}

describe('an "Add to" click', () => {
  it('opens the remembered page beside the console tab and fills the form there once it loads', async () => {
    const { world, tabId, deadline, load } = await clickAddTo(CLOUD, 'feed-a');
    expect(world.opened).toEqual([{ url: CLOUD.addSourceUrl, beside: CONSOLE_TAB }]);
    expect(deadline).toBe(START + PENDING_FILL_TIMEOUT_MS);
    expect(PENDING_FILL_TIMEOUT_MS).toBe(600_000);
    await load(CLOUD.addSourceUrl);
    expect(world.filled).toEqual([[tabId, CLOUD.origin, 'feed-a']]);
    expect(world.savedState()).toEqual([]);
  });

  it('waits through the sign-in page and other pages of the gateway, then fills the form', async () => {
    const { world, tabId, load } = await clickAddTo();
    await load(SIGN_IN);
    await load('https://dh1234-esa1.iphmx.com/monitor/reports/overview');
    expect(world.filled).toEqual([]);
    await load(CLOUD.addSourceUrl);
    expect(world.filled).toEqual([[tabId, CLOUD.origin, 'feed-a']]);
  });

  it('waits while the new tab is still blank', async () => {
    const { world, fills, tabId, load } = await clickAddTo();
    await fills.onTabUpdated(tabId);
    world.navigate(tabId, '');
    await fills.onTabUpdated(tabId);
    await load(CLOUD.addSourceUrl);
    expect(world.filled).toEqual([[tabId, CLOUD.origin, 'feed-a']]);
  });

  it('fills once: a reload, or a second Add Source form later in that tab, is left alone', async () => {
    const { world, tabId, load } = await clickAddTo();
    await load(CLOUD.addSourceUrl);
    await load(CLOUD.addSourceUrl);
    await load(SOURCES_LIST);
    await load(`${CLOUD.addSourceUrl}?again=1`);
    expect(world.filled).toEqual([[tabId, CLOUD.origin, 'feed-a']]);
    expect(world.hinted).toEqual([]);
  });

  it('fills once when the page load and a URL change arrive together', async () => {
    const { world, fills, tabId } = await clickAddTo();
    world.navigate(tabId, CLOUD.addSourceUrl);
    await Promise.all([fills.onTabUpdated(tabId), fills.onTabUpdated(tabId), fills.onTabUpdated(tabId)]);
    expect(world.filled).toEqual([[tabId, CLOUD.origin, 'feed-a']]);
  });

  it('on the sources list, tells the person once to press Add Source, then fills the form it opens', async () => {
    const { world, tabId, load } = await clickAddTo();
    await load(SOURCES_LIST);
    await load(SOURCES_LIST);
    expect(world.hinted).toEqual([[tabId, CLOUD.origin]]);
    expect(world.filled).toEqual([]);
    await load(CLOUD.addSourceUrl);
    expect(world.filled).toEqual([[tabId, CLOUD.origin, 'feed-a']]);
  });

  it('fills nothing in a page it could not ask, and fills the form once the page answers', async () => {
    const { world, deps, tabId, load } = await clickAddTo();
    const inspect = deps.inspect;
    deps.inspect = async () => {
      throw new Error('Frame with ID 0 was removed.');
    };
    await load(CLOUD.addSourceUrl);
    expect(world.filled).toEqual([]);
    expect(world.savedState()).toEqual([{ tabId, origin: CLOUD.origin, feedKey: 'feed-a', deadline: START + PENDING_FILL_TIMEOUT_MS, hinted: false }]);
    deps.inspect = inspect;
    await load(CLOUD.addSourceUrl);
    expect(world.filled).toEqual([[tabId, CLOUD.origin, 'feed-a']]);
  });

  it('keeps waiting when the page cannot be asked (caught mid-navigation)', async () => {
    const { world, deps, tabId, load } = await clickAddTo();
    const inspect = deps.inspect;
    deps.inspect = async () => {
      throw new Error('Frame with ID 0 was removed.');
    };
    await load(CLOUD.addSourceUrl);
    deps.inspect = inspect;
    await load(CLOUD.addSourceUrl);
    expect(world.filled).toEqual([[tabId, CLOUD.origin, 'feed-a']]);
  });
});

describe('what ends the wait without filling', () => {
  it.each([
    ['a look-alike host', 'https://dh1234-esa1.iphmx.com.evil.example/mail_policies/etf/add_source/'],
    ['an identity provider for single sign-on', 'https://sso.corp.example/saml/login'],
    ['the same host over plain HTTP', 'http://dh1234-esa1.iphmx.com/mail_policies/etf/add_source/'],
    ['the same host on another port', 'https://dh1234-esa1.iphmx.com:8443/mail_policies/etf/add_source/'],
    ['another gateway the person has filled', `${ON_PREM.addSourceUrl}`],
    ['a page of the browser', 'chrome://newtab/'],
  ])('the tab going to another origin, %s, even if it comes back to the form', async (_, elsewhere) => {
    const { world, tabId, load } = await clickAddTo();
    await load(SIGN_IN);
    await load(elsewhere);
    await load(CLOUD.addSourceUrl);
    expect(world.filled).toEqual([]);
    // The other origin's page was never even asked about its form.
    expect(world.inspected).toEqual([[tabId, CLOUD.origin]]);
    expect(world.savedState()).toEqual([]);
  });

  it('the tab being closed', async () => {
    const { world, fills, tabId } = await clickAddTo();
    world.close(tabId);
    await fills.onTabRemoved(tabId);
    expect(world.savedState()).toEqual([]);
    await fills.onTabUpdated(tabId);
    expect(world.filled).toEqual([]);
  });

  it('the tab being gone, or on a page out of the extension’s sight, when an event comes', async () => {
    const { world, fills, tabId, load } = await clickAddTo();
    world.close(tabId);
    await fills.onTabUpdated(tabId);
    expect(world.savedState()).toEqual([]);
    await load(CLOUD.addSourceUrl);
    expect(world.filled).toEqual([]);
  });

  it.each([
    ['one millisecond before the deadline: fills', PENDING_FILL_TIMEOUT_MS - 1, 1],
    ['at the deadline: gives up quietly', PENDING_FILL_TIMEOUT_MS, 0],
    ['an hour later: gives up quietly', 60 * 60_000, 0],
  ])('the form appearing %s', async (_, after, fills) => {
    const { world, tabId, load } = await clickAddTo();
    await load(SIGN_IN);
    world.time = START + after;
    await load(CLOUD.addSourceUrl);
    expect(world.filled).toHaveLength(fills);
    expect(world.inspected).toEqual(fills ? [[tabId, CLOUD.origin], [tabId, CLOUD.origin]] : [[tabId, CLOUD.origin]]);
    expect(world.hinted).toEqual([]);
    expect(world.savedState()).toEqual([]);
  });

  it('the time being up when the alarm set at the deadline rings, before any later event', async () => {
    const { world, fills, deadline, load } = await clickAddTo();
    world.time = deadline;
    await fills.expire();
    expect(world.savedState()).toEqual([]);
    world.time = START;
    await load(CLOUD.addSourceUrl);
    expect(world.filled).toEqual([]);
    expect(world.inspected).toEqual([]);
  });
});

describe('refused clicks', () => {
  it('a gateway the extension may not reach opens no tab and waits for nothing', async () => {
    const { world, deps } = fakeWorld({ reachable: [CLOUD.origin] });
    const answer = await createPendingFills(deps).start({ gateway: ON_PREM, feedKey: 'feed-a', besideTabId: CONSOLE_TAB });
    expect(answer).toEqual({ ok: false, code: 'unreachable-gateway' });
    expect(world.opened).toEqual([]);
    expect(world.savedState()).toBeUndefined();
  });

  it.each([
    ['a page on another origin', { ...CLOUD, addSourceUrl: 'https://phish.example/mail_policies/etf/add_source/' }],
    ['a script URL', { ...CLOUD, origin: 'null', addSourceUrl: 'javascript:alert(document.cookie)' }],
  ])('a gateway whose remembered page is %s opens no tab', async (_, gateway) => {
    const { world, deps } = fakeWorld({ reachable: [CLOUD.origin, 'null'] });
    expect(await createPendingFills(deps).start({ gateway, feedKey: 'feed-a' })).toEqual({ ok: false, code: 'unreachable-gateway' });
    expect(world.opened).toEqual([]);
  });

  it('a plain-HTTP gateway opens no tab, even one filled from the popup that the extension may reach', async () => {
    const plainHttp: KnownGateway = { origin: 'http://esa.corp.example', addSourceUrl: 'http://esa.corp.example/etf/add_source/', setBy: 'person', filledAt: 3 };
    const { world, deps } = fakeWorld({ reachable: [plainHttp.origin] });
    expect(await createPendingFills(deps).start({ gateway: plainHttp, feedKey: 'feed-a', besideTabId: CONSOLE_TAB })).toEqual({ ok: false, code: 'unreachable-gateway' });
    expect(world.opened).toEqual([]);
    expect(world.savedState()).toBeUndefined();
  });
});

describe('the waiting fills', () => {
  it('survive the service worker being stopped while the person signs in', async () => {
    const { world, deps, tabId, load } = await clickAddTo();
    await load(SOURCES_LIST);
    // A new background over the same session storage, as after a restart.
    const restarted = createPendingFills(deps);
    world.navigate(tabId, SOURCES_LIST);
    await restarted.onTabUpdated(tabId);
    expect(world.hinted).toEqual([[tabId, CLOUD.origin]]);
    world.navigate(tabId, CLOUD.addSourceUrl);
    await restarted.onTabUpdated(tabId);
    expect(world.filled).toEqual([[tabId, CLOUD.origin, 'feed-a']]);
  });

  it('in two tabs, for two gateways, are independent', async () => {
    const { world, deps } = fakeWorld();
    const fills = createPendingFills(deps);
    const cloud = await fills.start({ gateway: CLOUD, feedKey: 'feed-a', besideTabId: CONSOLE_TAB });
    const onPrem = await fills.start({ gateway: ON_PREM, feedKey: 'feed-b', besideTabId: CONSOLE_TAB });
    if (!cloud.ok || !onPrem.ok) throw new Error('a gateway was refused');
    expect(cloud.tabId).not.toBe(onPrem.tabId);
    world.navigate(onPrem.tabId, ON_PREM.addSourceUrl);
    await fills.onTabUpdated(onPrem.tabId);
    world.navigate(cloud.tabId, SIGN_IN);
    await fills.onTabUpdated(cloud.tabId);
    expect(world.filled).toEqual([[onPrem.tabId, ON_PREM.origin, 'feed-b']]);
    world.navigate(cloud.tabId, CLOUD.addSourceUrl);
    await fills.onTabUpdated(cloud.tabId);
    expect(world.filled).toEqual([
      [onPrem.tabId, ON_PREM.origin, 'feed-b'],
      [cloud.tabId, CLOUD.origin, 'feed-a'],
    ]);
  });

  it('of one tab keep the other’s as it was when the first tab’s page changes', async () => {
    const { world, deps } = fakeWorld();
    const fills = createPendingFills(deps);
    const cloud = await fills.start({ gateway: CLOUD, feedKey: 'feed-a' });
    const onPrem = await fills.start({ gateway: ON_PREM, feedKey: 'feed-b' });
    if (!cloud.ok || !onPrem.ok) throw new Error('a gateway was refused');
    world.navigate(cloud.tabId, SOURCES_LIST);
    await fills.onTabUpdated(cloud.tabId);
    expect(world.savedState()).toEqual([
      { tabId: cloud.tabId, origin: CLOUD.origin, feedKey: 'feed-a', deadline: START + PENDING_FILL_TIMEOUT_MS, hinted: true },
      { tabId: onPrem.tabId, origin: ON_PREM.origin, feedKey: 'feed-b', deadline: START + PENDING_FILL_TIMEOUT_MS, hinted: false },
    ]);
    world.navigate(onPrem.tabId, ON_PREM.addSourceUrl);
    await fills.onTabUpdated(onPrem.tabId);
    expect(world.filled).toEqual([[onPrem.tabId, ON_PREM.origin, 'feed-b']]);
  });

  it('of a tab whose id the browser hands out again are replaced by the new click’s', async () => {
    const { world, deps } = fakeWorld();
    const fills = createPendingFills(deps);
    const first = await fills.start({ gateway: CLOUD, feedKey: 'feed-a' });
    if (!first.ok) throw new Error('the gateway was refused');
    // The tab was closed while the service worker slept, and its id comes back for the next tab.
    const openTab = deps.openTab;
    deps.openTab = async (url, beside) => (await openTab(url, beside), first.tabId);
    const second = await fills.start({ gateway: ON_PREM, feedKey: 'feed-b' });
    expect(second).toEqual({ ok: true, tabId: first.tabId, deadline: START + PENDING_FILL_TIMEOUT_MS });
    expect(world.savedState()).toEqual([{ tabId: first.tabId, origin: ON_PREM.origin, feedKey: 'feed-b', deadline: START + PENDING_FILL_TIMEOUT_MS, hinted: false }]);
    world.navigate(first.tabId, ON_PREM.addSourceUrl);
    await fills.onTabUpdated(first.tabId);
    expect(world.filled).toEqual([[first.tabId, ON_PREM.origin, 'feed-b']]);
  });

  it('of one tab end without touching the other’s', async () => {
    const { world, deps } = fakeWorld();
    const fills = createPendingFills(deps);
    const first = await fills.start({ gateway: CLOUD, feedKey: 'feed-a' });
    const second = await fills.start({ gateway: CLOUD, feedKey: 'feed-b' });
    if (!first.ok || !second.ok) throw new Error('a gateway was refused');
    world.close(first.tabId);
    await fills.onTabRemoved(first.tabId);
    world.navigate(second.tabId, CLOUD.addSourceUrl);
    await fills.onTabUpdated(second.tabId);
    expect(world.filled).toEqual([[second.tabId, CLOUD.origin, 'feed-b']]);
  });

  it('are not touched, nor storage written, by the updates of other tabs', async () => {
    const { world, fills, tabId } = await clickAddTo();
    const saves = world.saves;
    world.navigate(CONSOLE_TAB, 'https://xdr.us.security.cisco.com/feeds');
    await fills.onTabUpdated(CONSOLE_TAB);
    await fills.onTabRemoved(CONSOLE_TAB);
    expect(world.saves).toBe(saves);
    expect(world.inspected).toEqual([]);
    expect(world.savedState()).toEqual([{ tabId, origin: CLOUD.origin, feedKey: 'feed-a', deadline: START + PENDING_FILL_TIMEOUT_MS, hinted: false }]);
  });

  it.each([
    ['nothing', undefined],
    ['a string', 'garbage'],
    ['an entry missing its origin', [{ tabId: 100, feedKey: 'feed-a', deadline: START + 1000, hinted: false }]],
  ])('read as none waiting, and left as they are, when the saved state holds %s', async (_, state) => {
    const { world, deps } = fakeWorld();
    if (state !== undefined) world.setSavedState(state);
    world.navigate(100, CLOUD.addSourceUrl);
    await createPendingFills(deps).onTabUpdated(100);
    expect(world.filled).toEqual([]);
    expect(world.inspected).toEqual([]);
    // Every tab event of the browser comes here: one with nothing to do writes nothing.
    expect(world.saves).toBe(0);
  });
});
