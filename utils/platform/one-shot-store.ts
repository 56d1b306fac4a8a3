import * as z from 'zod/mini';
import { storageItem } from './storage-item';

/**
 * Short-lived entries that wait for one answer each (an Add to the person confirms, a reminder the
 * next page shows): kept in session storage, where a stopped service worker finds them again, the
 * newest `max` only, each for `ttlMs`, and each taken out at most once. A stored list that makes no
 * sense reads as empty.
 */
export function oneShotStore<T extends { expires: number }>(key: string, entry: z.ZodMiniType<T>, { ttlMs, max }: { ttlMs: number; max: number }) {
  const item = storageItem<T[]>('session', key, []);

  async function live(now: number): Promise<T[]> {
    const parsed = z.array(entry).safeParse(await item.get().catch(() => []));
    return parsed.success ? parsed.data.filter((kept) => now < kept.expires) : [];
  }

  return {
    /** Keeps `fresh` until `ttlMs` from now, first, in place of the entries it `replaces`. */
    async put(fresh: Omit<T, 'expires'>, now: number, replaces: (kept: T) => boolean = () => false): Promise<T> {
      const kept = { ...fresh, expires: now + ttlMs } as T;
      await item.set([kept, ...(await live(now)).filter((other) => !replaces(other))].slice(0, max));
      return kept;
    },
    /** Takes out the live entry that `matches`, if there is one. */
    async take(matches: (kept: T) => boolean, now: number): Promise<T | undefined> {
      const entries = await live(now);
      const found = entries.find(matches);
      if (found) await item.set(entries.filter((other) => other !== found));
      return found;
    },
  };
}
