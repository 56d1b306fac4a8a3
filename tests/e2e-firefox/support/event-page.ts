import { waitUntil } from '../../e2e/support/wait';
import type { ChromeEvaluate } from './browser-chrome';

/** How long the event page must have had nothing to do before it is stopped. */
const IDLE_BEFORE_STOP_MS = 500;

export interface EventPage {
  /** Whether it runs now. */
  runs(): Promise<boolean>;
  /**
   * What woke or kept it busy since `time` (ms since the epoch): each event it was sent and each
   * call it made to the browser, as "event tabs.onUpdated" or "parentapicall storage.sync.get".
   */
  activitySince(time: number): Promise<string[]>;
  /**
   * Waits (bounded) until it has had nothing to do for IDLE_BEFORE_STOP_MS: no message it was
   * handling is still being handled (stopped, it has nothing to do either).
   */
  idle(): Promise<void>;
  /**
   * Stops it as Firefox does once it is idle (there after 30 s without events or calls; here after
   * IDLE_BEFORE_STOP_MS, through about:debugging's Terminate background script), and waits until
   * it has stopped. Its next event starts it again.
   */
  stop(): Promise<void>;
}

/** Firefox's own debugging helpers for add-ons, which about:debugging uses. */
const DEBUG_UTILS = `ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs').ExtensionParent.DebugUtils`;

/**
 * Watches the extension's event page from the browser's side: Firefox resets the page's idle timer
 * on each event sent to it and each call it makes, and this records each of those.
 */
export async function watchEventPage(chrome: ChromeEvaluate, geckoId: string): Promise<EventPage> {
  const id = JSON.stringify(geckoId);
  await chrome(`(() => {
    const activity = (globalThis.etfEventPageActivity = []);
    WebExtensionPolicy.getByID(${id}).extension.on('background-script-reset-idle', (_, { reason, path, eventName }) => {
      activity.push({ at: Date.now(), what: reason + ' ' + (path ?? eventName ?? '') });
    });
  })()`);
  const activitySince = async (time: number) =>
    JSON.parse(String(await chrome(`JSON.stringify(globalThis.etfEventPageActivity.filter(({ at }) => at >= ${time}).map(({ what }) => what))`))) as string[];
  const runs = async () => {
    const running = await chrome(`${DEBUG_UTILS}.isBackgroundScriptRunning(${id})`);
    if (typeof running !== 'boolean') throw new Error(`The extension has no event page (${String(running)})`);
    return running;
  };

  const idle = async () => {
    await waitUntil(`the event page to be idle for ${IDLE_BEFORE_STOP_MS} ms`, async () =>
      (await activitySince(Date.now() - IDLE_BEFORE_STOP_MS)).length === 0 ? true : undefined,
    );
  };

  return {
    runs,
    activitySince,
    idle,
    async stop() {
      await idle();
      await chrome(`${DEBUG_UTILS}.terminateBackgroundScript(${id})`);
      await waitUntil('the event page to stop', async () => ((await runs()) ? undefined : true));
    },
  };
}
