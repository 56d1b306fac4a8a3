import type { WxtBrowser } from 'wxt/browser';

declare global {
  /** The extension API in an extension page, where `inExtensionPage` callbacks run. */
  const chrome: WxtBrowser;
}
