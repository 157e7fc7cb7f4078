import { Readable } from 'node:stream';
import type ExcelJS from 'exceljs';
import { readLegacyText } from '../../text/legacy/index.js';
import { RejectedInput, isOutOfMemory, tooLargeToRead } from '../errors.js';
import type { RawRow } from './raw-row.js';

/**
 * Streams the rows of every worksheet of a workbook with exceljs's streaming reader (no DOM: a
 * 1,000,000-row dossier list stays flat in memory). Cell values come out as strings, numbers, Dates
 * or null; formulas give their cached result and hyperlinks their text, so formula text is never
 * evaluated. Text typed in a TCVN3/VNI font is decoded by that font, as the appendix reader does.
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
  let yielded = 0;
  try {
    for await (const sheet of reader) {
      const name = (sheet as unknown as { name?: string }).name ?? '';
      for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
        yielded++;
        yield rowOf(name, row);
      }
    }
  } catch (err) {
    if (err instanceof RejectedInput) throw err;
    if (isOutOfMemory(err)) throw tooLargeToRead(err);
    // exceljs's streaming reader can fail on a valid file ("reading 'sheets'": a worksheet reached
    // before the workbook part is parsed, seen intermittently). Before any row went out, a workbook
    // small enough to hold is read again whole, so such a file is not lost.
    if (yielded === 0 && bytes.length <= WHOLE_READ_MAX_BYTES) {
      yield* wholeWorkbookRows(Excel, bytes);
      return;
    }
    throw new RejectedInput('unreadable_workbook', `unreadable workbook: ${(err as Error).message.split('\n')[0]}`);
  }
}

/** Largest workbook read again whole when the streaming reader fails on it. */
const WHOLE_READ_MAX_BYTES = 32 * 1024 * 1024;

function rowOf(sheet: string, row: ExcelJS.Row): RawRow & { sheet: string } {
  const values = row.values as unknown[];
  const cells: unknown[] = [];
  // The font is looked up only for text cells: a million-row list has many numbers and blanks.
  for (let i = 1; i < values.length; i++) cells.push(cellValue(values[i], () => row.findCell(i)?.font?.name));
  return { sheet, line: row.number, cells };
}

async function* wholeWorkbookRows(Excel: typeof ExcelJS, bytes: Buffer): AsyncGenerator<RawRow & { sheet: string }> {
  const wb = new Excel.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (err) {
    if (isOutOfMemory(err)) throw tooLargeToRead(err);
    throw new RejectedInput('unreadable_workbook', `unreadable workbook: ${(err as Error).message.split('\n')[0]}`);
  }
  for (const ws of wb.worksheets) {
    const rows: ExcelJS.Row[] = [];
    ws.eachRow((row) => rows.push(row));
    for (const row of rows) yield rowOf(ws.name, row);
  }
}

/** The cell's font name, asked only when the cell holds text. */
type CellFont = () => string | undefined;

function cellValue(v: unknown, font: CellFont): unknown {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return readLegacyText(v, font()).text;
  if (typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  if (typeof v === 'object') {
    const o = v as { richText?: { text: string; font?: { name?: string } }[]; result?: unknown; formula?: string; text?: unknown; error?: string };
    // Each run in its own font when the file names one (exceljs's streaming reader does not), else the cell's.
    if (o.richText) return o.richText.map((r) => readLegacyText(r.text, r.font?.name ?? font()).text).join('');
    if ('result' in o || 'formula' in o) return cellValue(o.result, font);
    if (o.text !== undefined) return cellValue(o.text, font);
    if (o.error) return null;
  }
  return String(v);
}
