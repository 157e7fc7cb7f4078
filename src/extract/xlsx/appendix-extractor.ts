
import ExcelJS from 'exceljs';
import type { ExtractedDocument, ExtractedFigure, SourceFile } from '../../model/index.js';
import { readDocumentHeader } from '../../normalize/document-header.js';
import { NotThisKind, RejectedInput, isOutOfMemory, tooLargeToRead } from '../errors.js';
import type { Extractor } from '../extractor.js';
import { readCell } from './cell-text.js';
import { expectedHeadings, isCode } from '../appendix-columns.js';
import { findTable, isHeadingRow, type TableLayout } from './find-table.js';
import { LegacyTally, describeUndecodable, scanSheet } from './legacy-check.js';

/** Column-number rows under a heading: "(1) (2) (3)" or "1 2 3 4". */
const COLUMN_NUMBERS = /^\(?\d{1,2}\)?$/;

/** Reads the statistical appendix (Phụ lục II) from any sheet of an office workbook. */
export const appendixXlsxExtractor: Extractor = {
  name: 'xlsx-appendix',
  async extract(file: SourceFile): Promise<ExtractedDocument> {
    const workbook = new ExcelJS.Workbook();
    try {
      await workbook.xlsx.load(file.bytes as unknown as ArrayBuffer);
    } catch (err) {
      if (isOutOfMemory(err)) throw tooLargeToRead(err);
      throw new RejectedInput('unreadable_workbook', `corrupt or truncated workbook: ${oneLine(err)}`);
    }
    let layout: TableLayout | undefined;
    for (const ws of workbook.worksheets) {
      layout = findTable(ws);
      if (layout) break;
    }
    if (!layout) {
      // A TCVN3/VNI workbook whose text does not decode hides its header: say so, not "no table".
      const found = workbook.worksheets.map(scanSheet).filter((u) => u !== undefined);
      const worst = found.sort((a, b) => b.cells - a.cells)[0];
      if (worst) throw new RejectedInput('legacy_encoding', `${describeUndecodable(worst)}: the appendix table header cannot be read`);
      const sheets = workbook.worksheets.map((w) => `'${w.name}'`).join(', ') || 'none';
      throw new NotThisKind(`no sheet has an appendix table header (${expectedHeadings()}); sheets: ${sheets}`);
    }
    return readTable(layout, file);
  },
};

function readTable(layout: TableLayout, file: SourceFile): ExtractedDocument {
  const { worksheet: ws, columns } = layout;
  const sheet = ws.name;
  const titleLines: string[] = [];
  for (let r = 1; r < layout.headerStart; r++) titleLines.push(rowText(ws, r));

  const figures: ExtractedFigure[] = [];
  const warnings: { where: string; message: string }[] = [];
  const footerLines: string[] = [];
  const legacy = new LegacyTally(sheet);
  for (let r = layout.headerEnd + 1; r <= ws.rowCount; r++) {
    if (isHeadingRow(ws, r)) continue;
    const read = (role: keyof typeof columns) => {
      const col = columns[role];
      if (col === undefined) return undefined;
      const reading = readCell(ws.getCell(r, col));
      legacy.note(cellAddress(col, r), reading);
      return reading;
    };
    const code = read('code');
    const label = read('label');
    const unit = read('unit');
    const value = read('value');
    const note = read('note');
    const texts = [code, label, unit, value, note].map((c) => c?.text ?? '');
    if (texts.every((t) => t === '')) continue;
    if (texts.filter(Boolean).every((t) => COLUMN_NUMBERS.test(t))) continue;
    if (!label?.text && !code?.text) {
      // No label: either a value orphaned by a row broken over two lines (kept, unmapped, with a
      // warning) or a line under the table such as "Bản Thi, ngày … tháng 11 năm 2024" (a header clue).
      if (value?.number !== undefined || /^\d/.test(value?.text ?? '')) {
        warnings.push({ where: `sheet '${sheet}' cell ${cellAddress(columns.value, r)}`, message: 'value without a row label' });
      } else {
        footerLines.push(texts.filter(Boolean).join('\t'));
        continue;
      }
    }
    const valueCol = columns.value!;
    const address = cellAddress(valueCol, r);
    if (value?.error) warnings.push({ where: `sheet '${sheet}' cell ${address}`, message: `unreadable cell: ${value.error}` });
    const codeText = code?.text ?? '';
    figures.push({
      method: 'table',
      rowCode: isCode(codeText) ? codeText.replace(/\.$/, '') : '',
      rowLabel: label?.text ?? '',
      ...(unit?.text ? { unit: unit.text } : {}),
      raw: value?.error ? '' : (value?.text ?? ''),
      ...(value?.number !== undefined && !value.error ? { number: value.number } : {}),
      ...(note?.text ? { note: note.text } : {}),
      style: { bold: Boolean(label?.bold || code?.bold), italic: Boolean(label?.italic) },
      provenance: { sheet, cell: address, quote: texts.filter(Boolean).join(' | ') },
      ...details(codeText, value?.stored),
    });
  }
  if (figures.length === 0) throw new RejectedInput('no_appendix_rows', `sheet '${sheet}': appendix header found at row ${layout.headerStart} but no rows below it`);
  // A few cells that do not decode are reported and kept as typed; a table mostly undecodable is not loaded.
  const undecodable = legacy.summary();
  if (undecodable && undecodable.cells * 2 >= undecodable.textCells) {
    throw new RejectedInput('legacy_encoding', `${describeUndecodable(undecodable)}: the appendix rows cannot be read`);
  }
  for (const u of legacy.undecodable) warnings.push({ where: `sheet '${sheet}' cell ${u.cell}`, message: `text ${u.reason.replace(/^has text /, '')}: kept as typed` });

  const header = readDocumentHeader([...titleLines, ...footerLines], file.path);
  return {
    format: 'xlsx',
    kind: 'report',
    ...(header.title ? { title: header.title } : {}),
    commune: header.commune,
    ...(header.period ? { period: header.period } : {}),
    ...(header.window ? { window: header.window } : {}),
    figures,
    warnings,
  };
}

function details(codeText: string, stored: number | undefined): { details?: Record<string, unknown> } {
  const d: Record<string, unknown> = {};
  if (codeText && !isCode(codeText)) d.printedCode = codeText;
  if (stored !== undefined) d.storedValue = stored;
  return Object.keys(d).length ? { details: d } : {};
}

function rowText(ws: ExcelJS.Worksheet, r: number): string {
  const parts: string[] = [];
  const seen = new Set<string>();
  ws.getRow(r).eachCell({ includeEmpty: false }, (cell) => {
    const master = cell.master?.address ?? cell.address;
    if (seen.has(master)) return;
    seen.add(master);
    const t = readCell(cell).text;
    if (t) parts.push(t);
  });
  return parts.join('\t');
}

function cellAddress(col: number | undefined, row: number): string {
  let n = col ?? 1;
  let letters = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    letters = String.fromCharCode(65 + m) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return `${letters}${row}`;
}

function oneLine(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).split('\n')[0]!.slice(0, 200);
}


