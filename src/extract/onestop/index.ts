import type { ExtractedDocument, SourceFile } from '../../model/index.js';
import { NotThisKind, RejectedInput } from '../errors.js';
import type { WorkbookStream } from '../xlsx/workbook-stream.js';
import type { ExtractContext, Extractor } from '../extractor.js';
import { bufferChunks, readDelimited, type DelimitedInfo } from './delimited-rows.js';
import { DossierExportReader, extractDossierRows, type DossierExportStats } from './dossier-export.js';
import { readDelimitedFile } from './file-reader.js';
import { HEADER_SEARCH_ROWS } from './header.js';
import type { RawRow } from './raw-row.js';
import { extractSummaryForm, looksLikeSummaryForm } from './summary-form.js';
import { xlsxSheets } from './xlsx-rows.js';

export { detectEncoding, type DetectedEncoding, type TextEncoding } from './encoding.js';
export { parseDate, isoDay, dayOf, type ParsedDate } from './dates.js';
export { countingRules, type CountingRules } from './rules.js';
export { vocabulary } from './vocabulary.js';
export { columnCatalogue } from './columns.js';
export { sniffDelimiter } from './delimited-rows.js';
export { PII_KEY_ENV } from './personal.js';
export type { OnestopSettings } from './windows.js';
export type { DossierExportStats } from './dossier-export.js';

/**
 * Reads a CSV/TSV dossier export from a stream of byte chunks: the path a caller with a file on disk
 * takes to keep memory flat (the Extractor interface hands over the whole file as one Buffer).
 */
export function extractTextExport(
  chunks: AsyncIterable<Buffer>,
  file: Pick<SourceFile, 'path'>,
  ctx: ExtractContext,
  stats: Partial<DossierExportStats & DelimitedInfo> = {},
): Promise<ExtractedDocument> {
  return readExport((onRow, info) => readDelimited(chunks, onRow, info), file, ctx, stats);
}

/**
 * The same for an export on disk, read in a worker thread (file-reader.ts) while this thread reads
 * its dossiers: the path of a long export, whatever its length.
 */
export function extractTextFile(path: string, file: Pick<SourceFile, 'path'>, ctx: ExtractContext, stats: Partial<DossierExportStats & DelimitedInfo> = {}): Promise<ExtractedDocument> {
  return readExport((onRow, info) => readDelimitedFile(path, onRow, info), file, ctx, stats);
}

/** Reads an export's rows with `read` into the dossier reader. */
async function readExport(
  read: (onRow: (row: RawRow) => void, info: Partial<DelimitedInfo>) => Promise<void>,
  file: Pick<SourceFile, 'path'>,
  ctx: ExtractContext,
  stats: Partial<DossierExportStats & DelimitedInfo>,
): Promise<ExtractedDocument> {
  const info: Partial<DelimitedInfo> = stats;
  // The format is known once reading starts (the delimiter is sniffed from the first bytes).
  const reader = new DossierExportReader(file, () => (info.delimiter === '\t' ? 'tsv' : 'csv'), ctx, stats);
  await read((row) => reader.push(row), info);
  return reader.finish();
}

/** CSV and TSV dossier exports in UTF-8, UTF-16 or Windows-1258. */
export const onestopTextExtractor: Extractor = {
  name: 'onestop-text',
  extract: (file, ctx) => extractTextExport(bufferChunks(file.bytes), file, ctx),
};

/** XLSX dossier lists (the first sheet whose first rows hold a dossier header) and Biểu 06 summary forms. */
export const onestopXlsxExtractor: Extractor = {
  name: 'onestop-xlsx',
  extract: (file, ctx) => extractWorkbook(file.bytes, file, ctx),
};

/**
 * The same from a workbook already opened as a stream (the caller looked at its parts first). A
 * sheet whose first rows hold no dossier header is left unread past them, however large it is.
 */
export async function extractWorkbook(source: Buffer | WorkbookStream, file: Pick<SourceFile, 'path'>, ctx: ExtractContext): Promise<ExtractedDocument> {
  const reasons: string[] = [];
  for (const sheet of await xlsxSheets(source)) {
    const rows = sheet.rows();
    const head: RawRow[] = [];
    for (let r = await rows.next(); !r.done; r = await rows.next()) {
      head.push(r.value);
      if (head.length >= HEADER_SEARCH_ROWS) break;
    }
    if (looksLikeSummaryForm(head)) {
      // A summary form is a few dozen rows: read the sheet whole, up to a bound.
      for await (const r of rows) {
        head.push(r);
        if (head.length > SUMMARY_FORM_MAX_ROWS) throw new RejectedInput('too_large', `sheet "${sheet.name}" looks like a Biểu 06 summary form but has more than ${SUMMARY_FORM_MAX_ROWS} rows`);
      }
      return extractSummaryForm(head, file, ctx);
    }
    try {
      return await extractDossierRows(chain(head, rows), file, 'xlsx', ctx);
    } catch (err) {
      if (!(err instanceof NotThisKind)) throw err;
      reasons.push(`sheet "${sheet.name}": ${err.message}`);
      await rows.return(undefined);
    }
  }
  throw new NotThisKind(reasons.join('; ') || 'no worksheet holds a dossier list or a Biểu 06 summary form');
}

/** A Biểu 06 form has a row per field of procedures (a few dozen); more is not that form. */
const SUMMARY_FORM_MAX_ROWS = 10_000;

async function* chain<T>(head: readonly T[], rest: AsyncIterator<T>): AsyncGenerator<T> {
  yield* head;
  for (let r = await rest.next(); !r.done; r = await rest.next()) yield r.value;
}
export { recountDossiers, type RecountOptions, type StoredDossier } from './recount.js';
