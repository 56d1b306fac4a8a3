import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { CISCO_UI_MATCHES } from '@/utils/feed/cisco-hosts';
import { createFeedCapture } from '@/utils/console/feed-capture';
import { mountInPage } from '@/utils/console/mount-in-page';
import { createOutputWarning } from '@/utils/console/output-warning';
import { watchPage } from '@/utils/console/watch-page';
import { readCopiedSelection } from '@/utils/console/copied-selection';

export default defineContentScript({
  matches: CISCO_UI_MATCHES,
  runAt: 'document_idle',
  main(ctx) {
    const mount = (anchor: Element, content: HTMLElement) => mountInPage(ctx, anchor, content);
    const capture = createFeedCapture({
      send: (message) => browser.runtime.sendMessage(message),
      mount,
      writeClipboard: (text) => navigator.clipboard.writeText(text),
    });
    const outputWarning = createOutputWarning({ mount });

    watchPage(ctx, document.documentElement, (roots) => {
      capture.scan(roots);
      outputWarning.update(roots);
    });
    // After an update the old script lives on in open pages with no extension behind it: asking
    // ctx.isValid notices that, and removes these listeners for good.
    ctx.addEventListener(document, 'copy', (event) => {
      // Only the person's own copy says they chose the feed: a page can fire a copy event of its
      // own (untrusted), or make the browser copy (execCommand) without the person having just
      // pressed a key or clicked (no user activation).
      if (!ctx.isValid || !event.isTrusted || navigator.userActivation?.isActive === false) return;
      const { text, element } = readCopiedSelection(document);
      capture.captureCopy(text, element);
    });
    // Choosing in a <select> or a radio group changes no markup, so no mutation reports it.
    ctx.addEventListener(document, 'change', () => ctx.isValid && outputWarning.update([]), { capture: true });
  },
});
