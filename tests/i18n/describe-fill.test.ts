import { describe, expect, it } from 'vitest';
import type { FieldReport } from '@/utils/gateway/fill-report';
import { describeFill } from '@/utils/i18n/describe-fill';
import { describeFormError } from '@/utils/i18n/describe-form-error';

describe('describeFill', () => {
  it('names each field as the gateway does and says why each was left alone', () => {
    expect(
      describeFill([
        { key: 'sourceName', outcome: 'skipped', reason: 'read-only' },
        { key: 'description', outcome: 'skipped', reason: 'hidden' },
        { key: 'hostname', outcome: 'filled' },
        { key: 'pollingPath', outcome: 'already-set' },
        { key: 'collectionName', outcome: 'skipped', reason: 'https-not-yes' },
        { key: 'useHttps', outcome: 'not-found' },
        { key: 'pollingPort', outcome: 'skipped', reason: 'password' },
        { key: 'configureUserCredentials', outcome: 'skipped', reason: 'disabled' },
      ]),
    ).toEqual([
      'Filled 1 of 8 fields: Hostname.',
      'Already set: Polling Path.',
      'Not found, set by hand: Use HTTPS.',
      'Left alone: Source Name (the field is read-only); Description (the field is hidden); ' +
        "Collection Name (the feed's secret was not typed in, because Use HTTPS is not Yes and the secret must never travel unencrypted; set Use HTTPS to Yes, then autofill again); " +
        'Polling Port (it is a password field, which ETF Autofill never fills); Configure User Credentials (the field is disabled).',
      'Nothing was submitted: review the form, click Submit, then Commit Changes.',
    ]);
  });
});

describe('describeFill: a Yes/No field without the choice it needs', () => {
  const HTTPS_NOT_YES =
    "Collection Name (the feed's secret was not typed in, because Use HTTPS is not Yes and the secret must never travel unencrypted; set Use HTTPS to Yes, then autofill again)";
  it.each<[string, FieldReport[], string[]]>([
    [
      'Use HTTPS with no Yes: set it by hand, the secret was kept back',
      [
        { key: 'hostname', outcome: 'filled' },
        { key: 'collectionName', outcome: 'skipped', reason: 'https-not-yes' },
        { key: 'useHttps', outcome: 'skipped', reason: 'no-yes-option' },
      ],
      [
        'Filled 1 of 3 fields: Hostname.',
        `Left alone: ${HTTPS_NOT_YES}; Use HTTPS (it offers no choice ETF Autofill recognises as Yes; set it to Yes by hand).`,
        'Nothing was submitted: review the form, click Submit, then Commit Changes.',
      ],
    ],
    [
      'Configure User Credentials with no No',
      [
        { key: 'hostname', outcome: 'filled' },
        { key: 'configureUserCredentials', outcome: 'skipped', reason: 'no-no-option' },
      ],
      [
        'Filled 1 of 2 fields: Hostname.',
        'Left alone: Configure User Credentials (it offers no choice ETF Autofill recognises as No; set it to No by hand).',
        'Nothing was submitted: review the form, click Submit, then Commit Changes.',
      ],
    ],
  ])('%s', (_, fields, lines) => {
    expect(describeFill(fields)).toEqual(lines);
  });
});

describe('describeFormError', () => {
  it.each([
    ['not-add-source-form', "This page is not the gateway's Add Source form. Open Mail Policies → External Threat Feeds Manager → Add Source in this tab, then try again."],
    ['form-in-closed-frame', 'The Add Source form is inside a frame ETF Autofill may not change (another site, or sandboxed). Open the form in its own tab, then try again.'],
  ] as const)('words %s', (code, message) => {
    expect(describeFormError({ code })).toBe(message);
  });
});
