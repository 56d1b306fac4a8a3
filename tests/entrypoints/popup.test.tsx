import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { english } from '../support/english';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { App, type AppProps } from '@/entrypoints/popup/App';
import { readFeeds } from '@/utils/feeds/feeds-store';
import { refreshPolicy } from '@/utils/options/options-store';
import { isForgettableGateway, knownGateways, rememberGateway } from '@/utils/gateways/known-gateways';
import { feedDestinations, recordDestination, type FeedDestination } from '@/utils/destinations/feed-destinations';

import type { StoredFeed } from '@/utils/feeds/stored-feed';
import { fillEtfForm, inspectEtfForm } from '@/utils/gateway/etf-form';
import { withWordedError } from '@/utils/i18n/describe-form-error';
import type { GatewayTab } from '@/utils/autofill/gateway-tab';
import type { TabClient } from '@/utils/protocol/background-client';
import { siteBody } from '../capture/load-site';
import { clearDestinations } from '../support/destinations-db';
import { askAs, popupClient, popupTab, testHandler } from '../support/background';
import { FEED_IDS, SECRETS, feedUrl, storedFeed } from '../support/feeds';
import { clearKnownGateways } from '../support/gateways-db';

// The background's clock runs after the example feeds' times, as a real one does.
const BACKGROUND_NOW = 2_000_000_000_000;
const background = testHandler({ now: () => BACKGROUND_NOW });
const { handleMessage } = background;
const feeds = popupClient(handleMessage);

let clipboard: string[];
const writeClipboard = vi.fn(async (text: string) => {
  clipboard.push(text);
});
const requestHostAccess = vi.fn(async (_origin: string) => true);

const CLOUD_GATEWAY = 'https://dh1234-esa1.iphmx.com/mail_policies/etf/add_source/';
/** The popup's tab; it shows no Add Source form unless a test puts one there. */
const TAB_ID = 1;

/** What a test may change of the popup's surroundings; the rest is a gateway tab no one filled before. */
interface PopupSurroundings {
  activeTab: TabClient;
  tabUrl: Promise<string | undefined>;
  hasHostAccess: (pattern: string) => Promise<boolean>;
  reachableGateways: () => Promise<string[]>;
  mayForgetGateway: (origin: string) => Promise<boolean>;
  forgetGateway: AppProps['gateways']['forget'];
  destinations: () => Promise<FeedDestination[]>;
  now: () => number;
}

function openPopup(surroundings: Partial<PopupSurroundings> = {}) {
  const { activeTab = popupTab(background, TAB_ID), tabUrl = Promise.resolve(CLOUD_GATEWAY), hasHostAccess = async () => true, reachableGateways = async () => [], mayForgetGateway = async () => false, forgetGateway = async () => ({ ok: true }), destinations = async () => [], now } = surroundings;
  return render(
    <App
      feeds={feeds}
      activeTab={{ form: activeTab, url: tabUrl }}
      gateways={{ reachable: reachableGateways, mayForget: mayForgetGateway, forget: forgetGateway, destinations }}
      hostAccess={{ has: hasHostAccess, request: requestHostAccess }}
      writeClipboard={writeClipboard}
      now={now}
    />,
  );
}

function paste(text: string) {
  fireEvent.input(screen.getByLabelText('Feed URL'), { target: { value: text } });
}

beforeEach(async () => {
  fakeBrowser.reset();
  background.tabs.clear();
  // The person's and the organisation's: forgetting leaves the organisation's.
  await clearKnownGateways();
  await clearDestinations();
  clipboard = [];
  background.checked.length = 0;
  background.access.current = true;
  requestHostAccess.mockClear();
  requestHostAccess.mockImplementation(async () => true);
});
afterEach(cleanup);

describe('popup', () => {
  it('splits a pasted URL into the three fields, the secret masked', async () => {
    openPopup();
    paste(`Feed URL: ${feedUrl(1, 'private.intel.eu.amp.cisco.com:443')}`);
    expect(screen.getByLabelText<HTMLInputElement>('Hostname').value).toBe('private.intel.eu.amp.cisco.com');
    expect(screen.getByLabelText<HTMLInputElement>('Polling Path').value).toBe(`/ctia/feed/${FEED_IDS[1]}/view`);
    const secret = screen.getByLabelText<HTMLInputElement>('Collection Name');
    expect(secret.value).toBe(SECRETS[1]);
    expect(secret.type).toBe('password');
    expect(screen.getByText('Removed ".txt" from the path: the gateway reads the feed\'s JSON view.')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Show Collection Name' }));
    expect(screen.getByLabelText<HTMLInputElement>('Collection Name').type).toBe('text');
    expect(screen.getByRole('button', { name: 'Show Collection Name' }).getAttribute('aria-pressed')).toBe('true');
  });

  it.each([
    ['Copy Hostname', 'Hostname', 'private.intel.amp.cisco.com'],
    ['Copy Polling Path', 'Polling Path', `/ctia/feed/${FEED_IDS[0]}/view`],
    ['Copy Collection Name', 'Collection Name', SECRETS[0]],
  ])('%s copies the real value and says so', async (button, label, value) => {
    openPopup();
    paste(feedUrl(0));
    fireEvent.click(screen.getByRole('button', { name: button }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe(`${label} copied to the clipboard.`));
    expect(clipboard).toEqual([value]);
    expect(screen.getByRole('button', { name: button }).textContent).toBe('Copied');
  });

  it('Copy all copies three "Label: value" lines', async () => {
    openPopup();
    paste(feedUrl(2));
    fireEvent.click(screen.getByRole('button', { name: 'Copy all' }));
    await waitFor(() => expect(clipboard).toEqual([
      `Hostname: private.intel.amp.cisco.com\nPolling Path: /ctia/feed/${FEED_IDS[2]}/view\nCollection Name: ${SECRETS[2]}`,
    ]));
  });

  it('says how to copy by hand when the clipboard is refused', async () => {
    writeClipboard.mockRejectedValueOnce(new DOMException('Document is not focused.', 'NotAllowedError'));
    openPopup();
    paste(feedUrl(0));
    fireEvent.click(screen.getByRole('button', { name: 'Copy Hostname' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe(
      'Could not copy Hostname: the browser refused the clipboard. Select the value and press Ctrl+C instead.',
    ));
    expect(screen.getByRole('button', { name: 'Copy Hostname' }).textContent).toBe('Copy');
  });

  it('shows the fixed gateway settings', () => {
    openPopup();
    const settings = within(screen.getByRole('region', { name: 'Also set on the gateway' }));
    expect(settings.getAllByRole('term').map((t) => t.textContent)).toEqual(['Use HTTPS', 'Polling Port', 'Configure User Credentials']);
    expect(settings.getAllByRole('definition').map((d) => d.textContent)).toEqual(['Yes', '443', 'No']);
  });

  it('keeps a pasted feed: reopening the popup shows it', async () => {
    openPopup();
    paste(feedUrl(0));
    await waitFor(async () => expect(await readFeeds()).toHaveLength(1));
    cleanup();

    openPopup();
    await waitFor(() => expect(screen.getByLabelText<HTMLInputElement>('Hostname').value).toBe('private.intel.amp.cisco.com'));
    expect(screen.getByLabelText<HTMLInputElement>('Collection Name').value).toBe(SECRETS[0]);
    expect(screen.getByLabelText<HTMLTextAreaElement>('Feed URL').value).toBe('');
  });

  it.each([
    ['not-https', feedUrl(0).replace('https:', 'http:'), 'Feed URLs start with https://'],
    ['missing-secret', feedUrl(0).replace(/\?s=.*/, ''), 'The URL has no secret'],
    ['bad-secret', feedUrl(0).slice(0, -6), 'The secret after ?s= is cut short'],
    ['not-a-url', 'hello', 'This is not a web address.'],
  ])('explains %s in an alert, shows no fields and stores nothing', async (_, text, start) => {
    openPopup();
    paste(text);
    expect(screen.getByRole('alert').textContent).toMatch(new RegExp(`^${start.replace(/[.?*+^$()[\]{}|\\/]/g, '\\$&')}`));
    expect(screen.getByLabelText('Feed URL').getAttribute('aria-invalid')).toBe('true');
    expect(screen.queryByLabelText('Hostname')).toBeNull();
    await new Promise((r) => setTimeout(r, 20));
    expect(await readFeeds()).toEqual([]);
  });

  it('alerts when the URL’s shape says the feed outputs Judgements', () => {
    openPopup();
    paste(feedUrl(0).replace('view.txt', 'view'));
    expect(screen.getByRole('alert').textContent).toContain('which the gateway rejects');
    expect(screen.getByLabelText<HTMLInputElement>('Polling Path').value).toBe(`/ctia/feed/${FEED_IDS[0]}/view`);
  });
});

describe('captured feeds in the popup', () => {
  const NOW = 1_700_000_000_000 + 10 * 60_000;

  async function openWith(...stored: StoredFeed[]) {
    await fakeBrowser.storage.session.set({ feeds: stored });
    openPopup({ now: () => NOW });
    await screen.findByLabelText('Hostname');
  }

  it('lists feeds most recent first with title, region, origin and age; the one chosen last is shown', async () => {
    await openWith(
      storedFeed(1, { title: 'C2 IP addresses', output: 'judgements', source: 'page', seenOn: 'xdr.us.security.cisco.com', seenAt: NOW - 60_000, actedAt: undefined }),
      storedFeed(0, { region: 'eu', source: 'copy', seenOn: 'xdr.eu.security.cisco.com', seenAt: NOW - 2 * 3_600_000 }),
      storedFeed(2, { region: null, source: 'copy', seenOn: 'visibility.eu.amp.cisco.com', seenAt: NOW - 3 * 3_600_000 }),
      storedFeed(2, { key: `${FEED_IDS[2]}~2`, region: null, source: 'pasted', seenAt: NOW - 4 * 3_600_000 }),
    );
    expect(screen.getAllByRole('radio').map((r) => (r as HTMLInputElement).labels![0]!.textContent)).toEqual([
      'C2 IP addresses Judgements US · seen in page text on xdr.us.security.cisco.com · 1 minute ago',
      `Feed ${FEED_IDS[0].slice(5, 13)}… EU · copied on xdr.eu.security.cisco.com · 2 hours ago`,
      `Feed ${FEED_IDS[2].slice(5, 13)}… private.intel.amp.cisco.com · copied on visibility.eu.amp.cisco.com · 3 hours ago`,
      `Feed ${FEED_IDS[2].slice(5, 13)}… private.intel.amp.cisco.com · pasted · 4 hours ago`,
    ]);
    // The Judgements feed was only seen in a page's text: it waits to be picked.
    expect(screen.getAllByRole<HTMLInputElement>('radio').map((r) => r.checked)).toEqual([false, true, false, false]);
    expect(screen.getByLabelText<HTMLInputElement>('Collection Name').value).toBe(SECRETS[0]);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows no feed while every kept feed was only seen in page text, until the person picks one', async () => {
    await fakeBrowser.storage.session.set({ feeds: [storedFeed(1, { title: 'C2 IP addresses', source: 'page', actedAt: undefined })] });
    openPopup({ now: () => NOW });
    await screen.findByRole('radio', { name: /^C2 IP addresses/ });
    expect(screen.queryByLabelText('Hostname')).toBeNull();
    expect(screen.getByText(english('popupPickFeed'))).toBeTruthy();
    fireEvent.click(screen.getByRole('radio', { name: /^C2 IP addresses/ }));
    expect(screen.getByLabelText<HTMLInputElement>('Collection Name').value).toBe(SECRETS[1]);
    await waitFor(async () => expect((await readFeeds())[0]!.actedAt).toBe(2_000_000_000_000));
  });

  it('flags two secrets seen for one feed, and says which the feed host refused', async () => {
    await openWith(
      storedFeed(0, { title: 'Phishing domains', conflict: true, secretCheck: 'accepted' }),
      storedFeed(0, { key: `${FEED_IDS[0]}~2`, title: 'Phishing domains', conflict: true, secretCheck: 'refused', fields: { ...storedFeed(0).fields, collectionName: SECRETS[2] }, actedAt: undefined, source: 'page' }),
    );
    expect(screen.getAllByRole('radio').map((r) => (r as HTMLInputElement).labels![0]!.querySelector('.tag')?.textContent)).toEqual(['two secrets', 'two secrets']);
    expect(screen.getByText(english('feedSecretAccepted'))).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
    fireEvent.click(screen.getAllByRole('radio')[1]!);
    expect(screen.getByLabelText<HTMLInputElement>('Collection Name').value).toBe(SECRETS[2]);
    expect(screen.getAllByRole('alert').map((a) => a.textContent)).toEqual([english('feedSecretRefused')]);
    expect(screen.getByText(english('feedConflict'))).toBeTruthy();
  });

  it('shows the feed the user selects, and a pasted URL takes over the selection', async () => {
    await openWith(storedFeed(0, { title: 'Phishing domains' }), storedFeed(1, { title: 'C2 IP addresses' }));
    fireEvent.click(screen.getByRole('radio', { name: /^C2 IP addresses/ }));
    expect(screen.getByLabelText<HTMLInputElement>('Collection Name').value).toBe(SECRETS[1]);
    expect(screen.getByRole('radio', { name: /^C2 IP addresses/ })).toHaveProperty('checked', true);

    paste(feedUrl(2));
    await waitFor(() => expect(screen.getAllByRole('radio')).toHaveLength(3));
    expect(screen.getByLabelText<HTMLInputElement>('Collection Name').value).toBe(SECRETS[2]);
    expect(screen.getAllByRole<HTMLInputElement>('radio').map((r) => r.checked)).toEqual([true, false, false]);
  });

  it('pasting the URL of a feed captured as Judgements alerts', async () => {
    await openWith(storedFeed(1, { title: 'C2 IP addresses', output: 'judgements', source: 'page', actedAt: undefined }), storedFeed(0));
    fireEvent.click(screen.getByRole('radio', { name: /^Feed / }));
    expect(screen.queryByRole('alert')).toBeNull();
    paste(feedUrl(1));
    await waitFor(() => expect(screen.getAllByRole('alert').map((a) => a.textContent)).toEqual([english('judgementsOutput')]));
  });

  it('removes one feed and forgets all', async () => {
    await openWith(storedFeed(0, { title: 'Phishing domains' }), storedFeed(1, { title: 'C2 IP addresses' }));
    fireEvent.click(screen.getByRole('button', { name: 'Remove Phishing domains' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Removed Phishing domains.'));
    expect(screen.getAllByRole('radio').map((r) => r.getAttribute('id'))).toEqual([`feed-choice-${FEED_IDS[1]}`]);
    expect(screen.getByLabelText<HTMLInputElement>('Collection Name').value).toBe(SECRETS[1]);

    fireEvent.click(screen.getByRole('button', { name: 'Forget all' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Forgot all captured feeds.'));
    expect(screen.queryByRole('radio')).toBeNull();
    expect(screen.queryByLabelText('Hostname')).toBeNull();
    expect(await readFeeds()).toEqual([]);
  });

  /** Feed `index` submitted to `gatewayOrigin` as `sourceName`, `daysAgo` days before NOW. */
  const submitted = (index: number, gatewayOrigin: string, daysAgo: number, sourceName = 'XDR_feed'): FeedDestination => ({
    feedId: FEED_IDS[index]!,
    gatewayOrigin,
    sourceName,
    submittedAt: NOW - daysAgo * 86_400_000,
  });
  const addedLines = () => [...document.querySelectorAll('.added-to li')].map((line) => line.textContent);

  it('says under the shown feed’s title each gateway it was added to, newest first, and changes with the feed shown', async () => {
    await fakeBrowser.storage.session.set({ feeds: [storedFeed(0, { title: 'Phishing domains' }), storedFeed(1, { title: 'C2 IP addresses' })] });
    const destinations = [
      submitted(0, 'https://dh1234-esa1.iphmx.com', 1),
      submitted(1, 'https://dh1234-esa1.iphmx.com', 2),
      submitted(0, 'https://esa.corp.example:8443', 3),
    ];
    openPopup({ now: () => NOW, destinations: async () => destinations });
    fireEvent.click(await screen.findByRole('radio', { name: /^Phishing domains/ }));
    await waitFor(() => expect(addedLines()).toEqual(['Added to dh1234-esa1.iphmx.com on Nov 13', 'Added to esa.corp.example:8443 on Nov 11']));
    expect(document.querySelector('.feed-title')!.nextElementSibling!.className).toBe('added-to');
    fireEvent.click(screen.getByRole('radio', { name: /^C2 IP addresses/ }));
    expect(addedLines()).toEqual(['Added to dh1234-esa1.iphmx.com on Nov 12']);
  });

  it.each([
    [0, []],
    [3, ['Added to esa1.corp.example on Nov 13', 'Added to esa2.corp.example on Nov 12', 'Added to esa3.corp.example on Nov 11']],
    [5, ['Added to esa1.corp.example on Nov 13', 'Added to esa2.corp.example on Nov 12', english('destinationMore', 3)]],
  ])('after %i gateways, says at most three lines', async (count, lines) => {
    const destinations = Array.from({ length: count }, (_, i) => submitted(0, `https://esa${i + 1}.corp.example`, i + 1));
    await fakeBrowser.storage.session.set({ feeds: [storedFeed(0)] });
    openPopup({ now: () => NOW, destinations: async () => destinations });
    await screen.findByLabelText('Hostname');
    await waitFor(() => expect(addedLines()).toEqual(lines));
  });

  it('shows the feed and its fields when the destinations cannot be read', async () => {
    await fakeBrowser.storage.session.set({ feeds: [storedFeed(0)] });
    openPopup({ now: () => NOW, destinations: () => Promise.reject(new DOMException('The database connection is closing.', 'InvalidStateError')) });
    expect((await screen.findByLabelText<HTMLInputElement>('Collection Name')).value).toBe(SECRETS[0]);
    expect(addedLines()).toEqual([]);
  });

  it('follows captures that arrive while it is open, and never shows one merely seen in page text', async () => {
    await openWith(storedFeed(0, { title: 'Phishing domains' }));
    await handleMessage(
      { type: 'capture-feed', url: feedUrl(1), title: 'C2 IP addresses', source: 'page' },
      { id: 'etf-autofill-id', url: 'https://xdr.us.security.cisco.com/', tab: { id: 1 } as never },
    );
    await waitFor(() => expect(screen.getAllByRole('radio')).toHaveLength(2));
    expect(screen.getByLabelText<HTMLInputElement>('Collection Name').value).toBe(SECRETS[0]);
  });
});

describe('autofill from the popup', () => {
  /** A gateway tab whose page is a saved fixture, inspected by the real filler and filled through the real handler. */
  function gatewayShowing(site: string) {
    const page = document.implementation.createHTMLDocument();
    page.body.innerHTML = siteBody(site);
    const form: GatewayTab = {
      inspect: async () => withWordedError(inspectEtfForm(page)),
      fill: async (values, { focusSubmit }) => withWordedError(fillEtfForm(page, values, { focusSubmit })),
      announce: vi.fn(async () => undefined),
    };
    background.tabs.set(TAB_ID, { form, url: `https://${site}/` });
    return { page, form, gateway: popupTab(background, TAB_ID) };
  }

  async function openOn(gateway: TabClient, ...stored: StoredFeed[]) {
    await fakeBrowser.storage.session.set({ feeds: stored });
    openPopup({ activeTab: gateway, now: () => Date.parse('2026-11-28T09:00:00Z') });
  }

  it('fills the Add Source form with the selected feed and reports every field', async () => {
    const { page, gateway } = gatewayShowing('dh1234-esa1.iphmx.com/mail_policies/etf/add_source');
    await openOn(gateway, storedFeed(0, { title: 'Phishing domains' }), storedFeed(1, { title: 'C2 IP addresses' }));
    fireEvent.click(await screen.findByRole('radio', { name: /^C2 IP addresses/ }));
    const button = screen.getByRole('button', { name: /^Autofill/ });
    await waitFor(() => expect(button).toHaveProperty('disabled', false));
    expect(button.getAttribute('aria-describedby')).toBe('autofill-reason');

    fireEvent.click(button);
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe([
      'Filled 8 of 8 fields: Source Name, Description, Hostname, Polling Path, Collection Name, Use HTTPS, Polling Port, Configure User Credentials.',
      'Nothing was submitted: review the form, click Submit, then Commit Changes.',
    ].join('\n')));
    await waitFor(async () => expect((await knownGateways()).map((g) => g.addSourceUrl)).toEqual(['https://dh1234-esa1.iphmx.com/mail_policies/etf/add_source/']));
    const value = (id: string) => page.querySelector<HTMLInputElement>(`#${id}`)!.value;
    expect([value('source_name'), value('source_description'), value('source_hostname'), value('source_polling_path'), value('source_collection_name'), value('poll_port')]).toEqual([
      'C2_IP_addresses',
      `C2 IP addresses: SecureX/XDR feed ${FEED_IDS[1]}, added ${new Date(BACKGROUND_NOW).toISOString().slice(0, 10)} by ETF Autofill`,
      'private.intel.amp.cisco.com',
      `/ctia/feed/${FEED_IDS[1]}/view`,
      SECRETS[1],
      '443',
    ]);
  });

  it('reports a Use HTTPS with no Yes to choose as left alone, with the secret kept back, never as already set', async () => {
    const { page, gateway } = gatewayShowing('dh1234-esa1.iphmx.com/mail_policies/etf/add_source');
    page.getElementById('use_https_yes')!.closest('td')!.innerHTML =
      '<select name="use_https"><option value="0" selected>No</option><option value="2">STARTTLS</option></select>';
    await openOn(gateway, storedFeed(0, { title: 'Phishing domains' }));
    const button = screen.getByRole('button', { name: /^Autofill/ });
    await waitFor(() => expect(button).toHaveProperty('disabled', false));

    fireEvent.click(button);
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe([
      'Filled 6 of 8 fields: Source Name, Description, Hostname, Polling Path, Polling Port, Configure User Credentials.',
      "Left alone: Collection Name (the feed's secret was not typed in, because Use HTTPS is not Yes and the secret must never travel unencrypted; set Use HTTPS to Yes, then autofill again); " +
        'Use HTTPS (it offers no choice ETF Autofill recognises as Yes; set it to Yes by hand).',
      'Nothing was submitted: review the form, click Submit, then Commit Changes.',
    ].join('\n')));
    expect(page.querySelector<HTMLInputElement>('#source_collection_name')!.value).toBe('');
  });

  it('names the site and the feed it will fill beside the button', async () => {
    const { gateway } = gatewayShowing('dh1234-esa1.iphmx.com/mail_policies/etf/add_source');
    await fakeBrowser.storage.session.set({ feeds: [storedFeed(0, { title: 'Phishing domains' })] });
    openPopup({ activeTab: gateway, tabUrl: Promise.resolve('https://dh1234-esa1.iphmx.com/mail_policies/etf/add_source/?CSRFKey=1') });
    await waitFor(() =>
      expect(document.getElementById('autofill-reason')!.textContent).toBe(
        'Fills the Add Source form on dh1234-esa1.iphmx.com with “Phishing domains”. You review it and click Submit.',
      ),
    );
  });

  it('binds the fill to the origin it inspected', async () => {
    const { gateway } = gatewayShowing('dh1234-esa1.iphmx.com/mail_policies/etf/add_source');
    const { form } = background.tabs.get(TAB_ID)!;
    const fill = vi.fn(form.fill);
    form.fill = fill;
    await fakeBrowser.storage.session.set({ feeds: [storedFeed(0)] });
    openPopup({ activeTab: gateway, tabUrl: Promise.resolve('https://dh1234-esa1.iphmx.com:8443/mail_policies/etf/add_source/') });
    const button = screen.getByRole('button', { name: /^Autofill/ });
    await waitFor(() => expect(button).toHaveProperty('disabled', false));
    fireEvent.click(button);
    await waitFor(() => expect(fill).toHaveBeenCalledTimes(1));
    expect(fill.mock.calls[0]![1]).toEqual({ onlyOrigin: 'https://dh1234-esa1.iphmx.com:8443', focusSubmit: true });
  });

  it('asks before filling a gateway page over plain HTTP, and fills nothing until the person says so', async () => {
    const { page, gateway } = gatewayShowing('esa.corp.example/etf/add_source');
    await fakeBrowser.storage.session.set({ feeds: [storedFeed(0, { title: 'Phishing domains' })] });
    openPopup({ activeTab: gateway, tabUrl: Promise.resolve('http://esa-http.corp.example/etf/add_source/') });
    await waitFor(() =>
      expect(document.getElementById('autofill-reason')!.textContent).toBe(english('autofillReadyHttp', 'http://esa-http.corp.example', 'Phishing domains')),
    );
    fireEvent.click(screen.getByRole('button', { name: /^Autofill/ }));
    expect(screen.getAllByRole('alert').map((a) => a.textContent)).toEqual([english('autofillHttpWarning')]);
    expect(screen.getByRole('button', { name: /^Autofill/ })).toHaveProperty('disabled', true);
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(page.body.innerHTML).not.toContain(SECRETS[0]);

    fireEvent.click(screen.getByRole('button', { name: /^Autofill/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Fill over HTTP' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/^Filled /));
    expect([...page.querySelectorAll('input')].some((input) => input.value === SECRETS[0])).toBe(true);
  });

  it('after filling a plain-HTTP gateway, offers the console nothing: "Add to" never opens one', async () => {
    const { gateway } = gatewayShowing('esa.corp.example/etf/add_source');
    await fakeBrowser.storage.session.set({ feeds: [storedFeed(0)] });
    // Known once filled: "Forget this gateway" shows when the fill, and the offer decided with it, are done.
    const mayForgetGateway = vi.fn(async (_origin: string) => false);
    openPopup({ activeTab: gateway, tabUrl: Promise.resolve('http://esa-http.corp.example/etf/add_source/'), hasHostAccess: async () => false, mayForgetGateway });
    const button = screen.getByRole('button', { name: /^Autofill/ });
    await waitFor(() => expect(button).toHaveProperty('disabled', false));
    mayForgetGateway.mockResolvedValue(true);
    fireEvent.click(button);
    fireEvent.click(screen.getByRole('button', { name: 'Fill over HTTP' }));
    await screen.findByRole('button', { name: english('autofillForgetGateway') });
    expect(screen.getByRole('status').textContent).toMatch(/^Filled /);
    expect(screen.queryByRole('button', { name: english('fillOfferConsole') })).toBeNull();
  });

  it('after filling a gateway the console cannot reach, offers to allow it, asking the browser for that one origin', async () => {
    const { gateway } = gatewayShowing('esa.corp.example/etf/add_source');
    await fakeBrowser.storage.session.set({ feeds: [storedFeed(0)] });
    openPopup({ activeTab: gateway, tabUrl: Promise.resolve('https://esa.corp.example/etf/add_source/'), hasHostAccess: async () => false });
    const button = screen.getByRole('button', { name: /^Autofill/ });
    await waitFor(() => expect(button).toHaveProperty('disabled', false));
    fireEvent.click(button);
    fireEvent.click(await screen.findByRole('button', { name: english('fillOfferConsole') }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe(english('fillOfferGranted', 'esa.corp.example')));
    expect(requestHostAccess).toHaveBeenCalledWith('https://esa.corp.example/*');
  });

  it('offers "Add to" the reachable known gateways for a kept feed, and forgets the gateway of this tab on request', async () => {
    const { gateway } = gatewayShowing('dh1234-esa1.iphmx.com/mail_policies/etf/add_source');
    const forgetGateway = vi.fn(async (_origin: string) => ({ ok: true }) as const);
    await fakeBrowser.storage.session.set({ feeds: [storedFeed(0)] });
    openPopup({ activeTab: gateway, reachableGateways: async () => ['https://dh1234-esa1.iphmx.com', 'https://esa.corp.example:8443'], mayForgetGateway: async () => true, forgetGateway });
    expect((await screen.findAllByRole('button', { name: /^Add to / })).map((b) => b.textContent)).toEqual([
      'Add to dh1234-esa1.iphmx.com',
      'Add to esa.corp.example:8443',
    ]);
    fireEvent.click(await screen.findByRole('button', { name: english('autofillForgetGateway') }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe(english('autofillForgotGateway', 'dh1234-esa1.iphmx.com')));
    expect(forgetGateway).toHaveBeenCalledWith('https://dh1234-esa1.iphmx.com');
  });

  it('forgets the gateway of this tab through the background, and says so when the background cannot', async () => {
    await rememberGateway('https://esa.corp.example/etf/add_source/', 1);
    const { gateway } = gatewayShowing('esa.corp.example/etf/add_source');
    await fakeBrowser.storage.session.set({ feeds: [storedFeed(0)] });
    const forget = (origin: string) => askAs(handleMessage)({ type: 'forget-gateway', origin });
    const unavailable = { ok: false, error: { code: 'background-unavailable', message: english('backgroundUnavailable') } } as const;
    const forgetGateway = vi.fn(forget).mockResolvedValueOnce(unavailable);
    openPopup({ activeTab: gateway, tabUrl: Promise.resolve('https://esa.corp.example/etf/add_source/'), mayForgetGateway: isForgettableGateway, forgetGateway });
    fireEvent.click(await screen.findByRole('button', { name: english('autofillForgetGateway') }));
    await waitFor(() => expect(screen.getAllByRole('alert').map((a) => a.textContent)).toEqual([english('backgroundUnavailable')]));
    expect(await isForgettableGateway('https://esa.corp.example')).toBe(true);

    cleanup();
    openPopup({ activeTab: gateway, tabUrl: Promise.resolve('https://esa.corp.example/etf/add_source/'), mayForgetGateway: isForgettableGateway, forgetGateway });
    fireEvent.click(await screen.findByRole('button', { name: english('autofillForgetGateway') }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe(english('autofillForgotGateway', 'esa.corp.example')));
    expect(await knownGateways()).toEqual([]);
  });

  it.each([
    ['offers to forget a gateway the person filled', [], true],
    ['offers no Forget for a gateway the organisation lists, though the person filled it too', [{ origin: 'https://esa.corp.example', addSourceUrl: 'https://esa.corp.example/etf/add_source/' }], false],
  ])('%s', async (_, gateways, offered) => {
    await rememberGateway('https://esa.corp.example/etf/add_source/', 1);
    await fakeBrowser.storage.managed.set({ gateways });
    await refreshPolicy();
    const { gateway } = gatewayShowing('esa.corp.example/etf/add_source');
    await fakeBrowser.storage.session.set({ feeds: [storedFeed(0)] });
    // As the popup is wired.
    const mayForgetGateway = vi.fn(isForgettableGateway);
    openPopup({ activeTab: gateway, tabUrl: Promise.resolve('https://esa.corp.example/etf/add_source/'), mayForgetGateway });
    await waitFor(() => expect(mayForgetGateway).toHaveBeenCalledWith('https://esa.corp.example'));
    expect(await mayForgetGateway.mock.results[0]!.value).toBe(offered);
    await waitFor(() => expect(screen.queryAllByRole('button', { name: english('autofillForgetGateway') })).toHaveLength(offered ? 1 : 0));
  });

  it('says before Autofill that the feed was already added to this gateway, and still fills it', async () => {
    const { page, gateway } = gatewayShowing('dh1234-esa1.iphmx.com/mail_policies/etf/add_source');
    const submittedAt = Date.parse('2026-11-20T12:00:00Z');
    await recordDestination({ feedId: FEED_IDS[1], gatewayOrigin: 'https://dh1234-esa1.iphmx.com', sourceName: 'XDR_C2', submittedAt });
    await recordDestination({ feedId: FEED_IDS[0], gatewayOrigin: 'https://esa.corp.example', sourceName: 'XDR_phishing', submittedAt });
    await fakeBrowser.storage.session.set({ feeds: [storedFeed(0, { title: 'Phishing domains' }), storedFeed(1, { title: 'C2 IP addresses' })] });
    openPopup({ activeTab: gateway, now: () => Date.parse('2026-11-28T09:00:00Z'), destinations: feedDestinations });
    const button = screen.getByRole('button', { name: /^Autofill/ });
    await waitFor(() => expect(button).toHaveProperty('disabled', false));
    const notice = () => document.getElementById('autofill-already');
    fireEvent.click(screen.getByRole('radio', { name: /^C2 IP addresses/ }));
    await waitFor(() => expect(notice()?.textContent).toBe('Already added to dh1234-esa1.iphmx.com as XDR_C2 on Nov 20'));
    expect(notice()!.compareDocumentPosition(button)).toBe(Node.DOCUMENT_POSITION_FOLLOWING);
    expect(button.getAttribute('aria-describedby')).toBe('autofill-already autofill-reason');
    expect(screen.queryByRole('alert')).toBeNull();

    // Added to another gateway only: nothing to say here.
    fireEvent.click(screen.getByRole('radio', { name: /^Phishing domains/ }));
    expect(notice()).toBeNull();
    expect(button.getAttribute('aria-describedby')).toBe('autofill-reason');

    fireEvent.click(screen.getByRole('radio', { name: /^C2 IP addresses/ }));
    expect(button).toHaveProperty('disabled', false);
    fireEvent.click(button);
    await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/^Filled 8 of 8 fields/));
    expect(page.querySelector<HTMLInputElement>('#source_collection_name')!.value).toBe(SECRETS[1]);
  });

  it('fills the organisation’s policy values at once, with a policy service that never answers', async () => {
    await fakeBrowser.storage.managed.set({ pollIntervalHours: 3, feedAgeDays: 14 });
    await refreshPolicy();
    vi.spyOn(fakeBrowser.storage.managed, 'get').mockImplementation(() => new Promise(() => undefined) as never);
    const { page, gateway } = gatewayShowing('dh1234-esa1.iphmx.com/mail_policies/etf/add_source');
    await fakeBrowser.storage.session.set({ feeds: [storedFeed(0)] });
    openPopup({ activeTab: gateway });
    const button = screen.getByRole('button', { name: /^Autofill/ });
    await waitFor(() => expect(button).toHaveProperty('disabled', false));
    fireEvent.click(button);
    await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/^Filled 10 of 10 fields/));
    const value = (id: string) => page.querySelector<HTMLInputElement>(`#${id}`)!.value;
    expect([value('poll_interval_hour'), value('source_collection_age'), value('source_collection_name')]).toEqual(['3', '14', SECRETS[0]]);
    vi.restoreAllMocks();
  });

  it('disables Autofill on a page that is not an Add Source form, saying why, and changes nothing', async () => {
    const { page, gateway } = gatewayShowing('esa.corp.example/etf/sources');
    const before = page.body.innerHTML;
    await openOn(gateway, storedFeed(0));
    await waitFor(() => expect(screen.getByText(/^This page is not the gateway's Add Source form\./)).toBeTruthy());
    expect(screen.getByRole('button', { name: /^Autofill/ })).toHaveProperty('disabled', true);
    expect(document.getElementById('autofill-reason')!.textContent).toBe(
      "This page is not the gateway's Add Source form. Open Mail Policies → External Threat Feeds Manager → Add Source in this tab, then try again.",
    );
    expect(page.body.innerHTML).toBe(before);
  });

  it('disables Autofill until there is a feed', async () => {
    const { gateway } = gatewayShowing('dh1234-esa1.iphmx.com/mail_policies/etf/add_source');
    await openOn(gateway);
    await waitFor(() => expect(document.getElementById('autofill-reason')!.textContent).toBe('Paste a feed URL or open a feed in SecureX / XDR first.'));
    expect(screen.getByRole('button', { name: /^Autofill/ })).toHaveProperty('disabled', true);
    paste(feedUrl(2));
    await waitFor(() => expect(screen.getByRole('button', { name: /^Autofill/ })).toHaveProperty('disabled', false));
  });

  it('alerts with the reason when the tab cannot be reached at fill time', async () => {
    const { gateway } = gatewayShowing('dh1234-esa1.iphmx.com/mail_policies/etf/add_source');
    const message = "ETF Autofill cannot reach this page. Open the gateway's Add Source page in this tab, then open ETF Autofill from its toolbar button.";
    background.tabs.get(TAB_ID)!.form.fill = async () => ({ ok: false, error: { code: 'page-unreachable', message } });
    await openOn(gateway, storedFeed(0));
    const button = await screen.findByRole('button', { name: /^Autofill/ });
    await waitFor(() => expect(button).toHaveProperty('disabled', false));
    fireEvent.click(button);
    await waitFor(() => expect(screen.getAllByRole('alert').map((a) => a.textContent)).toEqual([message]));
    expect(screen.getByRole('status').textContent).toBe('');
    expect(await knownGateways()).toEqual([]);
  });
});

describe('Check feed', () => {
  it('reports what the gateway will get, in the status region', async () => {
    background.answer.current = { kind: 'observables', total: 3, byType: { domain: 2, email: 1 } };
    openPopup();
    paste(feedUrl(0, 'private.intel.eu.amp.cisco.com'));
    fireEvent.click(await screen.findByRole('button', { name: 'Check feed' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('OK — 3 observables: 2 domain.\nNot used by the gateway: 1 email.'));
    expect(requestHostAccess).toHaveBeenCalledWith('https://private.intel.eu.amp.cisco.com/*');
    expect(background.checked).toEqual([{ hostname: 'private.intel.eu.amp.cisco.com', pollingPath: `/ctia/feed/${FEED_IDS[0]}/view`, collectionName: SECRETS[0] }]);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('alerts about Judgements and marks the feed in the list', async () => {
    background.answer.current = { kind: 'judgements', total: 2 };
    await fakeBrowser.storage.session.set({ feeds: [storedFeed(0, { title: 'Blocked IPs' })] });
    openPopup();
    fireEvent.click(await screen.findByRole('button', { name: 'Check feed' }));
    await waitFor(() => expect(screen.getAllByRole('alert').map((a) => a.textContent)).toEqual([
      english('judgementsOutput'),
      'The feed\'s Output is Judgements (2 judgements): the gateway will fail with "Cisco Threat Response feeds not supported for \'judgements\' format".\n' +
        'In SecureX / XDR, edit the feed and set Output to Observables. The URL and secret stay the same, so nothing else changes.',
    ]));
    expect(screen.getByRole('radio', { name: /^Blocked IPs Judgements/ })).toHaveProperty('checked', true);
    expect(screen.getByRole('status').textContent).toBe('');
  });

  it('sends nothing and says so when the user refuses access to an unfamiliar host', async () => {
    requestHostAccess.mockImplementation(async () => false);
    openPopup();
    paste(feedUrl(0, 'intel.corp.example'));
    fireEvent.click(await screen.findByRole('button', { name: 'Check feed' }));
    await waitFor(() => expect(screen.getAllByRole('alert').map((a) => a.textContent)).toEqual([
      'Permission to contact this host was not given, so nothing was sent. Check feed again and allow it.',
    ]));
    expect(requestHostAccess).toHaveBeenCalledWith('https://intel.corp.example/*');
    expect(background.checked).toEqual([]);
  });
});
