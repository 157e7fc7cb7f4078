import type { ExtractedFigure } from '../../model/index.js';
import { clean } from '../../text/index.js';
import { type ColumnRole, ROLES, isCode } from '../appendix-columns.js';
import type { RawRow } from './table-rebuild.js';

/** "(1)", "2", "(3)": the column-number row some templates print under the header. */
const COLUMN_NUMBER = /^\(?\d{1,2}\)?$/;

/**
 * Joins the rows of all table pages: drops column-number rows and blank rows, and glues the piece of
 * a row broken over a page to the row it continues.
 */
export function joinPages(pages: readonly (readonly RawRow[])[]): RawRow[] {
  const out: RawRow[] = [];
  pages.forEach((rows, p) => {
    rows.forEach((row, i) => {
      const filled = ROLES.filter((r) => row.cells[r] !== '');
      if (filled.length === 0) return;
      if (filled.length >= 3 && filled.every((r) => COLUMN_NUMBER.test(row.cells[r]))) return;
      const previous = out.at(-1);
      if (p > 0 && i === 0 && previous && isContinuation(row)) {
        out[out.length - 1] = joinPieces(previous, row);
        return;
      }
      out.push(row);
    });
  });
  return out.map((row, i) => glued(row, out.slice(i + 1)) ?? row);
}

/**
 * A parent row's value that only its sub-rows' values written after some digits explain ("150807"
 * above sub-rows 08 and 07): numbers glued by whatever wrote or read the cell, not a count. Kept as
 * printed, marked doubtful.
 */
function glued(row: RawRow, after: readonly RawRow[]): RawRow | undefined {
  if (row.doubtful || !/^\d{3,}$/.test(row.cells.value)) return undefined;
  const subs: string[] = [];
  for (const r of after) {
    if (r.cells.code !== '' || !/^\d+$/.test(r.cells.value)) break;
    subs.push(r.cells.value);
  }
  for (let k = subs.length; k >= 2; k--) {
    const tail = subs.slice(0, k).join('');
    const head = row.cells.value.slice(0, -tail.length);
    if (head !== '' && row.cells.value.endsWith(tail)) {
      const tokens = [head, ...subs.slice(0, k)];
      return { ...row, doubtful: { tokens, reason: `value ${row.cells.value} reads as its sub-rows' values glued after ${head} (${tokens.join(', ')})` } };
    }
  }
  return undefined;
}

/**
 * The top piece of a row broken over a page has no STT, and either no label, or a label that goes on
 * mid-sentence (lower case or an opening bracket: printed labels start with a capital), or nothing
 * but label text.
 */
function isContinuation(row: RawRow): boolean {
  const c = row.cells;
  if (c.code !== '') return false;
  return c.label === '' || /^[\p{Ll}(]/u.test(c.label) || (c.unit === '' && c.value === '');
}

/** The two pieces of a row broken over a page; a value printed in both is doubtful, never one number. */
function joinPieces(a: RawRow, b: RawRow): RawRow {
  const cells = Object.fromEntries(ROLES.map((r) => [r, clean(`${a.cells[r]} ${b.cells[r]}`)])) as Record<ColumnRole, string>;
  if (a.cells.value === '' || b.cells.value === '') return { ...a, cells: { ...cells, value: a.cells.value || b.cells.value } };
  const tokens = [...(a.doubtful?.tokens ?? [a.cells.value]), ...(b.doubtful?.tokens ?? [b.cells.value])];
  return { ...a, cells: { ...cells, value: a.cells.value }, doubtful: { tokens, reason: `value printed on both sides of a page break (${tokens.join(', ')})` } };
}

/** One figure per row: the printed code, label, unit, value text and note, with the row as its quote. */
export function rowFigure(row: RawRow): ExtractedFigure {
  const { code, label, unit, value, note } = row.cells;
  return {
    method: 'table',
    rowCode: isCode(code) ? code.replace(/\.$/, '') : '',
    rowLabel: label,
    ...(unit ? { unit } : {}),
    raw: value,
    ...(note ? { note } : {}),
    provenance: {
      page: row.page,
      x: row.x,
      y: row.y,
      quote: ROLES.map((r) => row.cells[r]).filter(Boolean).join(' | '),
    },
    ...(details(row) ? { details: details(row) } : {}),
  };
}

/** A printed STT that is not a code; a doubtful reading (several numbers in the value cell). */
function details(row: RawRow): Record<string, unknown> | undefined {
  const code = row.cells.code;
  const out: Record<string, unknown> = {
    ...(code && !isCode(code) ? { printedCode: code } : {}),
    ...(row.doubtful ? { doubtful: true, tokens: row.doubtful.tokens, doubt: row.doubtful.reason } : {}),
  };
  return Object.keys(out).length ? out : undefined;
}
