import type { ExtractedDocument, SourceFile } from '../model/index.js';
import { detectContainer } from './detect.js';
import { NotThisKind, RejectedInput } from './errors.js';
import type { ExtractContext } from './extractor.js';

export { detectContainer, type Container } from './detect.js';
export { extractTextStream as extractLargeText };
export { NotThisKind, RejectedInput } from './errors.js';
export type { ExtractConfig, ExtractContext, Extractor } from './extractor.js';
export { DOSSIER_COLUMNS, DossierBatch, type DossierColumn, type DossierSink, TooManyDossiers, collectDossiers, dossierRow } from './onestop/dossier-batch.js';

/**
 * Reads a large text export (one-stop dossier list) from disk as a stream, so that memory stays
 * flat however long the file: the whole-file path would hold every byte at once.
 */
export async function extractTextStream(path: string, ctx: ExtractContext): Promise<ExtractedDocument> {
  const { createReadStream } = await import('node:fs');
  const { extractTextExport } = await import('./onestop/index.js');
  try {
    return await extractTextExport(createReadStream(path, { highWaterMark: 256 * 1024 }), { path }, ctx);
  } catch (err) {
    if (err instanceof NotThisKind) throw new RejectedInput(`text file is not a one-stop export: ${err.message}`);
    throw err;
  }
}

/**
 * Picks the extractor from the bytes and runs it. Parsers are imported on first use so that a command
 * that reads no PDF never pays for loading pdf.js.
 */
export async function extractFile(file: SourceFile, ctx: ExtractContext): Promise<ExtractedDocument> {
  if (file.bytes.length > ctx.config.maxBytes) {
    throw new RejectedInput(`file too large: ${file.bytes.length} bytes (limit ${ctx.config.maxBytes})`);
  }
  const container = detectContainer(file.bytes);
  switch (container) {
    case 'empty':
      throw new RejectedInput('empty file (0 bytes)');
    case 'binary':
      throw new RejectedInput('not a spreadsheet, PDF or text export: binary content of unknown format');
    case 'xls':
      throw new RejectedInput('legacy .xls (BIFF) workbook: convert it to .xlsx first (soffice --headless --convert-to xlsx)');
    case 'pdf': {
      const { pdfExtractor } = await import('./pdf/index.js');
      return pdfExtractor.extract(file, ctx);
    }
    case 'xlsx': {
      const { appendixXlsxExtractor } = await import('./xlsx/index.js');
      try {
        return await appendixXlsxExtractor.extract(file, ctx);
      } catch (err) {
        if (!(err instanceof NotThisKind)) throw err;
        const { onestopXlsxExtractor } = await import('./onestop/index.js');
        try {
          return await onestopXlsxExtractor.extract(file, ctx);
        } catch (err2) {
          if (err2 instanceof NotThisKind) {
            throw new RejectedInput(`workbook holds neither a CCHC appendix table nor a one-stop export: ${err.message}; ${err2.message}`);
          }
          throw err2;
        }
      }
    }
    case 'text': {
      const { onestopTextExtractor } = await import('./onestop/index.js');
      try {
        return await onestopTextExtractor.extract(file, ctx);
      } catch (err) {
        if (err instanceof NotThisKind) throw new RejectedInput(`text file is not a one-stop export: ${err.message}`);
        throw err;
      }
    }
  }
}
