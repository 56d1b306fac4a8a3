import { createStore, del, get, set } from 'idb-keyval';
import { DESTINATIONS_DB } from '@/utils/destinations/feed-destinations';

/** The feed destinations as stored, read and written past the module, as a broken store would be. */
const rawStore = createStore(DESTINATIONS_DB.database, DESTINATIONS_DB.store);

export const readRawDestinations = (): Promise<unknown> => get(DESTINATIONS_DB.key, rawStore);
export const writeRawDestinations = (value: unknown): Promise<void> => set(DESTINATIONS_DB.key, value, rawStore);
export const clearDestinations = (): Promise<void> => del(DESTINATIONS_DB.key, rawStore);
