import { GATEWAY_OBSERVABLE_TYPES, type FeedCheck, type FeedProblem } from './feed-check';

const GATEWAY_REJECTS = "Cisco Threat Response feeds not supported for 'judgements' format";

const PROBLEMS: Record<FeedProblem, string> = {
  'wrong-secret':
    'The feed refused the secret (401): the Collection Name is wrong or from an older copy of the URL. Copy the URL again from Feed Details.',
  'not-found':
    'No such feed (404): it was deleted, or its lifetime expired. Create the feed again in SecureX / XDR, or extend its lifetime, and copy the new URL.',
  'missing-secret': 'The feed says its secret is missing (400). Copy the whole URL, including "?s=…", from Feed Details.',
  'http-error': 'The feed answered with an error. Try again later; if it persists, check the feed in SecureX / XDR.',
  'not-json':
    'The feed answered with something that is not a feed (a web page or plain text). Check that the Hostname and Polling Path came from the feed URL.',
  'unexpected-json': 'The feed answered with data the gateway does not expect (no observables list). Check the feed in SecureX / XDR.',
  redirect:
    'The feed answered with a redirect instead of the feed. The gateway does not follow it: check the Hostname and Polling Path.',
  network: "The feed's host could not be reached. Check the Hostname and your network or proxy, then try again.",
  timeout: 'The feed did not answer within 10 seconds. Try again; the gateway polls with its own timeout.',
  'too-large': 'The feed is larger than 50 MB, more than ETF Autofill reads to count it. The gateway may still poll it.',
  'permission-refused': 'Permission to contact this host was not given, so nothing was sent. Check feed again and allow it.',
};

/** What the admin reads after Check feed; `urgent` results mean the gateway will fail. */
export function describeCheck(check: FeedCheck): { urgent: boolean; lines: string[] } {
  if (check.kind === 'problem') {
    const status = check.status && !['wrong-secret', 'not-found', 'missing-secret'].includes(check.code) ? ` (HTTP ${check.status})` : '';
    return { urgent: true, lines: [PROBLEMS[check.code].replace(/\.$/, `${status}.`)] };
  }
  if (check.kind === 'judgements') {
    return {
      urgent: true,
      lines: [
        `The feed's Output is Judgements (${count(check.total, 'judgement')}): the gateway will fail with "${GATEWAY_REJECTS}".`,
        'In SecureX / XDR, edit the feed and set Output to Observables. The URL and secret stay the same, so nothing else changes.',
      ],
    };
  }
  if (check.total === 0) {
    return {
      urgent: false,
      lines: [
        'The feed works but is empty: the gateway will poll nothing.',
        'A feed lists the observables of judgements linked to its indicator that are still valid: link judgements to the indicator and check their validity period.',
      ],
    };
  }
  const entries = Object.entries(check.byType).sort(([a, x], [b, y]) => y - x || a.localeCompare(b));
  const used = entries.filter(([type]) => (GATEWAY_OBSERVABLE_TYPES as readonly string[]).includes(type));
  const unused = entries.filter(([type]) => !(GATEWAY_OBSERVABLE_TYPES as readonly string[]).includes(type));
  const list = (items: [string, number][]) => items.map(([type, n]) => `${n.toLocaleString('en')} ${type}`).join(', ');
  return {
    urgent: false,
    lines: [
      `OK — ${count(check.total, 'observable')}${used.length > 0 ? `: ${list(used)}` : ''}.`,
      ...(unused.length > 0 ? [`Not used by the gateway: ${list(unused)}.`] : []),
    ],
  };
}

function count(n: number, noun: string): string {
  return `${n.toLocaleString('en')} ${noun}${n === 1 ? '' : 's'}`;
}
