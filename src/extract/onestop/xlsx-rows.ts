import { Readable } from 'node:stream';
import type ExcelJS from 'exceljs';
import { RejectedInput } from '../errors.js';
import type { RawRow } from './raw-row.js';

/**
 * Streams the rows of every worksheet of a workbook with exceljs's streaming reader (no DOM: a
 * 1,000,000-row dossier list stays flat in memory). Cell values come out as strings, numbers, Dates
 * or null; formulas give their cached result and hyperlinks their text, so formula text is never
 * evaluated.
 */
export async function* xlsxRows(bytes: Buffer): AsyncGenerator<RawRow & { sheet: string }> {
  // Loaded on first use: exceljs costs tens of megabytes that a CSV-only run never needs.
  const { default: Excel } = await import('exceljs');
  const reader = new Excel.stream.xlsx.WorkbookReader(Readable.from([bytes]), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    entries: 'emit',
  });
  try {
    for await (const sheet of reader) {
      const name = (sheet as unknown as { name?: string }).name ?? '';
      for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
        const values = row.values as unknown[];
        const cells: unknown[] = [];
        for (let i = 1; i < values.length; i++) cells.push(cellValue(values[i]));
        yield { sheet: name, line: row.number, cells };
      }
    }
  } catch (err) {
    if (err instanceof RejectedInput) throw err;
    throw new RejectedInput(`unreadable workbook: ${(err as Error).message.split('\n')[0]}`);
  }
}

function cellValue(v: unknown): unknown {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  if (typeof v === 'object') {
    const o = v as { richText?: { text: string }[]; result?: unknown; formula?: string; text?: unknown; error?: string };
    if (o.richText) return o.richText.map((r) => r.text).join('');
    if ('result' in o || 'formula' in o) return cellValue(o.result);
    if (o.text !== undefined) return cellValue(o.text);
    if (o.error) return null;
  }
  return String(v);
}
