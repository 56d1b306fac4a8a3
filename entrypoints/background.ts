import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createMessageHandler } from '@/utils/message-handler';

export default defineBackground(() => {
  const handleMessage = createMessageHandler({
    extensionId: browser.runtime.id,
    extensionBaseUrl: browser.runtime.getURL('/'),
    now: Date.now,
  });
  browser.runtime.onMessage.addListener((message, sender) => handleMessage(message, sender));
});
