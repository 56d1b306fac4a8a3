import { describe, expect, it } from 'vitest';
import { findCommitControl, isThreatFeedsPage, looksLikeSourcesList } from '@/utils/gateway/threat-feeds-page';
import { loadSite } from '../capture/load-site';

describe('the External Threat Feeds Manager sources list', () => {
  it.each([
    ['the Cloud Gateway’s sources list (an input button)', 'dh1234-esa1.iphmx.com/mail_policies/etf/sources', true],
    ['an on-premises gateway’s sources list (a button element)', 'esa.corp.example/etf/sources', true],
    ['the Add Source form', 'dh1234-esa1.iphmx.com/mail_policies/etf/add_source', false],
    ['the gateway’s sign-in page', 'dh1234-esa1.iphmx.com/login', false],
    ['the Cloud Gateway home page', 'dh1234-esa1.iphmx.com', false],
    ['a console page', 'xdr.us.security.cisco.com/intelligence/feeds', false],
  ])('%s: %s', (_, site, expected) => {
    expect(looksLikeSourcesList(loadSite(site))).toBe(expected);
  });

  it.each([
    ['an "Add Source..." link', '<h2>External Threat Feeds Manager</h2><a href="/etf/add">Add Source...</a>', true],
    ['the heading without the button', '<h1>External Threat Feeds Manager</h1><button>Delete</button>', false],
    ['the button without the heading', '<h1>Mail Flow Policies</h1><button>Add Source</button>', false],
    ['the heading only mentioned in a paragraph', '<p>External Threat Feeds Manager</p><button>Add Source</button>', false],
    ['a button that only contains the words', '<h1>External Threat Feeds Manager</h1><button>Add Source Address Range</button>', false],
    ['the heading in the singular', '<h1>External Threat Feed Manager</h1><button>Add Source</button>', true],
    ['a heading that only ends with the words', '<h2>Back to External Threat Feeds Manager</h2><button>Add Source</button>', false],
    ['a heading that only starts with the words', '<h2>External Threat Feeds Manager Settings</h2><button>Add Source</button>', false],
    ['a button that only ends with the words', '<h1>External Threat Feeds Manager</h1><button>Cancel Add Source</button>', false],
  ])('%s: %s', (_, markup, expected) => {
    document.body.innerHTML = markup;
    expect(looksLikeSourcesList(document)).toBe(expected);
  });
});

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
    ['another page’s heading that ends in "Edit Source"', '<h2>Text Resources: Edit Source</h2>', false],
    ['a heading that starts with "Add Source" and names something else', '<h1>Add Source Route</h1>', false],
    ['a label that says polling path after other words', '<label>Default polling path</label>', false],
    ['the words in a paragraph only', '<p>See External Threat Feeds Manager for polling path settings.</p>', false],
    ['a label that only mentions polling', '<label>Polling interval</label>', false],
  ])('%s', (_, markup, expected) => {
    document.title = 'Cisco Secure Email Gateway';
    document.body.innerHTML = markup;
    expect(isThreatFeedsPage(document)).toBe(expected);
  });

  it.each([
    ['Cisco Secure Email Cloud Gateway: External Threat Feeds Manager', true],
    ['Cisco Secure Email Gateway: Edit External Threat Feed Source', true],
    ['Cisco Secure Email Gateway: Mail Flow Policies', false],
  ])('by its title alone: %s', (title, expected) => {
    document.title = title;
    document.body.innerHTML = '<p>…</p>';
    expect(isThreatFeedsPage(document)).toBe(expected);
  });
});

describe('the gateway’s own Commit Changes control', () => {
  it('is the link in the Cloud Gateway’s banner on its sources list', () => {
    expect(findCommitControl(loadSite('dh1234-esa1.iphmx.com/mail_policies/etf/sources'))?.id).toBe('commit_changes');
  });

  it.each([
    ['a button', '<button id="c">Commit Changes</button>', 'c'],
    ['an input button', '<input type="button" id="c" value="Commit Changes...">', 'c'],
    ['a link with an ellipsis and line breaks', '<a href="/commit" id="c">\n  Commit   Changes…\n</a>', 'c'],
    ['an ARIA button', '<span role="button" id="c">commit changes</span>', 'c'],
    ['an input button whose value has spaces around it', '<input type="button" id="c" value=" Commit Changes ">', 'c'],
    ['none: only a mention', '<p>Commit Changes</p><button>Cancel</button>', null],
    ['none: a longer label', '<button>Commit Changes Later</button>', null],
    ['none: a label that only ends with the words', '<button>Review and Commit Changes</button>', null],
  ])('%s', (_, markup, id) => {
    document.body.innerHTML = markup;
    expect(findCommitControl(document)?.id ?? null).toBe(id);
  });
});
