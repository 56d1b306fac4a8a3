import type { CDPSession, Page } from 'playwright-core';
import { waitUntil } from './wait';

// The notes the extension draws in the console live in closed shadow roots: neither the page's
// scripts nor Playwright's locators (which pierce open roots only) reach them. DevTools does: its
// DOM tree, asked with `pierce`, holds every shadow root, and its accessibility tree is the one
// assistive technology reads. These readers find the notes' elements there, and press a button with
// the real mouse, as the person does.

/** A node of the DOM tree DevTools gives (`DOM.getDocument`). */
interface DomNode {
  backendNodeId: number;
  nodeType: number;
  nodeName: string;
  nodeValue: string;
  children?: DomNode[];
  shadowRoots?: DomNode[];
  contentDocument?: DomNode;
}

interface AXNode {
  ignored: boolean;
  backendDOMNodeId?: number;
  name?: { value: string };
}

const NOTE_HOST = 'ETF-AUTOFILL-NOTICE';
const TEXT_NODE = 3;

const sessions = new WeakMap<Page, Promise<CDPSession>>();

/** One DevTools session per page, kept for its life (it survives navigations). */
function devTools(page: Page): Promise<CDPSession> {
  let session = sessions.get(page);
  if (!session) {
    session = page.context().newCDPSession(page);
    sessions.set(page, session);
  }
  return session;
}

/** The node and everything under it, shadow roots and frames included, in document order. */
function* subtree(node: DomNode): Generator<DomNode> {
  yield node;
  for (const child of [...(node.shadowRoots ?? []), ...(node.children ?? []), ...(node.contentDocument ? [node.contentDocument] : [])]) {
    yield* subtree(child);
  }
}

/** The whole document as DevTools sees it, and the shadow root of each note in it, open or closed. */
async function readDocument(cdp: CDPSession): Promise<{ document: DomNode; noteRoots: DomNode[] }> {
  const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as unknown as { root: DomNode };
  const noteRoots = [...subtree(root)].filter((node) => node.nodeName === NOTE_HOST).flatMap((host) => host.shadowRoots ?? []);
  return { document: root, noteRoots };
}

/**
 * The elements inside the page's notes with this role (and an accessible name equal to `name`, or
 * matching it), in document order: found in the accessibility tree, as a screen reader finds them.
 */
async function findInNotes(page: Page, role: string, name?: string | RegExp): Promise<{ node: number; name: string }[]> {
  const cdp = await devTools(page);
  const { document, noteRoots } = await readDocument(cdp);
  const inNotes = new Set(noteRoots.flatMap((root) => [...subtree(root)].map((node) => node.backendNodeId)));
  const { nodes } = (await cdp.send('Accessibility.queryAXTree', {
    backendNodeId: document.backendNodeId,
    role,
    ...(typeof name === 'string' && { accessibleName: name }),
  })) as unknown as { nodes: AXNode[] };
  return nodes
    .filter((n) => !n.ignored && n.backendDOMNodeId !== undefined && inNotes.has(n.backendDOMNodeId))
    .map((n) => ({ node: n.backendDOMNodeId!, name: n.name?.value ?? '' }))
    .filter((found) => !(name instanceof RegExp) || name.test(found.name));
}

/**
 * Calls `functionDeclaration` with the element as `this`, in the page's own world, during a user
 * gesture (as a page script run by the person's click would be); returns its value.
 */
async function callOn<T>(page: Page, node: number, functionDeclaration: string): Promise<T> {
  const cdp = await devTools(page);
  const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: node });
  const { result } = await cdp.send('Runtime.callFunctionOn', { objectId: object.objectId, functionDeclaration, returnByValue: true, userGesture: true });
  return result.value as T;
}

/** The text of every element with this role in the page's notes (`alert`, `status`), in document order. */
export async function noteTexts(page: Page, role: 'alert' | 'status'): Promise<string[]> {
  const found = await findInNotes(page, role);
  return Promise.all(found.map(({ node }) => callOn<string>(page, node, 'function () { return this.textContent; }')));
}

/** The accessible names of the buttons in the page's notes, in document order. */
export async function noteButtonNames(page: Page): Promise<string[]> {
  return (await findInNotes(page, 'button')).map((button) => button.name);
}

/**
 * How many elements in the page's notes show `text` in their own text (not only in a child's), as
 * Playwright's getByText counts them.
 */
export async function countNoteText(page: Page, text: string): Promise<number> {
  const { noteRoots } = await readDocument(await devTools(page));
  const ownText = (element: DomNode) => (element.children ?? []).filter((child) => child.nodeType === TEXT_NODE).map((child) => child.nodeValue).join('');
  return noteRoots.flatMap((root) => [...subtree(root)]).filter((node) => node.nodeType === 1 && ownText(node).includes(text)).length;
}

/** Waits (bounded) until some note shows `text`. */
export async function waitForNoteText(page: Page, text: string): Promise<void> {
  await waitUntil(`"${text}" in a note`, async () => ((await countNoteText(page, text)) > 0 ? true : undefined));
}

/** Waits (bounded) for the note's button named `name`; answers its DevTools node. */
function findNoteButton(page: Page, name: string): Promise<number> {
  return waitUntil(`the button "${name}" in a note`, async () => (await findInNotes(page, 'button', name))[0]?.node);
}

/** Waits (bounded) until a note has a button named `name`. */
export async function waitForNoteButton(page: Page, name: string): Promise<void> {
  await findNoteButton(page, name);
}

/**
 * Presses the note's button named `name` as the person does: a real mouse click at its centre,
 * once it is scrolled into view. The browser makes that event trusted, as the note requires.
 */
export async function clickNoteButton(page: Page, name: string): Promise<void> {
  const node = await findNoteButton(page, name);
  const cdp = await devTools(page);
  await cdp.send('DOM.scrollIntoViewIfNeeded', { backendNodeId: node });
  const { quads } = await cdp.send('DOM.getContentQuads', { backendNodeId: node });
  const [x1, y1, , , x3, y3] = quads[0]!;
  await page.mouse.click((x1! + x3!) / 2, (y1! + y3!) / 2);
}

/**
 * Clicks, with `element.click()` run in the page's own world, every note button whose accessible
 * name matches `name`: what a page script that got hold of them would do (the event is not
 * trusted, even during a user gesture). Answers how many it clicked.
 */
export async function scriptClickNoteButtons(page: Page, name: RegExp): Promise<number> {
  const buttons = await findInNotes(page, 'button', name);
  for (const { node } of buttons) await callOn(page, node, 'function () { this.click(); }');
  return buttons.length;
}
