import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { getDocument } from './pdfjs.js';
import { RejectedInput } from '../errors.js';

/** Where a whole PDF ends; a file cut short (an interrupted upload) lacks it. */
const EOF_MARKER = '%%EOF';
/** Writers may append a few bytes (line ends, padding) after the last %%EOF. */
const EOF_SEARCH_BYTES = 2048;

/**
 * Opens a PDF with pdf.js, turning its failures into one-line `RejectedInput` reasons.
 * pdf.js repairs truncated files silently (it rebuilds the cross-reference table from what is left),
 * which would load half a report as if it were whole: a missing end-of-file marker is refused first.
 */
export async function openPdf(bytes: Buffer, maxPages: number): Promise<PDFDocumentProxy> {
  const tail = bytes.subarray(Math.max(0, bytes.length - EOF_SEARCH_BYTES)).toString('latin1');
  if (!tail.includes(EOF_MARKER)) throw new RejectedInput('corrupt PDF: truncated (no %%EOF end marker)');
  let doc: PDFDocumentProxy;
  try {
    // pdf.js takes ownership of (detaches) the buffer it is given: hand it a copy.
    doc = await getDocument({ data: new Uint8Array(bytes), verbosity: 0, isEvalSupported: false }).promise;
  } catch (err) {
    throw loadError(err);
  }
  if (doc.numPages > maxPages) {
    await doc.destroy();
    throw new RejectedInput(`too many pages: ${doc.numPages} (limit ${maxPages})`);
  }
  return doc;
}

function loadError(err: unknown): RejectedInput {
  const name = err instanceof Error ? err.name : '';
  const message = err instanceof Error ? err.message : String(err);
  if (name === 'PasswordException') return new RejectedInput('encrypted PDF: a password is needed to open it');
  return new RejectedInput(`corrupt PDF: ${oneLine(message) || name || 'unreadable'}`);
}

export function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}
