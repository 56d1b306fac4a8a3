import { expect, it } from 'vitest';
import { waitForNoteText } from './support/in-page-notes';
import { FIXTURE_FEEDS } from './support/local-world';
import { useExtensionBrowser } from './support/use-extension-browser';
import { copyFeedFromDetails, XDR_FEEDS } from './support/xdr-feeds';

// A file of its own: the reload must meet a browser whose service worker no other test has stopped.
const world = useExtensionBrowser();
const CAPTURED = 'Feed captured for the email gateway';
const PHISHING = FIXTURE_FEEDS[0];

it('reloading the extension leaves the open console pages quiet: the old content script stops cleanly', async () => {
  const page = await world.browser.context.newPage();
  // The orphaned script's errors carry no extension URL once its extension is gone: match the text.
  const orphanErrors: string[] = [];
  page.on('console', (message) => /extension context/i.test(message.text()) && orphanErrors.push(message.text()));
  page.on('pageerror', (error) => /extension context/i.test(error.message) && orphanErrors.push(error.message));
  await page.goto(XDR_FEEDS);
  await copyFeedFromDetails(page, PHISHING.title);
  await waitForNoteText(page, CAPTURED);

  // As an update does: the extension restarts while the page stays open.
  await world.browser.reloadExtension();
  expect(await world.browser.inExtensionPage(async () => (await chrome.storage.session.get('feeds')).feeds)).toBeUndefined();

  // The page keeps changing and the user keeps copying: the orphaned script must not complain.
  await page.getByRole('button', { name: 'Close' }).click();
  await page.getByRole('link', { name: 'Malware hashes' }).click();
  await page.locator('.url-pieces').selectText();
  await page.keyboard.press('Control+C');
  await page.getByRole('button', { name: 'Close' }).click();
  await page.getByRole('link', { name: 'C2 IP addresses' }).click();
  await page.getByText('Feed Details').waitFor();
  await new Promise((settle) => setTimeout(settle, 400)); // past the watcher's 100 ms batching, twice over
  expect(orphanErrors).toEqual([]);
  // The orphaned script captured nothing more (it could not have reached the new extension anyway).
  expect(await world.browser.inExtensionPage(async () => (await chrome.storage.session.get('feeds')).feeds)).toBeUndefined();
});
