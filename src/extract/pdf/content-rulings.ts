import type { PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PdfObjects } from './pdf-objects.js';
import { OPS } from './pdfjs.js';
import { type Matrix, PATH, RulingPen, type Rulings, rulingsOf } from './rulings.js';
import { CLASS } from './text-layer/pdf-syntax.js';

/**
 * A table page's rulings: from its content stream read directly when it is the plain case (see
 * `PdfObjects`), else from pdf.js's operator list (the same rulings, at several times the cost).
 */
export async function pageRulings(page: PDFPageProxy, objects: PdfObjects): Promise<Rulings> {
  const content = page.ref ? objects.pageContent(page.ref) : undefined;
  return (content !== undefined ? contentRulings(content) : undefined) ?? rulingsOf(await page.getOperatorList());
}

/** Path-painting operators of a content stream, as pdf.js names them. */
const PAINT: Readonly<Record<string, number>> = {
  S: OPS.stroke,
  s: OPS.closeStroke,
  f: OPS.fill,
  F: OPS.fill,
  'f*': OPS.eoFill,
  B: OPS.fillStroke,
  'B*': OPS.eoFillStroke,
  b: OPS.closeFillStroke,
  'b*': OPS.closeEOFillStroke,
  n: OPS.endPath,
};
const CLOSING = new Set(['s', 'b', 'b*']);
/** Operators this reader cannot follow: a form or image drawn by name, an inline image's binary data. */
const OPAQUE = new Set(['Do', 'BI', 'ID']);

const regular = (c: number) => CLASS[c & 0xff] === 0;

/**
 * The rulings of a page from its content stream (`PdfObjects.pageContent`), as `rulingsOf` finds
 * them in pdf.js's operator list: the same paths, transformations and paint operators, fed to the
 * same `RulingPen`. Undefined when the page draws something by name (`Do`: a form may hold the
 * table's lines) or holds an inline image: the caller then asks pdf.js.
 */
export function contentRulings(content: string): Rulings | undefined {
  const pen = new RulingPen();
  const path: number[] = [];
  const nums: number[] = [];
  let [cx, cy] = [0, 0];
  const n = content.length;
  let i = 0;
  while (i < n) {
    const c = content.charCodeAt(i);
    if (CLASS[c & 0xff] === 1) {
      i++;
    } else if (c === 0x25 /* % */) {
      while (i < n && content.charCodeAt(i) !== 0x0a && content.charCodeAt(i) !== 0x0d) i++;
    } else if (c === 0x28 /* ( */) {
      i = skipString(content, i);
      nums.length = 0;
    } else if (c === 0x3c /* < */ || c === 0x3e /* > */ || c === 0x5b || c === 0x5d || c === 0x7b || c === 0x7d) {
      // Hex strings, dictionaries (marked-content properties), arrays (TJ): none is a path operand.
      if (c === 0x3c && content.charCodeAt(i + 1) !== 0x3c) i = content.indexOf('>', i) + 1 || n;
      else i++;
      nums.length = 0;
    } else if (c === 0x2f /* / */) {
      i++;
      while (i < n && regular(content.charCodeAt(i))) i++;
      nums.length = 0;
    } else {
      const start = i;
      while (i < n && regular(content.charCodeAt(i))) i++;
      // Most words are numbers (text positions, path coordinates): told by their first character.
      if ((c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x2b || c === 0x2e) {
        const num = Number(content.slice(start, i));
        if (!Number.isNaN(num)) nums.push(num);
        continue;
      }
      const word = content.slice(start, i);
      if (!PATH_WORDS.has(word)) {
        nums.length = 0;
        continue; // text, colour and state operators
      }
      const a = nums.slice(-6);
      nums.length = 0;
      switch (word) {
        case 'q':
          pen.save();
          break;
        case 'Q':
          pen.restore();
          break;
        case 'cm':
          if (a.length === 6) pen.transform(a as Matrix);
          break;
        case 'm':
          [cx, cy] = [a.at(-2) ?? 0, a.at(-1) ?? 0];
          path.push(PATH.move, cx, cy);
          break;
        case 'l':
          [cx, cy] = [a.at(-2) ?? 0, a.at(-1) ?? 0];
          path.push(PATH.line, cx, cy);
          break;
        case 'c':
          if (a.length < 6) break;
          path.push(PATH.curve, ...a);
          [cx, cy] = [a[4]!, a[5]!];
          break;
        case 'v': {
          const b = a.slice(-4);
          if (b.length < 4) break;
          path.push(PATH.curve, cx, cy, ...b);
          [cx, cy] = [b[2]!, b[3]!];
          break;
        }
        case 'y': {
          const b = a.slice(-4);
          if (b.length < 4) break;
          path.push(PATH.curve, b[0]!, b[1]!, b[2]!, b[3]!, b[2]!, b[3]!);
          [cx, cy] = [b[2]!, b[3]!];
          break;
        }
        case 'h':
          path.push(PATH.close);
          break;
        case 're': {
          const b = a.slice(-4);
          if (b.length < 4) break;
          const [x, y, w, h] = b as [number, number, number, number];
          [cx, cy] = [x, y];
          // As pdf.js builds it: a zero-width or zero-height box is one line.
          if (w === 0 || h === 0) path.push(PATH.move, x, y, PATH.line, x + w, y + h, PATH.close);
          else path.push(PATH.move, x, y, PATH.line, x + w, y, PATH.line, x + w, y + h, PATH.line, x, y + h, PATH.close);
          break;
        }
        default: {
          if (OPAQUE.has(word)) return undefined;
          const paint = PAINT[word];
          if (paint === undefined) break;
          if (CLOSING.has(word)) path.push(PATH.close);
          if (path.length) pen.paint(paint, path);
          path.length = 0;
        }
      }
    }
  }
  return pen.rulings();
}

/** The operators this reader acts on. */
const PATH_WORDS = new Set(['q', 'Q', 'cm', 'm', 'l', 'c', 'v', 'y', 'h', 're', ...OPAQUE, ...Object.keys(PAINT)]);

/** The index after a literal string starting at `i` (nested parentheses, backslash escapes). */
function skipString(s: string, i: number): number {
  let depth = 0;
  for (; i < s.length; i++) {
    const c = s[i];
    if (c === '\\') i++;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i + 1;
  }
  return s.length;
}
