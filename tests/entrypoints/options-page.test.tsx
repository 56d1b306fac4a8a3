import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { KnownGatewaysList } from '@/components/KnownGatewaysList';
import { FeedDestinationsList } from '@/components/FeedDestinationsList';
import { OptionsApp } from '@/entrypoints/options/App';
import { forgetGateway, knownGateways, rememberGateway } from '@/utils/gateways/known-gateways';
import { feedDestinations, recordDestination } from '@/utils/destinations/feed-destinations';
import { watchOptions } from '@/utils/options/options';
import { readOptions, refreshPolicy, saveOptions } from '@/utils/options/options-store';
import { BASE_URL, EXTENSION_ID, askAs, testHandler } from '../support/background';
import { english } from '../support/english';
import { clearKnownGateways } from '../support/gateways-db';
import { clearDestinations, writeRawDestinations } from '../support/destinations-db';
import { FEED_IDS } from '../support/feeds';

beforeEach(() => fakeBrowser.reset());
afterEach(() => vi.restoreAllMocks());
afterEach(cleanup);

/** What the options page asks the background, answered by the real handler. */
const ask = askAs(testHandler().handleMessage, { id: EXTENSION_ID, url: `${BASE_URL}options.html` });
const forgetKnownGateway = (origin: string) => ask({ type: 'forget-gateway', origin });
const forgetDestination = (feedId: string, gatewayOrigin: string) => ask({ type: 'forget-destination', feedId, gatewayOrigin });

async function openOptions() {
  render(<OptionsApp load={readOptions} watch={watchOptions} save={async (input) => saveOptions(input, (await readOptions()).managed)} today={new Date('2026-11-28T00:00:00Z')} />);
  return screen.findByLabelText<HTMLInputElement>('Source Name');
}

function type(label: string, value: string) {
  fireEvent.input(screen.getByLabelText(label), { target: { value } });
}

describe('options page', () => {
  it('shows the current options and a preview of the names', async () => {
    expect((await openOptions()).value).toBe('{title}');
    expect(screen.getByLabelText<HTMLInputElement>('Polling Interval, hours').value).toBe('');
    expect(document.querySelector('.preview')!.textContent).toBe(
      'For a feed titled “Phishing domains”: Source Name Phishing_domains, Description Phishing domains: SecureX/XDR feed feed-8f2b1c3e-5d4a-4e6f-9a7b-1c2d3e4f5a6b, added 2026-11-28 by ETF Autofill',
    );
    type('Source Name', 'XDR_{region}_{title}');
    expect(document.querySelector('.preview code')!.textContent).toBe('XDR_EU_Phishing_domains');
  });

  it('saves valid options and says so', async () => {
    await openOptions();
    type('Polling Interval, hours', '2');
    type('Age of Threat Feeds, days', '30');
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Saved. Autofill uses these settings from now on.'));
    expect((await readOptions()).options).toMatchObject({ pollIntervalHours: 2, feedAgeDays: 30 });
  });

  it('puts each problem next to its field, marks it invalid, and saves nothing', async () => {
    await openOptions();
    type('Polling Interval, minutes', '75');
    type('Description', '{title} {s}');
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Nothing was saved: correct the fields marked below.'));
    const minutes = screen.getByLabelText('Polling Interval, minutes');
    expect(minutes.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(minutes.getAttribute('aria-describedby')!.split(' ')[0]!)!.textContent).toBe(
      'Enter a whole number from 0 to 59, or leave it empty.',
    );
    expect(screen.getByLabelText('Description').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Use only {title}, {feedId}, {region}, {host} and {date}.')).toBeTruthy();
    expect(screen.getByLabelText('Source Name').getAttribute('aria-invalid')).toBeNull();
    expect(await fakeBrowser.storage.sync.get()).toEqual({});
  });

  it('shows options set by the organisation as such, and does not let them be edited', async () => {
    await fakeBrowser.storage.managed.set({ pollIntervalHours: 4 });
    await refreshPolicy();
    await openOptions();
    const hours = screen.getByLabelText<HTMLInputElement>('Polling Interval, hours');
    expect(hours.value).toBe('4');
    expect(hours.readOnly).toBe(true);
    expect(document.getElementById(hours.getAttribute('aria-describedby')!.split(' ')[0]!)!.textContent).toBe('Set by your organisation.');
    expect(screen.getByLabelText<HTMLInputElement>('Polling Interval, minutes').readOnly).toBe(false);
  });

  it('opens at once when the policy service never answers, and shows the policy once it arrives', async () => {
    const managedGet = vi.spyOn(fakeBrowser.storage.managed, 'get').mockImplementation(() => new Promise(() => undefined) as never);
    await openOptions();
    type('Source Name', 'Mine_{title}');
    const hours = screen.getByLabelText<HTMLInputElement>('Polling Interval, hours');
    expect([hours.value, hours.readOnly]).toEqual(['', false]);
    managedGet.mockRestore();
    await fakeBrowser.storage.managed.set({ pollIntervalHours: 4 });
    await refreshPolicy();
    await waitFor(() => expect([hours.value, hours.readOnly]).toEqual(['4', true]));
    expect(screen.getByLabelText<HTMLInputElement>('Source Name').value).toBe('Mine_{title}');
  });
});

describe('known gateways on the options page', () => {
  beforeEach(clearKnownGateways);

  it('lists the gateways filled from the popup, newest first, and removes one', async () => {
    await rememberGateway('https://esa.corp.example/etf/add_source/?CSRFKey=abc', 1);
    await rememberGateway('https://dh1234-esa1.iphmx.com/mail_policies/etf/add_source/', 2);
    render(<KnownGatewaysList list={knownGateways} forget={forgetKnownGateway} />);
    await waitFor(() =>
      expect(screen.getAllByRole('listitem').map((item) => item.querySelector('.gateway-url')!.textContent)).toEqual([
        'https://dh1234-esa1.iphmx.com/mail_policies/etf/add_source/',
        'https://esa.corp.example/etf/add_source/',
      ]),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Remove esa.corp.example' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Removed esa.corp.example.'));
    expect(screen.getAllByRole('listitem')).toHaveLength(1);
    expect((await knownGateways()).map((g) => g.origin)).toEqual(['https://dh1234-esa1.iphmx.com']);
    await forgetGateway('https://dh1234-esa1.iphmx.com');
  });

  it('says why a gateway was not removed when the background cannot be asked', async () => {
    await rememberGateway('https://esa.corp.example/etf/add_source/', 1);
    const unavailable = async () => ({ ok: false, error: { code: 'background-unavailable', message: english('backgroundUnavailable') } }) as const;
    render(<KnownGatewaysList list={knownGateways} forget={unavailable} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Remove esa.corp.example' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe(english('backgroundUnavailable')));
    expect(screen.getAllByRole('listitem')).toHaveLength(1);
  });

  it('shows the organisation’s gateways as set by it, with no Remove, after the person’s', async () => {
    await rememberGateway('https://esa.corp.example/etf/add_source/', 1);
    await rememberGateway('https://esa2.corp.example/etf/add_source/', 2);
    await fakeBrowser.storage.managed.set({
      gateways: [
        { origin: 'https://esa1.corp.example', addSourceUrl: 'https://esa1.corp.example/mail_policies/etf/add_source' },
        { origin: 'https://esa2.corp.example', addSourceUrl: 'https://esa2.corp.example/mail_policies/etf/add_source' },
      ],
    });
    await refreshPolicy();
    render(<KnownGatewaysList list={knownGateways} forget={forgetKnownGateway} />);
    await waitFor(() =>
      expect(screen.getAllByRole('listitem').map((item) => [item.querySelector('.gateway-url')!.textContent, item.lastElementChild!.textContent])).toEqual([
        ['https://esa2.corp.example/mail_policies/etf/add_source', 'Set by your organisation.'],
        ['https://esa.corp.example/etf/add_source/', 'Remove'],
        ['https://esa1.corp.example/mail_policies/etf/add_source', 'Set by your organisation.'],
      ]),
    );
    expect(screen.getAllByRole('button').map((button) => button.getAttribute('aria-label'))).toEqual(['Remove esa.corp.example']);
    expect(screen.getByText(english('policyGatewaysHelp'))).toBeTruthy();
  });

  it('says nothing of the organisation’s gateways when it lists none', async () => {
    await rememberGateway('https://esa.corp.example/etf/add_source/', 1);
    render(<KnownGatewaysList list={knownGateways} forget={forgetKnownGateway} />);
    await screen.findByRole('button', { name: 'Remove esa.corp.example' });
    expect(screen.queryByText(english('policyGatewaysHelp'))).toBeNull();
  });
});

describe('feeds added to gateways on the options page', () => {
  /** Noon local time, so no time zone moves the day. */
  const day = (year: number, month: number, date: number) => new Date(year, month - 1, date, 12).getTime();
  const NOW = day(2026, 12, 6);
  const entries = () =>
    screen.getAllByRole('listitem').map((item) => [...item.querySelectorAll('.destination > span')].map((part) => part.textContent));

  beforeEach(clearDestinations);

  it('lists each feed by title (or the start of its id) with its gateway, Source Name and day, newest first, and removes one', async () => {
    await recordDestination({ feedId: FEED_IDS[0], title: 'Phishing domains', gatewayOrigin: 'https://esa.corp.example:8443', sourceName: 'XDR_phishing', submittedAt: day(2025, 11, 28) });
    await recordDestination({ feedId: FEED_IDS[1], gatewayOrigin: 'https://dh1234-esa1.iphmx.com', sourceName: 'C2', submittedAt: day(2026, 12, 1) });
    await recordDestination({ feedId: FEED_IDS[0], title: 'Phishing domains', gatewayOrigin: 'https://dh1234-esa1.iphmx.com', sourceName: 'XDR_phishing', submittedAt: day(2026, 12, 3) });
    render(<FeedDestinationsList list={feedDestinations} forget={forgetDestination} now={NOW} />);
    await waitFor(() =>
      expect(entries()).toEqual([
        ['Phishing domains', 'Added to dh1234-esa1.iphmx.com as XDR_phishing on Dec 3'],
        [`Feed ${FEED_IDS[1].slice(5, 13)}…`, 'Added to dh1234-esa1.iphmx.com as C2 on Dec 1'],
        ['Phishing domains', 'Added to esa.corp.example:8443 as XDR_phishing on Nov 28, 2025'],
      ]),
    );
    expect(screen.getAllByRole('button').map((button) => button.getAttribute('aria-label'))).toEqual([
      'Remove Phishing domains on dh1234-esa1.iphmx.com',
      `Remove Feed ${FEED_IDS[1].slice(5, 13)}… on dh1234-esa1.iphmx.com`,
      'Remove Phishing domains on esa.corp.example:8443',
    ]);

    fireEvent.click(screen.getByRole('button', { name: 'Remove Phishing domains on dh1234-esa1.iphmx.com' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe(english('destinationRemoved', 'Phishing domains', 'dh1234-esa1.iphmx.com')));
    expect(entries().map(([, added]) => added)).toEqual(['Added to dh1234-esa1.iphmx.com as C2 on Dec 1', 'Added to esa.corp.example:8443 as XDR_phishing on Nov 28, 2025']);
    expect((await feedDestinations()).map((d) => [d.feedId, d.gatewayOrigin])).toEqual([
      [FEED_IDS[1], 'https://dh1234-esa1.iphmx.com'],
      [FEED_IDS[0], 'https://esa.corp.example:8443'],
    ]);
  });

  it.each([
    ['nothing was added yet', undefined],
    ['the store holds something odd', { destinations: 'garbage' }],
  ])('says none when %s', async (_, stored) => {
    if (stored !== undefined) await writeRawDestinations(stored);
    render(<FeedDestinationsList list={feedDestinations} forget={forgetDestination} now={NOW} />);
    expect(await screen.findByText(english('destinationsNone'))).toBeTruthy();
    expect(screen.queryByRole('list')).toBeNull();
  });
});
