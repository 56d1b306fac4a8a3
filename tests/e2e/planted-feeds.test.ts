import { expect, it } from 'vitest';
import { FILL_COMMAND } from '@/utils/autofill/fill-command';
import { english } from '../support/english';
import { formState } from '../support/form-state';
import { countNoteText } from './support/in-page-notes';
import { FIXTURE_FEEDS } from './support/local-world';
import { useExtensionBrowser } from './support/use-extension-browser';
import { copyFeedFromDetails, XDR_FEEDS } from './support/xdr-feeds';

// A console page shows text outsiders control: a reported mail's URLs become observables, a note
// or a description says what its author wants. Such text must never choose what a gateway gets.

const world = useExtensionBrowser();
const INCIDENT = 'https://xdr.us.security.cisco.com/incidents/';
const GATEWAY = 'https://dh1234-esa1.iphmx.com/mail_policies/etf/add_source/';
const [PHISHING, , HASHES] = FIXTURE_FEEDS;
/** The made-up secret the incident shows with the real Phishing domains feed id. */
const PLANTED_SECRET = '6e6f7420-6120-4265-616c-207365637265';

it('many planted feed URLs, one with a real feed’s id and a made-up secret: Autofill fills the feed the person acted on last, and no acted-on feed is lost', async () => {
  // The person copies one feed with the console's Copy button and another's URL with Ctrl+C.
  const feeds = await world.browser.context.newPage();
  await feeds.goto(XDR_FEEDS);
  await copyFeedFromDetails(feeds, PHISHING.title);
  await expect.poll(() => countNoteText(feeds, english('noticeCaptured'))).toBe(1);
  await feeds.getByRole('button', { name: 'Close' }).click();
  await feeds.getByRole('link', { name: HASHES.title }).click();
  await feeds.locator('.url-pieces').selectText();
  await feeds.keyboard.press('Control+C');
  await expect.poll(() => countNoteText(feeds, english('noticeCaptured'))).toBe(1);

  // Then an incident shows 33 feed URLs as text, and its page fakes a copy of one of them.
  const incident = await world.browser.context.newPage();
  await incident.goto(INCIDENT);
  await expect.poll(() => incident.evaluate(() => document.body.dataset.copied)).toBe('faked');
  await expect.poll(() => countNoteText(incident, english('noticeSeenOnly'))).toBeGreaterThanOrEqual(10);
  // The real feed's id with the made-up secret is kept beside the real one, and says so.
  await expect.poll(() => countNoteText(incident, english('noticeSideBySide'))).toBe(1);

  const kept = await world.browser.inExtensionPage<{ key: string; secret: string; acted: boolean }[]>(async () =>
    ((await chrome.storage.session.get('feeds')).feeds as { key: string; fields: { collectionName: string }; actedAt?: number }[]).map((f) => ({
      key: f.key,
      secret: f.fields.collectionName,
      acted: f.actedAt !== undefined,
    })),
  );
  expect(kept.filter((f) => f.acted).map((f) => f.secret)).toEqual([HASHES.secret, PHISHING.secret]);
  expect(kept.filter((f) => !f.acted)).toHaveLength(10);
  // The made-up secret was never chosen (it was kept beside the real one, then pushed out by later text).
  expect(kept.filter((f) => f.acted && f.secret === PLANTED_SECRET)).toEqual([]);
  expect(kept.find((f) => f.key === PHISHING.id)?.secret).toBe(PHISHING.secret);

  // On the gateway, the popup offers the feed copied last, by name, and fills its real secret.
  const gateway = await world.browser.context.newPage();
  await gateway.goto(GATEWAY);
  const popup = await world.browser.openPopup(gateway);
  await popup.waitForEnabled('button', 'Autofill Add Source form');
  expect(await popup.evaluate('document.getElementById("autofill-reason").textContent')).toBe(
    english('autofillReady', 'dh1234-esa1.iphmx.com', HASHES.title),
  );
  await popup.click('button', 'Autofill Add Source form');
  await expect.poll(() => popup.textsOf('status')).toEqual([expect.stringContaining(english('fillNotSubmitted'))]);
  await popup.close();
  expect(await gateway.$eval('#add_source_form', formState)).toMatchObject({
    source_hostname: HASHES.host,
    source_polling_path: `/ctia/feed/${HASHES.id}/view`,
    source_collection_name: HASHES.secret,
  });

  // The keyboard fill takes the same feed, never a planted one.
  await gateway.reload();
  await world.browser.runCommand(FILL_COMMAND, await world.browser.activeTab());
  await expect.poll(() => gateway.locator('#source_collection_name').inputValue()).toBe(HASHES.secret);
});
