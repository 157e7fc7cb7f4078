import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { clean } from '../../text/index.js';
import { pdfItemTexts, pdfRunFonts } from '../../text/legacy/index.js';
import { rejoinMarks } from './marks.js';

/** A run of text as pdf.js places it on a page: PDF user space, origin bottom-left, y grows upwards. */
export interface TextItem {
  readonly page: number;
  /** Left edge of the run. */
  readonly x: number;
  /** Baseline. */
  readonly y: number;
  readonly width: number;
  /** Font size, the height of a line of this run. */
  readonly height: number;
  /** Cleaned text (NFC, no controls or invisible characters, single spaces). */
  readonly text: string;
}

/** A run of pdf.js's `getTextContent().items` (or of the direct text layer, which gives the same). */
export interface RawItem {
  readonly str?: string;
  readonly fontName?: string | null;
  readonly transform?: readonly number[];
  readonly width?: number;
  readonly height?: number;
}

/** The page's text runs, cleaned, blank runs dropped, in reading order (top to bottom, then left to right). */
export async function readPageItems(doc: PDFDocumentProxy, page: number): Promise<TextItem[]> {
  const p = await doc.getPage(page);
  const items = await pageItemsOf(p);
  p.cleanup();
  return items;
}

/**
 * One open page's runs, as `readPageItems` gives them, TCVN3/VNI runs decoded by their fonts. The
 * page is not cleaned up: a caller reading its rulings next reuses the operator list that the font
 * lookup of a legacy page has already loaded.
 */
export async function pageItemsOf(page: PDFPageProxy): Promise<TextItem[]> {
  const raw = (await page.getTextContent()).items as RawItem[];
  const fonts = await pdfRunFonts(page, raw); // TCVN3/VNI pages only
  return textItemsOf(page.pageNumber, raw, fonts);
}

/** pdf.js text-content items (`str`, `transform`, `width`, `height`) as cleaned runs in reading order. */
export function textItemsOf(page: number, rawItems: readonly RawItem[], fonts: readonly (string | undefined)[] = []): TextItem[] {
  const items: TextItem[] = [];
  const strs = pdfItemTexts(rawItems, fonts); // TCVN3/VNI runs without a ToUnicode map
  for (const [i, raw] of rawItems.entries()) {
    if (typeof raw.str !== 'string' || !raw.transform) continue;
    const text = clean(rejoinMarks(strs[i]!));
    if (!text) continue;
    const [a = 0, b = 0, , , x = 0, y = 0] = raw.transform;
    items.push({ page, x, y, width: raw.width ?? 0, height: raw.height || Math.hypot(a, b) || 1, text });
  }
  return joinFragments(sortReadingOrder(items));
}

/** Runs closer than this many font sizes are pieces of one word: a space is wider (about a quarter). */
const WORD_GAP = 0.12;

/**
 * Glues runs that touch on one line into one run. Some producers cut words into several runs: a
 * browser printing decomposed (NFD) text places each letter with its combining marks apart
 * ("Ph" "ụ" "l" "ụ" "c"), a font fallback starts a run at each borrowed glyph. Joined by a space
 * they would read "Ph ụ"; touching, they are one word. Runs of cells are set apart by padding.
 */
function joinFragments(items: readonly TextItem[]): TextItem[] {
  const out: TextItem[] = [];
  for (const item of items) {
    const last = out.at(-1);
    const gap = last ? item.x - (last.x + last.width) : Infinity;
    if (
      last &&
      Math.abs(last.y - item.y) <= Math.max(0.5, item.height / 10) &&
      Math.abs(last.height - item.height) <= item.height / 10 &&
      gap > -WORD_GAP * item.height &&
      gap < WORD_GAP * item.height
    ) {
      out[out.length - 1] = { ...last, width: item.x + item.width - last.x, text: clean(last.text + item.text) };
    } else out.push(item);
  }
  return out;
}

/**
 * Sorts by line, then by x. A font lacking a glyph makes some writers emit runs out of order, so
 * the order in the content stream is not trusted; runs whose baselines differ by less than a third
 * of their height are on the same line.
 */
export function sortReadingOrder(items: readonly TextItem[]): TextItem[] {
  const byY = [...items].sort((p, q) => q.y - p.y || p.x - q.x);
  return groupLines(byY).flatMap((line) => line);
}

/** Consecutive runs (sorted by descending y) grouped into lines; each line sorted by x. */
export function groupLines(sortedByY: readonly TextItem[]): TextItem[][] {
  const lines: TextItem[][] = [];
  let current: TextItem[] = [];
  let lineY = Number.NaN;
  for (const item of sortedByY) {
    if (current.length && Math.abs(lineY - item.y) > Math.max(1, item.height / 3)) {
      lines.push(current);
      current = [];
    }
    if (!current.length) lineY = item.y;
    current.push(item);
  }
  if (current.length) lines.push(current);
  return lines.map((l) => l.sort((p, q) => p.x - q.x));
}

/** The page as text lines, runs on a line joined by one space: what the header reader and narrative patterns read. */
export function pageLines(items: readonly TextItem[]): string[] {
  return groupLines(items).map((line) => clean(line.map((i) => i.text).join(' ')));
}
