import { NotThisKind, RejectedInput } from '../errors.js';
import type { ColumnCatalogue, DossierField } from './columns.js';
import { cellText, type RawRow } from './raw-row.js';

/** Rows searched for the header: title lines, the unit's name and blank lines come first in exports. */
export const HEADER_SEARCH_ROWS = 30;
/** A row with fewer recognised columns is not a header. */
const MIN_RECOGNISED = 3;

export interface HeaderMatch {
  readonly line: number;
  /** Column index of each recognised field (the first column when a field repeats). */
  readonly columns: Partial<Record<DossierField, number>>;
  /** Header cells as printed, by column index. */
  readonly labels: readonly string[];
  /** Rows above the header that hold text (report titles, unit names). */
  readonly preamble: readonly string[];
}

/**
 * Finds the header among the first rows: the row that recognises most catalogue columns.
 * Throws NotThisKind when no row looks like a header, and RejectedInput naming what it looked for
 * when a header is there but required columns are not.
 */
export function findHeader(rows: readonly RawRow[], catalogue: ColumnCatalogue): HeaderMatch {
  let best: { row: RawRow; columns: Partial<Record<DossierField, number>>; n: number } | undefined;
  for (const row of rows.slice(0, HEADER_SEARCH_ROWS)) {
    const columns: Partial<Record<DossierField, number>> = {};
    let n = 0;
    row.cells.forEach((cell, i) => {
      const field = catalogue.recognise(cellText(cell));
      if (field && columns[field] === undefined) {
        columns[field] = i;
        n++;
      }
    });
    if (n >= MIN_RECOGNISED && (!best || n > best.n)) best = { row, columns, n };
  }
  if (!best) {
    throw new NotThisKind(
      `no header row in the first ${HEADER_SEARCH_ROWS} rows: looked for dossier columns such as ${catalogue.required.map((e) => e.synonyms.slice(0, 2).join(' / ')).join('; ')}`,
    );
  }
  const columns = best.columns;
  const missing = catalogue.required.filter((e) => columns[e.field] === undefined);
  if (missing.length) {
    throw new RejectedInput(
      'missing_columns',
      `header at line ${best.row.line} lacks required columns: ${missing.map((e) => `${e.field} (looked for ${e.synonyms.slice(0, 4).map((s) => `"${s}"`).join(', ')})`).join('; ')}`,
      `line ${best.row.line}`,
    );
  }
  const headerLine = best.row.line;
  const preamble = rows
    .filter((r) => r.line < headerLine)
    .map((r) => r.cells.map(cellText).map((s) => s.trim()).filter(Boolean).join(' '))
    .filter(Boolean);
  return { line: headerLine, columns, labels: best.row.cells.map(cellText), preamble };
}
