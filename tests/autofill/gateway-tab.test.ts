import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { etfValuesFor } from '@/utils/gateway/etf-values';
import { gatewayTab } from '@/utils/autofill/gateway-tab';
import { startGatewayPage } from '@/utils/autofill/tab-call';
import { DEFAULT_OPTIONS } from '@/utils/options/options';
import { describeFill } from '@/utils/i18n/describe-fill';
import { storedFeed } from '../support/feeds';

const VALUES = etfValuesFor(storedFeed(0), new Date('2026-11-28T00:00:00Z'), DEFAULT_OPTIONS);
const UNEXPECTED = {
  ok: false,
  error: {
    code: 'unexpected-answer',
    message: 'The page answered in a way ETF Autofill does not understand, so nothing was filled. Reload the page and try again.',
  },
};

/**
 * executeScript as Chrome answers it for a page whose in-page script answers `result` once it is
 * there: a call before the script is injected answers that it is not (as callInPage does).
 */
function pageAnswers(result: unknown, injected = false) {
  const executeScript = vi.fn(async (injection: { files?: string[]; args?: unknown[] }) => {
    if (injection.files) injected = true;
    return [{ frameId: 0, result: injection.files ? undefined : injected ? result : 'not-injected' }];
  });
  fakeBrowser.scripting.executeScript = executeScript as never;
  return executeScript;
}

/** The last call into the page: what it was asked. */
const lastCall = (executeScript: ReturnType<typeof pageAnswers>) => executeScript.mock.calls.at(-1)![0];

beforeEach(() => fakeBrowser.reset());

describe('gatewayTab', () => {
  it('injects the bundled script, then calls it with the values and where focus goes, in the given tab only', async () => {
    const answer = {
      ok: true,
      fields: [{ key: 'hostname', outcome: 'filled' }, { key: 'collectionName', outcome: 'skipped', reason: 'https-not-yes' }],
      submitFocused: true,
    };
    const executeScript = pageAnswers(answer);
    expect(await gatewayTab(42).fill(VALUES, { focusSubmit: true })).toEqual(answer);
    const call = { target: { tabId: 42 }, args: ['fill', { values: VALUES, focusSubmit: true }, null] };
    expect(executeScript.mock.calls.map(([injection]) => injection)).toMatchObject([call, { target: { tabId: 42 }, files: ['/gateway-form.js'] }, call]);
  });

  it('calls the in-page script already in the page (a gateway’s External Threat Feeds page) without injecting it again', async () => {
    const executeScript = pageAnswers({ ok: true }, true);
    expect(await gatewayTab(42).inspect()).toEqual({ ok: true });
    expect(executeScript.mock.calls.map(([injection]) => injection)).toMatchObject([{ target: { tabId: 42 }, args: ['inspect', null, null] }]);
  });

  it('passes on a fill that leaves focus off Submit, and the page’s word on where focus is', async () => {
    const answer = { ok: true, fields: [{ key: 'hostname', outcome: 'filled' }], submitFocused: false };
    const executeScript = pageAnswers(answer);
    expect(await gatewayTab(42).fill(VALUES, { onlyOrigin: 'https://esa.corp.example', focusSubmit: false })).toEqual(answer);
    expect(lastCall(executeScript)).toMatchObject({ args: ['fill', { values: VALUES, focusSubmit: false }, 'https://esa.corp.example'] });
  });

  it('passes on a Use HTTPS with no Yes to choose, which the popup words as left alone, never as already set', async () => {
    const answer = {
      ok: true,
      fields: [{ key: 'collectionName', outcome: 'skipped', reason: 'https-not-yes' }, { key: 'useHttps', outcome: 'skipped', reason: 'no-yes-option' }],
      submitFocused: true,
    };
    pageAnswers(answer);
    const result = await gatewayTab(42).fill(VALUES, { focusSubmit: true });
    expect(result).toEqual(answer);
    expect(result.ok && describeFill(result.fields)).toEqual([
      'Filled no fields.',
      "Left alone: Collection Name (the feed's secret was not typed in, because Use HTTPS is not Yes and the secret must never travel unencrypted; set Use HTTPS to Yes, then autofill again); " +
        'Use HTTPS (it offers no choice ETF Autofill recognises as Yes; set it to Yes by hand).',
      'Nothing was submitted: review the form, click Submit, then Commit Changes.',
    ]);
  });

  it.each([
    ['nothing', undefined],
    ['a string', 'filled'],
    ['a success without fields', { ok: true, submitFocused: true }],
    ['an unknown outcome', { ok: true, fields: [{ key: 'hostname', outcome: 'typed' }], submitFocused: true }],
    ['a skip without its reason', { ok: true, fields: [{ key: 'collectionName', outcome: 'skipped' }], submitFocused: true }],
    ['a skip for a reason in the page’s own words', { ok: true, fields: [{ key: 'collectionName', outcome: 'skipped', reason: 'Call 555-0100' }], submitFocused: true }],
    ['an unknown error code', { ok: false, error: { code: 'gremlins' } }],
  ])('treats %s from the page as a fill answer it does not understand', async (_, result) => {
    pageAnswers(result);
    expect(await gatewayTab(1).fill(VALUES, { focusSubmit: true })).toEqual(UNEXPECTED);
  });

  it.each([
    ['nothing', undefined],
    ['a string', 'ok'],
    ['an unknown error code', { ok: false, error: { code: 'gremlins' } }],
    ['an error without a code', { ok: false, error: {} }],
  ])('treats %s from the page as an inspection answer it does not understand', async (_, result) => {
    pageAnswers(result);
    expect(await gatewayTab(1).inspect()).toEqual(UNEXPECTED);
  });

  it('words a refusal itself, whatever words the page sends, and keeps nothing else the page adds', async () => {
    pageAnswers({ ok: false, error: { code: 'form-in-closed-frame', message: 'Call 555-0100 for help' } });
    expect(await gatewayTab(1).inspect()).toEqual({
      ok: false,
      error: {
        code: 'form-in-closed-frame',
        message: 'The Add Source form is inside a frame ETF Autofill may not change (another site, or sandboxed). Open the form in its own tab, then try again.',
      },
    });
    pageAnswers({ ok: true, fields: [{ key: 'hostname', outcome: 'filled', label: 'Call 555-0100' }], submitFocused: true, note: 'x' });
    expect(await gatewayTab(1).fill(VALUES, { focusSubmit: true })).toEqual({ ok: true, fields: [{ key: 'hostname', outcome: 'filled' }], submitFocused: true });
  });

  it('announces in the page under the product’s name', async () => {
    const executeScript = pageAnswers(undefined);
    await gatewayTab(7).announce(['Filled 8 of 8 fields.'], false);
    expect(lastCall(executeScript)).toMatchObject({
      target: { tabId: 7 },
      args: ['announce', { heading: 'ETF Autofill', lines: ['Filled 8 of 8 fields.'], urgent: false }, null],
    });
  });

  it('fills only the origin it was given, and treats another as out of reach', async () => {
    const executeScript = pageAnswers('other-origin');
    expect(await gatewayTab(5).fill(VALUES, { onlyOrigin: 'https://esa.corp.example', focusSubmit: true })).toMatchObject({ ok: false, error: { code: 'page-unreachable' } });
    expect(lastCall(executeScript)).toMatchObject({ args: ['fill', { values: VALUES, focusSubmit: true }, 'https://esa.corp.example'] });
  });

  it('explains a page the browser does not let it reach', async () => {
    fakeBrowser.scripting.executeScript = vi.fn(async () => {
      throw new Error('Cannot access contents of the page. Extension manifest must request permission to access the respective host.');
    }) as never;
    expect(await gatewayTab(3).inspect()).toEqual({
      ok: false,
      error: {
        code: 'page-unreachable',
        message: "ETF Autofill cannot reach this page. Open the gateway's Add Source page in this tab, then open ETF Autofill from its toolbar button.",
      },
    });
  });
});

describe('startGatewayPage', () => {
  it('leaves the start in the frame that asked, then injects the in-page script there, which starts from it', async () => {
    const executeScript = pageAnswers(undefined);
    await startGatewayPage(9, 4, { commitReminder: 'XDR_phishing' });
    expect(executeScript.mock.calls.map(([injection]) => injection)).toMatchObject([
      { target: { tabId: 9, frameIds: [4] }, args: [{ commitReminder: 'XDR_phishing' }] },
      { target: { tabId: 9, frameIds: [4] }, files: ['/gateway-form.js'] },
    ]);
  });
});
