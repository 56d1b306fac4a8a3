import { feedOutputOf, type FeedOutput } from '../feed/feed-output';
import { GENERIC_HEADING, OUTPUT_LABEL, OUTPUT_WITH_VALUE, TITLE_LABEL } from './console-patterns';
import { elementText } from './element-text';
import { findLabels, valueElementOf } from './labelled-value';
import { readOutputChoice } from './output-choice';

export interface FeedContext {
  title?: string;
  output?: FeedOutput;
}

/** How many ancestors up from the URL a details panel or list row may start. */
const MAX_LEVELS = 6;
const MAX_TITLE_LENGTH = 200;

/**
 * What the page says about the feed whose URL is shown in `element`: its title and its Output,
 * from the table row it sits in, the label/value pairs of the panel around it, or, when the panel
 * names the feed but not its Output, from that feed's row in a list elsewhere on the page.
 */
export function readFeedContext(element: Element): FeedContext {
  const context: FeedContext = {};
  const row = element.closest('tr, [role="row"]');
  const headers = row ? tableHeaders(row) : [];
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
    if (!scope || scope === element.ownerDocument.body) break;
    context.output ??= labelledOutput(scope);
    context.title ??= cleanTitle(labelledText(scope, TITLE_LABEL)) ?? headingTitle(scope);
  }

  if (context.title && !context.output) context.output = outputFromListRow(element.ownerDocument, context.title);
  return context;
}

function labelledOutput(scope: Element): FeedOutput | undefined {
  for (const label of findLabels(scope, OUTPUT_WITH_VALUE)) {
    const output = feedOutputOf(elementText(label));
    if (output) return output;
  }
  for (const label of findLabels(scope, OUTPUT_LABEL)) {
    const inline = feedOutputOf(elementText(label));
    if (inline) return inline;
    const value = valueElementOf(label);
    const output = value && readOutputChoice(value);
    if (output) return output;
  }
  return undefined;
}

function labelledText(scope: Element, label: RegExp): string | undefined {
  for (const found of findLabels(scope, label)) {
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

/** The row's cell texts keyed by their column header, lower-cased ("title", "output", …). */
/** The lower-cased column headers of the table `row` is in. */
function tableHeaders(row: Element): string[] {
  const table = row.closest('table, [role="table"], [role="grid"]');
  return table ? [...table.querySelectorAll('thead th, [role="columnheader"]')].map((h) => elementText(h).toLowerCase()) : [];
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

/** The Output column of the list row titled `title`, reading each table's headers once. */
function outputFromListRow(document: Document, title: string): FeedOutput | undefined {
  const headersByTable = new Map<Element | null, string[]>();
  for (const row of document.querySelectorAll('tbody tr, [role="row"]')) {
    const table = row.closest('table, [role="table"], [role="grid"]');
    if (!headersByTable.has(table)) headersByTable.set(table, tableHeaders(row));
    const cells = rowCellsByHeader(row, headersByTable.get(table)!);
    if (cells.get('title') === title || cells.get('name') === title) {
      return feedOutputOf(cells.get('output') ?? '') ?? undefined;
    }
  }
  return undefined;
}

function cleanTitle(text: string | undefined): string | undefined {
  const title = text?.trim();
  return title ? title.slice(0, MAX_TITLE_LENGTH) : undefined;
}
