import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createGatewayOpener } from '@/utils/add-to-gateway/gateway-opener';
import type { KnownGateway } from '@/utils/gateways/known-gateways';
import { FEED_IDS, SECRETS, storedFeed } from '../support/feeds';

const GATEWAY: KnownGateway = {
  origin: 'https://dh1234-esa1.iphmx.com',
  addSourceUrl: 'https://dh1234-esa1.iphmx.com/mail_policies/etf/add_source/',
  setBy: 'person',
  filledAt: 1,
};

/** The calls the extension makes into the page (after injecting its script), answered as a page showing the form does. */
function pageShowingTheForm(): unknown[][] {
  const calls: unknown[][] = [];
  fakeBrowser.scripting.executeScript = vi.fn(async (injection: { files?: string[]; args?: unknown[] }) => {
    if (injection.files) return [{ frameId: 0, result: undefined }];
    calls.push(injection.args!);
    const answers: Record<string, unknown> = { inspect: { ok: true }, fill: { ok: true, fields: [{ key: 'hostname', outcome: 'filled' }], submitFocused: false } };
    return [{ frameId: 0, result: answers[injection.args![0] as string] }];
  }) as never;
  return calls;
}

beforeEach(async () => {
  fakeBrowser.reset();
  await fakeBrowser.windows.create({ focused: true });
  fakeBrowser.permissions.contains = vi.fn(async () => true) as never;
});

describe('"Add to <gateway>" in the browser', () => {
  it('fills the form in the tab it opened, bound to the gateway, leaving focus off Submit: the person has not looked at it yet', async () => {
    await fakeBrowser.storage.session.set({ feeds: [storedFeed(0)] });
    const calls = pageShowingTheForm();
    const opener = createGatewayOpener();
    const started = await opener.start({ gateway: GATEWAY, feedKey: FEED_IDS[0] });
    if (!started.ok) throw new Error('the gateway was refused');
    await opener.onTabUpdated(started.tabId);
    const fills = calls.filter(([call]) => call === 'fill');
    expect(fills).toEqual([['fill', { values: expect.objectContaining({ collectionName: SECRETS[0] }), focusSubmit: false }, GATEWAY.origin]]);
  });
});
