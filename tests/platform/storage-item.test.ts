import { beforeEach, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { storageItem } from '@/utils/platform/storage-item';

beforeEach(() => fakeBrowser.reset());

it('tells a watcher each new value, the fallback once removed', async () => {
  const policy = storageItem<Record<string, number>>('local', 'policy', {});
  const seen: unknown[] = [];
  policy.watch((value) => seen.push(value));
  await policy.set({ feedAgeDays: 3 });
  await policy.set({ feedAgeDays: 5 });
  await policy.remove();
  expect(seen).toEqual([{ feedAgeDays: 3 }, { feedAgeDays: 5 }, {}]);
});

it('tells a watcher nothing when a write stores the value already there, which Firefox reports as a change', async () => {
  const policy = storageItem<Record<string, number>>('local', 'policy', {});
  await policy.set({ feedAgeDays: 3 });
  const seen: unknown[] = [];
  policy.watch((value) => seen.push(value));
  // As Firefox reports a write of what was there (the browser does not compare the values).
  await fakeBrowser.storage.onChanged.trigger({ policy: { oldValue: { feedAgeDays: 3 }, newValue: { feedAgeDays: 3 } } }, 'local');
  await policy.set({ feedAgeDays: 3 });
  expect(seen).toEqual([]);
});

it('tells a watcher nothing of another key or another area', async () => {
  const policy = storageItem<Record<string, number>>('local', 'policy', {});
  const seen: unknown[] = [];
  policy.watch((value) => seen.push(value));
  await fakeBrowser.storage.local.set({ options: { feedAgeDays: 3 } });
  await fakeBrowser.storage.sync.set({ policy: { feedAgeDays: 3 } });
  expect(seen).toEqual([]);
});
