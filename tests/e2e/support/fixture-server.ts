import { readFile } from 'node:fs/promises';
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';
import { generate } from 'selfsigned';

/** Saved pages, one folder per host name: sites/<host>/<path>, `index.html` for a folder. */
export const SITES_DIR = resolve('tests/fixtures/sites');

/** An on-premises gateway reached over plain HTTP: the same saved site as its HTTPS twin. */
export const ONPREM_HTTP_HOST = 'esa-http.corp.example';
const CLOUD_GATEWAY_HOST = 'dh1234-esa1.iphmx.com';
/** Another Cloud Gateway: the extension may script every iphmx.com host, this one included. */
export const OTHER_CLOUD_GATEWAY_HOST = 'dh9999-esa2.iphmx.com';
/** A Cloud Gateway host name served over plain HTTP only. */
export const CLOUD_GATEWAY_HTTP_HOST = 'dh5678-esa1.iphmx.com';
/** Host names that look like the Cloud Gateway's and are not: each serves a copy of its Add Source form. */
export const LOOKALIKE_GATEWAY_HOSTS = ['dh1234-esa1.iphmx.com.evil.example', 'iphmx.com.evil.example', 'evil-iphmx.com'] as const;
const SITE_ALIASES: Record<string, string> = {
  [ONPREM_HTTP_HOST]: 'esa.corp.example',
  ...Object.fromEntries([OTHER_CLOUD_GATEWAY_HOST, CLOUD_GATEWAY_HTTP_HOST, ...LOOKALIKE_GATEWAY_HOSTS].map((host) => [host, CLOUD_GATEWAY_HOST])),
};

export type RouteHandler = (request: IncomingMessage, response: ServerResponse) => void;

export interface FixtureServer {
  httpsPort: number;
  httpPort: number;
  /** Chromium's --host-resolver-rules that send the real host names here. */
  hostRules: string;
  /** Answers `host` + `path` with `handler` instead of a saved page (mock APIs). */
  route(host: string, path: string, handler: RouteHandler): void;
  close(): Promise<void>;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

/**
 * Serves the saved sites over HTTPS (self-signed, made now) and plain HTTP on loopback, choosing the
 * site by the Host header, so the browser can visit the real host names mapped to 127.0.0.1.
 */
export async function startFixtureServer(): Promise<FixtureServer> {
  const routes = new Map<string, RouteHandler>();
  const { private: key, cert } = await generate([{ name: 'commonName', value: 'fixtures.test' }], {
    keySize: 2048,
    algorithm: 'sha256',
  });

  const handle = (request: IncomingMessage, response: ServerResponse) => {
    const host = (request.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
    const path = new URL(request.url ?? '/', 'http://fixture').pathname;
    const route = routes.get(`${host}${path}`);
    if (route) return route(request, response);
    serveSavedPage(host, path, response);
  };
  const https = createHttpsServer({ key, cert }, handle);
  const http = createHttpServer(handle);
  const [httpsPort, httpPort] = await Promise.all([listen(https), listen(http)]);

  // The first rule that matches a host name wins: exact names before wildcards.
  const hostRules = [
    `MAP *.cisco.com 127.0.0.1:${httpsPort}`,
    `MAP ${CLOUD_GATEWAY_HTTP_HOST} 127.0.0.1:${httpPort}`,
    `MAP *.iphmx.com 127.0.0.1:${httpsPort}`,
    `MAP *.evil.example 127.0.0.1:${httpsPort}`,
    `MAP evil-iphmx.com 127.0.0.1:${httpsPort}`,
    `MAP ${ONPREM_HTTP_HOST} 127.0.0.1:${httpPort}`,
    `MAP *.corp.example 127.0.0.1:${httpsPort}`,
    'EXCLUDE localhost',
  ].join(', ');

  return {
    httpsPort,
    httpPort,
    hostRules,
    route: (host, path, handler) => routes.set(`${host}${path}`, handler),
    close: () => Promise.all([close(https), close(http)]).then(() => undefined),
  };
}

async function serveSavedPage(host: string, path: string, response: ServerResponse) {
  const siteDir = join(SITES_DIR, SITE_ALIASES[host] ?? host);
  const file = normalize(join(siteDir, path.endsWith('/') ? `${path}index.html` : path));
  if (host === '' || !file.startsWith(`${siteDir}/`)) return notFound(response);
  try {
    const body = await readFile(file);
    response.writeHead(200, { 'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream' });
    response.end(body);
  } catch {
    notFound(response);
  }
}

function notFound(response: ServerResponse) {
  response.writeHead(404, { 'content-type': 'text/plain' });
  response.end('not found');
}

function listen(server: Server): Promise<number> {
  return new Promise((resolvePort, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolvePort((server.address() as AddressInfo).port));
  });
}

function close(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((done) => server.close(() => done()));
}
