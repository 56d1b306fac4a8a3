import type { Browser } from 'puppeteer-core';
import { bidiConnection } from './bidi';

/** Evaluates an expression (awaiting a promise) in the browser's own privileged window; answers its value. */
export type ChromeEvaluate = (expression: string) => Promise<unknown>;

/**
 * The browser's own window, where Firefox's privileged modules are (what about:debugging and the
 * Browser Console use): for what WebDriver BiDi has no command for. Needs the browser started with
 * --remote-allow-system-access.
 */
export async function browserChrome(browser: Browser): Promise<ChromeEvaluate> {
  const connection = bidiConnection(browser);
  const { result } = await connection.send<{ contexts?: { context: string }[] }>('browsingContext.getTree', { 'moz:scope': 'chrome', maxDepth: 0 });
  const chromeWindow = result.contexts?.[0]?.context;
  if (!chromeWindow) throw new Error('No chrome window in the browser');
  return async (expression) =>
    (await connection.send<{ result?: { value?: unknown } }>('script.evaluate', { expression, target: { context: chromeWindow }, awaitPromise: true })).result.result?.value;
}
