import type { Page } from 'puppeteer-core';
import { waitUntil } from '../../e2e/support/wait';
import { bidiConnection, contextOf } from './bidi';

// The notes the extension draws in the console live in closed shadow roots, which a page script
// (puppeteer's evaluate included) cannot reach, and which Firefox's accessibility locator (what
// puppeteer's ::-p-aria uses) does not search. WebDriver BiDi can: asked to serialize a note's host
// with `includeShadowTree: 'all'`, it answers a reference to the closed root too, which can then be
// passed to a function run in the page. A button is pressed with a real mouse click at its centre
// (`input.performActions`), which Firefox makes a trusted event, as the note requires: one step,
// where keyboard navigation (a click beside the note, Tab, Enter) would depend on the page's focus
// order around each note.

/** A node as WebDriver BiDi serializes it (`script.NodeRemoteValue`), as far as these readers look. */
interface SerializedNode {
  sharedId: string;
  value: { shadowRoot?: { sharedId: string } | null };
}

/** What a reader run in the page is given: the notes' shadow roots, and a finder for their buttons. */
interface NotesInPage {
  roots: ShadowRoot[];
  /** The notes' buttons, in document order, each with its name. */
  buttons(): { button: HTMLButtonElement; name: string }[];
  /** The notes' button named `name`. */
  button(name: string): HTMLButtonElement | undefined;
}

/**
 * Builds the NotesInPage of the roots, in the page (its source is sent there). A button's name is
 * its aria-label when it has one (Add to draws its gateway's name from an attribute, so that the
 * page's text search cannot find it), else its text: its accessible name, for these buttons.
 */
const NOTES_IN_PAGE = `(roots) => {
  const buttons = () =>
    roots.flatMap((root) => [...root.querySelectorAll('button')]).map((button) => ({ button, name: button.getAttribute('aria-label') ?? button.textContent.trim() }));
  return { roots, buttons, button: (name) => buttons().find((found) => found.name === name)?.button };
}`;

type CallResult = { type: 'success'; result: { value?: string } } | { type: 'exception'; exceptionDetails: { text: string } };

/** References to the shadow roots of the page's notes, open or closed, in document order. */
async function noteRoots(page: Page): Promise<{ sharedId: string }[]> {
  const { result } = await bidiConnection(page.browser()).send<{ nodes: SerializedNode[] }>('browsingContext.locateNodes', {
    context: contextOf(page),
    locator: { type: 'css', value: 'etf-autofill-notice' },
    // Depth 1 reaches the host's shadow root; 'all' includes closed ones.
    serializationOptions: { includeShadowTree: 'all', maxDomDepth: 1 },
  });
  return result.nodes.flatMap(({ value }) => (value.shadowRoot ? [{ sharedId: value.shadowRoot.sharedId }] : []));
}

/**
 * Runs `read` in the page, during a user activation (as puppeteer's evaluate does), with the notes
 * and `arg`; answers its value (as JSON), or null for none. `read` must be self-contained.
 */
async function inNotes<T>(page: Page, read: (notes: NotesInPage, arg: string) => T, arg = ''): Promise<T | null> {
  const roots = await noteRoots(page);
  const { result } = await bidiConnection(page.browser()).send<CallResult>('script.callFunction', {
    functionDeclaration: `(roots, arg) => JSON.stringify((${read.toString()})((${NOTES_IN_PAGE})(roots), arg) ?? null)`,
    arguments: [{ type: 'array', value: roots }, { type: 'string', value: arg }],
    target: { context: contextOf(page) },
    awaitPromise: false,
    userActivation: true,
    resultOwnership: 'none',
  });
  if (result.type === 'exception') throw new Error(`In the page's notes: ${result.exceptionDetails.text}`);
  return JSON.parse(result.result.value!) as T | null;
}

/** The trimmed text of every element matching `selector` in the page's notes, in document order. */
export async function noteTexts(page: Page, selector: string): Promise<string[]> {
  const texts = await inNotes(
    page,
    ({ roots }, selector) => roots.flatMap((root) => [...root.querySelectorAll(selector)].map((element) => element.textContent?.trim() ?? '')),
    selector,
  );
  return texts ?? [];
}

/** The accessible names of the buttons in the page's notes, in document order. */
export async function noteButtonNames(page: Page): Promise<string[]> {
  return (await inNotes(page, (notes) => notes.buttons().map(({ name }) => name))) ?? [];
}

/**
 * Presses the note's button named `name` as the person does: waits (bounded) for it, scrolls it
 * into view, and clicks its centre with the real mouse.
 */
export async function clickNoteButton(page: Page, name: string): Promise<void> {
  const centre = await waitUntil(`the button "${name}" in a note`, async () => {
    const found = await inNotes(
      page,
      (notes, name) => {
        const button = notes.button(name);
        if (!button) return null;
        button.scrollIntoView({ block: 'center' });
        const box = button.getBoundingClientRect();
        return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
      },
      name,
    );
    return found ?? undefined;
  });
  await page.mouse.click(centre.x, centre.y);
}

/**
 * Calls `click()` on the note's button named `name` from the page's own world: what a page script
 * that got hold of it would do (the event is not trusted). Throws when there is no such button.
 */
export async function scriptClickNoteButton(page: Page, name: string): Promise<void> {
  const clicked = await inNotes(
    page,
    (notes, name) => {
      const button = notes.button(name);
      button?.click();
      return button !== undefined;
    },
    name,
  );
  if (!clicked) throw new Error(`No button "${name}" in the page's notes`);
}
