import { describe, expect, it } from 'vitest';
import { checkSource, type SourceFormValues, type SourceMistake, type SourceMistakeCode } from '@/utils/gateway/source-check';
import { describeSourceMistake } from '@/utils/i18n/describe-source-check';
import { t } from '@/utils/i18n/i18n';
import { FEED_IDS, SECRETS, feedUrl } from '../support/feeds';

/** One mistake of each code; the record makes the compiler name any code left out. */
const EVERY_MISTAKE: Record<SourceMistakeCode, [SourceMistake, string]> = {
  'host-missing': [{ field: 'hostname', code: 'host-missing' }, "Hostname must be the feed's host, like private.intel.amp.cisco.com."],
  'url-in-hostname': [{ field: 'hostname', code: 'url-in-hostname' }, 'Hostname takes the host name alone: the path goes in Polling Path, the secret in Collection Name.'],
  'scheme-in-hostname': [{ field: 'hostname', code: 'scheme-in-hostname' }, 'Remove the scheme (https://) from Hostname: it takes the host name alone, and Use HTTPS sets how to connect.'],
  'user-in-hostname': [
    { field: 'hostname', code: 'user-in-hostname' },
    'Remove the user name (the part up to “@”) from Hostname: feeds take no user or password, and the secret goes in Collection Name.',
  ],
  'port-in-hostname': [{ field: 'hostname', code: 'port-in-hostname', port: 443 }, 'Remove the port (:443) from Hostname: the port goes in Polling Port.'],
  'path-not-feed': [{ field: 'pollingPath', code: 'path-not-feed' }, "Polling Path must be the feed's path, /ctia/feed/feed-…/view, as in its URL."],
  'url-in-path': [{ field: 'pollingPath', code: 'url-in-path' }, 'Polling Path takes the path alone, from /ctia/feed/ on: the host goes in Hostname.'],
  'query-in-path': [{ field: 'pollingPath', code: 'query-in-path' }, 'Remove the part from “?” on: the secret goes in Collection Name.'],
  'txt-view': [{ field: 'pollingPath', code: 'txt-view' }, 'Remove .txt: the gateway reads the JSON view, …/view.'],
  'view-missing': [{ field: 'pollingPath', code: 'view-missing' }, "Add /view at the end: the gateway reads the feed's JSON view, …/view."],
  'judgements-output': [
    { field: 'pollingPath', code: 'judgements-output' },
    "This feed's Output is Judgements, which the gateway rejects. In SecureX / XDR, edit the feed and set Output to Observables: its URL and secret stay the same.",
  ],
  'secret-missing': [{ field: 'collectionName', code: 'secret-missing' }, "Collection Name must be the feed's secret: the 36 characters after s= in its URL."],
  'url-in-collection-name': [{ field: 'collectionName', code: 'url-in-collection-name' }, "Collection Name takes the feed's secret alone, not its whole URL."],
  's-in-collection-name': [{ field: 'collectionName', code: 's-in-collection-name' }, 'Remove “s=” from Collection Name: it takes the secret alone.'],
  'secret-malformed': [
    { field: 'collectionName', code: 'secret-malformed' },
    'This secret is cut short or altered: it should be 36 characters like 1b4e28ba-2fa1-11d2-883f-0016d3cca427.',
  ],
  'secret-differs': [
    { field: 'collectionName', code: 'secret-differs' },
    'This is not the secret ETF Autofill has for this feed: Check feed in the ETF Autofill popup says which one the feed host accepts.',
  ],
  'https-not-yes': [{ field: 'useHttps', code: 'https-not-yes' }, 'Use HTTPS must be Yes: the feed is served over HTTPS only.'],
  'wrong-port': [{ field: 'pollingPort', code: 'wrong-port', port: 8443 }, 'Polling Port should be 8443.'],
  'credentials-yes': [
    { field: 'configureUserCredentials', code: 'credentials-yes' },
    "Configure User Credentials must be No: the secret in Collection Name is the feed's only credential.",
  ],
};

describe('describeSourceMistake', () => {
  it.each(Object.values(EVERY_MISTAKE))('%j', (mistake, words) => {
    expect(describeSourceMistake(mistake)).toBe(words);
  });

  it('words the Fix button and the summary line', () => {
    expect(t('sourceCheckFix')).toBe('Fix');
    expect(t('sourceCheckSummary')).toBe('ETF Autofill: this source will not poll the feed as it is.');
  });
});

describe('describeSourceMistake: the secret stays out of the words', () => {
  const PATH = `/ctia/feed/${FEED_IDS[0]}/view`;
  const OK: SourceFormValues = { hostname: 'private.intel.amp.cisco.com', pollingPath: PATH, collectionName: SECRETS[0], useHttps: true, pollingPort: '443', configureUserCredentials: false };
  it.each<[string, Partial<SourceFormValues>]>([
    ['the whole URL in Hostname', { hostname: feedUrl(0), pollingPath: '', collectionName: '' }],
    ['the whole URL in Polling Path', { pollingPath: feedUrl(0), collectionName: '' }],
    ['the whole URL in Collection Name', { collectionName: feedUrl(0) }],
    ['s= in Collection Name', { collectionName: `s=${SECRETS[0]}` }],
    ['a secret cut short', { collectionName: SECRETS[0].slice(0, 30) }],
    ['the secret on the path', { pollingPath: `${PATH}.txt?s=${SECRETS[0]}`, collectionName: '' }],
  ])('%s', (_, change) => {
    const check = checkSource({ ...OK, ...change }, { secretDiffers: true, output: 'judgements' });
    const words = check.kind === 'feed' ? check.mistakes.map(describeSourceMistake) : [];
    expect(words.length).toBeGreaterThan(1);
    for (const text of words) expect(text).not.toContain(SECRETS[0].slice(0, 8));
  });
});
