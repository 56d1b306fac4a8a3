import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { startFixtureServer, type FixtureServer } from './fixture-server';

/** The feeds the saved console pages show, served by a mock of the private-intel feed endpoint. */
export const FIXTURE_FEEDS = [
  {
    title: 'Phishing domains',
    host: 'private.intel.amp.cisco.com',
    id: 'feed-8f2b1c3e-5d4a-4e6f-9a7b-1c2d3e4f5a6b',
    secret: '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
    body: 'observables.json',
  },
  {
    title: 'C2 IP addresses',
    host: 'private.intel.amp.cisco.com',
    id: 'feed-1e0c9d8b-7a6f-4e5d-8c4b-3a2f1e0d9c8b',
    secret: 'f9e8d7c6-b5a4-4938-a7b6-c5d4e3f2a1b0',
    body: 'judgements.json',
  },
  {
    title: 'Malware hashes',
    host: 'private.intel.eu.amp.cisco.com',
    id: 'feed-6c5d4e3f-2a1b-4c0d-9e8f-7a6b5c4d3e2f',
    secret: '2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f',
    body: 'observables.json',
  },
  {
    title: 'Phishing kit domains (EU gateways)',
    host: 'private.intel.amp.cisco.com',
    id: 'feed-5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d',
    secret: '1b4e28ba-2fa1-41d2-883f-0016d3cca427',
    body: 'empty.json',
  },
] as const;

const FEED_BODIES = resolve('tests/fixtures/feeds');

/** `count` feeds as the background keeps them in session storage, newest first, a minute apart. */
export function keptFeeds(count: number) {
  return Array.from({ length: count }, (_, i) => {
    const feed = FIXTURE_FEEDS[i % FIXTURE_FEEDS.length]!;
    const id = `${feed.id.slice(0, -2)}${String(i).padStart(2, '0')}`;
    const seenAt = Date.now() - i * 60_000;
    return {
      key: id,
      feedId: id,
      fields: { hostname: feed.host, pollingPath: `/ctia/feed/${id}/view`, collectionName: feed.secret },
      region: feed.host.includes('.eu.') ? 'eu' : 'us',
      warnings: [] as { code: string; message: string }[],
      title: `${feed.title} ${i + 1}`,
      output: 'observables' as 'observables' | 'judgements',
      source: 'copy',
      seenOn: 'xdr.us.security.cisco.com',
      seenAt,
      actedAt: seenAt,
    };
  });
}

/**
 * The saved consoles and gateways (tests/fixtures/sites) plus the mock feed endpoint, answering as
 * CTIA does: the feed for the right secret, 401 for a wrong one, 400 for none.
 */
export async function startLocalWorld(): Promise<FixtureServer> {
  const server = await startFixtureServer();
  for (const feed of FIXTURE_FEEDS) {
    const body = readFileSync(resolve(FEED_BODIES, feed.body));
    server.route(feed.host, `/ctia/feed/${feed.id}/view`, (request, response) => {
      const secret = new URL(request.url ?? '/', 'https://feed').searchParams.get('s');
      const [status, answer, type] =
        secret === feed.secret ? [200, body, 'application/json'] : secret ? [401, 'wrong secret', 'text/plain'] : [400, 'missing secret', 'text/plain'];
      response.writeHead(status, { 'content-type': type });
      response.end(answer);
    });
  }
  return server;
}
