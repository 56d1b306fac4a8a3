import { expect, it } from 'vitest';
import { english } from '../support/english';
import { waitForNoteText } from './support/in-page-notes';
import { FIXTURE_FEEDS } from './support/local-world';
import { useExtensionBrowser } from './support/use-extension-browser';
import { AXE_SOURCE, RUN_AXE, axeViolations } from './support/axe';
import { screenshotPath } from './support/screenshots';


const world = useExtensionBrowser();

it.each(['light', 'dark'] as const)('the popup, with feeds, a warning and a report, has no axe violations in %s mode', async (scheme) => {
  const page = await world.browser.context.newPage();
  await page.goto('https://xdr.us.security.cisco.com/intelligence/feeds/');
  await page.getByRole('link', { name: 'C2 IP addresses' }).click();
  await waitForNoteText(page, english('judgementsOutput'));
  await page.goto('https://dh1234-esa1.iphmx.com/mail_policies/etf/add_source/');
  const popup = await world.browser.openPopup(page);
  const phishing = FIXTURE_FEEDS[0];
  await popup.pasteFeedUrl(`https://${phishing.host}/ctia/feed/${phishing.id}/view?s=${phishing.secret}`);
  await popup.click('button', 'Copy all');
  await expect.poll(() => popup.textsOf('alert')).toHaveLength(1);

  expect(await axeViolations(popup, scheme)).toEqual([]);
  await popup.screenshot(screenshotPath(`popup-${scheme}.png`));
  await popup.close();
});

it.each(['light', 'dark'] as const)('the options page, with an error shown, has no axe violations in %s mode', async (scheme) => {
  const page = await world.browser.context.newPage();
  await page.emulateMedia({ colorScheme: scheme });
  await page.goto(`chrome-extension://${world.browser.extensionId}/options.html`);
  await page.getByLabel('Polling Interval, minutes').fill('99');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByText('Enter a whole number from 0 to 59, or leave it empty.').waitFor();

  await page.evaluate(AXE_SOURCE); // evaluated over DevTools: the page's CSP rightly refuses inline scripts
  expect(await page.evaluate(RUN_AXE)).toEqual([]);
});

it('the popup is usable by keyboard alone: Tab reaches every control in reading order, with a visible focus ring', async () => {
  const page = await world.browser.context.newPage();
  await page.goto('https://dh1234-esa1.iphmx.com/mail_policies/etf/add_source/');
  const popup = await world.browser.openPopup(page);
  const phishing = FIXTURE_FEEDS[0];
  await popup.pasteFeedUrl(`https://${phishing.host}/ctia/feed/${phishing.id}/view.txt?s=${phishing.secret}`);
  await popup.waitForEnabled('button', 'Autofill Add Source form');
  await popup.evaluate('document.getElementById("feed-url").focus()');

  const stops: string[] = [];
  for (let i = 0; i < 14; i++) {
    await popup.send('Input.dispatchKeyEvent', { type: 'keyDown', key: 'Tab', code: 'Tab', windowsVirtualKeyCode: 9 });
    await popup.send('Input.dispatchKeyEvent', { type: 'keyUp', key: 'Tab', code: 'Tab', windowsVirtualKeyCode: 9 });
    stops.push(
      await popup.evaluate<string>(`(() => {
        const el = document.activeElement;
        const ring = getComputedStyle(el).outlineStyle !== 'none' ? '' : ' (no focus ring)';
        return (el.getAttribute('aria-label') || el.labels?.[0]?.textContent.trim() || el.textContent.trim()) + ring;
      })()`),
    );
  }
  expect(stops).toEqual([
    // Past the last control, Tab comes round to the top: Autofill first, as the popup reads.
    'Autofill Add Source form',
    'Hostname',
    'Copy Hostname',
    'Polling Path',
    'Copy Polling Path',
    'Collection Name',
    'Show Collection Name',
    'Copy Collection Name',
    'Copy all',
    'Check feed',
    'Forget all',
    expect.stringMatching(/^Feed 8f2b1c3e… US · pasted · /),
    'Remove Feed 8f2b1c3e…',
    'Feed URL',
  ]);
  await popup.close();
});
