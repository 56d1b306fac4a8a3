import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TLSSocket } from 'node:tls';
import { serveSavedPage, type FixtureServer } from './fixture-server';

/** The Cloud Gateway of the saved sites. */
export const GATEWAY_HOST = 'dh1234-esa1.iphmx.com';
export const GATEWAY_SIGN_IN_PATH = '/login';
/** AsyncOS's session cookie. */
export const GATEWAY_SESSION_COOKIE = 'sid';

/** The saved gateway pages that need a session once a test opts in (each also without its trailing slash). */
const PAGES_BEHIND_SIGN_IN = ['/', '/mail_policies/etf/add_source/', '/mail_policies/etf/sources/'];

export interface GatewaySession {
  /** How many times someone signed in. */
  signIns(): number;
  /** Ends every session, as the gateway does when one times out: the next page asks to sign in again. */
  signOutEveryone(): void;
  /** Back to the saved pages answering without a session, for the next test on the same server. */
  end(): void;
}

/**
 * Puts the gateway's pages behind its sign-in, as AsyncOS does: without a session, a page answers
 * with a redirect to `/login?referrer=<the page>`; the sign-in form (any non-empty username and
 * passphrase) sets the session cookie and goes back to the referrer, on this host only. Opt-in:
 * without it, the saved pages answer without a session.
 */
export function addGatewaySession(server: FixtureServer, host = GATEWAY_HOST): GatewaySession {
  const sessions = new Set<string>();
  let signIns = 0;
  let active = true;

  for (const page of PAGES_BEHIND_SIGN_IN) {
    const serve = (request: IncomingMessage, response: ServerResponse) => {
      if (active && !sessions.has(sessionOf(request))) return redirect(response, signInPage(request.url ?? page));
      void serveSavedPage(host, page, response);
    };
    server.route(host, page, serve);
    if (page !== '/') server.route(host, page.slice(0, -1), serve);
  }

  server.route(host, GATEWAY_SIGN_IN_PATH, async (request, response) => {
    if (request.method !== 'POST') return void serveSavedPage(host, `${GATEWAY_SIGN_IN_PATH}/`, response);
    const form = new URLSearchParams(await bodyOf(request));
    const referrer = sameHostPath(form.get('referrer'), host);
    if (!form.get('username') || !form.get('password')) return redirect(response, `${signInPage(referrer)}&failed=1`);
    const session = randomUUID();
    sessions.add(session);
    signIns += 1;
    const secure = (request.socket as TLSSocket).encrypted ? '; Secure' : '';
    redirect(response, referrer, [`${GATEWAY_SESSION_COOKIE}=${session}; Path=/; HttpOnly; SameSite=Lax${secure}`]);
  });

  return {
    signIns: () => signIns,
    signOutEveryone: () => sessions.clear(),
    end: () => {
      active = false;
    },
  };
}

function signInPage(referrer: string): string {
  return `${GATEWAY_SIGN_IN_PATH}?referrer=${encodeURIComponent(referrer)}`;
}

/** The referrer as a path on this host; anything pointing elsewhere lands on the gateway's home page. */
function sameHostPath(referrer: string | null, host: string): string {
  const target = URL.parse(referrer ?? '/', `https://${host}`);
  return target && target.hostname === host ? `${target.pathname}${target.search}` : '/';
}

function sessionOf(request: IncomingMessage): string {
  const cookies = (request.headers.cookie ?? '').split(/;\s*/);
  const session = cookies.find((cookie) => cookie.startsWith(`${GATEWAY_SESSION_COOKIE}=`));
  return session?.slice(GATEWAY_SESSION_COOKIE.length + 1) ?? '';
}

function redirect(response: ServerResponse, location: string, cookies: string[] = []) {
  response.writeHead(303, { location, 'set-cookie': cookies, 'cache-control': 'no-store' });
  response.end();
}

async function bodyOf(request: IncomingMessage): Promise<string> {
  let body = '';
  for await (const chunk of request) body += chunk;
  return body;
}
