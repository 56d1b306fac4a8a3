import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ADD_TO_REQUEST_TTL_MS, saveAddToRequest, takeAddToRequest } from '@/utils/add-to-gateway/add-to-confirmation';
import { FEED_IDS } from '../support/feeds';

const GATEWAY = 'https://dh1234-esa1.iphmx.com';
const ids = (n: number) => () => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

beforeEach(() => fakeBrowser.reset());

describe('a console’s Add to, waiting for the person’s confirmation', () => {
  it('is taken once, and gone after', async () => {
    const saved = await saveAddToRequest({ key: FEED_IDS[0], origin: GATEWAY, besideTabId: 3 }, 1_000, ids(1));
    expect(saved).toEqual({ id: ids(1)(), key: FEED_IDS[0], origin: GATEWAY, besideTabId: 3, expires: 1_000 + ADD_TO_REQUEST_TTL_MS });
    expect(await takeAddToRequest(saved.id, 2_000)).toEqual(saved);
    expect(await takeAddToRequest(saved.id, 2_000)).toBeUndefined();
  });

  it('expires: a window left open for long confirms nothing', async () => {
    const early = await saveAddToRequest({ key: FEED_IDS[0], origin: GATEWAY }, 1_000, ids(1));
    const late = await saveAddToRequest({ key: FEED_IDS[0], origin: GATEWAY }, 1_000, ids(2));
    expect(await takeAddToRequest(early.id, 1_000 + ADD_TO_REQUEST_TTL_MS - 1)).toEqual(early);
    expect(await takeAddToRequest(late.id, 1_000 + ADD_TO_REQUEST_TTL_MS)).toBeUndefined();
  });

  it('keeps the five newest: a page cannot pile requests up', async () => {
    for (let n = 1; n <= 7; n++) await saveAddToRequest({ key: FEED_IDS[0], origin: GATEWAY }, n, ids(n));
    const waiting: boolean[] = [];
    for (let n = 1; n <= 7; n++) waiting.push((await takeAddToRequest(ids(n)(), 10)) !== undefined);
    expect(waiting).toEqual([false, false, true, true, true, true, true]);
  });

  it('is still known after the service worker stopped: it waits in session storage', async () => {
    const waiting = { id: ids(1)(), key: FEED_IDS[0], origin: GATEWAY, expires: 1_000 + ADD_TO_REQUEST_TTL_MS };
    await fakeBrowser.storage.session.set({ addToRequests: [waiting] });
    expect(await takeAddToRequest(waiting.id, 2_000)).toEqual(waiting);
  });

  it.each([
    ['text before it', `x${ids(1)()}`],
    ['text after it', `${ids(1)()}x`],
  ])('refuses a stored request whose id has %s', async (_, id) => {
    await fakeBrowser.storage.session.set({ addToRequests: [{ id, key: FEED_IDS[0], origin: GATEWAY, expires: 99 }] });
    expect(await takeAddToRequest(id, 1)).toBeUndefined();
  });

  it('reads broken storage as no request', async () => {
    await fakeBrowser.storage.session.set({ addToRequests: [{ id: ids(1)(), key: 'not a key', origin: GATEWAY, expires: 99 }] });
    expect(await takeAddToRequest(ids(1)(), 1)).toBeUndefined();
    await fakeBrowser.storage.session.set({ addToRequests: 'garbage' });
    expect(await takeAddToRequest(ids(1)(), 1)).toBeUndefined();
  });
});
