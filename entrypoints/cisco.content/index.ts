import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { CISCO_UI_MATCHES } from '@/utils/feed/cisco-hosts';
import { createFeedCapture } from '@/utils/capture/feed-capture';
import { mountInPage } from '@/utils/in-page/mount-in-page';
import { createOutputWarning } from '@/utils/capture/output-warning';
import { watchPersonCopies } from '@/utils/capture/person-copy';
import { createScriptLifetime } from '@/utils/in-page/script-lifetime';
import { watchPage } from '@/utils/capture/watch-page';

export default defineContentScript({
  matches: CISCO_UI_MATCHES,
  // Started before the page's scripts, so that the person's copies are seen before any handler of
  // the page can change them; the page is read once its document is there.
  runAt: 'document_start',
  // WXT's context ends when the page replays its start-up message: the script keeps its own lifetime.
  main() {
    const lifetime = createScriptLifetime();
    const mount = (anchor: Element, content: HTMLElement) => mountInPage(lifetime, anchor, content);
    const capture = createFeedCapture({
      send: (message) => browser.runtime.sendMessage(message),
      mount,
      writeClipboard: (text) => navigator.clipboard.writeText(text),
    });
    const outputWarning = createOutputWarning({ mount });

    watchPersonCopies({ window, signal: lifetime.signal, onCopy: (url, element) => lifetime.isValid() && capture.captureCopy(url, element) });
    // Choosing in a <select> or a radio group changes no markup, so no mutation reports it.
    document.addEventListener('change', () => lifetime.isValid() && outputWarning.update([]), { capture: true, signal: lifetime.signal });

    const watch = () =>
      watchPage(lifetime, document.documentElement, (roots) => {
        capture.scan(roots);
        outputWarning.update(roots);
      });
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', watch, { once: true, signal: lifetime.signal });
    else watch();
  },
});
