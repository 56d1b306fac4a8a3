import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseFeedUrl, type FeedUrlResult } from '@/utils/feed/feed-url';
import { describeParseError } from '@/utils/i18n/describe-parse';
import { FEED_IDS, SECRETS, feedUrl } from '../support/feeds';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ERROR_CODES = ['empty', 'not-a-url', 'not-https', 'not-a-feed-url', 'missing-secret', 'bad-secret'];

/** What every result must be: an error with a known code and a message, or well-formed fields. */
function expectWellFormed(result: FeedUrlResult) {
  if (!result.ok) {
    expect(ERROR_CODES).toContain(result.error.code);
    expect(describeParseError(result.error).length).toBeGreaterThan(10);
    return;
  }
  expect(result.fields.hostname).toMatch(/^(?:[a-z0-9-]+(?:\.[a-z0-9-]+)*|\[[0-9a-f:.]+\])$/);
  expect(result.fields.pollingPath).toBe(`/ctia/feed/${result.feedId}/view`);
  expect(result.feedId.slice(5)).toMatch(UUID);
  expect(result.fields.collectionName).toMatch(UUID);
  expect(result.port).toBeGreaterThan(0);
}

/** A valid feed URL with characters inserted, deleted or replaced at random places. */
const mutatedFeedUrl = fc
  .tuple(
    fc.constantFrom(feedUrl(0), feedUrl(1, 'private.intel.eu.amp.cisco.com:443'), feedUrl(2).replace('view.txt', 'view')),
    fc.array(
      fc.record({ at: fc.nat(), remove: fc.nat({ max: 3 }), insert: fc.string({ maxLength: 4, unit: 'binary' }) }),
      { maxLength: 4 },
    ),
  )
  .map(([url, edits]) =>
    edits.reduce((text, { at, remove, insert }) => {
      const i = at % (text.length + 1);
      return text.slice(0, i) + insert + text.slice(i + remove);
    }, url),
  );

describe('parseFeedUrl on any input', () => {
  it('never throws, and answers ok only with well-formed fields (arbitrary strings)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => expectWellFormed(parseFeedUrl(text))),
      { numRuns: 2000 },
    );
  });

  it('never throws, and answers ok only with well-formed fields (mutated feed URLs)', () => {
    fc.assert(fc.property(mutatedFeedUrl, (text) => expectWellFormed(parseFeedUrl(text))), { numRuns: 2000 });
  });

  it('finds the same feed wherever it stands in surrounding text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fc.string({ maxLength: 200 }), fc.nat({ max: 2 }), (before, after, which) => {
        const result = parseFeedUrl(`${before.replace(/[^\s]$/, '$& ')} ${feedUrl(which)} ${after}`);
        // Text before may itself hold a URL the parser prefers; when it names this feed, it is exact.
        if (result.ok && result.feedId === FEED_IDS[which]) expect(result.fields.collectionName).toBe(SECRETS[which]);
        expectWellFormed(result);
      }),
      { numRuns: 1000 },
    );
  });

  it('returns for inputs built of a repeated piece, however long (no quadratic corners)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', minLength: 1, maxLength: 12 }), fc.integer({ min: 10_000, max: 60_000 }), (piece, times) => {
        expectWellFormed(parseFeedUrl(piece.repeat(times)));
      }),
      { numRuns: 40 },
    );
  });
});
