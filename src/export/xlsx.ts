import { once } from 'node:events';
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { ExportColumn, ExportSheet } from './columns.js';
import { columnTitle, valueWords } from '../catalog/index.js';
import { cell } from './neutralise.js';

/**
 * Number formats that read the Vietnamese way ([$-42A] is the vi-VN locale: "1.234,5" in Excel set to
 * it). Shares are stored in percent points (85.71), so the format appends "%" without scaling by 100;
 * money is in đồng.
 */
const FORMAT = {
  percent: '[$-42A]#,##0.00"%"',
  money: '[$-42A]#,##0" đ"',
  integer: '[$-42A]#,##0',
  double: '[$-42A]#,##0.##',
} as const;

/** Value columns whose unit is in the row's `unit` column. */
const UNIT_VALUE = /^(value_num|reconciled_value_num)$/;

function numberFormat(column: ExportColumn, row: Record<string, unknown>, value: number): string {
  if (UNIT_VALUE.test(column.name) && typeof row.unit === 'string') {
    if (row.unit.includes('%')) return FORMAT.percent;
    if (valueWords().isMoneyUnit(row.unit)) return FORMAT.money;
  }
  return column.kind === 'integer' || Number.isInteger(value) ? FORMAT.integer : FORMAT.double;
}

/** Excel's limit is 1,048,576 rows a sheet; two are the header. */
const MAX_DATA_ROWS = 1_048_574;

/** Rows committed between two looks at the zip stream's backlog. */
const CHECK_EVERY = 500;

/**
 * Waits until the zip entry a sheet's rows are piped into has room again. exceljs writes committed
 * rows into it without heeding backpressure, so without this the rows pile up in memory whenever
 * compressing and writing are slower than reading SQLite. Reaches into exceljs's streaming writer
 * (its sheet stream and that stream's pipes), which has no public hook for it.
 */
async function drained(ws: ExcelJS.Worksheet): Promise<void> {
  const pipes = (ws as unknown as { stream?: { pipes?: Writable[] } }).stream?.pipes ?? [];
  for (const pipe of pipes) {
    // archiver's PassThrough comes from readable-stream, which predates `writableNeedDrain`.
    const state = (pipe as unknown as { _writableState?: { needDrain: boolean } })._writableState;
    if (pipe.writableNeedDrain ?? state?.needDrain) await once(pipe, 'drain');
  }
}

/**
 * A streamed workbook (exceljs WorkbookWriter): one sheet per view, row 1 the column names (for
 * tools), row 2 their Vietnamese titles (catalog/labels.yaml), both frozen, filters on row 2;
 * numbers stay numbers with a Vietnamese number format; text neutralised against formulas; dates
 * as dates.
 */
export async function writeXlsx(sheets: readonly ExportSheet[], path: string): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true, useSharedStrings: false });
  wb.creator = 'cchc-etl';
  for (const sheet of sheets) {
    const ws = wb.addWorksheet(sheet.name.slice(0, 31), { views: [{ state: 'frozen', ySplit: 2 }] });
    ws.columns = sheet.columns.map((c) => ({ key: c.name, width: Math.min(40, Math.max(10, columnTitle(c.name).length + 2)) }));
    const names = ws.addRow(sheet.columns.map((c) => c.name));
    names.font = { bold: true };
    names.commit();
    const titles = ws.addRow(sheet.columns.map((c) => columnTitle(c.name)));
    titles.font = { bold: true, italic: true };
    titles.commit();
    ws.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2, column: Math.max(1, sheet.columns.length) } };
    let n = 0;
    for (const row of sheet.rows()) {
      if (n === MAX_DATA_ROWS) throw new Error(`${sheet.name} has more rows than an XLSX sheet holds (${MAX_DATA_ROWS}): filter it, or export CSV or Parquet`);
      const xrow = ws.addRow(sheet.columns.map((c) => xlsxValue(c, row[c.name])));
      sheet.columns.forEach((c, i) => {
        const v = row[c.name];
        if (typeof v === 'number') xrow.getCell(i + 1).numFmt = numberFormat(c, row, v);
        else if (c.kind === 'date' && typeof v === 'string' && v) xrow.getCell(i + 1).numFmt = 'dd/mm/yyyy';
      });
      xrow.commit();
      if (++n % CHECK_EVERY === 0) await drained(ws);
    }
    ws.commit();
  }
  await wb.commit();
}

/** Excel's limit on the characters of one cell (a longer one makes Excel "repair" the file). */
const MAX_CELL_TEXT = 32_767;

function xlsxValue(column: ExportColumn, value: unknown): string | number | Date | null {
  if (column.kind === 'date' && typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return new Date(`${value}T00:00:00Z`);
  const v = cell(value);
  // Long JSON (rivals, values_json) is cut, visibly; CSV and Parquet keep it whole.
  return typeof v === 'string' && v.length > MAX_CELL_TEXT ? `${v.slice(0, MAX_CELL_TEXT - 1)}…` : v;
}
