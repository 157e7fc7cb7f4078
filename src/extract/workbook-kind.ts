import { headingRole } from './appendix-columns.js';
import { NotThisKind } from './errors.js';
import { columnCatalogue } from './onestop/columns.js';
import { findHeader, HEADER_SEARCH_ROWS } from './onestop/header.js';
import { cellText, type RawRow } from './onestop/raw-row.js';
import { looksLikeSummaryForm } from './onestop/summary-form.js';
import { MAX_HEADER_ROW } from './xlsx/find-table.js';
import type { WorkbookStream } from './xlsx/workbook-stream.js';

/**
 * Tells, from the first rows of each sheet read as a stream, whether a workbook is a one-stop export
 * (a dossier header or a Biểu 06 column-number row) and nothing else, so that it is streamed without
 * first being read whole by the appendix reader. A sheet with any appendix heading ("Chỉ tiêu", …)
 * leaves the verdict to the appendix reader, as before: only the clear case skips it.
 */
export async function looksLikeOnestop(workbook: WorkbookStream): Promise<boolean> {
  let onestop = false;
  for (const sheet of workbook.sheets) {
    const head: RawRow[] = [];
    for await (const row of workbook.rows(sheet)) {
      head.push(row);
      if (head.length >= Math.max(MAX_HEADER_ROW, HEADER_SEARCH_ROWS)) break;
    }
    if (head.some((r) => r.cells.some((c) => headingRole(cellText(c)) === 'label'))) return false;
    onestop ||= looksLikeSummaryForm(head.slice(0, HEADER_SEARCH_ROWS)) || hasDossierHeader(head);
  }
  return onestop;
}

function hasDossierHeader(head: readonly RawRow[]): boolean {
  try {
    findHeader(head, columnCatalogue());
    return true;
  } catch (err) {
    // A header lacking required columns is still a dossier list: its reader says what is missing.
    return !(err instanceof NotThisKind);
  }
}
