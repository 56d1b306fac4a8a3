import { clear, createStore, get, set } from 'idb-keyval';
import { GATEWAYS_DB } from '@/utils/gateways/known-gateways';

/** The known-gateways lists as stored, read and written past the module, as a broken store would be. */
const rawStore = createStore(GATEWAYS_DB.database, GATEWAYS_DB.store);

export const readRawGateways = (): Promise<unknown> => get(GATEWAYS_DB.key, rawStore);
export const writeRawGateways = (value: unknown): Promise<void> => set(GATEWAYS_DB.key, value, rawStore);
/** The copy of the organisation's gateways. */
export const readRawPolicyGateways = (): Promise<unknown> => get(GATEWAYS_DB.policyKey, rawStore);
export const writeRawPolicyGateways = (value: unknown): Promise<void> => set(GATEWAYS_DB.policyKey, value, rawStore);
/** Both lists: the person's and the organisation's. */
export const clearKnownGateways = (): Promise<void> => clear(rawStore);
