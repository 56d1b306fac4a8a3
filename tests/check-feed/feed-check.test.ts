import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { describeCheck } from '@/utils/i18n/describe-check';
import { classifyFeedResponse, type FeedCheck } from '@/utils/check-feed/feed-check';

const recorded = (name: string) => readFileSync(`tests/fixtures/feeds/${name}`, 'utf8');

describe('classifyFeedResponse', () => {
  it.each<[string, number, string, FeedCheck]>([
    ['observables', 200, recorded('observables.json'), {
      kind: 'observables',
      total: 9,
      byType: { domain: 3, url: 2, ip: 1, sha256: 1, email: 1, sha1: 1 },
    }],
    ['judgements', 200, recorded('judgements.json'), { kind: 'judgements', total: 2 }],
    ['an empty feed', 200, recorded('empty.json'), { kind: 'observables', total: 0, byType: {} }],
    ['a login page', 200, recorded('login-page.html'), { kind: 'problem', code: 'not-json', status: 200 }],
    ['other JSON', 200, recorded('other-json.json'), { kind: 'problem', code: 'unexpected-json', status: 200 }],
    ['JSON null', 200, 'null', { kind: 'problem', code: 'unexpected-json', status: 200 }],
    ['an empty body', 200, '', { kind: 'problem', code: 'not-json', status: 200 }],
    ['observables that are not objects', 200, '{"observables":[1,"x",null,{"type":"IP"}]}', {
      kind: 'observables',
      total: 4,
      byType: { unknown: 3, ip: 1 },
    }],
    ['401 wrong secret', 401, 'wrong secret', { kind: 'problem', code: 'wrong-secret', status: 401 }],
    ['404 feed not found', 404, 'feed not found', { kind: 'problem', code: 'not-found', status: 404 }],
    ['400 missing secret', 400, '{"errors":{"s":"missing-required-key"}}', { kind: 'problem', code: 'missing-secret', status: 400 }],
    ['503', 503, 'Service Unavailable', { kind: 'problem', code: 'http-error', status: 503 }],
    ['204', 204, '', { kind: 'problem', code: 'http-error', status: 204 }],
  ])('%s', (_, status, body, expected) => {
    expect(classifyFeedResponse({ status, body })).toEqual(expected);
  });

  it('counts a feed of 60,000 observables', () => {
    const observables = Array.from({ length: 60_000 }, (_, i) => ({ type: i % 3 === 0 ? 'ip' : 'domain', value: `host-${i}.example` }));
    expect(classifyFeedResponse({ status: 200, body: JSON.stringify({ observables }) })).toEqual({
      kind: 'observables',
      total: 60_000,
      byType: { ip: 20_000, domain: 40_000 },
    });
  });
});

describe('describeCheck', () => {
  it.each<[string, FeedCheck, { urgent: boolean; lines: string[] }]>([
    ['observables the gateway uses and some it does not', { kind: 'observables', total: 9, byType: { domain: 3, url: 2, ip: 1, sha256: 1, email: 1, sha1: 1 } }, {
      urgent: false,
      lines: ['OK — 9 observables: 3 domain, 2 url, 1 ip, 1 sha256.', 'Not used by the gateway: 1 email, 1 sha1.'],
    }],
    ['one observable', { kind: 'observables', total: 1, byType: { domain: 1 } }, { urgent: false, lines: ['OK — 1 observable: 1 domain.'] }],
    ['a large feed', { kind: 'observables', total: 60_000, byType: { ip: 20_000, domain: 40_000 } }, {
      urgent: false,
      lines: ['OK — 60,000 observables: 40,000 domain, 20,000 ip.'],
    }],
    ['only unused types', { kind: 'observables', total: 2, byType: { email: 2 } }, {
      urgent: false,
      lines: ['OK — 2 observables.', 'Not used by the gateway: 2 email.'],
    }],
    ['an empty feed', { kind: 'observables', total: 0, byType: {} }, {
      urgent: false,
      lines: [
        'The feed works but is empty: the gateway will poll nothing.',
        'A feed lists the observables of judgements linked to its indicator that are still valid: link judgements to the indicator and check their validity period.',
      ],
    }],
    ['judgements', { kind: 'judgements', total: 2 }, {
      urgent: true,
      lines: [
        'The feed\'s Output is Judgements (2 judgements): the gateway will fail with "Cisco Threat Response feeds not supported for \'judgements\' format".',
        'In SecureX / XDR, edit the feed and set Output to Observables. The URL and secret stay the same, so nothing else changes.',
      ],
    }],
    ['401', { kind: 'problem', code: 'wrong-secret', status: 401 }, {
      urgent: true,
      lines: ['The feed refused the secret (401): the Collection Name is wrong or from an older copy of the URL. Copy the URL again from Feed Details.'],
    }],
    ['404', { kind: 'problem', code: 'not-found', status: 404 }, {
      urgent: true,
      lines: ['No such feed (404): it was deleted, or its lifetime expired. Create the feed again in SecureX / XDR, or extend its lifetime, and copy the new URL.'],
    }],
    ['400', { kind: 'problem', code: 'missing-secret', status: 400 }, {
      urgent: true,
      lines: ['The feed says its secret is missing (400). Copy the whole URL, including "?s=…", from Feed Details.'],
    }],
    ['503', { kind: 'problem', code: 'http-error', status: 503 }, {
      urgent: true,
      lines: ['The feed answered with an error. Try again later; if it persists, check the feed in SecureX / XDR (HTTP 503).'],
    }],
    ['a redirect', { kind: 'problem', code: 'redirect' }, {
      urgent: true,
      lines: ['The feed answered with a redirect instead of the feed. The gateway does not follow it: check the Hostname and Polling Path.'],
    }],
    ['a timeout', { kind: 'problem', code: 'timeout' }, {
      urgent: true,
      lines: ['The feed did not answer within 10 seconds. Try again; the gateway polls with its own timeout.'],
    }],
  ])('%s', (_, check, expected) => {
    expect(describeCheck(check)).toEqual(expected);
  });

  it.each(['not-json', 'unexpected-json', 'network', 'too-large', 'permission-refused'] as const)('explains %s in one sentence or two', (code) => {
    const { urgent, lines } = describeCheck({ kind: 'problem', code });
    expect(urgent).toBe(true);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^[A-Z].+\.$/);
  });
});
