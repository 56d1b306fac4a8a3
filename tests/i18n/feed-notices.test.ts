import { describe, expect, it } from 'vitest';
import { english } from '../support/english';
import { feedNotices } from '@/utils/i18n/feed-notices';

const FEED = { fields: { hostname: 'intel.example.org' } };
const TXT = { code: 'txt-view', message: english('parseTxtView') };
const VIEW = { code: 'judgements-view', message: english('parseJudgementsView') };
const HOST = { code: 'unrecognized-host', message: english('parseUnrecognizedHost', 'intel.example.org') };
const OUTPUT = { code: 'judgements-output', message: english('judgementsOutput') };
const code = ({ code }: { code: string }) => ({ code }) as { code: 'txt-view' | 'judgements-view' | 'unrecognized-host' };

describe('feedNotices', () => {
  it.each([
    ['a clean .txt URL, Output unknown', { warnings: [TXT] }, { alerts: [], notes: [TXT] }],
    ['a /view URL, Output unknown: the hint alerts', { warnings: [VIEW, HOST] }, { alerts: [VIEW], notes: [HOST] }],
    ['a /view URL whose Output is Observables: no hint', { warnings: [VIEW], output: 'observables' as const }, { alerts: [], notes: [] }],
    ['Output Judgements: the certain alert replaces the hint', { warnings: [VIEW, HOST], output: 'judgements' as const }, { alerts: [OUTPUT], notes: [HOST] }],
    ['a .txt URL whose Output is Judgements', { warnings: [TXT], output: 'judgements' as const }, { alerts: [OUTPUT], notes: [TXT] }],
  ])('%s', (_, feed, expected) => {
    expect(feedNotices({ ...FEED, ...feed, warnings: feed.warnings.map(code) })).toEqual(expected);
  });

  it('names the port of a feed on another port than 443', () => {
    expect(feedNotices({ ...FEED, port: 8443, warnings: [{ code: 'custom-port' }] }).notes).toEqual([
      { code: 'custom-port', message: 'This URL uses port 8443: set Polling Port to 8443 instead of 443.' },
    ]);
  });
});
