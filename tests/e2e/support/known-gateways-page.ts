/**
 * Empties the extension's list of known gateways (its own IndexedDB), so a test starts with none.
 * Self-contained: it runs inside an extension page, in Chromium and in Firefox.
 */
export function forgetKnownGateways(): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const opening = indexedDB.open('etf-autofill');
    // Never created here: a database without its store would break the extension's own opening.
    opening.onupgradeneeded = () => opening.transaction!.abort();
    opening.onerror = () => resolve();
    opening.onsuccess = () => {
      const database = opening.result;
      if (!database.objectStoreNames.contains('known-gateways')) return database.close(), resolve();
      const clearing = database.transaction('known-gateways', 'readwrite').objectStore('known-gateways').clear();
      clearing.onerror = () => reject(clearing.error);
      clearing.onsuccess = () => (database.close(), resolve());
    };
  });
}
