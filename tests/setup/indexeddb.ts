// The extension keeps known gateways in IndexedDB, which happy-dom does not have: an in-memory one.
import 'fake-indexeddb/auto';
