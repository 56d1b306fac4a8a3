import * as z from 'zod/mini';
import type { FeedCheck } from '../check-feed/feed-check';
import type { FieldReport } from '../gateway/fill-report';
import type { EtfValues } from '../gateway/etf-values';
import type { SourceCheck } from '../gateway/source-check';
import { OPTION_KEYS, type EffectiveOptions, type OptionErrors, type OptionKey } from '../options/options';
import type { SaveOutcome } from '../feeds/feeds-store';
import { FeedId, FeedKey, type StoredFeed } from '../feeds/stored-feed';
import { WholeNumber } from '../platform/whole-number';
import { AddToRequestId } from '../add-to-gateway/add-to-confirmation';

import { MAX_PASTED_TEXT } from '../feed/url-in-text';

export { MAX_PASTED_TEXT };
/** Feed URLs are a few hundred characters, even in their URL-encoded long shape. */
export const MAX_FEED_URL = 2_048;
/** A Source Name as a gateway form may hold it; the gateway's own limit is lower. */
const MAX_SOURCE_NAME_TEXT = 200;

/** Popup → background: keep the feed in this pasted text. */
export const SavePastedFeed = z.object({
  type: z.literal('save-pasted-feed'),
  text: z.string().check(z.maxLength(MAX_PASTED_TEXT)),
});

/** Popup → background: forget one feed. */
export const RemoveFeed = z.object({ type: z.literal('remove-feed'), key: FeedKey });

/** Popup → background: the person picked this feed; Autofill and the keyboard now use it. */
export const ChooseFeed = z.object({ type: z.literal('choose-feed'), key: FeedKey });

/** Popup → background: forget every feed. */
export const ForgetFeeds = z.object({ type: z.literal('forget-feeds') });

/** Popup → background: fetch the feed as the gateway will, and say what the gateway will make of it. */
export const CheckFeed = z.object({ type: z.literal('check-feed'), key: FeedKey });

/**
 * Content script → background: a feed URL seen on a console page, with what the page says of it
 * and how it came: copied by the person (their own copy, or the console's Copy button under their
 * click), or only seen in the page (whatever markup is around it).
 */
export const CaptureFeed = z.object({
  type: z.literal('capture-feed'),
  url: z.string().check(z.maxLength(MAX_FEED_URL)),
  title: z.optional(z.string().check(z.maxLength(200))),
  output: z.optional(z.enum(['observables', 'judgements'])),
  source: z.enum(['page', 'copy']),
});

/** Options page → background: the options in force, and which the organisation set. */
export const ReadOptions = z.object({ type: z.literal('read-options') });

/** Options page → background: check and store the options as typed ('' for an empty number). */
export const SaveOptions = z.object({
  type: z.literal('save-options'),
  // Every option, as typed: an object of strings (z.record would cost the background 0.6 kB).
  input: z.object(Object.fromEntries(OPTION_KEYS.map((key) => [key, z.string().check(z.maxLength(1_000))])) as Record<OptionKey, z.ZodMiniString>),
});

/**
 * Popup → background: fill the Add Source form in this tab with this kept feed, only while the tab
 * shows `origin` (the one the popup inspected and named).
 */
export const FillTab = z.object({ type: z.literal('fill-tab'), tabId: WholeNumber, key: FeedKey, origin: z.string().check(z.maxLength(300)) });

/**
 * Content script or popup → background: open this known gateway's Add Source page and fill it with
 * this kept feed once it is there (a real click). Names the feed and the gateway, never a secret.
 * From a console page it only asks: the person confirms in the extension's own window.
 */
export const AddToGateway = z.object({
  type: z.literal('add-to-gateway'),
  key: FeedKey,
  origin: z.string().check(z.maxLength(300)),
});

/** Confirmation window → background: the person confirmed the console's "Add to" request `id`. */
export const ConfirmAddTo = z.object({ type: z.literal('confirm-add-to'), id: AddToRequestId });

/** Content script → background: the person used the in-page note of a kept feed (a real click). */
export const UseFeedNote = z.object({ type: z.literal('use-feed-note'), key: FeedKey });

/** A field of the gateway's form as the gateway script reads it; the check reads no more of it. */
const formText = z.string().check(z.maxLength(MAX_FEED_URL));

/** Gateway page → background: an External Threat Feeds page is shown; the rest of the gateway script may start there. */
export const GatewayPage = z.object({ type: z.literal('gateway-page') });

/** Gateway page → background: the person pasted this text, which holds a feed URL, into the Add/Edit Source form. */
export const PasteFeed = z.object({
  type: z.literal('paste-feed'),
  text: z.string().check(z.maxLength(MAX_PASTED_TEXT)),
});

/**
 * Gateway page → background: check the Add/Edit Source form's feed fields as they stand, with what
 * the extension knows of the feed (its Output, its port, the secret captured for it).
 */
export const CheckSource = z.object({
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

/** Gateway page → background: the person pressed Fix, whose form names another secret than the one captured for the feed. */
export const FixSource = z.object({ type: z.literal('fix-source'), feedId: FeedId });

/** Gateway page → background: a form the extension filled, fixed or split a paste into was submitted. */
export const SourceSubmitted = z.object({
  type: z.literal('source-submitted'),
  feedId: FeedId,
  sourceName: z.string().check(z.maxLength(MAX_SOURCE_NAME_TEXT)),
});

/** Every message the background accepts. Anything else is rejected unread. */
export const ExtensionMessage = z.union([
  SavePastedFeed,
  RemoveFeed,
  ChooseFeed,
  ForgetFeeds,
  CheckFeed,
  CaptureFeed,
  UseFeedNote,
  AddToGateway,
  ConfirmAddTo,
  FillTab,
  ReadOptions,
  SaveOptions,
  GatewayPage,
  PasteFeed,
  CheckSource,
  FixSource,
  SourceSubmitted,
]);
export type ExtensionMessage = z.infer<typeof ExtensionMessage>;
export type SavePastedFeed = z.infer<typeof SavePastedFeed>;
export type RemoveFeed = z.infer<typeof RemoveFeed>;
export type ChooseFeed = z.infer<typeof ChooseFeed>;
export type UseFeedNote = z.infer<typeof UseFeedNote>;
export type AddToGateway = z.infer<typeof AddToGateway>;
export type ConfirmAddTo = z.infer<typeof ConfirmAddTo>;
export type FillTab = z.infer<typeof FillTab>;
export type ReadOptions = z.infer<typeof ReadOptions>;
export type SaveOptions = z.infer<typeof SaveOptions>;
export type ForgetFeeds = z.infer<typeof ForgetFeeds>;
export type CheckFeed = z.infer<typeof CheckFeed>;
export type CaptureFeed = z.infer<typeof CaptureFeed>;
export type PasteFeed = z.infer<typeof PasteFeed>;
export type CheckSource = z.infer<typeof CheckSource>;
export type FixSource = z.infer<typeof FixSource>;
export type SourceSubmitted = z.infer<typeof SourceSubmitted>;

export interface ReplyError {
  code: string;
  message: string;
}

/** The popup's messages are answered with the feeds as they now are. */
export type FeedsReply = { ok: true; feeds: StoredFeed[] } | { ok: false; error: ReplyError };
/** A check answers with its verdict and the feeds, one of which may now be marked Judgements. */
export type CheckReply = { ok: true; check: FeedCheck; feeds: StoredFeed[] } | { ok: false; error: ReplyError };
/**
 * A content script learns only whether its capture was kept, and under which key: feeds never go
 * back to a page.
 */
export type CaptureReply =
  | {
      ok: true;
      key: string;
      outcome: SaveOutcome;
      /** Kept as merely seen: no one chose it yet, so nothing fills with it until someone does. */
      listedOnly: boolean;
      /** The known gateways the note may offer "Add to" for (origins, newest first, at most three). */
      gateways: string[];
      /** Gateways were known, but this feed is not offered to them (its Output is Judgements). */
      withheld: boolean;
    }
  | { ok: false; error: ReplyError };
/** Whether the tab shows an Add Source form; the reason, worded, when not. */
export type InspectReply = { ok: true } | { ok: false; error: ReplyError };
/** The form filler's report of each field (codes: the popup words them), or why nothing was filled. */
export type FillReply = { ok: true; fields: FieldReport[]; submitFocused: boolean } | { ok: false; error: ReplyError };

/** The options in force, for the options page. */
export type OptionsReply = { ok: true } & EffectiveOptions;
/** What was wrong with each option typed (nothing, when they were saved). */
export type SaveOptionsReply = { ok: true; errors: OptionErrors };

/**
 * A paste split for the form: the values to fill it with (the gateway page had the secret already:
 * the person pasted it), the feed's name for the report, and, when the feed was submitted to this
 * gateway before, that said first.
 */
export type PasteReply = { ok: true; feedId: string; values: EtfValues; feedName: string; alreadyAdded?: string } | { ok: false; error: ReplyError };
/** The form's check, in codes: the gateway page words it. Its Fix holds no secret the form did not. */
export type CheckSourceReply = { ok: true; check: SourceCheck } | { ok: false; error: ReplyError };
/** The secret captured for the feed, for Fix: asked on the person's click only. */
export type FixSourceReply = { ok: true; collectionName: string } | { ok: false; error: ReplyError };

/** Every answer to the gateway script. */
export type GatewayReply = NoteReply | PasteReply | CheckSourceReply | FixSourceReply;

/** A note's use, or an Add to gateway, is acknowledged, nothing more. */
export type NoteReply = { ok: true } | { ok: false; error: ReplyError };
