import { type ColumnRole, headingRole, isCode } from '../appendix-columns.js';
import { type TextItem, groupLines } from './text-items.js';

/** Heading roles by text: every page of a report repeats the same few dozen texts. */
const roles = new Map<string, ColumnRole | undefined>();
function roleOf(text: string): ColumnRole | undefined {
  if (!roles.has(text)) {
    if (roles.size > 10_000) roles.clear();
    roles.set(text, headingRole(text));
  }
  return roles.get(text);
}

/** Runs of one line closer than this many font sizes are words of one phrase ("Chỉ" "tiêu thống kê"). */
const WORD_SPACE = 0.6;

/**
 * The page's runs with the words of one phrase joined: some producers place each word apart, and a
 * heading is a phrase. Cells are further apart than a word space (padding on both sides).
 */
function phrases(runs: readonly TextItem[]): TextItem[] {
  return groupLines(runs).flatMap((line) => {
    const out: TextItem[] = [];
    for (const run of line) {
      const last = out.at(-1);
      if (last && run.x - (last.x + last.width) < WORD_SPACE * run.height && Math.abs(last.height - run.height) < run.height / 10) {
        out[out.length - 1] = { ...last, width: run.x + run.width - last.x, text: `${last.text} ${run.text}` };
      } else out.push(run);
    }
    return out;
  });
}

/** Lines of one cell follow each other closer than this many font sizes; rows are further apart. */
export const CELL_LINE_PITCH = 1.45;
/** How far below its top line a header may reach (two header rows of wrapped headings), in font sizes. */
const HEADER_DEPTH = 5;
/** A heading's wrapped line is centred under it within this many font sizes. */
const HEADING_CENTRE_TOLERANCE = 1.2;

/** Where the appendix header sits on a page, and the horizontal extent of each column's heading. */
export interface TableHeader {
  readonly page: number;
  /** Baseline of the header's topmost line. */
  readonly top: number;
  /** Baseline of the header's lowest line: the body starts below it. */
  readonly bottom: number;
  /** Font size of the header: the unit for vertical tolerances on this page. */
  readonly lineHeight: number;
  /** Columns left to right, each with the x range its heading occupies. */
  readonly columns: readonly { role: ColumnRole; left: number; right: number }[];
}

/**
 * Finds the appendix header on a page: heading runs naming at least the label and the value column
 * (and one of STT, unit, note), stacked within a few lines. When a role is named twice ("Kết quả
 * thống kê" spanning "Đơn vị tính | Số liệu"), the lower heading is the column's own.
 */
export function findHeader(runs: readonly TextItem[]): TableHeader | undefined {
  const items = phrases(runs);
  const candidates = items
    .map((item) => ({ item, role: roleOf(item.text) }))
    .filter((c): c is { item: TextItem; role: ColumnRole } => c.role !== undefined)
    .sort((p, q) => q.item.y - p.item.y);
  for (const first of candidates) {
    const depth = HEADER_DEPTH * first.item.height;
    const cluster = candidates.filter((c) => c.item.y <= first.item.y + 1 && c.item.y >= first.item.y - depth);
    const anchors = new Map<ColumnRole, TextItem>();
    for (const c of cluster) {
      const seen = anchors.get(c.role);
      if (!seen || c.item.y < seen.y) anchors.set(c.role, c.item);
    }
    const roles = [...anchors.keys()];
    if (!anchors.has('label') || !anchors.has('value') || roles.length < 3) continue;
    const columns = [...anchors.entries()]
      .map(([role, anchor]) => ({ role, ...extentBelow(anchor, items) }))
      .sort((p, q) => p.left - q.left);
    // Headings of different columns never overlap horizontally; runs that do are not a table header.
    if (columns.some((c, i) => i > 0 && c.left < columns[i - 1]!.right - 1)) continue;
    const lows = columns.map((c) => c.lowest);
    return {
      page: first.item.page,
      top: first.item.y,
      bottom: Math.min(...lows),
      lineHeight: first.item.height,
      columns: columns.map(({ role, left, right }) => ({ role, left, right })),
    };
  }
  return undefined;
}

/**
 * A heading and the wrapped lines under it: runs just below that overlap it horizontally and are
 * centred under it, as headings are. Where cells have no padding (Word's default) the first body row
 * follows at a line's pitch: its left-aligned label, or any line level with a row code, is not the heading's.
 */
function extentBelow(anchor: TextItem, items: readonly TextItem[]): { left: number; right: number; lowest: number } {
  let left = anchor.x;
  let right = anchor.x + anchor.width;
  let lowest = anchor.y;
  const centre = anchor.x + anchor.width / 2;
  const bodyRow = (i: TextItem) => items.some((j) => Math.abs(j.y - i.y) < anchor.height / 3 && isCode(j.text));
  for (;;) {
    const next = items.find(
      (i) =>
        i.y < lowest - anchor.height / 3 &&
        lowest - i.y <= CELL_LINE_PITCH * anchor.height &&
        i.x < right &&
        i.x + i.width > left &&
        Math.abs(i.x + i.width / 2 - centre) <= HEADING_CENTRE_TOLERANCE * anchor.height &&
        !bodyRow(i),
    );
    if (!next) break;
    lowest = next.y;
    left = Math.min(left, next.x);
    right = Math.max(right, next.x + next.width);
  }
  return { left, right, lowest };
}
