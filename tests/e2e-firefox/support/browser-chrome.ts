import type { Browser } from 'puppeteer-core';

/** Puppeteer's WebDriver BiDi connection, for the Firefox-only commands it has no API for. */
interface BidiConnection {
  send(method: string, params: object): Promise<{ result: { contexts?: { context: string }[]; result?: { value?: unknown } } }>;
}

/** Evaluates an expression (awaiting a promise) in the browser's own privileged window; answers its value. */
export type ChromeEvaluate = (expression: string) => Promise<unknown>;

/**
 * The browser's own window, where Firefox's privileged modules are (what about:debugging and the
 * Browser Console use): for what WebDriver BiDi has no command for. Needs the browser started with
 * --remote-allow-system-access.
 */
export async function browserChrome(browser: Browser): Promise<ChromeEvaluate> {
  const connection = (browser as unknown as { connection: BidiConnection }).connection;
  const { result } = await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome', maxDepth: 0 });
  const chromeWindow = result.contexts?.[0]?.context;
  if (!chromeWindow) throw new Error('No chrome window in the browser');
  return async (expression) =>
    (await connection.send('script.evaluate', { expression, target: { context: chromeWindow }, awaitPromise: true })).result.result?.value;
}
