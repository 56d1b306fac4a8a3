import { storageItem } from '../platform/storage-item';
import type { StoredFeed } from './stored-feed';

/**
 * Kept feeds, most recently active first. Session storage keeps them in memory only: they survive
 * the popup closing and the service worker stopping, and vanish when the browser closes, as a
 * secret should. Content scripts cannot read or write this area. The background alone writes it
 * (see feeds-store.ts); the popup reads and watches it.
 */
export const feedsItem = storageItem<StoredFeed[]>('session', 'feeds', []);
