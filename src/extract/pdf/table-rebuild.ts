import { clean } from '../../text/index.js';
import { type ColumnBands, innerRight, roleAt } from './column-bands.js';
import { joinCellLines } from './cell-text.js';
import { type ColumnRole, ROLES, isCode } from '../appendix-columns.js';
import { type Rule, type Rulings, coverage, mergeSegments } from './rulings.js';
import { type TextItem, groupLines } from './text-items.js';

/** One table row as read from one page, before rows broken over a page are joined. */
export interface RawRow {
  readonly page: number;
  /** Left edge and baseline of the row's first label line (or of its first run). */
  readonly x: number;
  readonly y: number;
  readonly cells: Readonly<Record<ColumnRole, string>>;
  /** The value cell held several printed numbers: `cells.value` is the first, `tokens` all of them. */
  readonly doubtful?: { readonly tokens: readonly string[]; readonly reason: string };
}

/** A line of text inside one column. */
interface CellLine {
  readonly role: ColumnRole;
  readonly x: number;
  readonly width: number;
  readonly y: number;
  readonly height: number;
  readonly text: string;
  /** The runs' texts: each is one printed token group, never to be glued to another number. */
  readonly runs: readonly string[];
}

/** A row being built: its label lines (top to bottom) and the other columns' lines given to it. */
interface RowLines {
  readonly label: CellLine[];
  readonly others: CellLine[];
}

/** Columns whose cells start a row: a second STT, unit or value beside one row's label is the next row's. */
const ANCHORS: ReadonlySet<ColumnRole> = new Set(['code', 'unit', 'value']);
/** A horizontal ruling that covers this share of the label column's width separates rows. */
const ROW_RULE_COVERAGE = 0.5;
/** A vertical ruling along this share of the table body's height separates columns. */
const COLUMN_RULE_COVERAGE = 0.3;
/** A number: digits with Vietnamese separators, a sign, a percent. */
const NUMBER = /^[-+]?\d[\d.,]*%?$/;

/**
 * Reads one page of the appendix table into rows. Runs go to columns by the header's bands (snapped
 * to the vertical rulings where the page draws them), never by splitting text on spaces. Rows come
 * from the horizontal rulings that cross the label column, where the page draws them; within a
 * ruled band, or on a page without rulings, from the label column: a label line starts a new row
 * when it is set apart from the line above by more than a cell's line pitch, or when an STT, unit or
 * value is printed level with it while the row above already has one. Every other line joins the
 * row it is level with, or the row whose label it sits beside, or the row of its wrapped cell's
 * other lines. So a label wrapped over several lines stays one row whatever the vertical alignment,
 * and sub-rows without STT never merge into their parent row.
 *
 * @param body     the runs of one page below the header, in reading order
 * @param rulings  the page's rulings; none: rows from text positions alone
 */
export function rebuildRows(body: readonly TextItem[], bands: ColumnBands, rulings?: Rulings): RawRow[] {
  return readTablePage(body, bands, rulings).rows;
}

/** `rebuildRows`, and whether the page's rulings separated its rows (false: rows from text positions alone). */
export function readTablePage(
  body: readonly TextItem[],
  bands: ColumnBands,
  rulings?: Rulings,
  /** Whether the table's cells are aligned at the top (`topAligned` over all its pages); judged on this page when not given. */
  alignedTop?: boolean,
): { rows: RawRow[]; ruled: boolean } {
  if (body.length === 0) return { rows: [], ruled: false };
  const snapped = rulings ? snapBands(bands, mergeSegments(rulings.vertical), body) : bands;
  const lines = cellLines(body, snapped);
  const breaks = rulings ? rowBreaks(mergeSegments(rulings.horizontal), snapped, body) : [];
  const bandOf = (l: CellLine) => breaks.filter((y) => y > l.y + l.height * 0.3).length;
  const threshold = pitchThreshold(lines.filter((l) => l.role === 'label'), bandOf);

  const byBand = new Map<number, CellLine[]>();
  for (const l of lines) byBand.set(bandOf(l), [...(byBand.get(bandOf(l)) ?? []), l]);
  const page = body[0]!.page;
  const edges = Object.fromEntries(ROLES.map((r) => [r, innerRight(snapped, r, lines.filter((l) => l.role === r))]));
  const top = alignedTop ?? topAligned([{ body, bands }]);
  const rows = [...byBand.keys()]
    .sort((a, b) => a - b)
    .flatMap((b) => splitBand(byBand.get(b)!, threshold, top))
    .map((row) => toRow(page, row, edges));
  return { rows, ruled: byBand.size > 1 };
}

function cellLines(body: readonly TextItem[], bands: ColumnBands): CellLine[] {
  const lines: CellLine[] = [];
  for (const role of ROLES) {
    for (const line of groupLines(body.filter((i) => roleAt(bands, i) === role))) {
      const first = line[0]!;
      const last = line.at(-1)!;
      lines.push({
        role,
        x: first.x,
        width: last.x + last.width - first.x,
        y: first.y,
        height: Math.max(...line.map((i) => i.height)),
        text: clean(line.map((i) => i.text).join(' ')),
        runs: line.map((i) => i.text),
      });
    }
  }
  return lines.sort((p, q) => q.y - p.y || p.x - q.x);
}

/**
 * Each boundary between two columns moves onto the vertical ruling drawn between their headings,
 * when there is one: the drawn border is where the cell ends, whatever the text's alignment.
 */
function snapBands(bands: ColumnBands, rules: readonly Rule[], body: readonly TextItem[]): ColumnBands {
  const top = Math.max(...body.map((i) => i.y + i.height));
  const bottom = Math.min(...body.map((i) => i.y));
  const tall = rules.filter((r) => coverage(r, bottom, top) >= COLUMN_RULE_COVERAGE * (top - bottom));
  const boundaries = bands.boundaries.map((b, i) => {
    const [left, right] = [bands.centres[i]!, bands.centres[i + 1]!];
    const between = tall.filter((r) => r.at > left && r.at < right).sort((p, q) => Math.abs(p.at - b) - Math.abs(q.at - b));
    return between[0]?.at ?? b;
  });
  return { ...bands, boundaries };
}

/** The y of each horizontal ruling that crosses the label column, top to bottom. */
function rowBreaks(rules: readonly Rule[], bands: ColumnBands, body: readonly TextItem[]): number[] {
  const i = bands.roles.indexOf('label');
  if (i < 0) return [];
  const labels = body.filter((t) => roleAt(bands, t) === 'label');
  const left = bands.boundaries[i - 1] ?? Math.min(...labels.map((t) => t.x));
  const right = bands.boundaries[i] ?? Math.max(...labels.map((t) => t.x + t.width));
  return rules
    .filter((r) => coverage(r, left, right) >= ROW_RULE_COVERAGE * (right - left))
    .map((r) => r.at)
    .sort((a, b) => b - a);
}

/**
 * The largest gap between two label lines of one cell: the closest label lines on the page (within
 * one ruled band) are one cell's, and rows are set further apart by the cells' padding.
 */
function pitchThreshold(labels: readonly CellLine[], bandOf: (l: CellLine) => number): number {
  let pitch = Infinity;
  let height = 0;
  for (let i = 1; i < labels.length; i++) {
    const [a, b] = [labels[i - 1]!, labels[i]!];
    height = Math.max(height, b.height);
    const gap = a.y - b.y;
    if (bandOf(a) === bandOf(b) && gap >= 0.6 * b.height) pitch = Math.min(pitch, gap);
  }
  if (!Number.isFinite(pitch)) return 1.3 * (height || 10);
  return pitch + Math.max(1.5, 0.12 * height);
}

/** A line that can start a row: an STT that is a code ("Trong đó" wrapped in a narrow STT column is not), a unit, a value. */
const anchor = (l: CellLine, role: ColumnRole) => l.role === role && ANCHORS.has(role) && (role !== 'code' || isCode(l.text));

const level = (a: CellLine, b: CellLine) => Math.abs(a.y - b.y) <= Math.max(1, Math.min(a.height, b.height) / 3);

/**
 * Whether the page's cells are aligned at the top (Word's default) rather than in the middle: every
 * STT is level with a label line. In the middle, the STT of a two-line label sits between its lines.
 */
export function topAligned(pages: readonly { body: readonly TextItem[]; bands: ColumnBands }[]): boolean {
  let codes = 0;
  for (const { body, bands } of pages) {
    const lines = cellLines(body, bands);
    const labels = lines.filter((l) => l.role === 'label');
    for (const c of lines.filter((l) => l.role === 'code' && isCode(l.text))) {
      if (!labels.some((l) => level(l, c))) return false;
      codes++;
    }
  }
  return codes >= 3;
}

/**
 * The rows of one ruled band (or of a page without rulings). With cells aligned at the top, a label
 * line level with a code, a number, or the first line of a unit or text value starts a row: that is
 * where rows start, even where cells have no padding and rows follow each other at a line's pitch.
 */
function splitBand(lines: readonly CellLine[], threshold: number, top: boolean): RowLines[] {
  const labels = lines.filter((l) => l.role === 'label');
  const others = lines.filter((l) => l.role !== 'label');
  if (labels.length === 0) return [{ label: [], others: [...others] }];

  const rows: RowLines[] = [];
  for (const line of labels) {
    const row = rows.at(-1);
    const prev = row?.label.at(-1);
    if (!row || !prev) {
      rows.push({ label: [line], others: [] });
      continue;
    }
    const first = row.label[0]!;
    const tol = Math.max(1, line.height / 3);
    const has = (role: ColumnRole) => others.some((o) => anchor(o, role) && o.y > line.y + tol && o.y <= first.y + tol);
    const starts = (o: CellLine) => (top ? cellStart(o, others, threshold) : has(o.role));
    const anchored = others.some((o) => anchor(o, o.role) && level(o, line) && starts(o));
    if (prev.y - line.y > threshold || anchored) rows.push({ label: [line], others: [] });
    else row.label.push(line);
  }

  const rowOf = new Map<CellLine, RowLines>();
  const extent = (r: RowLines) => ({ top: r.label[0]!.y + 0.8 * r.label[0]!.height, bottom: r.label.at(-1)!.y - 0.3 * r.label.at(-1)!.height });
  for (const o of others) {
    const row = rows.find((r) => r.label.some((l) => level(l, o))) ?? rows.find((r) => o.y <= extent(r).top && o.y >= extent(r).bottom);
    if (row) rowOf.set(o, row);
  }
  // The rest are wrapped lines of a cell taller than its row's label: they go with the nearest line
  // of their own cell (consecutive lines of the column at a cell's pitch) that found its row.
  const leading: CellLine[] = [];
  for (const o of others) {
    if (rowOf.has(o)) continue;
    const cell = cellOf(o, others, threshold, (c) => top && rows.some((r) => level(r.label[0]!, c)));
    const placed = cell.filter((c) => rowOf.has(c)).sort((p, q) => Math.abs(p.y - o.y) - Math.abs(q.y - o.y))[0];
    if (placed) {
      rowOf.set(o, rowOf.get(placed)!);
      continue;
    }
    const centre = cell.reduce((n, c) => n + c.y, 0) / cell.length;
    const first = rows[0]!;
    // Above the first row by more than a line: the end of a row broken over the page.
    if (cell.at(-1)!.y - first.label[0]!.y > threshold) {
      leading.push(o);
      continue;
    }
    const nearest = [...rows].sort((p, q) => Math.abs(middle(p) - centre) - Math.abs(middle(q) - centre))[0]!;
    rowOf.set(o, nearest);
  }
  for (const [o, row] of rowOf) row.others.push(o);
  return leading.length ? [{ label: [], others: leading }, ...rows] : rows;
}

/** A code, a number, or a line of a unit or value that does not continue a line of its cell above. */
function cellStart(o: CellLine, others: readonly CellLine[], threshold: number): boolean {
  if (o.role === 'code' || o.runs.every((r) => NUMBER.test(r))) return true;
  return !others.some((p) => p.role === o.role && p.y > o.y && p.y - o.y <= threshold);
}

const middle = (r: RowLines) => (r.label[0]!.y + r.label.at(-1)!.y) / 2;

/** The lines of one column around `line` that follow each other at a cell's pitch: one wrapped cell. */
function cellOf(line: CellLine, others: readonly CellLine[], threshold: number, startsRow: (l: CellLine) => boolean): CellLine[] {
  const column = others.filter((o) => o.role === line.role).sort((p, q) => q.y - p.y);
  let i = column.indexOf(line);
  let j = i;
  // Where cells are aligned at the top, a line level with a row's first label line is the first line of
  // that row's cell (`startsRow`), so a wrapped cell above never runs into it, even without padding.
  while (i > 0 && !startsRow(column[i]!) && column[i - 1]!.y - column[i]!.y <= threshold) i--;
  while (j + 1 < column.length && !startsRow(column[j + 1]!) && column[j]!.y - column[j + 1]!.y <= threshold) j++;
  return column.slice(i, j + 1);
}

function toRow(page: number, row: RowLines, edges: Record<string, number | undefined>): RawRow {
  const sorted = [...row.label, ...row.others].sort((p, q) => q.y - p.y || p.x - q.x);
  const cells = Object.fromEntries(
    ROLES.map((role) => [
      role,
      joinCellLines(
        sorted.filter((l) => l.role === role).map((l) => ({ text: l.text, right: l.x + l.width, width: l.width })),
        edges[role],
      ),
    ]),
  ) as Record<ColumnRole, string>;
  const at = row.label[0] ?? sorted[0]!;
  const base = { page, x: round(at.x), y: round(at.y), cells };
  const tokens = sorted.filter((l) => l.role === 'value').flatMap((l) => l.runs.flatMap(numberTokens));
  if (tokens.length <= 1) return base;
  // Several printed numbers in one value cell: never one number made of them.
  return { ...base, cells: { ...cells, value: tokens[0]! }, doubtful: { tokens, reason: `value cell holds ${tokens.length} numbers (${tokens.join(', ')})` } };
}

/** The numbers a run prints: "15" is one, "15 08" two (a thousands group has three digits: "1 101" is one). */
function numberTokens(text: string): string[] {
  const words = text.split(' ');
  if (!words.every((w) => NUMBER.test(w))) return [];
  if (words.length > 1 && words.slice(1).every((w) => /^\d{3}(?:[.,]\d+)?%?$/.test(w)) && /^\d{1,3}$/.test(words[0]!)) return [text];
  return words;
}

const round = (n: number) => Math.round(n * 10) / 10;
