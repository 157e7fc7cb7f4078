import type ExcelJS from 'exceljs';
import { type ColumnRole, headingRole } from '../appendix-columns.js';
import { readCell } from './cell-text.js';

export interface TableLayout {
  readonly worksheet: ExcelJS.Worksheet;
  /** Row number of the last heading row; data starts below it. */
  readonly headerEnd: number;
  readonly headerStart: number;
  readonly columns: Partial<Record<ColumnRole, number>>;
}

/** How far down a sheet the header may sit (title rows, blank rows and notes above it are normal). */
export const MAX_HEADER_ROW = 40;

/**
 * Finds the appendix table: a row (or two, when "Kết quả thống kê" is merged over "Đơn vị tính" and
 * "Số liệu") whose headings give at least the label and value columns.
 */
export function findTable(worksheet: ExcelJS.Worksheet): TableLayout | undefined {
  const last = Math.min(worksheet.rowCount, MAX_HEADER_ROW);
  for (let r = 1; r <= last; r++) {
    const columns = headingColumns(worksheet, r);
    if (columns.label === undefined) continue;
    // Second heading row under merged group headings.
    const below = r < worksheet.rowCount ? headingColumns(worksheet, r + 1) : {};
    const merged = { ...columns };
    for (const [role, col] of Object.entries(below) as [ColumnRole, number][]) {
      if (role === 'label' || role === 'code') continue;
      merged[role] = col;
    }
    if (merged.value === undefined) continue;
    const usesSecondRow = Object.keys(below).some((k) => k !== 'label' && k !== 'code');
    return { worksheet, headerStart: r, headerEnd: usesSecondRow ? r + 1 : r, columns: merged };
  }
  return undefined;
}

/** Heading roles found in one row, by column number. The first column claiming a role keeps it. */
export function headingColumns(worksheet: ExcelJS.Worksheet, rowNumber: number): Partial<Record<ColumnRole, number>> {
  const out: Partial<Record<ColumnRole, number>> = {};
  const row = worksheet.getRow(rowNumber);
  const seenMasters = new Set<string>();
  row.eachCell({ includeEmpty: false }, (cell, col) => {
    // A merged heading repeats in every cell of its merge: count it once, at its master.
    const master = cell.master?.address ?? cell.address;
    if (seenMasters.has(master)) return;
    seenMasters.add(master);
    const role = headingRole(readCell(cell).text);
    if (role && out[role] === undefined) out[role] = col;
  });
  return out;
}

/** A heading row repeated further down (a copy-pasted page header) is not data. */
export function isHeadingRow(worksheet: ExcelJS.Worksheet, rowNumber: number): boolean {
  const cols = headingColumns(worksheet, rowNumber);
  return cols.label !== undefined || (cols.unit !== undefined && cols.value !== undefined);
}
