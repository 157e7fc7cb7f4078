import { rm } from 'node:fs/promises';
import type { Writable } from 'node:stream';
import type { Warehouse } from '../warehouse/index.js';
import { exportColumns, labelledRows, type ExportColumn, type ExportSheet } from './columns.js';
import { writeCsv } from './csv.js';
import { writeParquet } from './parquet.js';
import { type ExportFilters, type ExportView, exportQuery } from './views.js';
import { writeXlsx } from './xlsx.js';

export type { ExportSheet };

export const EXPORT_FORMATS = ['csv', 'xlsx', 'parquet'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Computed columns whose type SQLite cannot declare. */
const KINDS: Record<string, ExportColumn['kind']> = { is_chosen: 'integer' };

export function exportSheet(wh: Warehouse, view: ExportView, filters: ExportFilters): ExportSheet {
  const q = exportQuery(view, filters);
  const stmt = wh.sqlite.prepare(q.sql);
  return { name: view, columns: exportColumns(stmt, q.labels, KINDS), rows: () => labelledRows(stmt, q.params, q.labels) };
}

/**
 * Writes views to `out`: CSV and Parquet one view (to a path, or a stream for CSV), XLSX a sheet per
 * view. Rows stream from SQLite to the writer: memory does not grow with the number of rows.
 */
export async function writeExport(sheets: readonly ExportSheet[], format: ExportFormat, out: string | Writable): Promise<void> {
  try {
    await write(sheets, format, out);
  } catch (err) {
    // No half-written file left behind to be mistaken for an export.
    if (typeof out === 'string') await rm(out, { force: true });
    throw err;
  }
}

async function write(sheets: readonly ExportSheet[], format: ExportFormat, out: string | Writable): Promise<void> {
  if (format === 'xlsx') {
    if (typeof out !== 'string') throw new Error('an XLSX export needs --out <file.xlsx>');
    return writeXlsx(sheets, out);
  }
  if (sheets.length !== 1) throw new Error(`a ${format} export holds one view: choose it with --view`);
  const sheet = sheets[0]!;
  if (format === 'csv') return writeCsv(sheet.rows(), sheet.columns.map((c) => c.name), out);
  if (typeof out !== 'string') throw new Error('a Parquet export needs --out <file.parquet>');
  return writeParquet(sheet.rows(), sheet.columns, out);
}
