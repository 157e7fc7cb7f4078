import type { ExtractedDocument, ExtractedFigure, SourceFile } from '../../model/index.js';
import { readDocumentHeader } from '../../normalize/document-header.js';
import { RejectedInput, isOutOfMemory, tooLargeToRead } from '../errors.js';
import type { ExtractContext, Extractor } from '../extractor.js';
import { extractNarrative } from '../narrative/index.js';
import { type AppendixLocation, locateAppendix, readAppendixRows } from './appendix.js';
import { missingTableReason } from './missing-table.js';
import { openPages } from './pdf-pages.js';
import type { Rulings } from './rulings.js';
import { rowFigure } from './table-rows.js';
import { type TextItem, pageLines } from './text-items.js';

export { locateAppendix, readAppendixRows, type AppendixLocation } from './appendix.js';
export { rulingsOf, type Rulings } from './rulings.js';
export { rebuildRows, readTablePage, type RawRow } from './table-rebuild.js';
export { joinPages, rowFigure } from './table-rows.js';
export { readPageItems, type TextItem } from './text-items.js';

/** A report is about a dozen pages; a file far longer is a binder of many documents, not one report. */
export const DEFAULT_MAX_PAGES = 200;

/**
 * Reads a commune report exported to PDF: the appendix table (one figure per row, method `table`)
 * and the figures of the narrative before it (method `narrative`), with who reports and for when
 * from the title and closing lines.
 */
export const pdfExtractor: Extractor = {
  name: 'pdf-report',
  extract: (file: SourceFile, ctx: ExtractContext) => extractPdf(file, ctx),
};

export interface PdfOptions {
  /** Rows from the table's rulings (false: rebuilt from text positions only, for comparison). */
  readonly useGrid: boolean;
  /** 'pdf.js': read the text with pdf.js even where the direct reader could (to compare the two). */
  readonly textLayer?: 'auto' | 'pdf.js';
}

/**
 * One pass over the document (`openPages`: the direct text layer where the file is plain, else
 * pdf.js): every page's text, then the rulings of the table's pages only, read from their content
 * streams (pdf.js's operator list where the file or the page is not plain).
 */
export async function extractPdf(file: SourceFile, ctx: ExtractContext, options: PdfOptions = { useGrid: true }): Promise<ExtractedDocument> {
  const doc = await openPages(file.bytes, ctx.config.maxPages ?? DEFAULT_MAX_PAGES, options.textLayer ?? 'auto');
  const pages: TextItem[][] = [];
  const rulings = new Map<number, Rulings>();
  let location: AppendixLocation | undefined;
  try {
    for (let p = 1; p <= doc.numPages; p++) pages.push(await doc.items(p));
    location = locateAppendix(pages);
    if (location && options.useGrid) {
      for (const { page: n } of location.pages) rulings.set(n, await doc.rulings(n));
    }
  } catch (err) {
    if (isOutOfMemory(err)) throw tooLargeToRead(err);
    throw new RejectedInput('corrupt_pdf', `corrupt PDF: ${err instanceof Error ? err.message : String(err)}`);
  } finally {
    await doc.close();
  }

  const warnings: ExtractedDocument['warnings'] = [];
  const blank = pages.flatMap((items, i) => (items.length === 0 ? [i + 1] : []));
  if (blank.length === pages.length) {
    throw new RejectedInput('no_text_layer', `no text layer (scanned PDF?): ${pages.length} page(s) without any text; OCR it first`);
  }
  if (blank.length) warnings.push({ where: `pages ${blank.join(', ')}`, message: 'page without a text layer (scanned?) skipped' });

  const narrativePages = narrativeText(pages, location);
  const headingLines = location ? appendixHeading(pages, location) : [];

  let tableFigures: ExtractedFigure[] = [];
  if (location) {
    const { rows, rebuiltPages } = readAppendixRows(location, rulings);
    tableFigures = rows.map(rowFigure);
    if (tableFigures.length === 0) {
      throw new RejectedInput('no_appendix_rows', `appendix header found on page ${location.header.page} (columns ${location.header.columns.map((c) => c.role).join(', ')}) but no row below it could be read`);
    }
    if (options.useGrid && rebuiltPages.length) {
      warnings.push({ where: `pages ${rebuiltPages.join(', ')}`, message: 'appendix table has no rulings between its rows: rows rebuilt from text positions' });
    }
    for (const row of rows) {
      if (row.doubtful) warnings.push({ where: `page ${row.page}, row ${row.cells.code || row.cells.label.slice(0, 40)}`, message: `doubtful figure: ${row.doubtful.reason}; loaded as "${row.cells.value}"` });
    }
  } else {
    const reason = missingTableReason(pages);
    if (reason) throw new RejectedInput('no_appendix_table', reason);
    warnings.push({ where: file.path, message: 'no appendix table found' });
  }

  const header = readDocumentHeader([...narrativePages.flatMap((p) => p.text.split('\n')), ...headingLines], file.path);
  return {
    format: 'pdf',
    kind: 'report',
    ...(header.title ? { title: header.title } : {}),
    commune: header.commune,
    ...(header.period ? { period: header.period } : {}),
    ...(header.window ? { window: header.window } : {}),
    figures: [...tableFigures, ...extractNarrative(narrativePages)],
    warnings,
  };
}

/** The pages' text up to the appendix title: the narrative must not read the table as sentences. */
function narrativeText(pages: readonly TextItem[][], location: AppendixLocation | undefined): { page: number; text: string }[] {
  return pages.flatMap((items, i) => {
    const page = i + 1;
    if (location && page > location.cut.page) return [];
    const kept = location && page === location.cut.page ? items.filter((it) => it.y > location.cut.y + 0.5) : items;
    return kept.length ? [{ page, text: pageLines(kept).join('\n') }] : [];
  });
}

/** The lines between the appendix title and the table header ("Phụ lục II", "BIỂU THỐNG KÊ … NĂM 2024", "(Kèm theo …)"). */
function appendixHeading(pages: readonly TextItem[][], location: AppendixLocation): string[] {
  const { cut, header } = location;
  return pages.slice(cut.page - 1, header.page).flatMap((items) =>
    pageLines(
      items.filter(
        (it) => (it.page > cut.page || it.y <= cut.y + 0.5) && (it.page < header.page || it.y > header.top + header.lineHeight / 3),
      ),
    ),
  );
}
