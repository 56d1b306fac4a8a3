import { browser } from 'wxt/browser';
import { t } from '../i18n/i18n';
import type {
  AddToGateway,
  CheckFeed,
  CheckReply,
  ChooseFeed,
  ConfirmAddTo,
  FeedsReply,
  FillReply,
  FillTab,
  ForgetFeeds,
  NoteReply,
  OptionsReply,
  ReadOptions,
  RemoveFeed,
  ReplyError,
  SaveOptions,
  SaveOptionsReply,
  SavePastedFeed,
} from './messages';

/** The background could not be asked. */
type Failure = { ok: false; error: ReplyError };

/**
 * Sends an extension page's request to the background, typed by the reply it gets. A module of its
 * own, so a page that sends one request (the Add to confirmation) loads nothing else.
 */
export async function ask(message: SavePastedFeed | ChooseFeed | RemoveFeed | ForgetFeeds): Promise<FeedsReply>;
export async function ask(message: CheckFeed): Promise<CheckReply>;
export async function ask(message: AddToGateway | ConfirmAddTo): Promise<NoteReply>;
export async function ask(message: FillTab): Promise<FillReply>;
export async function ask(message: ReadOptions): Promise<OptionsReply | Failure>;
export async function ask(message: SaveOptions): Promise<SaveOptionsReply | Failure>;
export async function ask(message: { type: string }): Promise<unknown> {
  try {
    return await browser.runtime.sendMessage(message);
  } catch {
    return { ok: false, error: { code: 'background-unavailable', message: t('backgroundUnavailable') } };
  }
}
