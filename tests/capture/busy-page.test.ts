import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MAX_NOTES_PER_PAGE, MAX_URLS_PER_PAGE, MS_PER_TASK, URLS_PER_TASK, createFeedCapture } from '@/utils/capture/feed-capture';
import { createFeedContextReader } from '@/utils/capture/feed-context';
import type { Request } from '@/utils/protocol/messages';

/** One feed's context, read on its own (the content script shares one reader per batch of URLs). */
const readFeedContext = (element: Element) => createFeedContextReader().read(element);

/** A feed URL per row, each its own feed. */
function rowFeedUrl(n: number): string {
  const hex = n.toString(16).padStart(12, '0');
  return `https://private.intel.amp.cisco.com/ctia/feed/feed-8f2b1c3e-5d4a-4e6f-9a7b-${hex}/view.txt?s=0a1b2c3d-4e5f-4a6b-8c7d-${hex}`;
}

/** A console list as single-page-app grids draw it: `rows` feeds, no column headers. */
function headerlessList(rows: number): string {
  const cells = (n: number) => [`Feed ${n}`, rowFeedUrl(n), n % 3 ? 'Observables' : 'Judgments', 'polled 3 s ago'];
  const body = Array.from({ length: rows }, (_, n) => `<tr>${cells(n).map((text) => `<td>${text}</td>`).join('')}</tr>`).join('');
  return `<main><h1>Feeds</h1><table><tbody>${body}</tbody></table></main>`;
}

/** The same list with a header row, and a details drawer naming one feed but not its Output. */
function listWithDrawer(rows: number): string {
  const body = Array.from({ length: rows }, (_, n) => `<tr><td>Feed ${n}</td><td>${n % 3 ? 'Observables' : 'Judgments'}</td></tr>`).join('');
  const drawer = `<aside><div><h2>Feed ${rows - 1}</h2><p><code id="url">${rowFeedUrl(rows - 1)}</code></p></div></aside>`;
  return `<table><thead><tr><th>Title</th><th>Output</th></tr></thead><tbody>${body}</tbody></table>${drawer}`;
}

const subtreeSize = (node: Node): number => [...node.childNodes].reduce((n, child) => n + (child.nodeType === 1 ? 1 + subtreeSize(child) : 0), 0);

/**
 * The DOM work `run` does, counted as the elements it has the page look at: every element under
 * a node it queries (a query looks at all of them), one per step of a tree walk, one per `closest`
 * or `matches`. No clock: the count is the same on any machine.
 */
async function domWork(run: () => unknown): Promise<number> {
  let work = 0;
  const count = <T extends object>(proto: T, name: keyof T & string, cost: (self: Node) => number) => {
    const original = proto[name] as (...args: unknown[]) => unknown;
    vi.spyOn(proto, name as never).mockImplementation(function (this: Node, ...args: unknown[]) {
      work += cost(this);
      return original.apply(this, args);
    } as never);
  };
  for (const proto of [Element.prototype, Document.prototype]) {
    count(proto, 'querySelectorAll', subtreeSize);
    count(proto, 'querySelector', subtreeSize);
  }
  count(Element.prototype, 'closest', () => 1);
  count(Element.prototype, 'matches', () => 1);
  count(TreeWalker.prototype, 'nextNode', () => 1);
  try {
    await run();
  } finally {
    vi.restoreAllMocks();
  }
  return work;
}

const send = vi.fn(async (_message: Request<'capture-feed' | 'use-feed-note' | 'add-to-gateway'>): Promise<unknown> => ({ ok: true, key: 'k', outcome: 'saved', listedOnly: true, gateways: [], withheld: false }));
const mount = vi.fn(async (_anchor: Element, _content: HTMLElement) => ({ update: vi.fn(), remove: vi.fn() }));

/** Lets the background's answers and the notes drawn from them land. */
const landed = () => new Promise((resolve) => setTimeout(resolve, 0));

function newCapture(yieldToPage = () => Promise.resolve()) {
  return createFeedCapture({ send, mount, writeClipboard: async () => undefined, yieldToPage });
}

beforeEach(() => {
  document.body.replaceChildren();
  send.mockClear();
  mount.mockClear();
  // A stopped clock: reading takes no time here, so URLS_PER_TASK alone ends a task (MS_PER_TASK has its own test).
  vi.useFakeTimers({ toFake: ['performance'] });
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('a console page showing many feeds', () => {
  it('costs the same to read one feed’s context, whatever the length of the list around it', async () => {
    const workFor = async (rows: number) => {
      document.body.innerHTML = headerlessList(rows);
      const cell = document.querySelectorAll('td')[4 * Math.floor(rows / 2) + 1]!;
      return domWork(() => expect(readFeedContext(cell)).toEqual({}));
    };
    const [at500, at2000] = [await workFor(500), await workFor(2000)];
    expect(at500).toBeGreaterThan(0);
    expect(at2000).toBe(at500);
  });

  it('takes no other feed’s label from a long list around the URL', () => {
    document.body.innerHTML = headerlessList(500);
    document.querySelectorAll('tr')[300]!.cells[3]!.textContent = 'Output: Judgments';
    expect(readFeedContext(document.querySelectorAll('tr')[0]!.cells[1]!)).toEqual({});
    expect(readFeedContext(document.querySelectorAll('tr')[300]!.cells[1]!)).toEqual({ output: 'judgements' });
  });

  it('captures every feed of a header-less list with work that grows with its length, not its square', async () => {
    const workFor = async (rows: number) => {
      document.body.innerHTML = headerlessList(rows);
      send.mockClear();
      const work = await domWork(() => newCapture().scan([document.documentElement]));
      expect(send).toHaveBeenCalledTimes(rows);
      expect(send.mock.calls.at(-1)).toEqual([{ type: 'capture-feed', url: rowFeedUrl(rows - 1), source: 'page' }]);
      return work;
    };
    const [at20, at500] = [await workFor(20), await workFor(500)];
    // 25 times the rows: 25 times the work, with room for fixed costs; the square would be 625 times.
    expect(at500 / at20).toBeLessThan(25 * 1.5);
  });

  it('reads the Output of a drawer’s feed from the list once per batch, not once per URL', async () => {
    const workFor = async (rows: number, urls: number) => {
      document.body.innerHTML = listWithDrawer(rows);
      const code = document.getElementById('url')!;
      const reader = createFeedContextReader();
      return domWork(() => {
        for (let i = 0; i < urls; i++) expect(reader.read(code)).toEqual({ title: `Feed ${rows - 1}`, output: (rows - 1) % 3 ? 'observables' : 'judgements' });
      });
    };
    // Each URL after the first costs the same with a list of 50 feeds or of 500: the list was read once.
    const moreAt50 = (await workFor(50, 25)) - (await workFor(50, 1));
    const moreAt500 = (await workFor(500, 25)) - (await workFor(500, 1));
    expect(moreAt500).toBe(moreAt50);
  });

  it(`reads ${URLS_PER_TASK} URLs per task and lets the page draw between them`, async () => {
    document.body.innerHTML = headerlessList(2 * URLS_PER_TASK + 5);
    const turns: (() => void)[] = [];
    const capture = newCapture(() => new Promise<void>((resolve) => turns.push(resolve)));
    const done = capture.scan([document.documentElement]);
    const sent = () => send.mock.calls.map(([message]) => (message.type === 'capture-feed' ? message.url : message.key));
    const rows = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => rowFeedUrl(from + i));

    expect(sent()).toEqual(rows(0, URLS_PER_TASK));
    expect(turns).toHaveLength(1);
    turns.shift()!();
    await vi.waitFor(() => expect(sent()).toEqual(rows(0, 2 * URLS_PER_TASK)));
    expect(turns).toHaveLength(1);

    // A URL the page shows meanwhile waits its turn; one that left the page is not read.
    document.querySelectorAll('tr')[2 * URLS_PER_TASK + 4]!.remove();
    const added = document.querySelector('tbody')!.insertRow();
    added.insertCell().textContent = rowFeedUrl(1000);
    expect(capture.scan([added])).toBe(done);
    turns.shift()!();
    await done;
    expect(sent()).toEqual([...rows(0, 2 * URLS_PER_TASK + 4), rowFeedUrl(1000)]);
    expect(turns).toHaveLength(0);
  });
});

describe('a page showing feed URLs without end', () => {
  const sentUrls = () => send.mock.calls.map(([message]) => (message.type === 'capture-feed' ? message.url : message.key));

  it.each([2, 1])(`reads for ${MS_PER_TASK} ms per task at most, then lets the page draw (%i ms per URL)`, async (msPerUrl) => {
    document.body.innerHTML = headerlessList(URLS_PER_TASK);
    const turns: (() => void)[] = [];
    // Each URL takes msPerUrl to read here: the clock moves as the background is asked.
    const slowSend = vi.fn((message: Request<'capture-feed' | 'use-feed-note' | 'add-to-gateway'>) => (vi.advanceTimersByTime(msPerUrl), send(message)));
    const capture = createFeedCapture({ send: slowSend, mount, writeClipboard: async () => undefined, yieldToPage: () => new Promise<void>((resolve) => turns.push(resolve)) });
    const done = capture.scan([document.documentElement]);
    // A task ends once its time is used up: at 1 ms per URL, a task that has read for exactly MS_PER_TASK ends too.
    const perTask = Math.ceil(MS_PER_TASK / msPerUrl);

    for (let task = 1; task < Math.ceil(URLS_PER_TASK / perTask); task++) {
      await vi.waitFor(() => expect(slowSend).toHaveBeenCalledTimes(task * perTask));
      expect(turns).toHaveLength(1);
      turns.shift()!();
    }
    await done;
    expect(turns).toHaveLength(0);
    expect(sentUrls()).toEqual(Array.from({ length: URLS_PER_TASK }, (_, n) => rowFeedUrl(n)));
  });

  it(`draws at most ${MAX_NOTES_PER_PAGE} notes at once, however many elements show a feed URL`, async () => {
    document.body.innerHTML = `<ul>${`<li>${rowFeedUrl(0)}</li>`.repeat(MAX_NOTES_PER_PAGE + 20)}</ul>`;
    const items = [...document.querySelectorAll('li')];
    /** Which of the page's items each note was drawn beside, in order. */
    const noted = () => mount.mock.calls.map(([anchor]) => items.indexOf(anchor as HTMLLIElement));
    const capture = newCapture();
    await capture.scan([document.documentElement]);
    await landed();
    expect(noted()).toEqual([...Array(MAX_NOTES_PER_PAGE).keys()]);
    expect(send).toHaveBeenCalledTimes(1);

    // A noted element that leaves the page makes room for one more.
    items[0]!.remove();
    await capture.scan([document.body]);
    await landed();
    expect(noted()).toEqual([...Array(MAX_NOTES_PER_PAGE + 1).keys()]);
  }, 30_000);

  it(`sends at most ${MAX_URLS_PER_PAGE} feed URLs the page shows in its life, and always what the person copies`, async () => {
    // Lines drawn again and again with other feeds: fewer lines than notes, more feeds than the cap.
    const lines = 250;
    document.body.innerHTML = '<p></p>'.repeat(lines);
    const capture = newCapture();
    const shown = [...document.querySelectorAll('p')];
    for (let round = 0; round * lines < MAX_URLS_PER_PAGE + lines; round++) {
      shown.forEach((line, i) => (line.textContent = rowFeedUrl(round * lines + i)));
      await capture.scan([document.body]);
    }
    expect(sentUrls()).toEqual(Array.from({ length: MAX_URLS_PER_PAGE }, (_, n) => rowFeedUrl(n)));

    capture.captureCopy(rowFeedUrl(10_000), shown[0]!);
    expect(send).toHaveBeenLastCalledWith({ type: 'capture-feed', url: rowFeedUrl(10_000), source: 'copy' });
  }, 30_000);
});
