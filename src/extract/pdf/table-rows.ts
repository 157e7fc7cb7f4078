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
        out[out.length - 1] = { ...previous, cells: merge(previous.cells, row.cells) };
        return;
      }
      out.push(row);
    });
  });
  return out;
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

function merge(a: Readonly<Record<ColumnRole, string>>, b: Readonly<Record<ColumnRole, string>>): Record<ColumnRole, string> {
  return Object.fromEntries(ROLES.map((r) => [r, clean(`${a[r]} ${b[r]}`)])) as Record<ColumnRole, string>;
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
    ...(code && !isCode(code) ? { details: { printedCode: code } } : {}),
  };
}
