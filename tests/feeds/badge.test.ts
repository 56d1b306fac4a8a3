import { describe, expect, it } from 'vitest';
import { badgeFor } from '@/utils/feeds/badge';
import { storedFeed } from '../support/feeds';

describe('badgeFor', () => {
  it.each([
    ['no feeds', [], { text: '', color: '#0b5cad' }],
    ['two Observables feeds', [storedFeed(0, { output: 'observables' }), storedFeed(1)], { text: '2', color: '#0b5cad' }],
    ['a Judgements feed among them', [storedFeed(0), storedFeed(1, { output: 'judgements' })], { text: '2', color: '#b42318' }],
  ])('%s', (_, feeds, badge) => {
    expect(badgeFor(feeds)).toEqual(badge);
  });
});
