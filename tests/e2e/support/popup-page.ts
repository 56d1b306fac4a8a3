import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { CDPSession } from 'playwright-core';
import { withinLimit, type ConsoleWatch } from './console-watch';
import { waitUntil } from './wait';

/** A reply to a command (with its id), or an event (with its method). */
interface ProtocolReply {
  id?: number;
  result?: Record<string, unknown>;
  error?: { message: string };
  method?: string;
  params?: Record<string, unknown>;
}

/** An argument of a console call, as the protocol describes it (a value, or a handle and a preview). */
interface RemoteObject {
  value?: unknown;
  objectId?: string;
}

interface AXNode {
  ignored: boolean;
  backendDOMNodeId?: number;
  name?: { value: string };
}

/**
 * The real toolbar popup, driven over DevTools. Playwright does not list extension popups as pages,
 * so this speaks the protocol through the browser session, and finds elements the way a screen
 * reader does: by role and accessible name, from Chromium's own accessibility tree.
 */
export class PopupPage {
  private nextId = 1;
  private readonly pending = new Map<number, (reply: ProtocolReply) => void>();

  private constructor(
    private readonly browser: CDPSession,
    private readonly targetId: string,
    private readonly sessionId: string,
    private readonly consoleWatch: ConsoleWatch | undefined,
  ) {
    browser.on('Target.receivedMessageFromTarget', (event: { sessionId: string; message: string }) => {
      if (event.sessionId !== this.sessionId) return;
      const reply = JSON.parse(event.message) as ProtocolReply;
      if (reply.id !== undefined) this.pending.get(reply.id)?.(reply);
      else this.onEvent(reply);
    });
  }

  /**
   * Attaches to the popup and reports its console (messages logged before now included) to
   * `consoleWatch`; the tests always pass one, a benchmark that must not slow the popup may not.
   */
  static async attach(browser: CDPSession, targetId: string, consoleWatch?: ConsoleWatch): Promise<PopupPage> {
    const { sessionId } = (await browser.send('Target.attachToTarget', { targetId, flatten: false })) as { sessionId: string };
    const popup = new PopupPage(browser, targetId, sessionId, consoleWatch);
    // Enabling Runtime also replays the messages the popup logged before it was attached.
    if (consoleWatch) await popup.send('Runtime.enable');
    // The target exists before popup.html has replaced its first blank document: wait for the load.
    await waitUntil('the popup to load', () =>
      popup.evaluate<boolean>(`document.readyState === 'complete' && location.pathname === '/popup.html'`).then(
        (loaded) => (loaded ? true : undefined),
        () => undefined,
      ),
    );
    await popup.waitForRole('main');
    return popup;
  }

  private onEvent({ method, params }: ProtocolReply): void {
    if (!this.consoleWatch) return;
    if (method === 'Runtime.consoleAPICalled') {
      const args = (params!.args ?? []) as RemoteObject[];
      this.consoleWatch.record(`${String(params!.type)} in the popup`, Promise.all(args.map((arg) => this.fullValue(arg))).then((values) => values.join(' ')));
    } else if (method === 'Runtime.exceptionThrown') {
      this.consoleWatch.record('uncaught in the popup', JSON.stringify(params!.exceptionDetails));
    }
  }

  /** A console argument's whole value: its preview would show an object's secret-holding fields as `Object`. */
  private async fullValue(arg: RemoteObject): Promise<string> {
    const preview = JSON.stringify(arg);
    if (arg.objectId === undefined) return preview;
    const serialised = this.send<{ result: { value?: string } }>('Runtime.callFunctionOn', {
      objectId: arg.objectId,
      functionDeclaration: 'function () { try { return JSON.stringify(this); } catch { return String(this); } }',
      returnByValue: true,
    }).then(
      ({ result }) => `${result.value} ${preview}`,
      () => preview,
    );
    return withinLimit(serialised, preview);
  }

  /** Closes the popup, as clicking elsewhere does; a popup that lost focus has closed already. */
  async close(): Promise<void> {
    await this.browser.send('Target.closeTarget', { targetId: this.targetId }).catch((error: Error) => {
      if (!/No target with given id/.test(error.message)) throw error;
    });
  }

  async send<T = Record<string, unknown>>(method: string, params: Record<string, unknown> = {}, timeoutMs = 10_000): Promise<T> {
    const id = this.nextId++;
    const reply = new Promise<ProtocolReply>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`${method} got no answer within ${timeoutMs} ms`));
      }, timeoutMs);
      this.pending.set(id, (answer) => {
        clearTimeout(timer);
        this.pending.delete(id);
        resolve(answer);
      });
    });
    await this.browser.send('Target.sendMessageToTarget', { sessionId: this.sessionId, message: JSON.stringify({ id, method, params }) });
    const answer = await reply;
    if (answer.error) throw new Error(`${method}: ${answer.error.message}`);
    return answer.result as T;
  }

  /** Runs `expression` in the popup as if the user had just interacted, and returns its value. */
  async evaluate<T>(expression: string): Promise<T> {
    const { result, exceptionDetails } = await this.send<{ result: { value: T }; exceptionDetails?: { text: string } }>('Runtime.evaluate', {
      expression,
      awaitPromise: true,
      returnByValue: true,
      userGesture: true,
    });
    if (exceptionDetails) throw new Error(`In the popup: ${exceptionDetails.text}`);
    return result.value;
  }

  /** Elements with this role and exact accessible name (all of that role when name is omitted). */
  async queryRole(role: string, name?: string): Promise<number[]> {
    const { root } = await this.send<{ root: { nodeId: number } }>('DOM.getDocument', { depth: 0 });
    const { nodes } = await this.send<{ nodes: AXNode[] }>('Accessibility.queryAXTree', {
      nodeId: root.nodeId,
      role,
      ...(name === undefined ? {} : { accessibleName: name }),
    });
    return nodes.filter((n) => !n.ignored && n.backendDOMNodeId !== undefined).map((n) => n.backendDOMNodeId!);
  }

  async waitForRole(role: string, name?: string): Promise<number> {
    return waitUntil(`${role}${name ? ` "${name}"` : ''} in the popup`, async () => (await this.queryRole(role, name))[0]);
  }

  /** Calls `functionDeclaration` with the element as `this`. */
  async callOn<T>(backendNodeId: number, functionDeclaration: string): Promise<T> {
    const { object } = await this.send<{ object: { objectId: string } }>('DOM.resolveNode', { backendNodeId });
    const { result } = await this.send<{ result: { value: T } }>('Runtime.callFunctionOn', {
      objectId: object.objectId,
      functionDeclaration,
      returnByValue: true,
      userGesture: true,
    });
    return result.value;
  }

  /** Waits until the control with this role and name can be used. */
  async waitForEnabled(role: string, name: string): Promise<void> {
    await waitUntil(`${role} "${name}" to be enabled`, async () => {
      const node = await this.waitForRole(role, name);
      return (await this.callOn<boolean>(node, 'function () { return !this.disabled; }')) || undefined;
    });
  }

  /** A real mouse click in the middle of the element. */
  async click(role: string, name: string): Promise<void> {
    const node = await this.waitForRole(role, name);
    await this.send('DOM.scrollIntoViewIfNeeded', { backendNodeId: node });
    const { quads } = await this.send<{ quads: number[][] }>('DOM.getContentQuads', { backendNodeId: node });
    const [x1, y1, , , x3, y3] = quads[0]!;
    const x = (x1! + x3!) / 2;
    const y = (y1! + y3!) / 2;
    for (const type of ['mousePressed', 'mouseReleased']) {
      await this.send('Input.dispatchMouseEvent', { type, x, y, button: 'left', clickCount: 1 });
    }
  }

  /**
   * Pastes `url` into the Feed URL box (one insertion, as a paste is) and waits until the feed is
   * saved and listed, so the layout has settled before the next click.
   */
  async pasteFeedUrl(url: string): Promise<void> {
    const secret = URL.parse(url)?.searchParams.get('s');
    if (secret) this.consoleWatch?.watchSecret(secret);
    const node = await this.waitForRole('textbox', 'Feed URL');
    await this.callOn(node, 'function () { this.focus(); this.select(); }');
    await this.send('Input.insertText', { text: url });
    await this.waitForRole('radio');
  }

  async valueOf(label: string): Promise<string> {
    return this.callOn(await this.waitForRole('textbox', label), 'function () { return this.value; }');
  }

  /** The accessible name of every element with this role, in document order. */
  async namesOf(role: string): Promise<string[]> {
    const { root } = await this.send<{ root: { nodeId: number } }>('DOM.getDocument', { depth: 0 });
    const { nodes } = await this.send<{ nodes: AXNode[] }>('Accessibility.queryAXTree', { nodeId: root.nodeId, role });
    return nodes.filter((n) => !n.ignored).map((n) => n.name?.value ?? '');
  }

  /** The text of every element with this role, in document order. */
  async textsOf(role: string): Promise<string[]> {
    const nodes = await this.queryRole(role);
    return Promise.all(nodes.map((node) => this.callOn<string>(node, 'function () { return this.textContent.trim(); }')));
  }

  async screenshot(path: string): Promise<void> {
    const { width, height } = await this.evaluate<{ width: number; height: number }>(
      '({ width: document.documentElement.scrollWidth, height: document.documentElement.scrollHeight })',
    );
    const { data } = await this.send<{ data: string }>('Page.captureScreenshot', {
      format: 'png',
      captureBeyondViewport: true,
      clip: { x: 0, y: 0, width, height, scale: 1 },
    });
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, Buffer.from(data, 'base64'));
  }
}
