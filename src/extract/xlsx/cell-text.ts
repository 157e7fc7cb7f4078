import ExcelJS from 'exceljs';
import { clean } from '../../text/index.js';
import { type LegacyReading, readLegacyText } from '../../text/legacy/index.js';

/** A cell as a person sees it: the displayed text, plus the number when one is stored. */
export interface CellReading {
  readonly text: string;
  /** The number as displayed: a fraction formatted `0.00%` comes back as 85.71 (rounded as shown). */
  readonly number?: number;
  /** The number as stored, when display rounding changed it (0.533333… shown as 53,33%). */
  readonly stored?: number;
  readonly bold: boolean;
  readonly italic: boolean;
  /** Set when the cell cannot be read as a value (a formula error such as #REF!). */
  readonly error?: string;
  /** Set when the text was typed in a TCVN3/VNI font and decoded (or could not be). */
  readonly legacy?: Pick<LegacyReading, 'decoded' | 'undecodable'>;
}

/** Reads a run of cell text in its font: TCVN3/VNI text decoded to Unicode, noting what was done. */
type TextReader = (text: string, font: string | undefined) => string;

/**
 * Reads a cell the way Excel displays it. exceljs never applies number formats: a 0.8571 formatted
 * `0.00%` reads as 0.8571, so percent formats are applied here (decimal comma, as vi-VN shows them).
 * Formulas yield their cached result; rich text is joined; merged non-master cells repeat the master.
 */
export function readCell(cell: ExcelJS.Cell): CellReading {
  const font = cell.font ?? {};
  const style = { bold: Boolean(font.bold), italic: Boolean(font.italic) };
  // Legacy text is decoded before `clean`: TCVN3 writes "ư" as 0xAD, which `clean` drops as a soft hyphen.
  let legacy: CellReading['legacy'];
  const read: TextReader = (text, runFont) => {
    const r = readLegacyText(text, runFont ?? font.name);
    if (r.undecodable) legacy = { undecodable: r.undecodable };
    else if (r.decoded && !legacy) legacy = { decoded: r.decoded };
    return r.text;
  };
  const reading = readValue(cell.value, cell.numFmt ?? '', read);
  return { ...reading, ...style, ...(legacy ? { legacy } : {}) };
}

function readValue(value: ExcelJS.CellValue, numFmt: string, read: TextReader): Omit<CellReading, 'bold' | 'italic'> {
  if (value === null || value === undefined) return { text: '' };
  if (typeof value === 'number') return formatNumber(value, numFmt);
  if (typeof value === 'string') return { text: clean(read(value, undefined)) };
  if (typeof value === 'boolean') return { text: value ? 'TRUE' : 'FALSE' };
  if (value instanceof Date) return { text: value.toISOString().slice(0, 10) };
  if (typeof value === 'object') {
    // Each run in its own font: a TCVN3 title may carry a Unicode run, and the reverse.
    if ('richText' in value) return { text: clean(value.richText.map((r) => read(r.text, r.font?.name)).join('')) };
    if ('error' in value) return { text: String(value.error), error: `cell holds the error ${String(value.error)}` };
    if ('formula' in value || 'sharedFormula' in value) {
      const result = (value as ExcelJS.CellFormulaValue).result;
      if (result === undefined || result === null) {
        return { text: '', error: `formula without a cached result (=${(value as ExcelJS.CellFormulaValue).formula ?? 'shared'}): recalculate and save the file in Excel or LibreOffice` };
      }
      if (typeof result === 'object' && result !== null && 'error' in result) {
        return { text: String(result.error), error: `formula result is the error ${String(result.error)}` };
      }
      return readValue(result as ExcelJS.CellValue, numFmt, read);
    }
    if ('text' in value) return { text: clean(read(String((value as { text: unknown }).text), undefined)) };
  }
  return { text: clean(String(value)) };
}

function formatNumber(v: number, numFmt: string): { text: string; number: number; stored?: number } {
  if (numFmt.includes('%')) {
    // The report prints what the format shows: that is the figure, the stored fraction is kept aside.
    const decimals = /0\.(0+)%/.exec(numFmt)?.[1]?.length ?? 0;
    const pct = Math.round(v * 100 * 10 ** decimals) / 10 ** decimals;
    const exact = Math.round(v * 100 * 1e10) / 1e10;
    return { text: `${pct.toFixed(decimals).replace('.', ',')}%`, number: pct, ...(exact !== pct ? { stored: v } : {}) };
  }
  return { text: String(v), number: v };
}
