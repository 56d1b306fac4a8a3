import type { Page } from 'puppeteer-core';

/** A feed the extension keeps, as far as the tests look: whether the person acted on it, and how it came. */
export interface KeptFeed {
  key: string;
  title?: string;
  secret: string;
  acted: boolean;
  source: string;
}

/** The feeds the extension keeps (its session storage), read in one of its pages, newest first. */
export async function keptFeeds(extensionPage: Page): Promise<KeptFeed[]> {
  type Stored = { key: string; title?: string; fields: { collectionName: string }; actedAt?: number; source: string };
  const feeds = await extensionPage.evaluate(async () => ((await chrome.storage.session.get('feeds')).feeds ?? []) as Stored[]);
  return feeds.map((f) => ({
    key: f.key,
    ...(f.title !== undefined && { title: f.title }),
    secret: f.fields.collectionName,
    acted: f.actedAt !== undefined,
    source: f.source,
  }));
}

/** The secret of the feed the popup would fill: the one acted on last. */
export async function chosenSecret(extensionPage: Page): Promise<string | undefined> {
  return (await keptFeeds(extensionPage)).find((f) => f.acted)?.secret;
}
