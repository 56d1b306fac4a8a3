/**
 * How long the content script's listeners, timers and notes live: until the extension behind it
 * is gone (updated, reloaded or removed), which the script checks for itself whenever it is about
 * to act. WXT's own context also ends when the page replays its start-up announcement, which any
 * page can do: a page must not be able to switch capture off.
 */
export interface ScriptLifetime {
  readonly signal: AbortSignal;
  /** Whether the extension is still there; ends the lifetime when it is not. */
  isValid(): boolean;
  onInvalidated(callback: () => void): void;
  /** A timer that does not fire once the lifetime has ended. */
  setTimeout(callback: () => void, ms: number): void;
}

export function createScriptLifetime(extensionIsThere: () => boolean = () => chrome.runtime?.id !== undefined): ScriptLifetime {
  const controller = new AbortController();
  const lifetime: ScriptLifetime = {
    signal: controller.signal,
    isValid() {
      if (!controller.signal.aborted && !extensionIsThere()) controller.abort();
      return !controller.signal.aborted;
    },
    onInvalidated: (callback) => controller.signal.addEventListener('abort', callback),
    setTimeout(callback, ms) {
      const id = setTimeout(() => lifetime.isValid() && callback(), ms);
      lifetime.onInvalidated(() => clearTimeout(id));
    },
  };
  return lifetime;
}
