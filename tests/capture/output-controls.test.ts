import { beforeEach, describe, expect, it } from 'vitest';
import { feedOutputOf, type FeedOutput } from '@/utils/feed/feed-output';
import { readOutputChoice } from '@/utils/capture/output-choice';
import { findOutputControls } from '@/utils/capture/output-controls';
import { checkRadio, chooseInDropdown, chooseOption } from './choose-output';
import { loadSite, renderTemplate } from './load-site';

beforeEach(() => {
  document.body.replaceChildren();
});

describe('findOutputControls and readOutputChoice on the feed forms', () => {
  it.each<[string, string, () => Element, () => Element, FeedOutput, () => void, FeedOutput]>([
    [
      'the XDR custom dropdown',
      'xdr.us.security.cisco.com/intelligence/feeds/new',
      () => document.getElementById('output')!,
      () => document.getElementById('output-label')!.parentElement!,
      'judgements',
      () => chooseInDropdown('Observables'),
      'observables',
    ],
    [
      'the Threat Response <select>',
      'visibility.amp.cisco.com/intelligence/feeds/edit',
      () => document.getElementById('feed-output')!,
      () => document.getElementById('feed-output')!.parentElement!,
      'observables',
      () => chooseOption('judgements'),
      'judgements',
    ],
    [
      'the SecureX radio group',
      'securex.eu.security.cisco.com/intelligence/feeds/new',
      () => document.querySelector('fieldset')!,
      () => document.querySelector('fieldset')!,
      'judgements',
      () => checkRadio('observables'),
      'observables',
    ],
  ])('%s (%s)', (_, site, control, field, initial, choose, chosen) => {
    loadSite(site);
    for (const root of [document.documentElement, document.body, document.querySelector('form')!]) {
      const found = findOutputControls(root);
      expect(found).toHaveLength(1);
      expect(found[0]!.control).toBe(control());
      expect(found[0]!.field).toBe(field());
    }
    expect(readOutputChoice(control())).toBe(initial);
    choose();
    expect(readOutputChoice(control())).toBe(chosen);
  });

  it('the XDR dropdown’s field is the .field holding its label', () => {
    loadSite('xdr.us.security.cisco.com/intelligence/feeds/new');
    const [found] = findOutputControls(document.body);
    expect(found!.field.className).toBe('field');
    expect(found!.field.querySelector('#output-label')!.textContent).toBe('Output');
  });

  it.each<[string, FeedOutput]>([
    ['Observables', 'observables'],
    ['Judgments', 'judgements'],
  ])('reads the dropdown back and forth: %s', (text, output) => {
    loadSite('xdr.us.security.cisco.com/intelligence/feeds/new');
    chooseInDropdown(text === 'Judgments' ? 'Observables' : 'Judgments');
    chooseInDropdown(text);
    expect(readOutputChoice(document.getElementById('output')!)).toBe(output);
  });

  it('reads a radio of the group as the group’s choice', () => {
    loadSite('securex.eu.security.cisco.com/intelligence/feeds/new');
    const observables = document.querySelector<HTMLInputElement>('input[value="observables"]')!;
    expect(readOutputChoice(observables)).toBe('judgements');
    checkRadio('observables');
    expect(readOutputChoice(observables)).toBe('observables');
  });
});

describe('findOutputControls on pages that only show the Output', () => {
  it.each([
    ['the Feeds list', 'xdr.us.security.cisco.com/intelligence/feeds', undefined],
    ['the phishing drawer', 'xdr.us.security.cisco.com/intelligence/feeds', 'drawer-phishing'],
    ['the c2 drawer', 'xdr.us.security.cisco.com/intelligence/feeds', 'drawer-c2'],
    ['the hashes drawer', 'xdr.us.security.cisco.com/intelligence/feeds', 'drawer-hashes'],
  ])('finds no control on %s', (_, site, drawer) => {
    loadSite(site);
    if (drawer) renderTemplate(drawer, document.getElementById('drawer-host')!);
    expect(findOutputControls(document.documentElement)).toEqual([]);
    expect(findOutputControls(document.getElementById('drawer-host')!)).toEqual([]);
  });

  it('finds no control in the indicator’s feeds table', () => {
    loadSite('visibility.amp.cisco.com/intelligence/indicators');
    renderTemplate('feeds-panel-content', document.getElementById('feeds-panel')!);
    expect(findOutputControls(document.documentElement)).toEqual([]);
  });
});

describe('findOutputControls on inline markup', () => {
  it('finds a control named by aria-label once', () => {
    document.body.innerHTML = '<form><label for="o">Output</label><select id="o" aria-label="Output"><option>Observables</option></select></form>';
    const found = findOutputControls(document.body);
    expect(found).toHaveLength(1);
    expect(found[0]!.control).toBe(document.getElementById('o'));
    expect(readOutputChoice(found[0]!.control)).toBe('observables');
  });
});

describe('feedOutputOf', () => {
  it.each<[string, FeedOutput | null]>([
    ['Judgments', 'judgements'],
    ['judgements', 'judgements'],
    ['JUDGEMENTS', 'judgements'],
    ['Judgement', 'judgements'],
    [' Judgments ', 'judgements'],
    ['Output: Judgments', 'judgements'],
    ['Output:Judgments', 'judgements'],
    ['Output : Observables', 'observables'],
    ['Observables', 'observables'],
    ['observable', 'observables'],
    ['OBSERVABLES', 'observables'],
    ['output observables', 'observables'],
    ['', null],
    ['Output', null],
    ['Observables and Judgements', null],
    ['Judgements and Observables', null],
    ['Sightings', null],
  ])('reads %j as %s', (text, output) => {
    expect(feedOutputOf(text)).toBe(output);
  });
});
