import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { chosenFeed } from '@/utils/feeds/chosen-feed';
import { takeCommitReminder } from '@/utils/destinations/commit-reminders';
import { feedDestinations, recordDestination } from '@/utils/destinations/feed-destinations';
import { readFeeds, saveFeed } from '@/utils/feeds/feeds-store';
import { rememberGateway } from '@/utils/gateways/known-gateways';
import { EXTENSION_ID, testHandler } from '../support/background';
import { clearDestinations } from '../support/destinations-db';
import { clearKnownGateways } from '../support/gateways-db';
import { english } from '../support/english';
import { FEED_IDS, SECRETS, feedUrl, storedFeed } from '../support/feeds';

const CLOUD_GATEWAY = 'https://dh1234-esa1.iphmx.com';
const ONPREM = 'https://esa.corp.example';
const NOW = 1_765_000_000_000;
const startGatewayPage = vi.fn(async () => undefined);
const { handleMessage } = testHandler({ now: () => NOW, startGatewayPage });
type Sender = Parameters<typeof handleMessage>[1];

/** How the browser describes a message from the gateway script in tab 7 on `url`. */
const gatewayPage = (url = `${CLOUD_GATEWAY}/mail_policies/etf/add_source/`, frameId = 0) => ({ id: EXTENSION_ID, url, tab: { id: 7 }, frameId }) as unknown as Sender;

beforeEach(async () => {
  fakeBrowser.reset();
  await Promise.all([clearKnownGateways(), clearDestinations()]);
  startGatewayPage.mockClear();
});

describe('who may speak for a gateway page', () => {
  it.each([
    ['a Cloud Gateway page', gatewayPage(), true],
    ['an on-premises gateway the person filled from the popup', gatewayPage(`${ONPREM}/etf/add_source/`), true],
    ['an on-premises gateway never filled', gatewayPage('https://esa2.corp.example/etf/add_source/'), false],
    ['a plain-HTTP gateway the person filled', gatewayPage('http://esa-http.corp.example/etf/add_source/'), false],
    ['a Cloud Gateway look-alike', gatewayPage('https://dh1234-esa1.iphmx.com.evil.example/etf/add_source/'), false],
    ['a console page', gatewayPage('https://xdr.us.security.cisco.com/intelligence/feeds/'), false],
    ['the popup (no tab)', { id: EXTENSION_ID, url: `chrome-extension://${EXTENSION_ID}/popup.html` }, false],
    ['another extension', { ...gatewayPage(), id: 'someone-else' }, false],
  ])('%s: %s', async (_, sender, allowed) => {
    await rememberGateway(`${ONPREM}/etf/add_source/`, 1);
    await rememberGateway('http://esa-http.corp.example/etf/add_source/', 2);
    const reply = await handleMessage({ type: 'paste-feed', text: feedUrl(0) }, sender as never);
    expect(reply.ok).toBe(allowed);
    expect((await readFeeds()).length).toBe(allowed ? 1 : 0);
  });
});

describe('a paste into the gateway’s form', () => {
  it('keeps the feed as the chosen one and answers the values Autofill would fill', async () => {
    const reply = await handleMessage({ type: 'paste-feed', text: `Feed URL: ${feedUrl(0)} (copied)` }, gatewayPage());
    expect(reply).toEqual({
      ok: true,
      feedId: FEED_IDS[0],
      feedName: english('feedUntitled', '8f2b1c3e'),
      values: {
        sourceName: 'XDR_feed_8f2b1c3e',
        description: `SecureX/XDR feed ${FEED_IDS[0]}, added 2025-12-06 by ETF Autofill`,
        hostname: 'private.intel.amp.cisco.com',
        pollingPath: `/ctia/feed/${FEED_IDS[0]}/view`,
        collectionName: SECRETS[0],
        pollingPort: '443',
        useHttps: true,
        configureUserCredentials: false,
        pollIntervalHours: null,
        pollIntervalMinutes: null,
        feedAgeDays: null,
        pollSegmentDays: null,
      },
    });
    expect(chosenFeed(await readFeeds())).toMatchObject({ feedId: FEED_IDS[0], source: 'pasted', actedAt: NOW });
  });

  it('says first that the feed was already added to this gateway, and under what name', async () => {
    await recordDestination({ feedId: FEED_IDS[0], gatewayOrigin: CLOUD_GATEWAY, sourceName: 'XDR_phishing', submittedAt: NOW - 86_400_000 });
    await recordDestination({ feedId: FEED_IDS[1], gatewayOrigin: CLOUD_GATEWAY, sourceName: 'XDR_other', submittedAt: NOW });
    const reply = await handleMessage({ type: 'paste-feed', text: feedUrl(0) }, gatewayPage());
    expect(reply).toMatchObject({ ok: true, alreadyAdded: expect.stringMatching(/^Already added to dh1234-esa1\.iphmx\.com as XDR_phishing/) });
    await rememberGateway(`${ONPREM}/etf/add_source/`, 1);
    const elsewhere = await handleMessage({ type: 'paste-feed', text: feedUrl(0) }, gatewayPage(`${ONPREM}/etf/add_source/`));
    expect(elsewhere).toMatchObject({ ok: true });
    expect(elsewhere).not.toHaveProperty('alreadyAdded');
  });

  it('answers for the feed pasted when it is kept already, below another', async () => {
    await handleMessage({ type: 'paste-feed', text: feedUrl(0) }, gatewayPage());
    await handleMessage({ type: 'paste-feed', text: feedUrl(1) }, gatewayPage());
    // Pasted again at the same moment: kept as it was, below the other.
    const reply = await handleMessage({ type: 'paste-feed', text: feedUrl(0) }, gatewayPage());
    expect(reply).toMatchObject({ ok: true, feedId: FEED_IDS[0], values: { collectionName: SECRETS[0] } });
    expect((await readFeeds()).map((feed) => feed.key)).toEqual([FEED_IDS[1], FEED_IDS[0]]);
  });

  it('refuses a Judgements feed, and text without a feed URL', async () => {
    await saveFeed({ ...storedFeed(0), output: 'judgements' }, true);
    expect(await handleMessage({ type: 'paste-feed', text: feedUrl(0) }, gatewayPage())).toEqual({
      ok: false,
      error: { code: 'judgements-output', message: english('gatewayPasteJudgements') },
    });
    expect(await handleMessage({ type: 'paste-feed', text: 'dh1234-esa1.iphmx.com' }, gatewayPage())).toMatchObject({ ok: false, error: { code: 'not-a-url' } });
  });
});

describe('the form check, in the background', () => {
  /** The form as the person left it, and its check as the gateway page gets it. */
  const form = (collectionName: string, pollingPort = '443') => ({
    hostname: 'private.intel.amp.cisco.com',
    pollingPath: `/ctia/feed/${FEED_IDS[0]}/view`,
    collectionName,
    useHttps: true,
    pollingPort,
    configureUserCredentials: false,
  });
  const codesOf = async (values: ReturnType<typeof form>) => {
    const reply = await handleMessage({ type: 'check-source', values }, gatewayPage());
    return reply.ok && 'check' in reply && reply.check.kind === 'feed' ? reply.check.mistakes.map((mistake) => mistake.code) : reply;
  };

  it('checks the form with what the kept feeds say: its Output, its port, whether its secret is the one captured', async () => {
    expect(await codesOf(form(SECRETS[0]))).toEqual([]);
    await saveFeed({ ...storedFeed(0), output: 'judgements' }, true);
    expect(await codesOf(form(SECRETS[0]))).toEqual(['judgements-output']);
    expect(await codesOf(form(SECRETS[1]))).toEqual(['judgements-output', 'secret-differs']);
    await fakeBrowser.storage.session.set({ feeds: [{ ...storedFeed(0), port: 8443 }] });
    expect(await codesOf(form(SECRETS[0]))).toEqual(['wrong-port']);
    expect(await codesOf(form(SECRETS[0], '8443'))).toEqual([]);
  });

  it('checks the form with nothing a kept feed of another id says', async () => {
    await saveFeed({ ...storedFeed(1), output: 'judgements', port: 8443 }, true);
    expect(await codesOf(form(SECRETS[0]))).toEqual([]);
  });

  it('answers a check with codes and the form’s own values only: the captured secret stays in the extension', async () => {
    await saveFeed(storedFeed(0), true);
    const reply = await handleMessage({ type: 'check-source', values: form(SECRETS[1]) }, gatewayPage());
    expect(JSON.stringify(reply)).not.toContain(SECRETS[0]);
    expect(reply).toMatchObject({ ok: true, check: { kind: 'feed', fix: { collectionName: SECRETS[1] } } });
  });

  it('gives Fix the captured secret the feed host accepted, else the chosen one, never a refused one', async () => {
    await saveFeed(storedFeed(0), true);
    await saveFeed({ ...storedFeed(0), fields: { ...storedFeed(0).fields, collectionName: SECRETS[1] } }, true);
    const fix = () => handleMessage({ type: 'fix-source', feedId: FEED_IDS[0] }, gatewayPage());
    expect(await fix()).toEqual({ ok: true, collectionName: SECRETS[1] });
    const [first, second] = await readFeeds();
    await fakeBrowser.storage.session.set({ feeds: [{ ...first, secretCheck: 'accepted' }, { ...second, secretCheck: 'refused' }] });
    expect(await fix()).toEqual({ ok: true, collectionName: first!.fields.collectionName });
    expect(await handleMessage({ type: 'fix-source', feedId: FEED_IDS[2] }, gatewayPage())).toMatchObject({ ok: false, error: { code: 'unknown-feed' } });
  });

  /** A second secret kept for the first feed id, as a console page may show it. */
  const otherSecret = (extra: Parameters<typeof storedFeed>[1]) => storedFeed(0, { key: `${FEED_IDS[0]}~2`, fields: { ...storedFeed(0).fields, collectionName: SECRETS[1] }, ...extra });

  it.each([
    ['the one the feed host accepted, though the person chose the other since', [otherSecret({ actedAt: 2 }), storedFeed(0, { actedAt: 1, secretCheck: 'accepted' })], SECRETS[0]],
    ['the one the feed host did not refuse, though the person chose the refused one since', [otherSecret({ actedAt: 2, secretCheck: 'refused' }), storedFeed(0, { actedAt: 1 })], SECRETS[0]],
    ['none when the feed host refused every one', [otherSecret({ secretCheck: 'refused' }), storedFeed(0, { secretCheck: 'refused' })], undefined],
  ])('gives Fix, of two secrets kept for the feed, %s', async (_, feeds, collectionName) => {
    await fakeBrowser.storage.session.set({ feeds });
    expect(await handleMessage({ type: 'fix-source', feedId: FEED_IDS[0] }, gatewayPage())).toEqual(
      collectionName ? { ok: true, collectionName } : { ok: false, error: { code: 'unknown-feed', message: english('refuseUnknownFeed') } },
    );
  });
});

describe('a submit, then the next page', () => {
  it('records where the feed went, without its secret, and reminds that tab once to commit', async () => {
    await saveFeed({ ...storedFeed(0), title: 'Phishing domains' }, true);
    expect(await handleMessage({ type: 'source-submitted', feedId: FEED_IDS[0], sourceName: 'Phishing_domains' }, gatewayPage())).toEqual({ ok: true });
    expect(await feedDestinations()).toEqual([{ feedId: FEED_IDS[0], title: 'Phishing domains', gatewayOrigin: CLOUD_GATEWAY, sourceName: 'Phishing_domains', submittedAt: NOW }]);
    expect(await handleMessage({ type: 'gateway-page' }, gatewayPage(`${CLOUD_GATEWAY}/mail_policies/etf/sources/`, 3))).toEqual({ ok: true });
    expect(startGatewayPage).toHaveBeenCalledWith(7, 3, { commitReminder: 'Phishing_domains' });
    await handleMessage({ type: 'gateway-page' }, gatewayPage(`${CLOUD_GATEWAY}/mail_policies/etf/sources/`));
    expect(startGatewayPage).toHaveBeenLastCalledWith(7, 0, { commitReminder: undefined });
    expect(await takeCommitReminder(7, CLOUD_GATEWAY, NOW)).toBeUndefined();
  });

  it.each([
    ['its own title', FEED_IDS[0], 'Phishing domains'],
    ['the title of the other kept feed', FEED_IDS[1], 'C2 IP addresses'],
    ['no title for a feed not kept', FEED_IDS[2], undefined],
  ])('records with a submitted feed %s', async (_, feedId, title) => {
    await saveFeed({ ...storedFeed(0), title: 'Phishing domains' }, true);
    await saveFeed({ ...storedFeed(1), title: 'C2 IP addresses' }, true);
    await handleMessage({ type: 'source-submitted', feedId, sourceName: 'XDR_feed' }, gatewayPage());
    expect(await feedDestinations()).toEqual([{ feedId, ...(title && { title }), gatewayOrigin: CLOUD_GATEWAY, sourceName: 'XDR_feed', submittedAt: NOW }]);
  });

  it('starts nothing for a page the extension does not trust', async () => {
    expect(await handleMessage({ type: 'gateway-page' }, gatewayPage('https://esa2.corp.example/etf/sources/'))).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    expect(startGatewayPage).not.toHaveBeenCalled();
  });
});
