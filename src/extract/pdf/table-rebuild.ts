import { clean } from '../../text/index.js';
import { type ColumnBands, innerRight, roleAt } from './column-bands.js';
import { joinCellLines } from './cell-text.js';
import { type ColumnRole, ROLES, isCode } from '../appendix-columns.js';
import { CELL_LINE_PITCH } from './table-header.js';
import { type TextItem, groupLines } from './text-items.js';

/** One table row as read from one page, before rows broken over a page are joined. */
export interface RawRow {
  readonly page: number;
  /** Left edge and baseline of the row's first label line (or of its first run). */
  readonly x: number;
  readonly y: number;
  readonly cells: Readonly<Record<ColumnRole, string>>;
}

/** A line of text inside one column. */
interface CellLine {
  readonly role: ColumnRole;
  readonly x: number;
  readonly width: number;
  readonly y: number;
  readonly height: number;
  readonly text: string;
}

/** Consecutive lines of one column that belong together (a wrapped cell), with their vertical extent. */
interface Block {
  readonly role: ColumnRole;
  readonly lines: CellLine[];
  top: number;
  bottom: number;
}

/**
 * Rebuilds table rows from positioned runs when the table has no usable rulings. Runs go to columns
 * by the header's horizontal bands (never by splitting text on spaces), lines of a column close
 * together form a cell, and cells that overlap vertically form a row; so a label wrapped over
 * several lines stays one row even when its STT, unit and value are centred beside it.
 * When rows sit so close that cells of two rows touch, a row group holding several codes (or
 * values) is split at each, continuation lines going to the row above them (cells aligned at the top).
 *
 * @param body  the runs of one page below the header, in reading order
 */
export function rebuildRows(body: readonly TextItem[], bands: ColumnBands): RawRow[] {
  const lines: CellLine[] = [];
  for (const role of ROLES) {
    const runs = body.filter((i) => roleAt(bands, i) === role);
    for (const line of groupLines(runs)) {
      const first = line[0]!;
      const last = line.at(-1)!;
      lines.push({
        role,
        x: first.x,
        width: last.x + last.width - first.x,
        y: first.y,
        height: Math.max(...line.map((i) => i.height)),
        text: clean(line.map((i) => i.text).join(' ')),
      });
    }
  }
  const page = body[0]?.page ?? 0;
  const edges = Object.fromEntries(ROLES.map((r) => [r, innerRight(bands, r, lines.filter((l) => l.role === r))]));
  return groupRows(blocks(lines))
    .flatMap((group) => splitGroup(group))
    .map((rowLines) => toRow(page, rowLines, edges));
}

function blocks(lines: readonly CellLine[]): Block[] {
  const out: Block[] = [];
  for (const role of ROLES) {
    let current: Block | undefined;
    for (const line of lines.filter((l) => l.role === role).sort((p, q) => q.y - p.y)) {
      const last = current?.lines.at(-1);
      if (current && last && last.y - line.y <= CELL_LINE_PITCH * Math.max(last.height, line.height)) {
        current.lines.push(line);
        current.bottom = line.y - line.height * 0.25;
        continue;
      }
      current = { role, lines: [line], top: line.y + line.height * 0.75, bottom: line.y - line.height * 0.25 };
      out.push(current);
    }
  }
  return out;
}

/** Blocks whose vertical extents overlap, across columns, are one row group. */
function groupRows(all: readonly Block[]): CellLine[][] {
  const sorted = [...all].sort((p, q) => q.top - p.top);
  const groups: CellLine[][] = [];
  let bottom = Infinity;
  for (const block of sorted) {
    if (groups.length && block.top > bottom) {
      groups.at(-1)!.push(...block.lines);
      bottom = Math.min(bottom, block.bottom);
      continue;
    }
    groups.push([...block.lines]);
    bottom = block.bottom;
  }
  return groups;
}

/** A row group with more than one row code (or, lacking codes, more than one value) is several rows. */
function splitGroup(group: CellLine[]): CellLine[][] {
  const codes = group.filter((l) => l.role === 'code' && isCode(l.text));
  const values = group.filter((l) => l.role === 'value');
  const anchors = (codes.length > 1 ? codes : values.length > 1 && codes.length <= 1 ? values : []).sort((p, q) => q.y - p.y);
  if (anchors.length <= 1) return [group];
  const rows: CellLine[][] = anchors.map(() => []);
  for (const line of group) {
    let i = 0;
    while (i + 1 < anchors.length && anchors[i + 1]!.y >= line.y - line.height / 3) i++;
    rows[i]!.push(line);
  }
  return rows;
}

function toRow(page: number, lines: readonly CellLine[], edges: Record<string, number | undefined>): RawRow {
  const sorted = [...lines].sort((p, q) => q.y - p.y || p.x - q.x);
  const cells = Object.fromEntries(
    ROLES.map((role) => [
      role,
      joinCellLines(
        sorted.filter((l) => l.role === role).map((l) => ({ text: l.text, right: l.x + l.width, width: l.width })),
        edges[role],
      ),
    ]),
  ) as Record<ColumnRole, string>;
  const at = sorted.find((l) => l.role === 'label') ?? sorted[0]!;
  return { page, x: round(at.x), y: round(at.y), cells };
}

const round = (n: number) => Math.round(n * 10) / 10;
