import { cleanup, within } from '@testing-library/preact';
import { english } from '../support/english';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { capturedFeedNote, judgementsFormAlert } from '@/utils/capture/in-page-notes';
import { mountInPage } from '@/utils/in-page/mount-in-page';
import { watchPage } from '@/utils/capture/watch-page';
import { shadowRootOf } from './shadow-roots';

let ctx: ContentScriptContext;

/** Lets the MutationObserver deliver what was queued so far (it reports in a microtask). */
const mutationsDelivered = () => new Promise<void>((resolve) => queueMicrotask(resolve));

beforeEach(() => {
  fakeBrowser.reset();
  document.body.replaceChildren();
  ctx = new ContentScriptContext('cisco');
});
afterEach(() => {
  ctx.abort();
  vi.useRealTimers();
  cleanup();
});

describe('mountInPage', () => {
  it('shows the node right after the anchor in a closed shadow root, until removed or invalidated', async () => {
    const anchor = document.createElement('p');
    const next = document.createElement('p');
    document.body.append(anchor, next);

    const ui = await mountInPage(ctx, anchor, judgementsFormAlert());
    const host = anchor.nextElementSibling!;
    expect(host.tagName.toLowerCase()).toBe('etf-autofill-notice');
    expect(host.nextElementSibling).toBe(next);
    expect(host.shadowRoot).toBeNull();
    const shadow = shadowRootOf(host);
    expect(shadow.mode).toBe('closed');
    expect(host.childNodes).toHaveLength(0);
    expect(within(shadow.querySelector('div')!).getByRole('alert').textContent).toBe(english('judgementsForm'));
    // The page's styles stop at the host (vitest leaves in-page.css itself empty: it does not process CSS).
    expect(shadow.querySelector('style')!.textContent).toContain(':host{all:initial !important;}');

    ui.update(capturedFeedNote({ heading: 'captured', alerts: [], onCopy: async () => {} }));
    // The new content takes the old one's place.
    expect(shadow.querySelectorAll('div.etf-notice')).toHaveLength(1);
    expect(within(shadow.querySelector('div')!).queryByRole('alert')).toBeNull();
    expect(within(shadow.querySelector('div')!).getByText('✓ Feed captured for the email gateway (ETF Autofill)')).toBeTruthy();

    ui.remove();
    expect(anchor.nextElementSibling).toBe(next);
    expect(document.querySelectorAll('etf-autofill-notice')).toHaveLength(0);

    await mountInPage(ctx, anchor, judgementsFormAlert());
    await mountInPage(ctx, next, judgementsFormAlert());
    expect(document.querySelectorAll('etf-autofill-notice')).toHaveLength(2);
    ctx.notifyInvalidated();
    expect(document.querySelectorAll('etf-autofill-notice')).toHaveLength(0);
    expect([...document.body.children]).toEqual([anchor, next]);
  });

  it('keeps the page out of a note: no shadow root, and no gateway host name in its host or the page’s text', async () => {
    const gateway = 'dh1234-esa1.iphmx.com';
    const anchor = document.createElement('p');
    document.body.append(anchor);
    const note = capturedFeedNote({ heading: 'captured', alerts: [], onCopy: async () => {}, gateways: [`https://${gateway}`], onAddTo: async () => {} });

    await mountInPage(ctx, anchor, note);
    const host = document.querySelector('etf-autofill-notice')!;
    // The note does name the gateway, where the person sees it.
    expect(within(shadowRootOf(host).querySelector('div')!).getByRole('button', { name: `Add to ${gateway}` })).toBeTruthy();
    expect(host.shadowRoot).toBeNull();
    expect(host.getAttributeNames()).toEqual([]);
    for (const readable of [document.documentElement.outerHTML, document.documentElement.textContent, document.body.innerText]) {
      expect(readable).not.toContain(gateway);
    }
  });
});

describe('watchPage', () => {
  it('reports the root at once, then the outermost nodes added in a burst, once, until invalidated', async () => {
    vi.useFakeTimers();
    const root = document.createElement('div');
    document.body.append(root);
    const onChange = vi.fn<(roots: Node[]) => void>();

    watchPage(ctx, root, onChange);
    expect(onChange).toHaveBeenCalledTimes(1);
    expect(onChange.mock.calls[0]![0]).toHaveLength(1);
    expect(onChange.mock.calls[0]![0][0]).toBe(root);

    const drawer = document.createElement('aside');
    const list = document.createElement('dl');
    const gone = document.createElement('p');
    const other = document.createElement('section');
    root.append(drawer);
    drawer.append(list);
    list.append(document.createElement('dt'), document.createElement('dd'));
    root.append(gone);
    gone.remove();
    root.append(other);
    await mutationsDelivered();
    vi.runOnlyPendingTimers();
    expect(onChange).toHaveBeenCalledTimes(2);
    expect(onChange.mock.calls[1]![0]).toHaveLength(2);
    expect(onChange.mock.calls[1]![0][0]).toBe(drawer);
    expect(onChange.mock.calls[1]![0][1]).toBe(other);

    // Changed text and watched attributes are reported as the node that changed.
    other.textContent = 'Judgments';
    const text = other.firstChild!;
    await mutationsDelivered();
    vi.runOnlyPendingTimers();
    text.nodeValue = 'Observables';
    drawer.setAttribute('aria-selected', 'true');
    drawer.setAttribute('class', 'open');
    await mutationsDelivered();
    vi.runOnlyPendingTimers();
    expect(onChange).toHaveBeenCalledTimes(4);
    expect(onChange.mock.calls[2]![0]).toHaveLength(1);
    expect(onChange.mock.calls[2]![0][0]).toBe(text);
    expect(onChange.mock.calls[3]![0]).toHaveLength(2);
    expect(onChange.mock.calls[3]![0][0]).toBe(text);
    expect(onChange.mock.calls[3]![0][1]).toBe(drawer);

    ctx.abort();
    root.append(document.createElement('p'));
    await mutationsDelivered();
    vi.runOnlyPendingTimers();
    expect(onChange).toHaveBeenCalledTimes(4);
  });
});
