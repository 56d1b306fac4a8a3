import type { WxtBrowser } from 'wxt/browser';

declare global {
  /** The extension API inside the service worker, where `inServiceWorker` callbacks run. */
  const chrome: WxtBrowser;
}
