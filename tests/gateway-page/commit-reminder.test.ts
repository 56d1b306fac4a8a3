import { describe, expect, it } from 'vitest';
import { findCommitControl } from '@/utils/gateway-page/commit-reminder';
import { loadSite } from '../console/load-site';

describe('the gateway’s own Commit Changes control', () => {
  it('is the link in the Cloud Gateway’s banner on its sources list', () => {
    expect(findCommitControl(loadSite('dh1234-esa1.iphmx.com/mail_policies/etf/sources'))?.id).toBe('commit_changes');
  });

  it.each([
    ['a button', '<button id="c">Commit Changes</button>', 'c'],
    ['an input button', '<input type="button" id="c" value="Commit Changes...">', 'c'],
    ['a link with an ellipsis and line breaks', '<a href="/commit" id="c">\n  Commit   Changes…\n</a>', 'c'],
    ['an ARIA button', '<span role="button" id="c">commit changes</span>', 'c'],
    ['none: only a mention', '<p>Commit Changes</p><button>Cancel</button>', null],
    ['none: a longer label', '<button>Commit Changes Later</button>', null],
  ])('%s', (_, markup, id) => {
    document.body.innerHTML = markup;
    expect(findCommitControl(document)?.id ?? null).toBe(id);
  });
});
