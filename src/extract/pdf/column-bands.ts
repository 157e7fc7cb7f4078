import type { ColumnRole } from '../appendix-columns.js';
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
 * (ideally none: text never crosses a cell border). Headings are centred while body text is left- or
 * right-aligned, so the midpoint between headings alone would cut long labels. Of several such gaps
 * (the space before right-aligned numbers is one too), the one that leaves each run on the side of
 * the heading nearest to it wins; then the widest.
 */
export function columnBands(header: TableHeader, body: readonly TextItem[]): ColumnBands {
  const cols = header.columns;
  const centres = cols.map((c) => (c.left + c.right) / 2);
  const boundaries: number[] = [];
  for (let i = 0; i + 1 < cols.length; i++) {
    const from = cols[i]!.right;
    const to = cols[i + 1]!.left;
    boundaries.push(to <= from ? (from + to) / 2 : quietestCut(from, to, body));
  }
  return { roles: cols.map((c) => c.role), boundaries, centres };
}

interface Gap {
  readonly start: number;
  readonly end: number;
  readonly crossings: number;
}

/** `from` is the right edge of the left heading, `to` the left edge of the right one. */
function quietestCut(from: number, to: number, body: readonly TextItem[]): number {
  const step = Math.max(0.25, (to - from) / 400);
  const gaps: Gap[] = [];
  // Only runs reaching into the gap can cross a cut in it.
  const between = body.filter((i) => i.x + i.width > from && i.x < to);
  for (let x = from; x <= to; x += step) {
    const crossings = between.reduce((n, i) => n + (i.x < x && i.x + i.width > x ? 1 : 0), 0);
    const last = gaps.at(-1);
    if (last && last.crossings === crossings) gaps[gaps.length - 1] = { ...last, end: x };
    else gaps.push({ start: x, end: x, crossings });
  }
  const fewest = Math.min(...gaps.map((g) => g.crossings));
  const misplaced = (cut: number) =>
    between.filter((i) => {
      const nearerLeft = Math.max(0, i.x - from) <= Math.max(0, to - (i.x + i.width));
      return nearerLeft !== i.x + i.width / 2 < cut;
    }).length;
  const best = gaps
    .filter((g) => g.crossings === fewest)
    .map((g) => ({ cut: (g.start + g.end) / 2, width: g.end - g.start }))
    .sort((p, q) => misplaced(p.cut) - misplaced(q.cut) || q.width - p.width)[0]!;
  return best.cut;
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
