import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { connect } from 'node:net';
import { ONPREM_HTTP_HOST, type FixtureServer } from '../../e2e/support/fixture-server';

export interface ConnectProxy {
  port: number;
  close(): Promise<void>;
}

/** The HTTPS host names the fixture server serves, as Chromium's resolver rules map them. */
const HTTPS_HOSTS = [/\.cisco\.com$/, /\.iphmx\.com$/, /\.corp\.example$/];

/**
 * Firefox has no resolver rules: it sends every request through this proxy, which tunnels the
 * Cisco and gateway host names to the local fixture server (HTTPS by CONNECT, the plain-HTTP
 * gateway by absolute-URI requests) and answers 403 to everything else.
 */
export async function startConnectProxy(server: Pick<FixtureServer, 'httpsPort' | 'httpPort'>): Promise<ConnectProxy> {
  const sockets = new Set<Socket>();
  const proxy = createServer((request, response) => {
    const target = new URL(request.url ?? '/', 'http://invalid');
    if (target.protocol !== 'http:' || target.hostname !== ONPREM_HTTP_HOST || target.port !== '') {
      response.writeHead(403).end();
      return;
    }
    const upstream = httpRequest(
      { host: '127.0.0.1', port: server.httpPort, method: request.method, path: `${target.pathname}${target.search}`, headers: request.headers },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      },
    );
    upstream.on('error', () => response.destroy());
    request.pipe(upstream);
  });

  proxy.on('connect', (request, client: Socket, head: Buffer) => {
    client.on('error', () => client.destroy());
    const [host = '', port = ''] = (request.url ?? '').split(':');
    if (port !== '443' || !HTTPS_HOSTS.some((pattern) => pattern.test(host.toLowerCase()))) {
      client.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    const upstream = connect(server.httpsPort, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    upstream.on('error', () => client.destroy());
    client.on('close', () => upstream.destroy());
  });
  proxy.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  const port = await new Promise<number>((resolvePort, reject) => {
    proxy.once('error', reject);
    proxy.listen(0, '127.0.0.1', () => resolvePort((proxy.address() as AddressInfo).port));
  });
  return { port, close: () => closeServer(proxy, sockets) };
}

function closeServer(server: Server, sockets: Set<Socket>): Promise<void> {
  for (const socket of sockets) socket.destroy();
  return new Promise((done) => server.close(() => done()));
}
