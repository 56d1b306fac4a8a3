import * as z from 'zod/mini';
import { isPlainHttp, type KnownGateway } from '../gateways/known-gateways';
import { webUrl } from '../platform/web-url';

/**
 * "Add to <gateway>": one click opens a tab at the gateway's remembered Add Source page and fills
 * the form once it is there, after the person has signed in or clicked through to it. The wait is
 * bound to that gateway's origin and that tab, lasts at most PENDING_FILL_TIMEOUT_MS, and ends with
 * the one fill. Browser access is injected, so the background wires real tabs and scripting.
 */

export const PENDING_FILL_TIMEOUT_MS = 10 * 60_000;

/** What the page of a waiting tab shows: the Add Source form, or the sources list whose Add Source button leads to it. */
export interface FormInspection {
  ok: boolean;
  sourcesList?: boolean;
}

export interface PendingFillDeps {
  /** Opens `url` in a new tab beside `besideTabId`; returns the new tab's id. */
  openTab(url: string, besideTabId: number | undefined): Promise<number>;
  /**
   * The tab's current URL; undefined when the tab is gone. `about:blank` or '' while the first page
   * loads, and '' for a page the extension may not see (never the gateway's, which it may).
   */
  tabUrl(tabId: number): Promise<string | undefined>;
  /** Looks for the Add Source form in that tab, only if the tab still shows `origin` (checked in the page). */
  inspect(tabId: number, origin: string): Promise<FormInspection>;
  /** Fills the form with the feed named `feedKey`, only if the tab still shows `origin` when the fill runs. */
  fill(tabId: number, origin: string, feedKey: string): Promise<void>;
  /** Whether the extension may reach this origin now (host permission). */
  mayReach(origin: string): Promise<boolean>;
  /** Tells the person in the page that the form will be filled once they press Add Source (sources list). */
  hint(tabId: number, origin: string): Promise<void>;
  now(): number;
  /** The waiting fills, kept where a restarted service worker finds them (storage.session). */
  load(): Promise<unknown>;
  save(state: unknown): Promise<void>;
}

export type StartAnswer = { ok: true; tabId: number; deadline: number } | { ok: false; code: 'unreachable-gateway' };

export interface PendingFills {
  /** Opens the gateway's Add Source page beside the console tab and waits there for the form. */
  start(request: { gateway: KnownGateway; feedKey: string; besideTabId?: number }): Promise<StartAnswer>;
  /** On every tabs.onUpdated with status 'complete', and on URL changes of single-page apps: fills once when the form is there. */
  onTabUpdated(tabId: number): Promise<void>;
  onTabRemoved(tabId: number): Promise<void>;
  /** Drops the fills whose time is up (for an alarm set at a start's `deadline`; events check it too). */
  expire(): Promise<void>;
}

const PendingFill = z.object({
  tabId: z.number(),
  origin: z.string(),
  feedKey: z.string(),
  deadline: z.number(),
  /** Whether the person was told, on the sources list, to press Add Source: once per click. */
  hinted: z.boolean(),
});
type PendingFill = z.infer<typeof PendingFill>;
const SavedFills = z.array(PendingFill);

/** What a waiting tab's latest page means for its fill. */
type Step = { next: 'wait'; pending: PendingFill } | { next: 'drop' } | { next: 'fill' };

export function createPendingFills(deps: PendingFillDeps): PendingFills {
  // Tab events come in bursts (load complete, then a URL change): one at a time, so a form is
  // filled once and no update of the saved list is lost.
  let queue: Promise<unknown> = Promise.resolve();
  const oneAtATime = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task);
    queue = run.catch(() => undefined);
    return run;
  };

  /** The saved fills whose time is not up. A saved state that makes no sense reads as none waiting. */
  async function liveFills(): Promise<{ saved: PendingFill[]; live: PendingFill[] }> {
    const parsed = SavedFills.safeParse(await deps.load().catch(() => undefined));
    const saved = parsed.success ? parsed.data : [];
    const now = deps.now();
    return { saved, live: saved.filter((pending) => now < pending.deadline) };
  }

  async function saveIfChanged(saved: PendingFill[], fills: PendingFill[]): Promise<void> {
    if (JSON.stringify(saved) !== JSON.stringify(fills)) await deps.save(fills);
  }

  async function nextStep(pending: PendingFill): Promise<Step> {
    const url = await deps.tabUrl(pending.tabId);
    if (url === '' || url === 'about:blank') return { next: 'wait', pending };
    // A tab that is gone, or shows a page of another site the extension may see, ends the wait.
    if (webUrl(url)?.origin !== pending.origin) return { next: 'drop' };
    // A page caught mid-navigation cannot answer: the next event asks again.
    const page = await deps.inspect(pending.tabId, pending.origin).catch((): FormInspection => ({ ok: false }));
    if (page.ok) return { next: 'fill' };
    if (page.sourcesList && !pending.hinted) {
      await deps.hint(pending.tabId, pending.origin).catch(() => undefined);
      return { next: 'wait', pending: { ...pending, hinted: true } };
    }
    return { next: 'wait', pending };
  }

  return {
    async start({ gateway, feedKey, besideTabId }) {
      const origin = gateway.origin;
      // Whoever asks, a plain-HTTP gateway is never opened: only the popup fills one (see isPlainHttp).
      if (isPlainHttp(gateway.addSourceUrl) || webUrl(gateway.addSourceUrl)?.origin !== origin || !(await deps.mayReach(origin))) {
        return { ok: false, code: 'unreachable-gateway' };
      }
      return oneAtATime(async () => {
        const tabId = await deps.openTab(gateway.addSourceUrl, besideTabId);
        const deadline = deps.now() + PENDING_FILL_TIMEOUT_MS;
        const { live } = await liveFills();
        await deps.save([...live.filter((pending) => pending.tabId !== tabId), { tabId, origin, feedKey, deadline, hinted: false }]);
        return { ok: true, tabId, deadline };
      });
    },

    onTabUpdated: (tabId) =>
      oneAtATime(async () => {
        const { saved, live } = await liveFills();
        const pending = live.find((fill) => fill.tabId === tabId);
        if (!pending) return saveIfChanged(saved, live);
        const step = await nextStep(pending);
        // Saved before filling: whatever happens next, this click never fills again.
        await saveIfChanged(saved, step.next === 'wait' ? live.map((fill) => (fill === pending ? step.pending : fill)) : live.filter((fill) => fill !== pending));
        if (step.next === 'fill') await deps.fill(pending.tabId, pending.origin, pending.feedKey);
      }),

    onTabRemoved: (tabId) =>
      oneAtATime(async () => {
        const { saved, live } = await liveFills();
        await saveIfChanged(saved, live.filter((pending) => pending.tabId !== tabId));
      }),

    expire: () =>
      oneAtATime(async () => {
        const { saved, live } = await liveFills();
        await saveIfChanged(saved, live);
      }),
  };
}
