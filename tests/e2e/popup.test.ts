import { expect, it } from 'vitest';
import { useExtensionBrowser } from './support/use-extension-browser';
import { screenshotPath } from './support/screenshots';

const FEED_ID = 'feed-8f2b1c3e-5d4a-4e6f-9a7b-1c2d3e4f5a6b';
const SECRET = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const FEED_URL = `https://private.intel.amp.cisco.com:443/ctia/feed/${FEED_ID}/view.txt?s=${SECRET}`;

const GATEWAY = 'https://dh1234-esa1.iphmx.com/mail_policies/etf/add_source/';


const world = useExtensionBrowser();

it('splits a pasted feed URL into the three fields and copies the Hostname', async () => {
  const page = await world.browser.context.newPage();
  await page.goto(GATEWAY);
  const popup = await world.browser.openPopup(page);
  await world.browser.cdp.send('Browser.grantPermissions', {
    origin: `chrome-extension://${world.browser.extensionId}`,
    permissions: ['clipboardReadWrite', 'clipboardSanitizedWrite'],
  });

  await popup.pasteFeedUrl(FEED_URL);
  await popup.waitForRole('textbox', 'Hostname');
  expect(await popup.valueOf('Hostname')).toBe('private.intel.amp.cisco.com');
  expect(await popup.valueOf('Polling Path')).toBe(`/ctia/feed/${FEED_ID}/view`);
  expect(await popup.valueOf('Collection Name')).toBe(SECRET);

  await popup.click('button', 'Copy Hostname');
  await expect.poll(() => popup.textsOf('status')).toEqual(['Hostname copied to the clipboard.']);
  expect(await popup.evaluate('navigator.clipboard.readText()')).toBe('private.intel.amp.cisco.com');

  await popup.waitForEnabled('button', 'Autofill Add Source form');
  await popup.screenshot(screenshotPath('popup.png'));
  await popup.close();
});

it('keeps a pasted feed when the popup closes and the service worker stops', async () => {
  const page = await world.browser.context.newPage();
  await page.goto(GATEWAY);
  const first = await world.browser.openPopup(page);
  const otherSecret = '7c6b5a49-3827-4165-9f4e-3d2c1b0a9f8e';
  await first.pasteFeedUrl(`https://private.intel.apjc.amp.cisco.com/ctia/feed/${FEED_ID}/view.txt?s=${otherSecret}`);
  await first.waitForRole('textbox', 'Hostname');
  await first.close();

  await world.browser.stopServiceWorker();

  const second = await world.browser.openPopup(page);
  await second.waitForRole('textbox', 'Hostname');
  expect(await second.valueOf('Feed URL')).toBe('');
  expect(await second.valueOf('Hostname')).toBe('private.intel.apjc.amp.cisco.com');
  expect(await second.valueOf('Polling Path')).toBe(`/ctia/feed/${FEED_ID}/view`);
  expect(await second.valueOf('Collection Name')).toBe(otherSecret);
  await second.close();
});
