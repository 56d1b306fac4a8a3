import * as z from 'zod/mini';
import type { FeedCheck } from '../check-feed/feed-check';
import type { FieldReport } from '../gateway/fill-report';
import type { EtfValues } from '../gateway/etf-values';
import type { SourceCheck } from '../gateway/source-check';
import { OPTION_KEYS, type EffectiveOptions, type OptionErrors, type OptionKey } from '../options/options';
import type { SaveOutcome } from '../feeds/feeds-store';
import { FeedId, FeedKey, StoredFeed } from '../feeds/stored-feed';
import { WholeNumber } from '../platform/whole-number';
import { AddToRequestId } from '../add-to-gateway/add-to-confirmation';

import { MAX_PASTED_TEXT } from '../feed/url-in-text';

export { MAX_PASTED_TEXT };
/** Feed URLs are a few hundred characters, even in their URL-encoded long shape. */
export const MAX_FEED_URL = 2_048;
/** A Source Name as a gateway form may hold it; the gateway's own limit is lower. */
const MAX_SOURCE_NAME_TEXT = 200;
/** A gateway's origin, as the extension's pages and the console's notes name one. */
const GatewayOrigin = z.string().check(z.maxLength(300));

/** Keep the feed in this text the person pasted into the popup. */
const SavePastedFeed = z.object({
  type: z.literal('save-pasted-feed'),
  text: z.string().check(z.maxLength(MAX_PASTED_TEXT)),
});

/** Forget one feed. */
const RemoveFeed = z.object({ type: z.literal('remove-feed'), key: FeedKey });

/** The person picked this feed in the popup; Autofill and the keyboard now use it. */
const ChooseFeed = z.object({ type: z.literal('choose-feed'), key: FeedKey });

/** Forget every feed. */
const ForgetFeeds = z.object({ type: z.literal('forget-feeds') });

/** Fetch the feed as the gateway will, and say what the gateway will make of it. */
const CheckFeed = z.object({ type: z.literal('check-feed'), key: FeedKey });

/**
 * A feed URL seen on a console page, with what the page says of it (title and Output, as a kept
 * feed holds them) and how it came: copied by the person (their own copy, or the console's Copy
 * button under their click), or only seen in the page (whatever markup is around it).
 */
const CaptureFeed = z.object({
  type: z.literal('capture-feed'),
  url: z.string().check(z.maxLength(MAX_FEED_URL)),
  title: StoredFeed.shape.title,
  output: StoredFeed.shape.output,
  source: z.enum(['page', 'copy']),
});

/** The options in force, and which the organisation set. */
const ReadOptions = z.object({ type: z.literal('read-options') });

/** Check and store the options as typed ('' for an empty number). */
const SaveOptions = z.object({
  type: z.literal('save-options'),
  // Every option, as typed: an object of strings (z.record would cost the background 0.6 kB).
  input: z.object(Object.fromEntries(OPTION_KEYS.map((key) => [key, z.string().check(z.maxLength(1_000))])) as Record<OptionKey, z.ZodMiniString>),
});

/**
 * Fill the Add Source form in this tab with this kept feed, only while the tab shows `origin` (the
 * one the popup inspected and named).
 */
const FillTab = z.object({ type: z.literal('fill-tab'), tabId: WholeNumber, key: FeedKey, origin: GatewayOrigin });

/**
 * Open this known gateway's Add Source page and fill it with this kept feed once it is there (a real
 * click). Names the feed and the gateway, never a secret. From a console page it only asks: the
 * person confirms in the extension's own window.
 */
const AddToGateway = z.object({ type: z.literal('add-to-gateway'), key: FeedKey, origin: GatewayOrigin });

/** The person confirmed the console's "Add to" request `id` in the extension's own window. */
const ConfirmAddTo = z.object({ type: z.literal('confirm-add-to'), id: AddToRequestId });

/** The person used the in-page note of a kept feed (a real click). */
const UseFeedNote = z.object({ type: z.literal('use-feed-note'), key: FeedKey });

/** The person removed a gateway they filled (popup, options page); one the organisation lists stays. */
const ForgetGateway = z.object({ type: z.literal('forget-gateway'), origin: GatewayOrigin });

/** The person removed the record that a feed was submitted to a gateway (options page). */
const ForgetDestination = z.object({ type: z.literal('forget-destination'), feedId: FeedId, gatewayOrigin: GatewayOrigin });

/** A field of the gateway's form as the gateway script reads it; the check reads no more of it. */
const formText = z.string().check(z.maxLength(MAX_FEED_URL));

/** An External Threat Feeds page is shown; the rest of the gateway script may start there. */
const GatewayPage = z.object({ type: z.literal('gateway-page') });

/** The person pasted this text, which holds a feed URL, into the Add/Edit Source form. */
const PasteFeed = z.object({
  type: z.literal('paste-feed'),
  text: z.string().check(z.maxLength(MAX_PASTED_TEXT)),
});

/**
 * Check the Add/Edit Source form's feed fields as they stand, with what the extension knows of the
 * feed (its Output, its port, the secret captured for it).
 */
const CheckSource = z.object({
  type: z.literal('check-source'),
  values: z.object({
    hostname: formText,
    pollingPath: formText,
    collectionName: formText,
    useHttps: z.nullable(z.boolean()),
    pollingPort: formText,
    configureUserCredentials: z.nullable(z.boolean()),
  }),
});

/** The person pressed Fix, whose form names another secret than the one captured for the feed. */
const FixSource = z.object({ type: z.literal('fix-source'), feedId: FeedId });

/** A form the extension filled, fixed or split a paste into was submitted. */
const SourceSubmitted = z.object({
  type: z.literal('source-submitted'),
  feedId: FeedId,
  sourceName: z.string().check(z.maxLength(MAX_SOURCE_NAME_TEXT)),
});

/**
 * Who may send a message: one of the extension's own pages (popup, options page, Add to window), the
 * content script of a console page, or the gateway script on a page of a gateway the extension trusts.
 */
export type SenderKind = 'extension-page' | 'console' | 'gateway-page';

/**
 * The protocol: every message the background accepts (anything else is refused unread), the schema
 * its request must pass, and who may send it. The background's sender policy is this table.
 */
export const PROTOCOL = {
  'save-pasted-feed': { request: SavePastedFeed, from: ['extension-page'] },
  'remove-feed': { request: RemoveFeed, from: ['extension-page'] },
  'choose-feed': { request: ChooseFeed, from: ['extension-page'] },
  'forget-feeds': { request: ForgetFeeds, from: ['extension-page'] },
  'check-feed': { request: CheckFeed, from: ['extension-page'] },
  'capture-feed': { request: CaptureFeed, from: ['console'] },
  'use-feed-note': { request: UseFeedNote, from: ['console'] },
  'add-to-gateway': { request: AddToGateway, from: ['extension-page', 'console'] },
  'confirm-add-to': { request: ConfirmAddTo, from: ['extension-page'] },
  'fill-tab': { request: FillTab, from: ['extension-page'] },
  'read-options': { request: ReadOptions, from: ['extension-page'] },
  'save-options': { request: SaveOptions, from: ['extension-page'] },
  'forget-gateway': { request: ForgetGateway, from: ['extension-page'] },
  'forget-destination': { request: ForgetDestination, from: ['extension-page'] },
  'gateway-page': { request: GatewayPage, from: ['gateway-page'] },
  'paste-feed': { request: PasteFeed, from: ['gateway-page'] },
  'check-source': { request: CheckSource, from: ['gateway-page'] },
  'fix-source': { request: FixSource, from: ['gateway-page'] },
  'source-submitted': { request: SourceSubmitted, from: ['gateway-page'] },
} as const satisfies Record<string, { request: z.ZodMiniType<{ type: string }>; from: readonly SenderKind[] }>;

export type MessageType = keyof typeof PROTOCOL;
/** A request of type `T` (or of any of the types `T`), as its schema reads it. */
export type Request<T extends MessageType> = z.infer<(typeof PROTOCOL)[T]['request']> & { type: T };

interface ReplyError {
  code: string;
  message: string;
}

/** The background did not do what was asked: a code callers tell refusals apart by, and its wording. */
export type Refusal = { ok: false; error: ReplyError };

/** Done, nothing more to say. */
type Done = { ok: true };

/** What the background answers each message with when it does what was asked. */
interface Answers {
  /** The key of the kept feed the paste is now (the popup reads the feeds from their store). */
  'save-pasted-feed': { ok: true; key: string };
  'remove-feed': Done;
  'choose-feed': Done;
  'forget-feeds': Done;
  /** The check's verdict; what it learnt of the feed (its Output, its secret) is in the store. */
  'check-feed': { ok: true; check: FeedCheck };
  /**
   * A content script learns only whether its capture was kept, and under which key: feeds never go
   * back to a page.
   */
  'capture-feed': {
    ok: true;
    key: string;
    outcome: SaveOutcome;
    /** Kept as merely seen: no one chose it yet, so nothing fills with it until someone does. */
    listedOnly: boolean;
    /** The known gateways the note may offer "Add to" for (origins, newest first, at most three). */
    gateways: string[];
    /** Gateways were known, but this feed is not offered to them (its Output is Judgements). */
    withheld: boolean;
  };
  'use-feed-note': Done;
  'add-to-gateway': Done;
  'confirm-add-to': Done;
  /** The form filler's report of each field (codes: the popup words them). */
  'fill-tab': { ok: true; fields: FieldReport[]; submitFocused: boolean };
  /** The options in force, and which the organisation set. */
  'read-options': { ok: true } & EffectiveOptions;
  /** What was wrong with each option typed (nothing, when they were saved). */
  'save-options': { ok: true; errors: OptionErrors };
  'forget-gateway': Done;
  'forget-destination': Done;
  'gateway-page': Done;
  /**
   * A paste split for the form: the values to fill it with (the gateway page had the secret already:
   * the person pasted it), the feed's name for the report, and, when the feed was submitted to this
   * gateway before, that said first.
   */
  'paste-feed': { ok: true; feedId: string; values: EtfValues; feedName: string; alreadyAdded?: string };
  /** The form's check, in codes: the gateway page words it. Its Fix holds no secret the form did not. */
  'check-source': { ok: true; check: SourceCheck };
  /** The secret captured for the feed, for Fix: asked on the person's click only. */
  'fix-source': { ok: true; collectionName: string };
  'source-submitted': Done;
}

/** The background's reply to a request of type `T`: its answer, or why it refused. */
export type Reply<T extends MessageType> = Answers[T] | Refusal;

/** Whether the tab shows an Add Source form; the reason, worded, when not. */
export type InspectReply = { ok: true } | Refusal;
