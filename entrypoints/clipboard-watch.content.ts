import { defineContentScript } from 'wxt/utils/define-content-script';
import { CISCO_UI_MATCHES } from '@/utils/feed/cisco-hosts';
import { CLIPBOARD_WRITE_EVENT, MAX_HANDED_OVER_TEXT } from '@/utils/capture/clipboard-handover';

// In the page's own world, before the console's code runs (document_start), so that its Copy
// buttons call this writeText, not one they kept a reference to earlier. It only tells: the text
// is written as the page asked, and the content script decides whether the write was the person's.
export default defineContentScript({
  matches: CISCO_UI_MATCHES,
  runAt: 'document_start',
  world: 'MAIN',
  main() {
    const clipboard = globalThis.Clipboard?.prototype;
    const writeText = clipboard?.writeText;
    if (!clipboard || !writeText) return;
    clipboard.writeText = function (this: Clipboard, text: string) {
      if (typeof text === 'string' && text.length <= MAX_HANDED_OVER_TEXT && navigator.userActivation?.isActive !== false) {
        document.dispatchEvent(new CustomEvent(CLIPBOARD_WRITE_EVENT, { detail: text }));
      }
      return writeText.call(this, text);
    };
  },
});
