import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { announceInPage, type Announcement } from '@/utils/gateway/announce-in-page';
import { fillEtfForm, inspectEtfForm } from '@/utils/gateway/etf-form';
import { looksLikeSourcesList } from '@/utils/gateway/sources-list';
import type { FillRequest } from '@/utils/gateway/fill-report';

// Injected on demand into the active tab. `executeScript({ func })` cannot import code, so the
// functions it calls are left on the isolated world's global, out of the page's reach.
export default defineUnlistedScript(() => {
  Object.assign(globalThis, {
    etfAutofill: {
      // Not the form, but the sources list whose Add Source button leads to it: said so, for Add to <gateway>.
      inspect: () => {
        const inspection = inspectEtfForm(document);
        return inspection.ok ? inspection : { ...inspection, sourcesList: looksLikeSourcesList(document) };
      },
      fill: ({ values, focusSubmit }: FillRequest) => fillEtfForm(document, values, { highlight: true, focusSubmit }),
      announce: (announcement: Announcement) => announceInPage(document, announcement),
    },
  });
});
