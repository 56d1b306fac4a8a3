import { request } from 'node:https';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtensionBrowser, type ExtensionBrowser } from './support/extension-browser';
import { startFixtureServer, type FixtureServer } from './support/fixture-server';
import { addGatewaySession, GATEWAY_HOST, type GatewaySession } from './support/gateway-session';

// The sign-in the "Add to <gateway>" tests go through, checked on its own, over plain requests.

const ADD_SOURCE = '/mail_policies/etf/add_source/';
let server: FixtureServer;
let session: GatewaySession;

beforeAll(async () => {
  server = await startFixtureServer();
});
afterAll(() => server.close());

interface Answer {
  status: number;
  location: string | undefined;
  cookies: string[];
  body: string;
}

/** One request to the gateway's host name, without following redirects. */
function ask(path: string, options: { cookie?: string; form?: Record<string, string> } = {}): Promise<Answer> {
  const body = options.form ? new URLSearchParams(options.form).toString() : undefined;
  return new Promise((resolve, reject) => {
    const outgoing = request(
      {
        host: '127.0.0.1',
        port: server.httpsPort,
        servername: GATEWAY_HOST,
        path,
        method: body === undefined ? 'GET' : 'POST',
        rejectUnauthorized: false,
        timeout: 5000,
        headers: {
          host: GATEWAY_HOST,
          ...(options.cookie ? { cookie: options.cookie } : {}),
          ...(body === undefined ? {} : { 'content-type': 'application/x-www-form-urlencoded' }),
        },
      },
      (incoming) => {
        let text = '';
        incoming.setEncoding('utf8');
        incoming.on('data', (chunk: string) => (text += chunk));
        incoming.on('end', () =>
          resolve({ status: incoming.statusCode ?? 0, location: incoming.headers.location, cookies: incoming.headers['set-cookie'] ?? [], body: text }),
        );
      },
    );
    outgoing.on('timeout', () => outgoing.destroy(new Error(`no answer for ${path} within 5 s`)));
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

async function signIn(referrer: string): Promise<{ answer: Answer; cookie: string }> {
  const answer = await ask('/login', { form: { referrer, screen: 'login', username: 'admin', password: 'Passphrase-1' } });
  return { answer, cookie: answer.cookies[0]?.split(';')[0] ?? '' };
}

describe('without the sign-in (the default)', () => {
  it('serves the Add Source page to anyone', async () => {
    const answer = await ask(ADD_SOURCE);
    expect(answer.status).toBe(200);
    expect(answer.body).toContain('id="add_source_form"');
  });
});

describe('with the sign-in', () => {
  beforeAll(() => {
    session = addGatewaySession(server);
  });
  afterAll(() => session.end());

  it.each([ADD_SOURCE, '/mail_policies/etf/add_source', '/mail_policies/etf/sources/', '/'])('sends %s to the sign-in page, which will bring the person back', async (path) => {
    const answer = await ask(`${path}?screen=add`);
    expect([answer.status, answer.location]).toEqual([303, `/login?referrer=${encodeURIComponent(`${path}?screen=add`)}`]);
  });

  it('serves the sign-in page, whose form posts the referrer back to /login', async () => {
    const answer = await ask(`/login?referrer=${encodeURIComponent(ADD_SOURCE)}`);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatch(/<form name="login_form" method="post" action="\/login">/);
    expect(answer.body).toContain('name="referrer"');
    expect(answer.body).toContain('<label for="password">Passphrase:</label>');
  });

  it('signs in, sets the session cookie and goes back to the page asked for, which then answers', async () => {
    const signInsBefore = session.signIns();
    const { answer, cookie } = await signIn(ADD_SOURCE);
    expect([answer.status, answer.location]).toEqual([303, ADD_SOURCE]);
    expect(answer.cookies).toEqual([expect.stringMatching(/^sid=[0-9a-f-]{36}; Path=\/; HttpOnly; SameSite=Lax; Secure$/)]);
    expect(session.signIns()).toBe(signInsBefore + 1);
    const page = await ask(ADD_SOURCE, { cookie });
    expect(page.status).toBe(200);
    expect(page.body).toContain('id="add_source_form"');
    const list = await ask('/mail_policies/etf/sources/', { cookie });
    expect(list.body).toContain('<input type="button" id="add_source" value="Add Source" />');
  });

  it.each([
    ['another site', 'https://phish.example/steal'],
    ['a look-alike host', `https://${GATEWAY_HOST}.phish.example/`],
    ['a scheme-relative URL', '//phish.example/'],
  ])('goes back to the gateway’s home page, not to %s', async (_, referrer) => {
    const { answer } = await signIn(referrer);
    expect(answer.location).toBe('/');
  });

  it('refuses an empty passphrase, back to the sign-in page with the message', async () => {
    const answer = await ask('/login', { form: { referrer: ADD_SOURCE, username: 'admin', password: '' } });
    expect([answer.status, answer.location, answer.cookies]).toEqual([303, `/login?referrer=${encodeURIComponent(ADD_SOURCE)}&failed=1`, []]);
  });

  it('refuses a made-up session', async () => {
    const answer = await ask(ADD_SOURCE, { cookie: 'sid=00000000-0000-4000-8000-000000000000' });
    expect(answer.status).toBe(303);
  });
});

describe('with the sign-in, in the browser', () => {
  let browser: ExtensionBrowser;
  beforeAll(async () => {
    session = addGatewaySession(server);
    browser = await launchExtensionBrowser({ hostRules: server.hostRules });
  });
  afterAll(async () => {
    await browser.close();
    session.end();
  });

  it('signs in on the way to the Add Source page, and the sources list’s Add Source button opens the form', async () => {
    const page = await browser.context.newPage();
    await page.goto(`https://${GATEWAY_HOST}${ADD_SOURCE}`, { timeout: 10_000 });
    expect(page.url()).toBe(`https://${GATEWAY_HOST}/login?referrer=${encodeURIComponent(ADD_SOURCE)}`);
    await page.getByLabel('Username:').fill('admin');
    await page.getByLabel('Passphrase:').fill('Passphrase-1');
    await Promise.all([page.waitForURL(`https://${GATEWAY_HOST}${ADD_SOURCE}`, { timeout: 10_000 }), page.getByRole('button', { name: 'Login' }).click({ timeout: 10_000 })]);
    expect(await page.locator('#add_source_form').count()).toBe(1);

    await page.goto(`https://${GATEWAY_HOST}/mail_policies/etf/sources/`, { timeout: 10_000 });
    expect(await page.getByRole('heading', { name: 'External Threat Feeds Manager' }).count()).toBe(1);
    expect(await page.locator('form#add_source_form').count()).toBe(0);
    await Promise.all([page.waitForURL(`https://${GATEWAY_HOST}${ADD_SOURCE}`, { timeout: 10_000 }), page.getByRole('button', { name: 'Add Source' }).click({ timeout: 10_000 })]);
    expect(await page.locator('#add_source_form').count()).toBe(1);
  });
});
