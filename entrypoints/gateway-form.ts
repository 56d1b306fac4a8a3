import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { announceInPage, type Announcement } from '@/utils/gateway/announce-in-page';
import { inspectEtfForm } from '@/utils/gateway/etf-form';
import { looksLikeSourcesList } from '@/utils/gateway/threat-feeds-page';
import type { FillRequest } from '@/utils/gateway/fill-report';
import { createGatewayPage } from '@/utils/gateway-page/gateway-page';
import type { GatewayPageStart } from '@/utils/gateway-page/gateway-page-start';
import { createScriptLifetime } from '@/utils/in-page/script-lifetime';

/** What this script leaves on the isolated world's global, out of the page's reach. */
interface InPageApi {
  /** Whether the extension that injected this copy is still there (an update leaves the old one behind). */
  isCurrent(): boolean;
  inspect(): unknown;
  fill(request: FillRequest): unknown;
  announce(announcement: Announcement): void;
  watch(start: GatewayPageStart): void;
}

type Global = { etfAutofill?: InPageApi; etfAutofillStart?: GatewayPageStart };

// Injected by the background: into the active tab for the popup's Autofill and for Add to, and on
// a gateway's External Threat Feeds pages, where it watches the page (paste, check, commit) from the
// start it was left. `executeScript({ func })` cannot import code, so it calls the functions left
// here. Injected again, the copy already in the page stays, with what it knows of the page
// (whether the extension filled its form).
export default defineUnlistedScript(() => {
  const global = globalThis as unknown as Global;
  if (!global.etfAutofill?.isCurrent()) global.etfAutofill = inPageApi();
  const start = global.etfAutofillStart;
  delete global.etfAutofillStart;
  if (start) global.etfAutofill.watch(start);
});

/**
 * Sends a message to the background; its answer, or undefined when it could not be asked. Plain
 * `chrome.runtime` with a callback, as every browser has it: the promise polyfill would add 3 kB to
 * a script injected into the gateway's pages.
 */
function askBackground(message: object): Promise<never> {
  return new Promise((resolve) => chrome.runtime.sendMessage(message, (reply: never) => resolve(chrome.runtime.lastError ? (undefined as never) : reply)));
}

function inPageApi(): InPageApi {
  const lifetime = createScriptLifetime();
  const page = createGatewayPage({ document, lifetime, send: askBackground });
  return {
    isCurrent: () => lifetime.isValid(),
    // Not the form, but the sources list whose Add Source button leads to it: said so, for Add to <gateway>.
    inspect: () => {
      const inspection = inspectEtfForm(document);
      return inspection.ok ? inspection : { ...inspection, sourcesList: looksLikeSourcesList(document) };
    },
    fill: ({ values, focusSubmit }) => page.fill(values, focusSubmit),
    announce: (announcement) => announceInPage(document, announcement),
    watch: (start) => page.watch(start),
  };
}
