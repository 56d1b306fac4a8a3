import type { Page } from 'playwright-core';

/** The XDR Feeds list the console fixtures serve. */
export const XDR_FEEDS = 'https://xdr.us.security.cisco.com/intelligence/feeds/';

/**
 * Opens the feed's Feed Details drawer and presses the console's own Copy button, which writes the
 * feed's URL with the Clipboard API: the person's act that chooses a feed.
 */
export async function copyFeedFromDetails(page: Page, title: string): Promise<void> {
  await page.getByRole('link', { name: title }).click();
  await page.getByRole('button', { name: 'Copy feed URL' }).click();
}
