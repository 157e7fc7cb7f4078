import type { ExtractedDocument, SourceFile } from '../../model/index.js';
import { NotThisKind } from '../errors.js';
import type { ExtractContext, Extractor } from '../extractor.js';
import { bufferChunks, readDelimited, type DelimitedInfo } from './delimited-rows.js';
import { DossierExportReader, extractDossierRows, type DossierExportStats } from './dossier-export.js';
import { HEADER_SEARCH_ROWS } from './header.js';
import type { RawRow } from './raw-row.js';
import { extractSummaryForm, looksLikeSummaryForm } from './summary-form.js';
import { xlsxRows } from './xlsx-rows.js';

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
export async function extractTextExport(
  chunks: AsyncIterable<Buffer>,
  file: Pick<SourceFile, 'path'>,
  ctx: ExtractContext,
  stats: Partial<DossierExportStats & DelimitedInfo> = {},
): Promise<ExtractedDocument> {
  const info: Partial<DelimitedInfo> = stats;
  // The format is known once reading starts (the delimiter is sniffed from the first bytes).
  const reader = new DossierExportReader(file, () => (info.delimiter === '\t' ? 'tsv' : 'csv'), ctx, stats);
  await readDelimited(chunks, (row) => reader.push(row), info);
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
  extract: async (file, ctx) => {
    const rows = peekable(xlsxRows(file.bytes));
    const reasons: string[] = [];
    for (;;) {
      const first = await rows.peek();
      if (!first) break;
      const sheet = first.sheet;
      const sheetRows = async function* (): AsyncGenerator<RawRow & { sheet: string }> {
        for (;;) {
          const r = await rows.peek();
          if (!r || r.sheet !== sheet) return;
          yield (await rows.next())!;
        }
      };
      const head: (RawRow & { sheet: string })[] = [];
      for await (const r of sheetRows()) {
        head.push(r);
        if (head.length >= HEADER_SEARCH_ROWS) break;
      }
      if (looksLikeSummaryForm(head)) {
        // A summary form is a few dozen rows: read the sheet whole.
        for await (const r of sheetRows()) head.push(r);
        return extractSummaryForm(head, file, ctx);
      }
      try {
        return await extractDossierRows(chain(head, sheetRows()), file, 'xlsx', ctx);
      } catch (err) {
        if (!(err instanceof NotThisKind)) throw err;
        reasons.push(`sheet "${sheet}": ${err.message}`);
        for await (const _ of sheetRows()) void _;
      }
    }
    throw new NotThisKind(reasons.join('; ') || 'no worksheet holds a dossier list or a Biểu 06 summary form');
  },
};

async function* chain<T>(head: readonly T[], rest: AsyncIterable<T>): AsyncGenerator<T> {
  yield* head;
  yield* rest;
}

function peekable<T>(source: AsyncIterable<T>): { peek(): Promise<T | undefined>; next(): Promise<T | undefined> } {
  const it = source[Symbol.asyncIterator]();
  let buffered: { value: T | undefined } | undefined;
  const pull = async () => {
    const n = await it.next();
    return { value: n.done ? undefined : n.value };
  };
  return {
    async peek() {
      buffered ??= await pull();
      return buffered.value;
    },
    async next() {
      const b = buffered ?? (await pull());
      buffered = undefined;
      return b.value;
    },
  };
}
export { recountDossiers, type RecountOptions, type StoredDossier } from './recount.js';
