import type { BrowserContext, ConsoleMessage, JSHandle, Page, Worker } from 'playwright-core';
import { FIXTURE_FEEDS } from './local-world';

/**
 * Every console message and uncaught exception in the extension's browser: each page (and its
 * frames and content scripts), each service worker, each popup. A feed secret must appear in none
 * of them, whatever the message's type.
 */
export class ConsoleWatch {
  private readonly messages: Promise<string>[] = [];
  private readonly secrets = new Set<string>(FIXTURE_FEEDS.map((feed) => feed.secret));

  /** Starts watching every page and service worker the context has or will have. */
  watchContext(context: BrowserContext): void {
    context.pages().forEach((page) => this.watchPage(page));
    context.on('page', (page) => this.watchPage(page));
    context.serviceWorkers().forEach((worker) => this.watchWorker(worker));
    context.on('serviceworker', (worker) => this.watchWorker(worker));
  }

  /** A secret the test typed or pasted: it is watched for as well as the fixture feeds' secrets. */
  watchSecret(secret: string): void {
    this.secrets.add(secret);
  }

  /** A message in `source`: its text, or a promise of it while its arguments are being read. */
  record(source: string, text: string | Promise<string>): void {
    this.messages.push(Promise.resolve(text).then((value) => `${source}: ${value}`));
  }

  /** Every message so far that contains a watched secret. */
  async leaks(): Promise<string[]> {
    const messages = await Promise.all(this.messages);
    return messages.filter((message) => [...this.secrets].some((secret) => message.includes(secret)));
  }

  private watchPage(page: Page): void {
    page.on('console', (message) => this.record(`${message.type()} in ${page.url()}`, messageText(message)));
    page.on('pageerror', (error) => this.record(`uncaught in ${page.url()}`, `${error.message}\n${error.stack ?? ''}`));
  }

  private watchWorker(worker: Worker): void {
    worker.on('console', (message) => this.record(`${message.type()} in ${worker.url()}`, messageText(message)));
  }
}

/**
 * The message's text and every argument's full value: the text alone shows an object as a short
 * preview, which would hide a secret one level down.
 */
async function messageText(message: ConsoleMessage): Promise<string> {
  const values = await Promise.all(message.args().map(fullValue));
  return [message.text(), ...values].join(' ');
}

async function fullValue(handle: JSHandle): Promise<string> {
  // A handle whose page has gone, or a value JSON cannot hold (a node, a cycle): its preview.
  const preview = handle.toString();
  return withinLimit(
    handle.jsonValue().then(
      (value) => JSON.stringify(value) ?? String(value),
      () => preview,
    ),
    preview,
  );
}

/** `value`, or `fallback` if it takes longer than a browser that answers at all would. */
export function withinLimit<T>(value: Promise<T>, fallback: T, timeoutMs = 5_000): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<T>((resolve) => (timer = setTimeout(() => resolve(fallback), timeoutMs)));
  return Promise.race([value, late]).finally(() => clearTimeout(timer));
}
