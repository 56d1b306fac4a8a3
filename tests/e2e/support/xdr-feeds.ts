import type { Page } from 'playwright-core';
import { waitUntil } from './wait';

/** The XDR Feeds list the console fixtures serve. */
export const XDR_FEEDS = 'https://xdr.us.security.cisco.com/intelligence/feeds/';

/**
 * Opens the feed's Feed Details drawer and presses the console's own Copy button (`button` names
 * it), which writes the feed's URL with the Clipboard API: the person's act that chooses a feed.
 * Returns once the console's write has settled.
 */
export async function copyFeedFromDetails(page: Page, title: string, button = 'Copy feed URL'): Promise<void> {
  await page.getByRole('link', { name: title }).click();
  await page.getByRole('button', { name: button }).click();
  await waitUntil('the console’s copy', () => page.evaluate(() => document.body.dataset.copied));
}
