import { createStore, del, get, set } from 'idb-keyval';
import { GATEWAYS_DB } from '@/utils/extension/known-gateways';

/** The known-gateways list as stored, read and written past the module, as a broken store would be. */
const rawStore = createStore(GATEWAYS_DB.database, GATEWAYS_DB.store);

export const readRawGateways = (): Promise<unknown> => get(GATEWAYS_DB.key, rawStore);
export const writeRawGateways = (value: unknown): Promise<void> => set(GATEWAYS_DB.key, value, rawStore);
export const clearKnownGateways = (): Promise<void> => del(GATEWAYS_DB.key, rawStore);
