import { cleanup, within } from '@testing-library/preact';
import { english } from '../support/english';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createOutputWarning } from '@/utils/capture/output-warning';

import { checkRadio, chooseInDropdown, chooseOption } from './choose-output';
import { loadSite } from './load-site';

interface Mounted {
  anchor: Element;
  alert: HTMLElement;
  ui: { update: ReturnType<typeof vi.fn>; remove: ReturnType<typeof vi.fn> };
}

let mounted: Mounted[];
/** Renders each alert into a detached element instead of the page, and records where it was meant to go. */
const mount = vi.fn(async (anchor: Element, content: HTMLElement) => {
  const alert = document.createElement('div');
  alert.append(content);
  const ui = { update: vi.fn(), remove: vi.fn() };
  mounted.push({ anchor, alert, ui });
  return ui;
});

/** Lets the alerts' promised UIs be removed. */
async function settle() {
  await Promise.all(mount.mock.results.map((r) => r.value));
  await Promise.resolve();
}

/** The alerts still shown: mounted and not removed. */
function shown(): Mounted[] {
  return mounted.filter((m) => m.ui.remove.mock.calls.length === 0);
}

beforeEach(() => {
  document.body.replaceChildren();
  mounted = [];
  mount.mockClear();
});
afterEach(cleanup);

describe('Output warning on the XDR form (custom dropdown)', () => {
  const site = 'xdr.us.security.cisco.com/intelligence/feeds/new';

  it('warns on load, at the Output field, while the default Judgments is chosen', () => {
    loadSite(site);
    createOutputWarning({ mount }).update([document.documentElement]);
    expect(mounted).toHaveLength(1);
    expect(mounted[0]!.anchor).toBe(document.getElementById('output-label')!.parentElement);
    expect(mounted[0]!.anchor.className).toBe('field');
    expect(within(mounted[0]!.alert).getByRole('alert').textContent).toBe(english('judgementsForm'));
  });

  it('takes the alert away when Observables is chosen, and warns again when Judgments is', async () => {
    loadSite(site);
    const warning = createOutputWarning({ mount });
    warning.update([document.documentElement]);

    chooseInDropdown('Observables');
    warning.update([]);
    await settle();
    expect(mounted[0]!.ui.remove).toHaveBeenCalledTimes(1);
    expect(shown()).toEqual([]);

    warning.update([]);
    expect(mount).toHaveBeenCalledTimes(1);

    chooseInDropdown('Judgments');
    warning.update([document.getElementById('output-options')!.firstElementChild!]);
    await settle();
    expect(mounted).toHaveLength(2);
    expect(mounted[1]!.anchor).toBe(mounted[0]!.anchor);
    expect(shown()).toEqual([mounted[1]]);
  });

  it('keeps one alert however often the page is looked at', async () => {
    loadSite(site);
    const warning = createOutputWarning({ mount });
    warning.update([document.documentElement]);
    warning.update([document.body]);
    warning.update([document.querySelector('form')!]);
    warning.update([document.querySelector('#output .dropdown-value')!.firstChild!]);
    warning.update([]);
    await settle();
    expect(mounted).toHaveLength(1);
    expect(shown()).toHaveLength(1);
  });

  it('takes the alert away when the form leaves the page, and forgets the control', async () => {
    loadSite(site);
    const warning = createOutputWarning({ mount });
    warning.update([document.documentElement]);
    document.querySelector('form')!.remove();
    warning.update([]);
    await settle();
    expect(mounted[0]!.ui.remove).toHaveBeenCalledTimes(1);
    warning.update([]);
    await settle();
    expect(mounted).toHaveLength(1);
    expect(mounted[0]!.ui.remove).toHaveBeenCalledTimes(1);
  });

  it('finds a form the page renders later, from the added node', () => {
    document.body.innerHTML = '<main id="app"></main>';
    const warning = createOutputWarning({ mount });
    warning.update([document.documentElement]);
    expect(mount).not.toHaveBeenCalled();
    loadSite(site);
    warning.update([document.querySelector('form')!]);
    expect(mounted.map((m) => m.anchor)).toEqual([document.getElementById('output-label')!.parentElement]);
  });
});

describe('Output warning on the Threat Response form (<select>)', () => {
  const site = 'visibility.amp.cisco.com/intelligence/feeds/edit';

  it('does not warn while Observables is chosen, warns at the field when Judgements is, and stops again', async () => {
    loadSite(site);
    const warning = createOutputWarning({ mount });
    warning.update([document.documentElement]);
    expect(mount).not.toHaveBeenCalled();

    chooseOption('judgements');
    warning.update([]);
    expect(mounted.map((m) => m.anchor)).toEqual([document.getElementById('feed-output')!.parentElement]);
    expect(mounted[0]!.anchor).toBe(document.getElementById('feed-output')!.parentElement);
    expect(within(mounted[0]!.alert).getByRole('alert').textContent).toBe(english('judgementsForm'));

    chooseOption('observables');
    warning.update([]);
    await settle();
    expect(mounted[0]!.ui.remove).toHaveBeenCalledTimes(1);
    expect(shown()).toEqual([]);
  });
});

describe('Output warning on the SecureX form (radio group)', () => {
  const site = 'securex.eu.security.cisco.com/intelligence/feeds/new';

  it('warns on load at the fieldset, and stops when Observables is checked', async () => {
    loadSite(site);
    const warning = createOutputWarning({ mount });
    warning.update([document.documentElement]);
    expect(mounted).toHaveLength(1);
    expect(mounted[0]!.anchor).toBe(document.querySelector('fieldset'));

    checkRadio('observables');
    warning.update([]);
    await settle();
    expect(shown()).toEqual([]);

    checkRadio('judgements');
    warning.update([]);
    expect(mount).toHaveBeenCalledTimes(2);
    expect(mounted[1]!.anchor).toBe(document.querySelector('fieldset'));
  });
});

describe('Output warning on pages without a feed form', () => {
  it.each([
    ['the Feeds list', 'xdr.us.security.cisco.com/intelligence/feeds'],
    ['the indicator', 'visibility.amp.cisco.com/intelligence/indicators'],
  ])('does not warn on %s', (_, site) => {
    loadSite(site);
    createOutputWarning({ mount }).update([document.documentElement]);
    expect(mount).not.toHaveBeenCalled();
  });
});
