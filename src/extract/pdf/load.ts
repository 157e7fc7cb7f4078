import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { getDocument } from './pdfjs.js';
import { RejectedInput, isOutOfMemory, tooLargeToRead } from '../errors.js';

/** Where a whole PDF ends; a file cut short (an interrupted upload) lacks it. */
const EOF_MARKER = '%%EOF';
/** Writers may append a few bytes (line ends, padding) after the last %%EOF. */
const EOF_SEARCH_BYTES = 2048;

/*
 * Why two readers. Most reports (LibreOffice, Word through LibreOffice, Chromium) are the plain
 * case: a classic cross-reference table, Flate streams, TrueType or Identity-H fonts with a Unicode
 * map. Their text is read straight from the bytes by `text-layer/` (opened by `openPages` in
 * `pdf-pages.ts`), a port of pdf.js's getTextContent that gives the same runs to the last bit; it
 * exists for speed: pdf.js's document load, font programs (parsed and repaired even for text) and
 * worker messaging cost over three times what reading the text costs, more than `pdftotext -layout`
 * takes for the whole file. pdf.js stays the reader of every other file (object streams, other
 * filters, encryption, Type1/Type3/CFF fonts, inline images…), makes the rejections (encrypted,
 * corrupt, too many pages), and is the reference the direct reader is tested against on every
 * fixture (`test/extract/pdf/text-layer/`).
 *
 * Why pdf.js directly and not pdf-parse (v2.4, in package.json): pdf-parse's `PDFParse` is a thin
 * class over the same `pdfjs-dist/legacy` build (5.4.296) and adds nothing on the way in, so it
 * would cost no speed, but it cannot give what the extractor reads:
 *  - its document (`doc`) and `load()` are private; `getText()` returns each page as one string
 *    joined by its own line and cell thresholds, without the runs' positions, widths or fonts that
 *    the table rebuild, the column bands and the TCVN3/VNI font check need;
 *  - `getTable()` runs `getOperatorList()` on every page (the cost `content-rulings.ts` avoids) and
 *    keeps only stroked paths, each as its bounding box wider or taller than 5 pt: Chromium's filled
 *    borders, a table drawn as one path, and one short segment per cell edge are lost;
 *  - it sets `globalThis.pdfjs` and, for images and screenshots, loads @napi-rs/canvas.
 * Reaching its private members would tie us to its internals for no gain.
 */

/**
 * Opens a PDF with pdf.js, turning its failures into one-line `RejectedInput` reasons.
 * pdf.js repairs truncated files silently (it rebuilds the cross-reference table from what is left),
 * which would load half a report as if it were whole: a missing end-of-file marker is refused first
 * (`assertWhole`).
 */
export async function openPdf(bytes: Buffer, maxPages: number): Promise<PDFDocumentProxy> {
  assertWhole(bytes);
  let doc: PDFDocumentProxy;
  try {
    // pdf.js takes ownership of (detaches) the buffer it is given: hand it a copy.
    doc = await getDocument({ data: new Uint8Array(bytes), verbosity: 0, isEvalSupported: false }).promise;
  } catch (err) {
    throw loadError(err);
  }
  if (doc.numPages > maxPages) {
    await doc.destroy();
    throw new RejectedInput('too_many_pages', `too many pages: ${doc.numPages} (limit ${maxPages})`);
  }
  return doc;
}

/** Refuses a file cut short: the direct text layer would read its surviving pages as pdf.js would. */
export function assertWhole(bytes: Buffer): void {
  const tail = bytes.subarray(Math.max(0, bytes.length - EOF_SEARCH_BYTES)).toString('latin1');
  if (!tail.includes(EOF_MARKER)) throw new RejectedInput('corrupt_pdf', 'corrupt PDF: truncated (no %%EOF end marker)');
}

function loadError(err: unknown): RejectedInput {
  if (isOutOfMemory(err)) return tooLargeToRead(err);
  const name = err instanceof Error ? err.name : '';
  const message = err instanceof Error ? err.message : String(err);
  if (name === 'PasswordException') return new RejectedInput('encrypted_pdf', 'encrypted PDF: a password is needed to open it');
  return new RejectedInput('corrupt_pdf', `corrupt PDF: ${oneLine(message) || name || 'unreadable'}`);
}

export function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}
