import type { Browser, Page } from 'puppeteer-core';

/** Puppeteer's WebDriver BiDi connection, for the commands it has no API for. */
export interface BidiConnection {
  send<T>(method: string, params: object): Promise<{ result: T }>;
}

/** The WebDriver BiDi connection puppeteer drives `browser` over (not part of its public API). */
export function bidiConnection(browser: Browser): BidiConnection {
  return (browser as unknown as { connection: BidiConnection }).connection;
}

/** The page's browsing context: puppeteer's frame id over WebDriver BiDi (not part of its public API). */
export function contextOf(page: Page): string {
  return (page.mainFrame() as unknown as { _id: string })._id;
}

/**
 * Whether the page's browsing context is still there, as the browser answers. Asked rather than
 * `page.isClosed()`: after an extension's window closed itself with `window.close()`, puppeteer
 * still reported its page open.
 */
export async function isOpen(page: Page): Promise<boolean> {
  const { result } = await bidiConnection(page.browser()).send<{ contexts: { context: string }[] }>('browsingContext.getTree', { maxDepth: 0 });
  return result.contexts.some(({ context }) => context === contextOf(page));
}
