import type { ColumnRole } from './columns.js';
import type { TableHeader } from './table-header.js';
import type { TextItem } from './text-items.js';

/** The table's columns as horizontal bands: `boundaries[i]` separates `roles[i]` from `roles[i + 1]`. */
export interface ColumnBands {
  readonly roles: readonly ColumnRole[];
  readonly boundaries: readonly number[];
  /** Horizontal centre of each column's heading (headings are centred in their cells). */
  readonly centres: readonly number[];
}

/**
 * Places each boundary between two neighbouring headings where the fewest body runs cross it
 * (ideally none: text never crosses a cell border), in the middle of the widest such gap. Headings
 * are centred while body text is left- or right-aligned, so the midpoint between headings alone
 * would cut long labels.
 */
export function columnBands(header: TableHeader, body: readonly TextItem[]): ColumnBands {
  const cols = header.columns;
  const boundaries: number[] = [];
  for (let i = 0; i + 1 < cols.length; i++) {
    const from = cols[i]!.right;
    const to = cols[i + 1]!.left;
    if (to <= from) {
      boundaries.push((from + to) / 2);
      continue;
    }
    boundaries.push(quietestCut(from, to, body));
  }
  return { roles: cols.map((c) => c.role), boundaries, centres: cols.map((c) => (c.left + c.right) / 2) };
}

function quietestCut(from: number, to: number, body: readonly TextItem[]): number {
  const step = Math.max(0.25, (to - from) / 400);
  let best = { crossings: Infinity, start: from, end: from };
  let run: { crossings: number; start: number } | undefined;
  for (let x = from; x <= to; x += step) {
    const crossings = body.reduce((n, i) => n + (i.x < x && i.x + i.width > x ? 1 : 0), 0);
    if (run && run.crossings === crossings) {
      if (crossings < best.crossings || (crossings === best.crossings && x - run.start > best.end - best.start)) {
        best = { crossings, start: run.start, end: x };
      }
      continue;
    }
    run = { crossings, start: x };
    if (crossings < best.crossings) best = { crossings, start: x, end: x };
  }
  return (best.start + best.end) / 2;
}

/** The column a run belongs to, by its horizontal centre. */
export function roleAt(bands: ColumnBands, item: Pick<TextItem, 'x' | 'width'>): ColumnRole {
  const centre = item.x + item.width / 2;
  let i = 0;
  while (i < bands.boundaries.length && centre > bands.boundaries[i]!) i++;
  return bands.roles[i]!;
}

/**
 * The right edge of a column's text area, when its text is left-aligned (two or more lines start at
 * the same x): the cell is symmetric about its centred heading. Undefined for centred or right-aligned
 * columns, whose edges the text does not show.
 */
export function innerRight(bands: ColumnBands, role: ColumnRole, lines: readonly { x: number }[]): number | undefined {
  const i = bands.roles.indexOf(role);
  if (i < 0 || lines.length < 2) return undefined;
  const left = Math.min(...lines.map((l) => l.x));
  if (lines.filter((l) => l.x - left < 0.5).length < 2) return undefined;
  return 2 * bands.centres[i]! - left;
}
