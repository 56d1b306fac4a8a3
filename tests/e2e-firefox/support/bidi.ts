import type { Browser } from 'puppeteer-core';

/** Puppeteer's WebDriver BiDi connection, for the commands it has no API for. */
export interface BidiConnection {
  send<T>(method: string, params: object): Promise<{ result: T }>;
}

/** The WebDriver BiDi connection puppeteer drives `browser` over (not part of its public API). */
export function bidiConnection(browser: Browser): BidiConnection {
  return (browser as unknown as { connection: BidiConnection }).connection;
}
