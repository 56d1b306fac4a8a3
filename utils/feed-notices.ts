import type { Notice } from './feed-url';
import type { FeedOutput } from './feed-output';

export const JUDGEMENTS_OUTPUT_MESSAGE =
  "This feed's Output is Judgements, and the email gateway rejects it (\"Cisco Threat Response feeds not supported for 'judgements' format\"). Edit the feed in SecureX / XDR and set Output to Observables: its URL and secret stay the same, so nothing else changes.";

export const JUDGEMENTS_FORM_MESSAGE =
  "Output is set to Judgements: the email gateway cannot poll this format and will reject the feed. Choose Observables. You can switch an existing feed too: its URL and secret stay the same.";

/** Warnings that mean the gateway will reject the feed. */
const BLOCKING = new Set(['judgements-output', 'judgements-view']);

/**
 * What to tell the admin about a feed: the parser's warnings, refined by the Output the console
 * showed. A known Output settles what the URL's shape only hinted at.
 */
export function feedNotices(feed: { warnings: Notice<string>[]; output?: FeedOutput }): { alerts: Notice<string>[]; notes: Notice<string>[] } {
  const notices = feed.warnings.filter((w) => w.code !== 'judgements-view' || feed.output === undefined);
  if (feed.output === 'judgements') notices.unshift({ code: 'judgements-output', message: JUDGEMENTS_OUTPUT_MESSAGE });
  return {
    alerts: notices.filter((n) => BLOCKING.has(n.code)),
    notes: notices.filter((n) => !BLOCKING.has(n.code)),
  };
}
