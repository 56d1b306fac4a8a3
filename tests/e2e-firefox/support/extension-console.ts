import type { ChromeEvaluate } from './browser-chrome';

export interface ExtensionConsole {
  /** Every error the extension's own pages (popup, options, background) wrote to their consoles. */
  errors(): Promise<string[]>;
}

/**
 * Firefox reports no console messages of moz-extension pages over WebDriver BiDi (they belong to
 * the add-on's console, not the tab's), and runs no preload script in them. So this listens where
 * Firefox's Browser Console does: a process script in every process forwards the console.error
 * calls made by the add-on, and the console service reports its uncaught errors.
 */
export async function watchExtensionConsole(evaluate: ChromeEvaluate, addonId: string, extensionOrigin: string): Promise<ExtensionConsole> {
  const inEveryProcess = `
    const storage = Cc['@mozilla.org/consoleAPI-storage;1'].getService(Ci.nsIConsoleAPIStorage);
    storage.addLogEventListener((event) => {
      const message = event.wrappedJSObject;
      if (message.level !== 'error' || message.addonId !== ${JSON.stringify(addonId)}) return;
      const text = Array.from(message.arguments, (argument) => String(argument)).join(' ');
      Services.cpmm.sendAsyncMessage('etf-e2e:console-error', message.filename + ': ' + text);
    }, Cc['@mozilla.org/systemprincipal;1'].createInstance(Ci.nsIPrincipal));
  `;
  await evaluate(`(() => {
    const errors = (globalThis.etfExtensionErrors = []);
    Services.ppmm.addMessageListener('etf-e2e:console-error', ({ data }) => errors.push(data));
    Services.ppmm.loadProcessScript('data:,' + encodeURIComponent(${JSON.stringify(inEveryProcess)}), true);
    Services.console.registerListener({
      observe(message) {
        const isError = message instanceof Ci.nsIScriptError && !(message.flags & (Ci.nsIScriptError.warningFlag | Ci.nsIScriptError.infoFlag));
        if (isError && message.sourceName.startsWith(${JSON.stringify(extensionOrigin)})) errors.push(message.sourceName + ': ' + message.errorMessage);
      },
    });
  })()`);

  return {
    errors: async () => JSON.parse(String(await evaluate('JSON.stringify(globalThis.etfExtensionErrors)'))) as string[],
  };
}
