import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SOURCE_FIELD_KEYS } from '@/utils/gateway/etf-fields';
import { checkSource, mayNameCiscoFeed, type SourceCheck, type SourceFormValues } from '@/utils/gateway/source-check';
import { FEED_IDS, SECRETS } from '../support/feeds';

/** Pieces people type into the three text fields, right and wrong, for random forms to be made of. */
const PIECES = [
  'https://', 'http://', 'private.intel.amp.cisco.com', 'private.intel.eu.amp.cisco.com', 'intel.example.org', ':443', ':8443', ':0',
  '/ctia/feed/', FEED_IDS[0], FEED_IDS[1].slice(0, 20), '/view', '.txt', '/', '?', 's=', '&', SECRETS[0], SECRETS[1].slice(0, 30),
  'hailataxii.com', '/taxii-data', 'guest.Abuse_ch', '%3A%2F%2F', ' ', '\uD800',
];
const typed = fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 6, unit: 'binary' })), { maxLength: 8 }).map((parts) => parts.join(''));
const settings = {
  useHttps: fc.constantFrom(true, false, null),
  pollingPort: fc.constantFrom('443', '8443', '80', ''),
  configureUserCredentials: fc.constantFrom(true, false, null),
};
const form = fc.record<SourceFormValues>({ hostname: typed, pollingPath: typed, collectionName: typed, ...settings });

/** One feed's parts, each typed in one of the ways people type it, right or wrong. */
const HOSTS = ['private.intel.amp.cisco.com', 'private.intel.eu.amp.cisco.com:443', 'intel.example.org:8443'];
const feedForm = fc.constantFrom(...HOSTS).chain((host) => {
  const url = `https://${host}/ctia/feed/${FEED_IDS[0]}/view.txt?s=${SECRETS[0]}`;
  const path = `/ctia/feed/${FEED_IDS[0]}`;
  return fc.record<SourceFormValues>({
    hostname: fc.constantFrom(host, `https://${host}`, `${host}/`, url, ''),
    pollingPath: fc.constantFrom(`${path}/view`, `${path}/view.txt`, path, `${path}/view?s=${SECRETS[0]}`, url, `/ctia/feed/https%3A%2F%2F${host}%2Fctia%2Ffeed%2F${FEED_IDS[0]}/view.txt`, ''),
    collectionName: fc.constantFrom(SECRETS[0], `s=${SECRETS[0]}`, `?s=${SECRETS[0]}`, url, ''),
    ...settings,
  });
});

function expectWellFormed(check: SourceCheck) {
  if (check.kind === 'not-a-feed') return;
  for (const mistake of check.mistakes) expect(SOURCE_FIELD_KEYS).toContain(mistake.field);
  if (check.feedId !== null) expect(check.fix.pollingPath).toBe(`/ctia/feed/${check.feedId}/view`);
  if (check.fix.collectionName !== null) expect(check.fix.collectionName).toMatch(/^[0-9a-f]{8}(?:-[0-9a-f]{4}){3}-[0-9a-f]{12}$/i);
  expect(check.fix.pollingPort).toMatch(/^[1-9]\d*$/);
}

describe('checkSource on forms typed at random', () => {
  it('never throws, and names each mistake beside one of the six fields', () => {
    fc.assert(
      fc.property(fc.oneof(form, feedForm), (values) => expectWellFormed(checkSource(values))),
      { numRuns: 2000 },
    );
  });

  it('is asked for by the gateway page for every form it takes for a Cisco feed (the page’s first look lets none through)', () => {
    fc.assert(
      fc.property(fc.oneof(form, feedForm), (values) => {
        if (checkSource(values).kind === 'feed') expect(mayNameCiscoFeed(values)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('finds nothing left to fix in a form Fix has set', () => {
    fc.assert(
      fc.property(fc.oneof(form, feedForm), (values) => {
        const check = checkSource(values);
        if (check.kind !== 'feed' || check.fix.hostname === null || check.fix.pollingPath === null || check.fix.collectionName === null) return;
        const fixed = { ...values, ...check.fix } as SourceFormValues;
        // The form names the port only in Polling Port once fixed: the kept feed knows it.
        expect(checkSource(fixed, { port: Number(check.fix.pollingPort) })).toEqual({ ...check, mistakes: [] });
      }),
      { numRuns: 2000 },
    );
  });
});
