import * as z from 'zod/mini';
import { oneShotStore } from '../platform/one-shot-store';
import { WholeNumber } from '../platform/whole-number';

/**
 * A source submitted from a form the extension filled is saved on the gateway, not yet polled: the
 * gateway's next page (its sources list) reminds the person to commit. The reminder waits here, per
 * tab and gateway, for the tab's next External Threat Feeds page, which takes it (a form shown again
 * after a refused submit saved nothing), or for the clock to end it.
 */
export const COMMIT_REMINDER_TTL_MS = 10 * 60_000;
/** Reminders kept at once: one per tab that submitted lately. */
const MAX_REMINDERS = 10;

const CommitReminder = z.object({ tabId: WholeNumber, origin: z.string(), sourceName: z.string(), expires: z.number() });
type CommitReminder = z.infer<typeof CommitReminder>;

/** In session storage: the form's page is gone, and the service worker may be, when the list loads. */
const reminders = oneShotStore('commitReminders', CommitReminder, { ttlMs: COMMIT_REMINDER_TTL_MS, max: MAX_REMINDERS });

/** Remembers that tab `tabId` submitted `sourceName` to the gateway at `origin`: the tab's latest submit only. */
export async function saveCommitReminder(reminder: Omit<CommitReminder, 'expires'>, now: number): Promise<void> {
  await reminders.put(reminder, now, (waiting) => waiting.tabId === reminder.tabId);
}

/** The Source Name tab `tabId` submitted to `origin`, taken out: the reminder shows once. */
export async function takeCommitReminder(tabId: number, origin: string, now: number): Promise<string | undefined> {
  return (await reminders.take((waiting) => waiting.tabId === tabId && waiting.origin === origin, now))?.sourceName;
}
