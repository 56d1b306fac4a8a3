import { cleanup, fireEvent, waitFor, within } from '@testing-library/preact';
import { english } from '../support/english';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createFeedCapture } from '@/utils/capture/feed-capture';

import type { Request } from '@/utils/protocol/messages';
import { readCopiedSelection } from '@/utils/capture/copied-selection';
import { FEED_IDS, SECRETS, feedUrl } from '../support/feeds';
import { loadSite, renderTemplate } from './load-site';

const FEEDS_LIST = 'xdr.us.security.cisco.com/intelligence/feeds';
const PHISHING_URL =
  'https://private.intel.amp.cisco.com/ctia/feed/feed-8f2b1c3e-5d4a-4e6f-9a7b-1c2d3e4f5a6b/view.txt?s=0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const C2_URL =
  'https://private.intel.amp.cisco.com/ctia/feed/feed-1e0c9d8b-7a6f-4e5d-8c4b-3a2f1e0d9c8b/view?s=f9e8d7c6-b5a4-4938-a7b6-c5d4e3f2a1b0';
const HASHES_URL =
  'https://private.intel.eu.amp.cisco.com/ctia/feed/feed-6c5d4e3f-2a1b-4c0d-9e8f-7a6b5c4d3e2f/view.txt?s=2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f';
const INDICATOR_URL =
  'https://private.intel.amp.cisco.com/ctia/feed/https%3A%2F%2Fprivate.intel.amp.cisco.com%3A443%2Fctia%2Ffeed%2Ffeed-5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d/view.txt?s=1b4e28ba-2fa1-41d2-883f-0016d3cca427';

interface Mounted {
  anchor: Element;
  notice: HTMLElement;
  ui: { update: ReturnType<typeof vi.fn>; remove: ReturnType<typeof vi.fn> };
}

let mounted: Mounted[];
let clipboard: string[];
/** The background's answer: kept under the feed's id, chosen unless it was merely seen in page text. */
async function keep(message: Request<'capture-feed' | 'use-feed-note' | 'add-to-gateway'>): Promise<unknown> {
  if (message.type !== 'capture-feed') return { ok: true };
  const feedId = /feed-[0-9a-f-]{36}/.exec(decodeURIComponent(message.url))![0];
  return { ok: true, key: feedId, outcome: 'saved', listedOnly: message.source === 'page', gateways: [], withheld: false };
}
const send = vi.fn(keep);
const writeClipboard = vi.fn(async (text: string) => {
  clipboard.push(text);
});
/** Renders each notice into a detached element instead of the page, and records where it was meant to go. */
const mount = vi.fn(async (anchor: Element, content: HTMLElement) => {
  const notice = document.createElement('div');
  notice.append(content);
  const ui = { update: vi.fn((next: HTMLElement) => notice.replaceChildren(next)), remove: vi.fn() };
  mounted.push({ anchor, notice, ui });
  return ui;
});

/** What the browser says when the background is away (a worker restarting, an extension reloading). */
const NO_RECEIVER = 'Could not establish connection. Receiving end does not exist.';

/** Lets the background's answers and the notices drawn from them land. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

/** The feeds list with the phishing feed's drawer open and its URL field scanned once. */
function phishingFieldScanned() {
  loadSite(FEEDS_LIST);
  const capture = newCapture();
  const field = openDrawer('phishing').querySelector<HTMLInputElement>('input.feed-url')!;
  capture.scan([field]);
  return { capture, field };
}

/** As phishingFieldScanned, once the background's answer and the field's notice have landed. */
async function phishingFieldNoted() {
  const scanned = phishingFieldScanned();
  await settle();
  return scanned;
}

/** A single-page app may keep the drawer's elements and change only their values. */
function pageShowsInstead(field: HTMLInputElement, url: string) {
  field.setAttribute('value', url);
  field.value = url;
}

/** The promise rejections nobody handled while `run` ran. */
async function unhandledRejectionsDuring(run: () => Promise<void>): Promise<unknown[]> {
  const unhandled: unknown[] = [];
  const hear = (reason: unknown) => unhandled.push(reason);
  process.on('unhandledRejection', hear);
  try {
    await run();
  } finally {
    process.off('unhandledRejection', hear);
  }
  return unhandled;
}

/** A click as the person makes it: the page's own scripted clicks are not trusted. */
function personClicks(element: Element) {
  const click = new MouseEvent('click', { bubbles: true, cancelable: true });
  Object.defineProperty(click, 'isTrusted', { value: true });
  element.dispatchEvent(click);
}

function newCapture() {
  return createFeedCapture({ send, mount, writeClipboard });
}

/** The person copies the phishing drawer's URL: the note beside the field is the one that offers actions. */
async function personCopiesPhishing(capture = newCapture()): Promise<Mounted> {
  const field = openDrawer('phishing').querySelector('input.feed-url')!;
  capture.captureCopy(PHISHING_URL, field);
  await settle();
  return mounted.at(-1)!;
}

/** Opens a drawer of the Feeds list, as a click on its title does; returns the rendered drawer. */
function openDrawer(name: string): Element {
  return renderTemplate(`drawer-${name}`, document.getElementById('drawer-host')!).firstElementChild!;
}

beforeEach(() => {
  document.body.replaceChildren();
  mounted = [];
  clipboard = [];
  send.mockReset().mockImplementation(keep);
  writeClipboard.mockClear();
  mount.mockClear();
});
afterEach(cleanup);

describe('feed capture from the page', () => {
  it.each<[string, string, () => Element, string, Request<'capture-feed'>]>([
    [
      'the phishing drawer',
      FEEDS_LIST,
      () => openDrawer('phishing'),
      'input.feed-url',
      { type: 'capture-feed', url: PHISHING_URL, title: 'Phishing domains', output: 'observables', source: 'page' },
    ],
    [
      'the c2 drawer',
      FEEDS_LIST,
      () => openDrawer('c2'),
      'code.feed-url-text',
      { type: 'capture-feed', url: C2_URL, title: 'C2 IP addresses', output: 'judgements', source: 'page' },
    ],
    [
      'the indicator’s Feeds section',
      'visibility.amp.cisco.com/intelligence/indicators',
      () => renderTemplate('feeds-panel-content', document.getElementById('feeds-panel')!).firstElementChild!,
      'a',
      { type: 'capture-feed', url: INDICATOR_URL, title: 'Phishing kit domains (EU gateways)', output: 'observables', source: 'page' },
    ],
  ])('sends %s’s feed once, with its title, Output and how it was seen, and puts one notice beside the URL once kept', async (_, site, open, anchor, message) => {
    loadSite(site);
    const capture = newCapture();
    capture.scan([document.documentElement]);
    expect(send).not.toHaveBeenCalled();
    expect(mount).not.toHaveBeenCalled();

    const added = open();
    capture.scan([added]);
    expect(send.mock.calls).toEqual([[message]]);
    // Nothing is drawn before the background has answered.
    expect(mount).not.toHaveBeenCalled();
    await settle();
    expect(mounted.map((m) => m.anchor)).toEqual([document.querySelector(anchor)]);

    capture.scan([added]);
    capture.scan([document.documentElement]);
    await settle();
    expect(send).toHaveBeenCalledTimes(1);
    expect(mount).toHaveBeenCalledTimes(1);
  });

  it('sends nothing more when the drawer is rendered again, and moves its notice to the new URL', async () => {
    loadSite(FEEDS_LIST);
    const capture = newCapture();
    capture.scan([openDrawer('phishing')]);
    await settle();
    const first = mounted[0]!;

    capture.scan([openDrawer('phishing')]);
    await settle();
    expect(send).toHaveBeenCalledTimes(1);
    expect(mounted).toHaveLength(2);
    expect(mounted[1]!.anchor).toBe(document.querySelector('input.feed-url'));
    expect(mounted[1]!.anchor).not.toBe(first.anchor);
    await waitFor(() => expect(first.ui.remove).toHaveBeenCalledTimes(1));
    expect(mounted[1]!.ui.remove).not.toHaveBeenCalled();
  });

  it('removes the notice of a drawer that was closed', async () => {
    loadSite(FEEDS_LIST);
    const capture = newCapture();
    capture.scan([openDrawer('c2')]);
    await settle();
    document.getElementById('drawer-host')!.replaceChildren();
    capture.scan([]);
    await waitFor(() => expect(mounted[0]!.ui.remove).toHaveBeenCalledTimes(1));
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('alerts in the c2 notice that the gateway rejects Judgements, and only that', async () => {
    loadSite(FEEDS_LIST);
    newCapture().scan([openDrawer('c2')]);
    await settle();
    const notice = within(mounted[0]!.notice);
    expect(notice.getAllByRole('alert').map((a) => a.textContent)).toEqual([english('judgementsOutput')]);
    expect(notice.getByRole('alert').textContent).toBe(english('judgementsOutput'));
  });

  it('has no alert in the phishing notice of the person’s copy, and offers its Copy buttons', async () => {
    loadSite(FEEDS_LIST);
    const notice = within((await personCopiesPhishing()).notice);
    expect(notice.queryByRole('alert')).toBeNull();
    expect(notice.getByText('✓ Feed captured for the email gateway (ETF Autofill)')).toBeTruthy();
    expect(notice.getAllByRole('button').map((b) => b.textContent)).toEqual([
      'Copy Hostname',
      'Copy Polling Path',
      'Copy Collection Name',
    ]);
  });

  it.each([
    ['Copy Hostname', 'Hostname', 'private.intel.amp.cisco.com'],
    ['Copy Polling Path', 'Polling Path', `/ctia/feed/${FEED_IDS[0]}/view`],
    ['Copy Collection Name', 'Collection Name', SECRETS[0]],
  ])('%s in the notice writes the value to the clipboard, says so, and makes the feed the chosen one', async (button, label, value) => {
    loadSite(FEEDS_LIST);
    const { notice } = await personCopiesPhishing();
    personClicks(within(notice).getByRole('button', { name: button }));
    await waitFor(() => expect(within(notice).getByRole('status').textContent).toBe(`${label} copied.`));
    expect(clipboard).toEqual([value]);
    expect(send.mock.calls.at(-1)).toEqual([{ type: 'use-feed-note', key: FEED_IDS[0] }]);
  });

  it('Add to in the notice of the person’s copy asks the background to add that feed to that gateway, and says where to confirm', async () => {
    send.mockImplementation(async (message) => (message.type === 'capture-feed' ? { ...((await keep(message)) as object), gateways: ['https://esa.corp.example', 'https://dh1234-esa1.iphmx.com'] } : { ok: true }));
    loadSite(FEEDS_LIST);
    const { notice } = await personCopiesPhishing();
    personClicks(within(notice).getByRole('button', { name: 'Add to esa.corp.example' }));
    await waitFor(() => expect(within(notice).getByRole('status').textContent).toBe(english('addToConfirmInWindow')));
    // The page's side carries the feed's key and the gateway, never the secret.
    expect(send.mock.calls.at(-1)).toEqual([{ type: 'add-to-gateway', key: FEED_IDS[0], origin: 'https://esa.corp.example' }]);
  });

  it('ignores a click the page makes on the notice’s buttons: nothing copied, nothing chosen', async () => {
    loadSite(FEEDS_LIST);
    const { notice } = await personCopiesPhishing();
    fireEvent.click(within(notice).getByRole('button', { name: 'Copy Collection Name' }));
    within(notice).getByRole<HTMLButtonElement>('button', { name: 'Copy Hostname' }).click();
    await settle();
    expect(clipboard).toEqual([]);
    expect(send.mock.calls.map(([message]) => message.type)).toEqual(['capture-feed']);
  });

  it.each<[string, unknown, string]>([
    ['only listed, for a URL seen in page text', { ok: true, key: FEED_IDS[0], outcome: 'saved', listedOnly: true }, english('noticeSeenOnly')],
    ['kept beside another secret', { ok: true, key: `${FEED_IDS[0]}~2`, outcome: 'side-by-side', listedOnly: true }, english('noticeSideBySide')],
    ['not kept, and why', { ok: false, error: { code: 'unrecognized-host', message: 'Only feeds on Cisco hosts.' } }, english('noticeNotKept', 'Only feeds on Cisco hosts.')],
  ])('says what the background did: %s', async (_, reply, heading) => {
    send.mockImplementation(async () => reply);
    loadSite(FEEDS_LIST);
    const bare = document.createElement('p');
    bare.textContent = PHISHING_URL;
    document.body.append(bare);
    newCapture().scan([bare]);
    await settle();
    expect(mounted[0]!.notice.querySelector('.title')!.textContent).toBe(heading);
  });

  it('never writes the secret into the notice', async () => {
    loadSite(FEEDS_LIST);
    const { notice } = await personCopiesPhishing();
    expect(notice.innerHTML).not.toContain(SECRETS[0]);
    personClicks(within(notice).getByRole('button', { name: 'Copy Collection Name' }));
    await waitFor(() => expect(within(notice).getByRole('status').textContent).toBe('Collection Name copied.'));
    expect(clipboard).toEqual([SECRETS[0]]);
    expect(notice.textContent).not.toContain(SECRETS[0]);
    expect(notice.innerHTML).not.toContain(SECRETS[0]);
  });

  it('says how else to copy when the browser refuses the clipboard', async () => {
    writeClipboard.mockRejectedValueOnce(new DOMException('Document is not focused.', 'NotAllowedError'));
    loadSite(FEEDS_LIST);
    const { notice } = await personCopiesPhishing();
    personClicks(within(notice).getByRole('button', { name: 'Copy Hostname' }));
    await waitFor(() => expect(within(notice).getByRole('status').textContent).toBe(
      'The browser refused the clipboard: use the ETF Autofill toolbar button instead.',
    ));
  });

  it('sends nothing for the hashes drawer, whose URL is drawn in pieces', () => {
    loadSite(FEEDS_LIST);
    newCapture().scan([openDrawer('hashes')]);
    expect(send).not.toHaveBeenCalled();
    expect(mount).not.toHaveBeenCalled();
  });

  it('tries again on the next scan when sending failed', async () => {
    send.mockRejectedValueOnce(new Error(NO_RECEIVER));
    loadSite(FEEDS_LIST);
    const capture = newCapture();
    const drawer = openDrawer('phishing');
    capture.scan([drawer]);
    await expect(send.mock.results[0]!.value).rejects.toThrow('Could not establish connection');

    await settle();
    expect(mount).not.toHaveBeenCalled();
    capture.scan([drawer]);
    capture.scan([drawer]);
    await settle();
    const message = { type: 'capture-feed', url: PHISHING_URL, title: 'Phishing domains', output: 'observables', source: 'page' };
    expect(send.mock.calls).toEqual([[message], [message]]);
    expect(mount).toHaveBeenCalledTimes(1);
  });

  it('gives a URL field that now shows another feed that feed’s notice', async () => {
    const { capture, field } = await phishingFieldNoted();
    pageShowsInstead(field, feedUrl(2));
    capture.scan([field]);
    expect(send.mock.calls.map(([message]) => 'url' in message && message.url)).toEqual([PHISHING_URL, feedUrl(2)]);

    const shown = mounted.filter((m) => m.anchor === field && m.ui.remove.mock.calls.length === 0);
    expect(shown).toHaveLength(1);
    // The notice is redrawn once its mount has settled.
    await waitFor(() => expect(shown[0]!.ui.update).toHaveBeenCalledTimes(1));
    // The person copies the URL the field now shows: its note offers that feed's fields.
    capture.captureCopy(feedUrl(2), field);
    await waitFor(() => expect(shown[0]!.ui.update).toHaveBeenCalledTimes(2));
    personClicks(within(shown[0]!.notice).getByRole('button', { name: 'Copy Collection Name' }));
    await waitFor(() => expect(clipboard).toHaveLength(1));
    expect(clipboard).toEqual([SECRETS[2]]);
  });

  it('redraws a reused field’s notice once for its new feed, however often the page shows it again', async () => {
    const { capture, field } = await phishingFieldNoted();
    pageShowsInstead(field, feedUrl(2));
    capture.scan([field]);
    await waitFor(() => expect(mounted[0]!.ui.update).toHaveBeenCalledTimes(1));

    capture.scan([field]);
    capture.scan([field]);
    await settle();
    expect(mounted).toHaveLength(1);
    expect(mounted[0]!.ui.update).toHaveBeenCalledTimes(1);
    expect(mounted[0]!.ui.remove).not.toHaveBeenCalled();
  });

  it('takes away the note of the feed a reused field showed when the background does not answer for its new feed, and draws the new one at the next scan', async () => {
    const { capture, field } = await phishingFieldNoted();
    send.mockRejectedValueOnce(new Error(NO_RECEIVER));
    pageShowsInstead(field, feedUrl(2));
    capture.scan([field]);
    // The note about the phishing feed, with its Copy buttons, no longer stands beside another feed's URL.
    await waitFor(() => expect(mounted[0]!.ui.remove).toHaveBeenCalledTimes(1));
    expect(mounted[0]!.ui.update).not.toHaveBeenCalled();

    capture.scan([field]);
    await waitFor(() => expect(mounted).toHaveLength(2));
    expect(mounted[1]!.anchor).toBe(field);
    expect(send.mock.calls.map(([message]) => 'url' in message && message.url)).toEqual([PHISHING_URL, feedUrl(2), feedUrl(2)]);
  });

  it.each([
    ['came', false],
    ['failed too', true],
  ])('draws the note of a reused field’s new feed at the next scan when the answer about its old feed failed late and the one about the new feed %s, without an error', async (_, newFeedFails) => {
    let failFirst = (_: Error) => {};
    send.mockImplementationOnce(() => new Promise((_, reject) => (failFirst = reject)));
    if (newFeedFails) send.mockRejectedValueOnce(new Error(NO_RECEIVER));
    const unhandled = await unhandledRejectionsDuring(async () => {
      // The page shows another feed in the field before the background has answered about the first.
      const { capture, field } = phishingFieldScanned();
      pageShowsInstead(field, feedUrl(2));
      capture.scan([field]);
      failFirst(new Error(NO_RECEIVER));
      await settle();
      await settle();
      expect(mount).not.toHaveBeenCalled();
      capture.scan([field]);
      await waitFor(() => expect(mounted).toHaveLength(1));
      expect(mounted[0]!.anchor).toBe(field);
    });
    expect(unhandled).toEqual([]);
  });

  it('lets a notice the background never answered leave with its element, without an error', async () => {
    send.mockRejectedValueOnce(new Error(NO_RECEIVER));
    const unhandled = await unhandledRejectionsDuring(async () => {
      loadSite(FEEDS_LIST);
      const capture = newCapture();
      capture.scan([openDrawer('phishing')]);
      // The drawer closes before the background has answered.
      document.getElementById('drawer-host')!.replaceChildren();
      capture.scan([]);
      await settle();
      await settle();
      expect(mount).not.toHaveBeenCalled();
    });
    expect(unhandled).toEqual([]);
  });

  it.each<[string, () => Element]>([
    ['the Feed Details drawer', () => openDrawer('phishing')],
    [
      'a look-alike Feed Details view an outsider wrote in a note',
      () => {
        const note = document.createElement('div');
        note.innerHTML = `<div role="dialog" aria-label="Feed Details"><dl><dt>Title</dt><dd>Phishing domains</dd><dt>Output</dt><dd>Observables</dd><dt>Feed URL</dt><dd>${feedUrl(2)}</dd></dl></div>`;
        document.body.append(note);
        return note;
      },
    ],
    [
      'an invisible overlay over the whole page',
      () => {
        const overlay = document.createElement('div');
        overlay.setAttribute('style', 'position:fixed;inset:0;opacity:0.01');
        overlay.textContent = feedUrl(2);
        document.body.append(overlay);
        return overlay;
      },
    ],
  ])('sends a URL shown in %s as only seen, and its note offers no action', async (_, shown) => {
    loadSite(FEEDS_LIST);
    newCapture().scan([shown()]);
    await settle();
    expect(send.mock.calls.map(([message]) => 'source' in message && message.source)).toEqual(['page']);
    expect(mounted).toHaveLength(1);
    expect(within(mounted[0]!.notice).queryAllByRole('button')).toEqual([]);
    expect(mounted[0]!.notice.querySelector('.title')!.textContent).toBe(english('noticeSeenOnly'));
  });

  it('draws the note of the person’s copy where the page shows that URL: one note, now with its actions', async () => {
    loadSite(FEEDS_LIST);
    const capture = newCapture();
    const field = openDrawer('phishing').querySelector('input.feed-url')!;
    capture.scan([field]);
    await settle();
    capture.captureCopy(PHISHING_URL, document.querySelector('button.copy-url')!);
    await waitFor(() => expect(mounted[0]!.ui.update).toHaveBeenCalledTimes(1));
    expect(mounted.map((m) => m.anchor)).toEqual([field]);
    expect(within(mounted[0]!.notice).getAllByRole('button').map((b) => b.textContent)).toEqual(['Copy Hostname', 'Copy Polling Path', 'Copy Collection Name']);
  });

  it('draws the note of a copy beside what the person pressed when the page does not show the URL', async () => {
    loadSite(FEEDS_LIST);
    const button = openDrawer('phishing').querySelector('button.copy-url')!;
    newCapture().captureCopy(feedUrl(2), button);
    await settle();
    expect(mounted.map((m) => m.anchor)).toEqual([button]);
  });

  it('draws the note of a copy beside what the person pressed, not beside the note of another feed the page shows', async () => {
    loadSite(FEEDS_LIST);
    const capture = newCapture();
    const drawer = openDrawer('phishing');
    capture.scan([drawer]);
    await settle();
    const button = drawer.querySelector('button.copy-url')!;
    capture.captureCopy(feedUrl(2), button);
    await settle();
    expect(mounted).toHaveLength(2);
    expect(mounted[0]!.anchor).toBe(drawer.querySelector('input.feed-url'));
    expect(mounted[1]!.anchor).toBe(button);
    expect(mounted[0]!.ui.update).not.toHaveBeenCalled();
  });

  it('adds no note where the page draws a URL after the person copied it elsewhere', async () => {
    loadSite(FEEDS_LIST);
    const capture = newCapture();
    const drawer = openDrawer('phishing');
    const button = drawer.querySelector('button.copy-url')!;
    capture.captureCopy(PHISHING_URL, button);
    await settle();
    capture.scan([drawer]);
    await settle();
    expect(mounted.map((m) => m.anchor)).toEqual([button]);
  });

  it('keeps the actions of the person’s copy when the page draws the same URL again', async () => {
    loadSite(FEEDS_LIST);
    const capture = newCapture();
    const { anchor, notice } = await personCopiesPhishing(capture);
    capture.scan([anchor]);
    await settle();
    expect(mounted).toHaveLength(1);
    expect(within(notice).getAllByRole('button').map((b) => b.textContent)).toEqual(['Copy Hostname', 'Copy Polling Path', 'Copy Collection Name']);
  });

  it('sends the feed again when the page tells more of it than before', async () => {
    loadSite(FEEDS_LIST);
    const capture = newCapture();
    const bare = document.createElement('p');
    bare.textContent = PHISHING_URL;
    document.body.append(bare);
    capture.scan([bare]);
    capture.scan([openDrawer('phishing')]);
    expect(send.mock.calls).toEqual([
      [{ type: 'capture-feed', url: PHISHING_URL, title: undefined, output: undefined, source: 'page' }],
      [{ type: 'capture-feed', url: PHISHING_URL, title: 'Phishing domains', output: 'observables', source: 'page' }],
    ]);
    await settle();
    expect(mounted.map((m) => m.anchor)).toEqual([bare, document.querySelector('input.feed-url')]);
  });
});

describe('feed capture from a copy', () => {
  it('sends the feed whose URL the hashes drawer draws in pieces, from the copied text', async () => {
    loadSite(FEEDS_LIST);
    const capture = newCapture();
    const drawer = openDrawer('hashes');
    capture.scan([drawer]);
    const pieces = drawer.querySelector('dd.url-pieces')!;
    capture.captureCopy(pieces.textContent!, pieces);
    expect(send.mock.calls).toEqual([
      [{ type: 'capture-feed', url: HASHES_URL, title: 'Malware hashes', output: 'observables', source: 'copy' }],
    ]);
    await settle();
    expect(mounted.map((m) => m.anchor)).toEqual([pieces]);
    expect(mounted[0]!.anchor).toBe(pieces);
    expect(within(mounted[0]!.notice).queryByRole('alert')).toBeNull();

    capture.captureCopy(pieces.textContent!, pieces);
    await settle();
    expect(send).toHaveBeenCalledTimes(1);
    expect(mount).toHaveBeenCalledTimes(1);
  });

  it('leaves the note of the person’s copy as it was, its status too, when they copy the same URL again', async () => {
    loadSite(FEEDS_LIST);
    const capture = newCapture();
    const { anchor, notice, ui } = await personCopiesPhishing(capture);
    personClicks(within(notice).getByRole('button', { name: 'Copy Hostname' }));
    await waitFor(() => expect(within(notice).getByRole('status').textContent).toBe('Hostname copied.'));

    capture.captureCopy(PHISHING_URL, anchor);
    await settle();
    expect(within(notice).getByRole('status').textContent).toBe('Hostname copied.');
    expect(ui.update).not.toHaveBeenCalled();
    expect(mounted).toHaveLength(1);
  });

  it('redraws the note of the person’s copy with the Output the page now tells, when they copy the URL again', async () => {
    loadSite(FEEDS_LIST);
    const capture = newCapture();
    const { anchor, notice, ui } = await personCopiesPhishing(capture);
    expect(within(notice).queryByRole('alert')).toBeNull();
    // The person sets the feed's Output to Judgments in the console, then copies its URL again.
    const labels = [...anchor.closest('dl')!.querySelectorAll('dt')];
    labels.find((dt) => dt.textContent === 'Output')!.nextElementSibling!.textContent = 'Judgments';
    capture.captureCopy(PHISHING_URL, anchor);
    await waitFor(() => expect(ui.update).toHaveBeenCalledTimes(1));
    expect(within(notice).getAllByRole('alert').map((a) => a.textContent)).toEqual([english('judgementsOutput')]);
    expect(within(notice).getAllByRole('button').map((b) => b.textContent)).toEqual(['Copy Hostname', 'Copy Polling Path', 'Copy Collection Name']);
    expect(mounted).toHaveLength(1);
  });

  it('reads the selection of the pieces as the whole URL, in their dd', () => {
    loadSite(FEEDS_LIST);
    const pieces = openDrawer('hashes').querySelector('dd.url-pieces')!;
    const range = document.createRange();
    range.selectNodeContents(pieces);
    document.getSelection()!.removeAllRanges();
    document.getSelection()!.addRange(range);
    const copied = readCopiedSelection(document);
    expect(copied.text).toBe(HASHES_URL);
    expect(copied.element).toBe(pieces);

    newCapture().captureCopy(copied.text, copied.element!);
    expect(send.mock.calls).toEqual([
      [{ type: 'capture-feed', url: HASHES_URL, title: 'Malware hashes', output: 'observables', source: 'copy' }],
    ]);
    document.getSelection()!.removeAllRanges();
  });

  it('reads the selected part of the phishing drawer’s URL field', () => {
    loadSite(FEEDS_LIST);
    const field = openDrawer('phishing').querySelector<HTMLInputElement>('input.feed-url')!;
    field.focus();
    field.setSelectionRange(0, field.value.length);
    expect(readCopiedSelection(document)).toEqual({ text: PHISHING_URL, element: field });
    expect(readCopiedSelection(document).element).toBe(field);
    field.blur();
  });

  it.each<[string, string]>([
    ['a URL that is not a feed', 'https://xdr.us.security.cisco.com/intelligence/feeds'],
    ['the feed path without a feed', 'https://private.intel.amp.cisco.com/ctia/feed/'],
    ['a feed URL without its secret', PHISHING_URL.replace(/\?s=.*/, '')],
    ['a feed-shaped URL on another host (an observable, say)', feedUrl(0, 'phish.example')],
  ])('sends nothing for a copy of %s', (_, text) => {
    loadSite(FEEDS_LIST);
    openDrawer('hashes');
    newCapture().captureCopy(text, document.querySelector('dd')!);
    expect(send).not.toHaveBeenCalled();
    expect(mount).not.toHaveBeenCalled();
  });
});
