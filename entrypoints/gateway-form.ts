import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { announceInPage, type Announcement } from '@/utils/gateway/announce-in-page';
import { fillEtfForm, inspectEtfForm } from '@/utils/gateway/etf-form';
import type { EtfValues } from '@/utils/gateway/etf-values';

// Injected on demand into the active tab. `executeScript({ func })` cannot import code, so the
// functions it calls are left on the isolated world's global, out of the page's reach.
export default defineUnlistedScript(() => {
  Object.assign(globalThis, {
    etfAutofill: {
      inspect: () => inspectEtfForm(document),
      fill: (values: EtfValues) => fillEtfForm(document, values, { highlight: true }),
      announce: (announcement: Announcement) => announceInPage(document, announcement),
    },
  });
});
