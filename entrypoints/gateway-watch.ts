import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { isThreatFeedsPage } from '@/utils/gateway/threat-feeds-page';

// On every page of the Cloud Gateway (the manifest's content script) and of each on-premises gateway
// the person allowed (registered at run time, see gateway-scripts.ts). Only an External Threat Feeds
// page asks the background for the rest (paste to split, the form check, the Commit Changes
// reminder); any other page pays for one look at a few elements. Plain `chrome`, not the polyfill:
// this script loads on every gateway page, and one message needs no promise wrapper.
export default defineUnlistedScript(() => {
  if (isThreatFeedsPage(document)) chrome.runtime.sendMessage({ type: 'gateway-page' }, () => void chrome.runtime.lastError);
});
