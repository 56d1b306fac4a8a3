import type { IncomingHttpHeaders, ServerResponse } from 'node:http';
import { english } from '../support/english';
import { beforeEach, expect, it } from 'vitest';

import { useExtensionBrowser } from './support/use-extension-browser';

const SECRET = '3d2c1b0a-9f8e-4d7c-8b6a-5f4e3d2c1b0a';
const HOST = 'private.intel.eu.amp.cisco.com';

/** One mock feed per scenario: how the feed endpoint answers `GET /ctia/feed/<id>/view?s=…`. */
const SCENARIOS: Record<string, (response: ServerResponse) => void> = {
  observables: (r) => json(r, 200, { observables: [
    { type: 'domain', value: 'a.example' }, { type: 'domain', value: 'b.example' }, { type: 'ip', value: '192.0.2.1' }, { type: 'email', value: 'x@a.example' },
  ] }),
  judgements: (r) => json(r, 200, { judgements: [{ observable: { type: 'ip', value: '192.0.2.9' }, disposition_name: 'Malicious' }] }),
  empty: (r) => json(r, 200, { observables: [] }),
  deleted: (r) => text(r, 404, 'feed not found'),
  'no-secret': (r) => text(r, 400, '{"errors":{"s":"missing-required-key"}}'),
  garbage: (r) => text(r, 200, '<html><body>Maintenance</body></html>'),
  redirect: (r) => {
    r.writeHead(302, { location: 'https://sso.example/login' });
    r.end();
  },
  huge: (r) =>
    json(r, 200, { observables: Array.from({ length: 60_000 }, (_, i) => ({ type: i % 4 === 0 ? 'url' : 'domain', value: `https://host-${i}.phish.example/path/${i}` })) }),
  oversized: (r) => {
    r.writeHead(200, { 'content-type': 'application/json', 'content-length': String(60 * 1024 * 1024) });
    r.write('{"observables":[');
  },
  silent: () => undefined,
};

const feedId = (scenario: string) => {
  const n = Object.keys(SCENARIOS).indexOf(scenario).toString(16).padStart(12, '0');
  return `feed-00000000-0000-4000-8000-${n}`;
};

const requests: { url: string; headers: IncomingHttpHeaders }[] = [];
/** A sign-in cookie of the feed host, as a user signed in there has: Check feed must not send it. */
const SESSION_COOKIE = { name: 'session', value: 'signed-in-user', domain: HOST, path: '/', secure: true, sameSite: 'None' as const };
/** The Cookie header of a page's visit to the feed host: proves the browser holds and sends the cookie. */
let pageVisitCookie: string | undefined;

const world = useExtensionBrowser((server) => {
  server.route(HOST, '/signed-in', (request, response) => {
    pageVisitCookie = request.headers.cookie;
    text(response, 200, 'signed in');
  });
  for (const [scenario, respond] of Object.entries(SCENARIOS)) {
    server.route(HOST, `/ctia/feed/${feedId(scenario)}/view`, (request, response) => {
      requests.push({ url: request.url ?? '', headers: request.headers });
      if (new URL(request.url ?? '', 'https://x').searchParams.get('s') !== SECRET) return text(response, 401, 'wrong secret');
      respond(response);
    });
  }
});

beforeEach(async () => {
  requests.length = 0;
  // Per test: closing every tab between tests ends the browsing session, and its session cookies.
  await world.browser.context.addCookies([SESSION_COOKIE]);
});

it('the browser holds a cookie for the feed host and sends it with a page’s request there', async () => {
  const page = await world.browser.context.newPage();
  await page.goto(`https://${HOST}/signed-in`);
  expect(pageVisitCookie).toBe('session=signed-in-user');
});

/** Pastes the scenario's feed URL into the real popup, presses Check feed, returns what it says. */
async function check(scenario: string, secret = SECRET) {
  const page = await world.browser.context.newPage();
  await page.goto('https://dh1234-esa1.iphmx.com/');
  const popup = await world.browser.openPopup(page);
  await popup.pasteFeedUrl(`https://${HOST}/ctia/feed/${feedId(scenario)}/view.txt?s=${secret}`);
  await popup.click('button', 'Check feed');
  await expect
    .poll(async () => (await popup.textsOf('status')).join('') + (await popup.textsOf('alert')).join(''), { timeout: 15_000 })
    .not.toMatch(/^(Checking the feed…)?$/);
  return { status: (await popup.textsOf('status')).join(''), alerts: await popup.textsOf('alert'), popup };
}

it.each([
  ['observables', { status: 'OK — 4 observables: 2 domain, 1 ip.\nNot used by the gateway: 1 email.', alerts: [] }],
  ['huge', { status: 'OK — 60,000 observables: 45,000 domain, 15,000 url.', alerts: [] }],
  ['empty', {
    status: 'The feed works but is empty: the gateway will poll nothing.\nA feed lists the observables of judgements linked to its indicator that are still valid: link judgements to the indicator and check their validity period.',
    alerts: [],
  }],
  ['deleted', { status: '', alerts: ['No such feed (404): it was deleted, or its lifetime expired. Create the feed again in SecureX / XDR, or extend its lifetime, and copy the new URL.'] }],
  ['no-secret', { status: '', alerts: ['The feed says its secret is missing (400). Copy the whole URL, including "?s=…", from Feed Details.'] }],
  ['garbage', { status: '', alerts: ['The feed answered with something that is not a feed (a web page or plain text). Check that the Hostname and Polling Path came from the feed URL (HTTP 200).'] }],
  ['redirect', { status: '', alerts: ['The feed answered with a redirect instead of the feed. The gateway does not follow it: check the Hostname and Polling Path.'] }],
  ['oversized', { status: '', alerts: ['The feed is larger than 50 MB, more than ETF Autofill reads to count it. The gateway may still poll it (HTTP 200).'] }],
])('%s feed: the popup says what the gateway will get', async (scenario, expected) => {
  const { status, alerts, popup } = await check(scenario);
  expect({ status, alerts }).toEqual(expected);
  expect(requests).toHaveLength(1);
  expect(requests[0]!.url).toBe(`/ctia/feed/${feedId(scenario)}/view?s=${SECRET}`);
  expect(requests[0]!.headers.cookie).toBeUndefined();
  expect(requests[0]!.headers.authorization).toBeUndefined();
  await popup.close();
});

it('a wrong secret: the popup says the Collection Name is wrong', async () => {
  const { alerts, popup } = await check('observables', '00000000-0000-4000-8000-000000000000');
  expect(alerts).toEqual([
    english('feedSecretRefused'),
    'The feed refused the secret (401): the Collection Name is wrong or from an older copy of the URL. Copy the URL again from Feed Details.',
  ]);
  await popup.close();
});

it('a Judgements feed: the popup alerts and marks the feed', async () => {
  const { alerts, popup } = await check('judgements');
  expect(alerts).toEqual([
    english('judgementsOutput'),
    'The feed\'s Output is Judgements (1 judgement): the gateway will fail with "Cisco Threat Response feeds not supported for \'judgements\' format".\n' +
      'In SecureX / XDR, edit the feed and set Output to Observables. The URL and secret stay the same, so nothing else changes.',
  ]);
  expect(await popup.namesOf('radio')).toEqual([expect.stringMatching(/ Judgements EU · pasted · /)]);
  await popup.close();
});

it('a feed that never answers: the popup gives up after 10 seconds', async () => {
  const { alerts, popup } = await check('silent');
  expect(alerts).toEqual(['The feed did not answer within 10 seconds. Try again; the gateway polls with its own timeout.']);
  await popup.close();
});

function json(response: ServerResponse, status: number, body: unknown) {
  text(response, status, JSON.stringify(body), 'application/json');
}

function text(response: ServerResponse, status: number, body: string, type = 'text/plain') {
  response.writeHead(status, { 'content-type': type });
  response.end(body);
}
