import { isAppendixTitle } from '../../normalize/document-header.js';
import { foldAscii } from '../../text/index.js';
import { type ColumnBands, columnBands } from './column-bands.js';
import { type TableHeader, findHeader } from './table-header.js';
import type { Rulings } from './rulings.js';
import { type RawRow, readTablePage, topAligned } from './table-rebuild.js';
import { joinPages } from './table-rows.js';
import { type TextItem, groupLines } from './text-items.js';

/** What one page of the table needs: its runs below the header and its column bands. */
export interface GridPage {
  readonly page: number;
  readonly body: readonly TextItem[];
  readonly bands: ColumnBands;
}

/** Where the appendix sits in the document. */
export interface AppendixLocation {
  /** Where the narrative ends: the "Phụ lục" title line, or the table header when there is no title. */
  readonly cut: { readonly page: number; readonly y: number };
  /** The first page's header. */
  readonly header: TableHeader;
  /** Each table page: its runs below the header (all runs on a page that does not repeat it) and its bands. */
  readonly pages: readonly GridPage[];
}

/**
 * Finds the appendix table: the first page with a column header, and every page after it. A page
 * that repeats the header gets its own column bands (page geometry can differ); one that does not
 * inherits the previous page's.
 */
export function locateAppendix(pages: readonly (readonly TextItem[])[]): AppendixLocation | undefined {
  let header: TableHeader | undefined;
  let start = -1;
  for (let p = 0; p < pages.length && !header; p++) {
    header = findHeader(pages[p]!);
    if (header) start = p;
  }
  if (!header) return undefined;

  const tablePages: GridPage[] = [];
  let bands: ColumnBands | undefined;
  for (let p = start; p < pages.length; p++) {
    const items = pages[p]!;
    const own = p === start ? header : findHeader(items);
    const body = withoutPageNumbers(own ? items.filter((i) => i.y < own.bottom - own.lineHeight / 3) : items);
    if (own) bands = columnBands(own, body);
    if (!bands || body.length === 0) continue;
    tablePages.push({ page: items[0]!.page, body, bands });
  }
  return { cut: titleCut(pages, start, header), header, pages: tablePages };
}

/** "12", "- 12 -", "Trang 12", "12/15": a page number printed in the page's header or footer. */
const PAGE_NUMBER = /^(?:trang )?\d{1,3}(?: \d{1,3})?$/; // on folded text: "- 12 -" reads "12", "12/15" reads "12 15"

/**
 * Drops a page number printed alone as the first or last line of the page, set apart from the table
 * by more than a row's spacing, so that it is not read as a row of its own.
 */
function withoutPageNumbers(items: readonly TextItem[]): TextItem[] {
  const lines = groupLines(items);
  const drop = new Set<TextItem>();
  for (const [line, neighbour] of [
    [lines[0], lines[1]],
    [lines.at(-1), lines.at(-2)],
  ] as const) {
    if (!line || !neighbour || line.length !== 1 || !PAGE_NUMBER.test(foldAscii(line[0]!.text))) continue;
    if (Math.abs(line[0]!.y - neighbour[0]!.y) > 2.5 * line[0]!.height) drop.add(line[0]!);
  }
  return items.filter((i) => !drop.has(i));
}

/** The appendix title line just before the header (same page or the one before), else the header itself. */
function titleCut(pages: readonly (readonly TextItem[])[], start: number, header: TableHeader): { page: number; y: number } {
  for (let p = start; p >= Math.max(0, start - 1); p--) {
    const lines = groupLines(pages[p]!).filter((l) => p < start || l[0]!.y > header.top);
    const title = lines.findLast((l) => isAppendixTitle(l.map((i) => i.text).join(' ')));
    if (title) return { page: title[0]!.page, y: title[0]!.y };
  }
  return { page: header.page, y: header.top };
}

/**
 * The table's rows, each page read with its rulings where given (`rulings` by page number). Also
 * the pages whose rulings did not separate the rows (read from text positions alone).
 */
export function readAppendixRows(location: AppendixLocation, rulings: ReadonlyMap<number, Rulings> = new Map()): { rows: RawRow[]; rebuiltPages: number[] } {
  const rebuiltPages: number[] = [];
  // One table, one alignment: a last page with few rows is read the way the others are.
  const alignedTop = topAligned(location.pages);
  const perPage = location.pages.map((p) => {
    const read = readTablePage(p.body, p.bands, rulings.get(p.page), alignedTop);
    if (!read.ruled) rebuiltPages.push(p.page);
    return read.rows;
  });
  return { rows: joinPages(perPage), rebuiltPages };
}
