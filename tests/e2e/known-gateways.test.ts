import { expect, it } from 'vitest';
import { useExtensionBrowser } from './support/use-extension-browser';

const FEED_URL =
  'https://private.intel.amp.cisco.com/ctia/feed/feed-8f2b1c3e-5d4a-4e6f-9a7b-1c2d3e4f5a6b/view.txt?s=0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';

const world = useExtensionBrowser();

/**
 * The known gateways as the extension keeps them, read in an extension page (their origin's
 * IndexedDB); undefined before the first one is kept. Reading never creates the database, which
 * would leave it without its store.
 */
function storedGateways(): Promise<unknown> {
  return world.browser.inExtensionPage(
    () =>
      new Promise((resolve, reject) => {
        const opening = indexedDB.open('etf-autofill');
        opening.onupgradeneeded = () => opening.transaction!.abort();
        opening.onerror = () => resolve(undefined);
        opening.onsuccess = () => {
          const database = opening.result;
          if (!database.objectStoreNames.contains('known-gateways')) return resolve(undefined);
          const reading = database.transaction('known-gateways', 'readonly').objectStore('known-gateways').get('gateways');
          reading.onerror = () => reject(reading.error);
          reading.onsuccess = () => {
            database.close();
            resolve(reading.result);
          };
        };
      }),
  );
}

it('remembers a gateway filled from the popup in the extension’s own IndexedDB, without its CSRF key, and nothing in storage.local', async () => {
  expect(await storedGateways()).toBeUndefined();
  const before = Date.now();
  const page = await world.browser.context.newPage();
  await page.goto('https://esa.corp.example/etf/add_source/?CSRFKey=6d0b5c1e&lang=en#top');
  const popup = await world.browser.openPopup(page);
  await popup.pasteFeedUrl(FEED_URL);
  await popup.waitForEnabled('button', 'Autofill Add Source form');
  await popup.click('button', 'Autofill Add Source form');
  await expect.poll(() => popup.textsOf('status')).not.toEqual(['']);
  await popup.close();

  await expect.poll(storedGateways).toEqual([
    { origin: 'https://esa.corp.example', addSourceUrl: 'https://esa.corp.example/etf/add_source/?lang=en', filledAt: expect.any(Number) },
  ]);
  const [gateway] = (await storedGateways()) as { filledAt: number }[];
  expect(gateway!.filledAt).toBeGreaterThanOrEqual(before);
  expect(gateway!.filledAt).toBeLessThanOrEqual(Date.now());
  expect(await world.browser.inExtensionPage(() => chrome.storage.local.get('knownGateways'))).toEqual({});
});
