import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { pdfRunFontsOf } from '../../text/legacy/index.js';
import { contentRulings, pageRulings } from './content-rulings.js';
import { assertWhole, openPdf } from './load.js';
import { PdfObjects } from './pdf-objects.js';
import { type Rulings, rulingsOf } from './rulings.js';
import { type DirectTextLayer, readTextLayer } from './text-layer/text-layer.js';
import { type RawItem, type TextItem, pageItemsOf, textItemsOf } from './text-items.js';

/** A PDF's pages as the extractor reads them: text runs of every page, rulings of the table's pages. */
export interface PdfPages {
  readonly numPages: number;
  /** Which reader gave the text: the direct one, or pdf.js (the file is not the plain case). */
  readonly reader: 'direct' | 'pdf.js';
  items(page: number): Promise<TextItem[]>;
  rulings(page: number): Promise<Rulings>;
  close(): Promise<void>;
}

/**
 * Opens a PDF for extraction: by the direct text layer (`text-layer/`) where the file is the plain
 * case, else by pdf.js. Both give the same runs; the direct reader costs a fraction of pdf.js's
 * document load and `getTextContent`, and needs pdf.js only for a table page whose rulings its
 * content stream does not hold (a form XObject, an inline image). The checks and rejections are
 * pdf.js's (truncated, encrypted, corrupt, too many pages): a file they concern is not plain.
 */
export async function openPages(bytes: Buffer, maxPages: number, reader: 'auto' | 'pdf.js' = 'auto'): Promise<PdfPages> {
  assertWhole(bytes);
  const direct = reader === 'auto' ? readTextLayer(bytes, maxPages) : undefined;
  if (direct) return new DirectPages(bytes, direct);
  return new PdfjsPages(await openPdf(bytes, maxPages), new PdfObjects(bytes));
}

class DirectPages implements PdfPages {
  readonly reader = 'direct';
  private doc: Promise<PDFDocumentProxy> | undefined;

  constructor(
    private readonly bytes: Buffer,
    private readonly layer: DirectTextLayer,
  ) {}

  get numPages(): number {
    return this.layer.pages.length;
  }

  async items(page: number): Promise<TextItem[]> {
    const raw: readonly RawItem[] = this.layer.pages[page - 1]!.items;
    return textItemsOf(page, raw, pdfRunFontsOf(raw, (id) => this.layer.fontName(id)));
  }

  async rulings(page: number): Promise<Rulings> {
    const read = contentRulings(this.layer.pages[page - 1]!.content);
    if (read) return read;
    this.doc ??= openPdf(this.bytes, Infinity);
    return rulingsOf(await (await (await this.doc).getPage(page)).getOperatorList());
  }

  async close(): Promise<void> {
    if (this.doc) await (await this.doc).destroy();
  }
}

class PdfjsPages implements PdfPages {
  readonly reader = 'pdf.js';

  constructor(
    private readonly doc: PDFDocumentProxy,
    private readonly objects: PdfObjects,
  ) {}

  get numPages(): number {
    return this.doc.numPages;
  }

  async items(page: number): Promise<TextItem[]> {
    return pageItemsOf(await this.doc.getPage(page));
  }

  async rulings(page: number): Promise<Rulings> {
    return pageRulings(await this.doc.getPage(page), this.objects);
  }

  close(): Promise<void> {
    return this.doc.destroy();
  }
}
