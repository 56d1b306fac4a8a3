import { describe, expect, it } from 'vitest';
import { FEED_ID_IN_TEXT } from '@/utils/feed/feed-id';
import { FEED_IDS } from '../support/feeds';

const ID = FEED_IDS[0];
/** A UUID reads the same in capitals; a Polling Path typed by hand may have them. */
const ID_IN_CAPITALS = `feed-${ID.slice('feed-'.length).toUpperCase()}`;

describe('FEED_ID_IN_TEXT: the feed a Polling Path names', () => {
  it.each<[string, string, string]>([
    ['the Polling Path Autofill fills', `/ctia/feed/${ID}/view`, ID],
    ['a view.txt path typed by hand', `/ctia/feed/${ID}/view.txt`, ID],
    ['the URL-encoded long shape', `/ctia/feed/https%3A%2F%2Fprivate.intel.amp.cisco.com%3A443%2Fctia%2Ffeed%2F${ID}/view.txt`, ID],
    ['a path with the id in capitals, kept as written', `/ctia/feed/${ID_IN_CAPITALS}/view`, ID_IN_CAPITALS],
  ])('finds the feed id in %s', (_, path, id) => {
    expect(FEED_ID_IN_TEXT.exec(path)?.[0]).toBe(id);
  });

  it.each<[string, string]>([
    ['an empty Polling Path', ''],
    ['a path without a feed id', '/ctia/feed/'],
    ['a feed id cut short', `/ctia/feed/${ID.slice(0, 20)}/view`],
    ['a TAXII collection path', '/taxii2/collections/'],
  ])('finds no feed id in %s', (_, path) => {
    expect(FEED_ID_IN_TEXT.exec(path)).toBeNull();
  });
});
