import { feedOutputOf, type FeedOutput } from '../feed/feed-output';
import { MAX_FEED_TITLE } from '../feed/feed-title';
import { GENERIC_HEADING, OUTPUT_LABEL, OUTPUT_WITH_VALUE, TITLE_LABEL } from './console-patterns';
import { elementText } from './element-text';
import { findLabels, valueElementOf, type LabelWords } from './labelled-value';
import { readOutputChoice } from './output-choice';

export interface FeedContext {
  title?: string;
  output?: FeedOutput;
}

/** How many ancestors up from the URL a details panel or list row may start. */
const MAX_LEVELS = 6;
/**
 * The most elements, and characters of text, a panel about one feed holds. A larger ancestor is a
 * list, a page of many feeds or a long text: its labels are not this feed's, and reading it for
 * every URL would cost the page's size.
 */
const MAX_PANEL_ELEMENTS = 400;
const MAX_PANEL_TEXT = 10_000;

export interface FeedContextReader {
  /**
   * What the page says about the feed whose URL is shown in `element`: its title and its Output,
   * from the table row it sits in, the label/value pairs of the panel around it, or, when the panel
   * names the feed but not its Output, from that feed's row in a list elsewhere on the page.
   */
  read(element: Element): FeedContext;
}

/**
 * A reader for a batch of URLs read together, in one task: what it learns of a panel, a table's
 * columns or the page's lists is kept for the next URL. The page may change once the task ends,
 * so a reader is not kept beyond it.
 */
export function createFeedContextReader(): FeedContextReader {
  const panelSized = new Map<Element, boolean>();
  const outputs = new Map<Element, FeedOutput | undefined>();
  const titles = new Map<Element, string | undefined>();
  const columns = new Map<Element, string[]>();
  const labelWords: LabelWords = new Map();
  let listOutputs: Map<string, FeedOutput | undefined> | undefined;

  const columnsOf = (table: Element) => remembered(columns, table, columnHeaders);

  return {
    read(element) {
      const context: FeedContext = {};
      const row = element.closest('tr, [role="row"]');
      const table = row?.closest(TABLE) ?? null;
      const headers = table ? columnsOf(table) : [];
      if (row && headers.length > 0) {
        // A list row says what it says in its cells; the table around it is other feeds' rows.
        // (A table without column headers is a panel of label/value rows, read like any panel.)
        const cells = rowCellsByHeader(row, headers);
        context.title = cleanTitle(cells.get('title') ?? cells.get('name'));
        context.output = feedOutputOf(cells.get('output') ?? '') ?? undefined;
        return context;
      }

      let scope: Element | null = element;
      for (let level = 0; scope && level < MAX_LEVELS && (!context.title || !context.output); level++) {
        scope = scope.parentElement;
        if (!scope || scope === element.ownerDocument.body || !remembered(panelSized, scope, isPanelSized)) break;
        context.output ??= remembered(outputs, scope, (panel) => labelledOutput(panel, labelWords));
        context.title ??= remembered(titles, scope, (panel) => panelTitle(panel, labelWords));
      }

      if (context.title && !context.output) {
        listOutputs ??= outputsByListTitle(element.ownerDocument, columnsOf);
        context.output = listOutputs.get(context.title);
      }
      return context;
    },
  };
}

const TABLE = 'table, [role="table"], [role="grid"]';

function remembered<T>(known: Map<Element, T>, element: Element, read: (element: Element) => T): T {
  if (!known.has(element)) known.set(element, read(element));
  return known.get(element)!;
}

/**
 * Whether `scope` holds no more than MAX_PANEL_ELEMENTS elements and MAX_PANEL_TEXT characters.
 * Stops counting past either, and takes the lengths of text nodes without reading them; an empty
 * node counts as a character, so a scope of countless empty nodes is no panel either.
 */
function isPanelSized(scope: Element): boolean {
  const nodes = scope.ownerDocument.createTreeWalker(scope);
  let elements = 0;
  let characters = 0;
  for (let node = nodes.nextNode(); node; node = nodes.nextNode()) {
    if (node.nodeType === Node.ELEMENT_NODE) elements++;
    else characters += Math.max(1, (node as CharacterData).length);
    if (elements > MAX_PANEL_ELEMENTS || characters > MAX_PANEL_TEXT) return false;
  }
  return true;
}

function panelTitle(scope: Element, labelWords: LabelWords): string | undefined {
  return cleanTitle(labelledText(scope, TITLE_LABEL, labelWords)) ?? headingTitle(scope);
}

function labelledOutput(scope: Element, labelWords: LabelWords): FeedOutput | undefined {
  for (const label of findLabels(scope, OUTPUT_WITH_VALUE, labelWords)) {
    const output = feedOutputOf(elementText(label));
    if (output) return output;
  }
  for (const label of findLabels(scope, OUTPUT_LABEL, labelWords)) {
    const inline = feedOutputOf(elementText(label));
    if (inline) return inline;
    const value = valueElementOf(label);
    const output = value && readOutputChoice(value);
    if (output) return output;
  }
  return undefined;
}

function labelledText(scope: Element, label: RegExp, labelWords: LabelWords): string | undefined {
  for (const found of findLabels(scope, label, labelWords)) {
    const value = valueElementOf(found);
    const text = value instanceof HTMLInputElement || value instanceof HTMLTextAreaElement ? value.value : elementText(value);
    if (text) return text;
  }
  return undefined;
}

function headingTitle(scope: Element): string | undefined {
  for (const heading of scope.querySelectorAll('h1, h2, h3, h4, [role="heading"]')) {
    const title = cleanTitle(elementText(heading));
    if (title && !GENERIC_HEADING.test(title)) return title;
  }
  return undefined;
}

/**
 * The lower-cased column headers of a table: the cells of its header, or the column headers of
 * its first row. Only the top of the table is read, whatever its length.
 */
function columnHeaders(table: Element): string[] {
  const header = table instanceof HTMLTableElement ? (table.tHead ?? table.rows[0]) : table.querySelector('[role="row"]');
  if (!header) return [];
  const cells = header.matches('thead') ? header.querySelectorAll('th, [role="columnheader"]') : header.querySelectorAll('[role="columnheader"]');
  return [...cells].map((cell) => elementText(cell).toLowerCase());
}

/** The row's cell texts keyed by their column header ("title", "output", …). */
function rowCellsByHeader(row: Element, headers: string[]): Map<string, string> {
  const cells = new Map<string, string>();
  const rowCells = [...row.children];
  headers.forEach((header, i) => {
    const cell = rowCells[i];
    if (header && cell) cells.set(header, elementText(cell));
  });
  return cells;
}

/** The Output column of every list row, by the row's title: one pass over the page's rows. */
function outputsByListTitle(document: Document, columnsOf: (table: Element) => string[]): Map<string, FeedOutput | undefined> {
  const outputs = new Map<string, FeedOutput | undefined>();
  for (const row of document.querySelectorAll('tbody tr, [role="row"]')) {
    const table = row.closest(TABLE);
    const cells = rowCellsByHeader(row, table ? columnsOf(table) : []);
    const output = feedOutputOf(cells.get('output') ?? '') ?? undefined;
    // The first row of a title answers, as a search from the top of the page would.
    for (const title of [cells.get('title'), cells.get('name')]) if (title !== undefined && !outputs.has(title)) outputs.set(title, output);
  }
  return outputs;
}

function cleanTitle(text: string | undefined): string | undefined {
  const title = text?.trim();
  return title ? title.slice(0, MAX_FEED_TITLE) : undefined;
}
