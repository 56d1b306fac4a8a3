import { describe, expect, it } from 'vitest';
import { isThreatFeedsPage } from '@/utils/gateway/threat-feeds-page';
import { loadSite } from '../console/load-site';

describe('which gateway pages get the rest of the gateway script', () => {
  it.each([
    ['the Cloud Gateway’s Add Source form', 'dh1234-esa1.iphmx.com/mail_policies/etf/add_source', true],
    ['its Edit Source form', 'dh1234-esa1.iphmx.com/mail_policies/etf/edit_source', true],
    ['its sources list', 'dh1234-esa1.iphmx.com/mail_policies/etf/sources', true],
    ['an on-premises form labelled in fieldsets', 'esa.corp.example/etf/add_source_fieldsets', true],
    ['an on-premises sources list', 'esa.corp.example/etf/sources', true],
    ['the gateway’s home page', 'dh1234-esa1.iphmx.com', false],
    ['its sign-in page', 'dh1234-esa1.iphmx.com/login', false],
  ])('%s: %s', (_, site, expected) => {
    // By its markup alone: the saved page's title is not loaded.
    document.title = '';
    expect(isThreatFeedsPage(loadSite(site))).toBe(expected);
  });

  it.each([
    ['a form with the AsyncOS Polling Path id only', '<input id="source_polling_path">', true],
    ['a form whose field is labelled "Polling Path:"', '<table><tr><th>Polling Path:</th><td><input></td></tr></table>', true],
    ['a heading naming the manager', '<h2>External Threat Feed Sources</h2>', true],
    ['an "Edit Source" heading', '<h1>Edit  Source</h1>', true],
    ['a field named by its placeholder', '<input placeholder="Polling Path">', true],
    ['a field whose name says polling path', '<input name="etf_polling_path">', true],
    ['another field', '<input name="polling_interval">', false],
    ['another page’s "Add" heading', '<h1>Add Sender Group</h1>', false],
    ['the words in a paragraph only', '<p>See External Threat Feeds Manager for polling path settings.</p>', false],
    ['a label that only mentions polling', '<label>Polling interval</label>', false],
  ])('%s', (_, markup, expected) => {
    document.title = 'Cisco Secure Email Gateway';
    document.body.innerHTML = markup;
    expect(isThreatFeedsPage(document)).toBe(expected);
  });

  it.each([
    ['Cisco Secure Email Cloud Gateway: External Threat Feeds Manager', true],
    ['Cisco Secure Email Gateway: Mail Flow Policies', false],
  ])('by its title alone: %s', (title, expected) => {
    document.title = title;
    document.body.innerHTML = '<p>…</p>';
    expect(isThreatFeedsPage(document)).toBe(expected);
  });
});
