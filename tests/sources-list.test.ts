import { describe, expect, it } from 'vitest';
import { looksLikeSourcesList } from '@/utils/gateway/sources-list';
import { loadSite } from './console/load-site';

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
  ])('%s: %s', (_, markup, expected) => {
    document.body.innerHTML = markup;
    expect(looksLikeSourcesList(document)).toBe(expected);
  });
});
