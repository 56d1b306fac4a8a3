import type { FeedUrlError } from '../feed/feed-url';
import { describeParseError } from '../i18n/describe-parse';
import { t, type MessageKey } from '../i18n/i18n';
import type { Refusal, SenderKind } from './messages';

/**
 * Every refusal the background answers, and the only place they are worded: each wording (its
 * locale key) with the code a caller tells it by. A code may have more than one wording, each for
 * where it arises.
 */
const REFUSALS = {
  refuseOtherExtension: 'forbidden-sender',
  refuseChangeSender: 'forbidden-sender',
  refuseCaptureSender: 'forbidden-sender',
  refuseGatewaySender: 'forbidden-sender',
  refuseMalformed: 'invalid-message',
  refuseUnknownFeed: 'unknown-feed',
  refuseCaptureHost: 'unrecognized-host',
  refuseNotChosen: 'not-chosen',
  httpGatewayPopupOnly: 'plain-http-gateway',
  refuseUnknownGateway: 'unknown-gateway',
  refuseUnreachableGateway: 'unreachable-gateway',
  refuseJudgementsGateway: 'judgements-output',
  gatewayPasteJudgements: 'judgements-output',
  refuseUnknownAddTo: 'unknown-request',
} as const satisfies Partial<Record<MessageKey, string>>;

export type RefusalWording = keyof typeof REFUSALS;

/** What a sender the protocol does not name for a message is told: who may send it (the first sender it names). */
export const SENDER_REFUSALS: Record<SenderKind, RefusalWording> = {
  'extension-page': 'refuseChangeSender',
  console: 'refuseCaptureSender',
  'gateway-page': 'refuseGatewaySender',
};

export function refuse(wording: RefusalWording): Refusal {
  return { ok: false, error: { code: REFUSALS[wording], message: t(wording) } };
}

/** Text that holds no feed URL the gateway can poll: the parser's code, worded as the popup words it. */
export function refuseUnparsed(error: FeedUrlError): Refusal {
  return { ok: false, error: { code: error.code, message: describeParseError(error) } };
}
