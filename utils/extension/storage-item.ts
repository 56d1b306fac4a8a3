import { browser } from 'wxt/browser';

type Area = 'local' | 'session' | 'sync';

/**
 * One value kept under `key` in one storage area, read as `fallback` when absent. The extension
 * makes only these few calls, too few to carry a storage library into every context for them.
 */
export function storageItem<T>(area: Area, key: string, fallback: T) {
  return {
    /** The stored value as it is (callers validate it), or the fallback. */
    async get(): Promise<unknown> {
      const stored = await browser.storage[area].get(key);
      return key in stored ? stored[key] : fallback;
    },
    set: (value: T): Promise<void> => browser.storage[area].set({ [key]: value }),
    remove: (): Promise<void> => browser.storage[area].remove(key),
    /** Calls `onChange` with each new value (the fallback once removed); returns the function that stops it. */
    watch(onChange: (value: unknown) => void): () => void {
      const listener = (changes: Record<string, { newValue?: unknown }>, changedArea: string) => {
        if (changedArea === area && key in changes) onChange(changes[key]!.newValue ?? fallback);
      };
      browser.storage.onChanged.addListener(listener);
      return () => browser.storage.onChanged.removeListener(listener);
    },
  };
}
