import { type StreamedRow, WorkbookStream } from '../xlsx/workbook-stream.js';
import type { RawRow } from './raw-row.js';

/** One worksheet of a workbook: its name, and its rows as a stream. */
export interface XlsxSheet {
  readonly name: string;
  /** Rows in order; leaving the loop early reads nothing more of the sheet. */
  rows(): AsyncGenerator<RawRow & { sheet: string }>;
}

/**
 * The worksheets of a workbook, each streamed from the zip (src/extract/xlsx/workbook-stream.ts):
 * no document tree, so a 1,000,000-row dossier list stays flat in memory. Cell values are strings,
 * numbers, Dates or null; formulas give their cached result and hyperlinks their text, so formula
 * text is never evaluated. Text typed in a TCVN3/VNI font is decoded by that font.
 */
export async function xlsxSheets(source: Buffer | WorkbookStream): Promise<XlsxSheet[]> {
  const workbook = source instanceof WorkbookStream ? source : await WorkbookStream.open(source);
  return workbook.sheets.map((sheet) => ({ name: sheet.name, rows: () => named(sheet.name, workbook.rows(sheet)) }));
}

/** Rows tagged with their sheet, which a summary form's provenance names. */
async function* named(sheet: string, rows: AsyncGenerator<StreamedRow>): AsyncGenerator<RawRow & { sheet: string }> {
  for await (const row of rows) yield { sheet, line: row.line, cells: row.cells };
}
