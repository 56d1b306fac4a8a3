import { copyFeedFromDetails, XDR_FEEDS } from './support/xdr-feeds';
import { readFileSync } from 'node:fs';
import { afterEach, expect, it } from 'vitest';
import { launchExtensionBrowser, type ExtensionBrowser } from './support/extension-browser';
import { noteTexts } from './support/in-page-notes';
import { startLocalWorld } from './support/local-world';
import type { FixtureServer } from './support/fixture-server';

const messages = (language: string): Record<string, { message: string }> =>
  JSON.parse(readFileSync(`public/_locales/${language}/messages.json`, 'utf8'));

let server: FixtureServer | undefined;
let browser: ExtensionBrowser | undefined;

afterEach(async () => {
  const secretsLogged = await browser?.console.leaks();
  await browser?.close();
  await server?.close();
  expect(secretsLogged, 'console messages with a feed secret in them').toEqual([]);
});

it.each(['de', 'ja'])('speaks the browser’s language: %s', async (language) => {
  server = await startLocalWorld();
  browser = await launchExtensionBrowser({ hostRules: server.hostRules, language });
  const page = await browser.context.newPage();
  await page.goto(XDR_FEEDS);
  await copyFeedFromDetails(page, 'C2 IP addresses');
  const translated = messages(language);
  await expect.poll(() => noteTexts(page, 'alert')).toEqual([translated.judgementsOutput!.message]);

  const popup = await browser.openPopup(page);
  await popup.waitForRole('textbox', translated.popupFeedUrl!.message);
  expect(await popup.evaluate('document.querySelector("h2#feed-list-heading").textContent')).toBe(translated.listHeading!.message);
  expect(await popup.queryRole('button', translated.fieldCopyLabel!.message.replace('$1', 'Hostname'))).toHaveLength(1);
  await popup.close();
});
