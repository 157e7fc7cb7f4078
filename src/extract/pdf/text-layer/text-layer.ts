import { PdfObjects } from '../pdf-objects.js';
import { FontLoader, UnsupportedFont } from './fonts.js';
import { PdfName, PdfRef, PdfSyntaxError, type PdfDict, type PdfValue } from './pdf-syntax.js';
import { UnknownGlyphName } from './simple-font-unicode.js';
import { type TextContentItem, UnsupportedContent, readTextContent } from './text-content.js';
import { UnsupportedCMap } from './to-unicode.js';

/** One page as the direct reader read it. */
export interface DirectPage {
  /** pdf.js's `getTextContent().items` for the page. */
  readonly items: readonly TextContentItem[];
  /** The decoded content stream, for the rulings of table pages (`contentRulings`). */
  readonly content: string;
}

export interface DirectTextLayer {
  readonly pages: readonly DirectPage[];
  /** A run's font name (pdf.js's `font.name`, subset prefix included) by its `fontName` id. */
  fontName(id: string): string | undefined;
}

/**
 * Every page's text runs read straight from the file, as pdf.js's `getTextContent` would give
 * them, without opening the file with pdf.js (whose document load, font programs and worker
 * messaging cost more than the text itself). Only the plain case (see `PdfObjects`: classic
 * cross-reference table, objects as "N G obj", Flate or no filter, no encryption) with the fonts
 * and operators `FontLoader` and `readTextContent` follow; for anything else, and for a document
 * longer than `maxPages` (pdf.js's rejection names the count), undefined: the caller reads the file
 * with pdf.js as before.
 */
export function readTextLayer(bytes: Uint8Array, maxPages: number): DirectTextLayer | undefined {
  const objects = new PdfObjects(bytes);
  if (!objects.readable) return undefined;
  try {
    const leaves = pageTree(objects, maxPages);
    if (!leaves) return undefined;
    const fonts = new FontLoader(objects);
    const names = new Map<string, string>();
    const pages: DirectPage[] = [];
    for (const leaf of leaves) {
      const content = objects.pageContent(leaf.ref);
      if (content === undefined) return undefined;
      const items = readTextContent({ content, resources: leaf.resources, view: leaf.view }, objects, fonts);
      pages.push({ items, content });
    }
    for (const font of fonts.loaded()) if (!names.has(font.id)) names.set(font.id, font.name);
    return { pages, fontName: (id) => names.get(id) };
  } catch (err) {
    if (err instanceof UnsupportedFont || err instanceof UnsupportedContent || err instanceof UnsupportedCMap || err instanceof UnknownGlyphName || err instanceof PdfSyntaxError) return undefined;
    throw err;
  }
}

interface PageLeaf {
  readonly ref: PdfRef;
  readonly resources: PdfDict | undefined;
  readonly view: readonly [number, number, number, number];
}

/** The pages in order, with their inherited resources and boxes; undefined when not plain or over `maxPages`. */
function pageTree(objects: PdfObjects, maxPages: number): PageLeaf[] | undefined {
  const trailer = objects.trailer();
  const root = trailer && objects.resolve(trailer.get('Root'));
  if (!(root instanceof Map)) return undefined;
  const pagesRef = root.get('Pages');
  const top = objects.resolve(pagesRef);
  if (!(top instanceof Map)) return undefined;
  const count = objects.resolve(top.get('Count'));
  if (typeof count !== 'number' || !Number.isInteger(count) || count > maxPages || count < 1) return undefined;
  const leaves: PageLeaf[] = [];
  const seen = new Set<string>();
  const walk = (node: PdfDict, inherited: Inherited): boolean => {
    const here: Inherited = {
      resources: node.has('Resources') ? objects.resolve(node.get('Resources')) : inherited.resources,
      mediaBox: node.has('MediaBox') ? objects.resolve(node.get('MediaBox')) : inherited.mediaBox,
      cropBox: node.has('CropBox') ? objects.resolve(node.get('CropBox')) : inherited.cropBox,
    };
    const kids = objects.resolve(node.get('Kids'));
    if (!Array.isArray(kids)) return false;
    for (const kid of kids) {
      if (!(kid instanceof PdfRef) || seen.has(kid.key)) return false;
      seen.add(kid.key);
      const dict = objects.value(kid);
      if (!(dict instanceof Map)) return false;
      const type = dict.get('Type');
      if (type instanceof PdfName && type.name === 'Pages') {
        if (!walk(dict, here)) return false;
        continue;
      }
      if (!(type instanceof PdfName) || type.name !== 'Page') return false;
      const resources = dict.has('Resources') ? objects.resolve(dict.get('Resources')) : here.resources;
      const view = pageView(
        dict.has('MediaBox') ? objects.resolve(dict.get('MediaBox')) : here.mediaBox,
        dict.has('CropBox') ? objects.resolve(dict.get('CropBox')) : here.cropBox,
      );
      if (!view || (resources !== undefined && !(resources instanceof Map))) return false;
      leaves.push({ ref: kid, resources, view });
    }
    return true;
  };
  if (!walk(top, {})) return undefined;
  return leaves.length === count ? leaves : undefined;
}

interface Inherited {
  readonly resources?: PdfValue | undefined;
  readonly mediaBox?: PdfValue | undefined;
  readonly cropBox?: PdfValue | undefined;
}

type Rect = [number, number, number, number];

/** pdf.js's `page.view`: the crop box within the media box (a missing or empty media box: not read here). */
function pageView(media: PdfValue | undefined, crop: PdfValue | undefined): Rect | undefined {
  const mediaBox = box(media);
  if (!mediaBox) return undefined;
  const cropBox = box(crop) ?? mediaBox;
  if (cropBox === mediaBox || cropBox.every((v, i) => v === mediaBox[i])) return mediaBox;
  const xLow = Math.max(Math.min(cropBox[0], cropBox[2]), Math.min(mediaBox[0], mediaBox[2]));
  const xHigh = Math.min(Math.max(cropBox[0], cropBox[2]), Math.max(mediaBox[0], mediaBox[2]));
  const yLow = Math.max(Math.min(cropBox[1], cropBox[3]), Math.min(mediaBox[1], mediaBox[3]));
  const yHigh = Math.min(Math.max(cropBox[1], cropBox[3]), Math.max(mediaBox[1], mediaBox[3]));
  if (xLow > xHigh || yLow > yHigh) return mediaBox;
  return xHigh - xLow > 0 && yHigh - yLow > 0 ? [xLow, yLow, xHigh, yHigh] : mediaBox;
}

/** pdf.js's `_getBoundingBox`: four numbers, normalised, of positive width and height. */
function box(v: PdfValue | undefined): Rect | undefined {
  if (!Array.isArray(v) || v.length !== 4 || !v.every((n) => typeof n === 'number')) return undefined;
  const [a, b, c, d] = v as Rect;
  const r: Rect = [Math.min(a, c), Math.min(b, d), Math.max(a, c), Math.max(b, d)];
  return r[2] - r[0] > 0 && r[3] - r[1] > 0 ? r : undefined;
}
