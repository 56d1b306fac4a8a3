import type { Page } from 'puppeteer-core';
import { keptFeed, type KeptFeed, type StoredShape } from '../../e2e/support/kept-feed';

/** The feeds the extension keeps (its session storage), read in one of its pages, newest first. */
export async function keptFeeds(extensionPage: Page): Promise<KeptFeed[]> {
  const feeds = await extensionPage.evaluate(async () => ((await chrome.storage.session.get('feeds')).feeds ?? []) as StoredShape[]);
  return feeds.map(keptFeed);
}

/** The secret of the feed the popup would fill: the one acted on last. */
export async function chosenSecret(extensionPage: Page): Promise<string | undefined> {
  return (await keptFeeds(extensionPage)).find((f) => f.acted)?.secret;
}
