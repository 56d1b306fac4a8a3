import { describe, expect, it } from 'vitest';
import { english } from './english';
import { feedNotices } from '@/utils/i18n/feed-notices';

const TXT = { code: 'txt-view', message: 'Removed ".txt".' };
const VIEW = { code: 'judgements-view', message: 'Looks like Judgements.' };
const HOST = { code: 'unrecognized-host', message: 'Unknown host.' };
const OUTPUT = { code: 'judgements-output', message: english('judgementsOutput') };

describe('feedNotices', () => {
  it.each([
    ['a clean .txt URL, Output unknown', { warnings: [TXT] }, { alerts: [], notes: [TXT] }],
    ['a /view URL, Output unknown: the hint alerts', { warnings: [VIEW, HOST] }, { alerts: [VIEW], notes: [HOST] }],
    ['a /view URL whose Output is Observables: no hint', { warnings: [VIEW], output: 'observables' as const }, { alerts: [], notes: [] }],
    ['Output Judgements: the certain alert replaces the hint', { warnings: [VIEW, HOST], output: 'judgements' as const }, { alerts: [OUTPUT], notes: [HOST] }],
    ['a .txt URL whose Output is Judgements', { warnings: [TXT], output: 'judgements' as const }, { alerts: [OUTPUT], notes: [TXT] }],
  ])('%s', (_, feed, expected) => {
    expect(feedNotices(feed)).toEqual(expected);
  });
});
