import type { ExtractedDocument, SourceFile } from '../model/index.js';
import { detectContainer } from './detect.js';
import { NotThisKind, RejectedInput } from './errors.js';
import type { ExtractContext } from './extractor.js';

export { detectContainer, type Container } from './detect.js';
export { extractTextStream as extractLargeText };
export { NotThisKind, RejectedInput, isOutOfMemory, tooLargeToRead } from './errors.js';
export type { ExtractConfig, ExtractContext, Extractor } from './extractor.js';
export { DOSSIER_COLUMNS, DossierBatch, type DossierColumn, type DossierSink, TooManyDossiers, collectDossiers, dossierRow } from './onestop/dossier-batch.js';

/**
 * Reads a large text export (one-stop dossier list) from disk as a stream, in a worker thread, so that
 * memory stays flat however long the file: the whole-file path would hold every byte at once.
 */
export async function extractTextStream(path: string, ctx: ExtractContext): Promise<ExtractedDocument> {
  const { extractTextFile } = await import('./onestop/index.js');
  try {
    return await extractTextFile(path, { path }, ctx);
  } catch (err) {
    if (err instanceof NotThisKind) throw new RejectedInput('not_cchc_content', `text file is not a one-stop export: ${err.message}`);
    throw err;
  }
}

/**
 * Picks the extractor from the bytes and runs it. Parsers are imported on first use so that a command
 * that reads no PDF never pays for loading pdf.js.
 */
export async function extractFile(file: SourceFile, ctx: ExtractContext): Promise<ExtractedDocument> {
  if (file.bytes.length > ctx.config.maxBytes) {
    throw new RejectedInput('too_large', `file too large: ${file.bytes.length} bytes (limit ${ctx.config.maxBytes})`);
  }
  const container = detectContainer(file.bytes);
  switch (container) {
    case 'empty':
      throw new RejectedInput('empty_file', 'empty file (0 bytes)');
    case 'binary':
      throw new RejectedInput('unknown_format', 'not a spreadsheet, PDF or text export: binary content of unknown format');
    case 'xls':
      throw new RejectedInput('legacy_xls', 'legacy .xls (BIFF) workbook: convert it to .xlsx first (soffice --headless --convert-to xlsx)');
    case 'pdf': {
      const { pdfExtractor } = await import('./pdf/index.js');
      return pdfExtractor.extract(file, ctx);
    }
    case 'xlsx': {
      const { appendixXlsxExtractor, surveyWorkbook } = await import('./xlsx/index.js');
      const { extractWorkbook } = await import('./onestop/index.js');
      const { looksLikeOnestop } = await import('./workbook-kind.js');
      // A look at the zip's parts and the sheets' first rows first: a workbook too large to hold as
      // exceljs's document tree, or plainly a one-stop export, is streamed and never read whole; one
      // too large that is no dossier list is refused with its size.
      const survey = await surveyWorkbook(file.bytes);
      let streamed: NotThisKind | undefined;
      if (survey.tooLarge || (await looksLikeOnestop(survey.workbook))) {
        try {
          return await extractWorkbook(survey.workbook, file, ctx);
        } catch (err) {
          if (!(err instanceof NotThisKind)) throw err;
          if (survey.tooLarge) throw new RejectedInput('too_large', `${survey.tooLarge}; not a one-stop dossier list: ${err.message}`);
          streamed = err;
        }
      }
      try {
        return await appendixXlsxExtractor.extract(file, ctx);
      } catch (err) {
        if (!(err instanceof NotThisKind)) throw err;
        if (!streamed) {
          try {
            return await extractWorkbook(survey.workbook, file, ctx);
          } catch (err2) {
            if (!(err2 instanceof NotThisKind)) throw err2;
            streamed = err2;
          }
        }
        throw new RejectedInput('not_cchc_content', `workbook holds neither a CCHC appendix table nor a one-stop export: ${err.message}; ${streamed.message}`);
      }
    }
    case 'text': {
      const { onestopTextExtractor } = await import('./onestop/index.js');
      try {
        return await onestopTextExtractor.extract(file, ctx);
      } catch (err) {
        if (err instanceof NotThisKind) throw new RejectedInput('not_cchc_content', `text file is not a one-stop export: ${err.message}`);
        throw err;
      }
    }
  }
}
