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
      const listener = (changes: Record<string, { oldValue?: unknown; newValue?: unknown }>, changedArea: string) => {
        const change = changedArea === area ? changes[key] : undefined;
        // Firefox reports every write, even of the value already there. Told of one, the Options
        // page asks for the options, which stores the policy copy again: without this, forever.
        if (change && JSON.stringify(change.oldValue) !== JSON.stringify(change.newValue)) onChange(change.newValue ?? fallback);
      };
      browser.storage.onChanged.addListener(listener);
      return () => browser.storage.onChanged.removeListener(listener);
    },
  };
}
