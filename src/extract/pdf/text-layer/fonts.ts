import type { PdfObjects } from '../pdf-objects.js';
import { type Encoding, MacRoman, Standard, WinAnsi } from './glyph-names.js';
import { PdfName, PdfRef, type PdfDict, type PdfValue } from './pdf-syntax.js';
import { simpleFontToUnicode } from './simple-font-unicode.js';
import { readToUnicode } from './to-unicode.js';

/** Thrown for a font this reader does not read as pdf.js would: the caller gives the file to pdf.js. */
export class UnsupportedFont extends Error {}

/** What pdf.js's text layer asks of a character: pdf.js's `getCharUnicodeCategory`. */
export interface GlyphCategory {
  readonly isWhitespace: boolean;
  readonly isZeroWidthDiacritic: boolean;
  readonly isInvisibleFormatMark: boolean;
}

export interface TextGlyph {
  /** The character code as shown (pdf.js's `originalCharCode`). */
  readonly code: number;
  readonly unicode: string;
  /** Advance in glyph space (thousandths of the font size). */
  readonly width: number;
  readonly category: GlyphCategory;
}

/**
 * A font as pdf.js's text layer uses it: its name (as pdf.js's `font.name`), an id that is the same
 * for the same font (pdf.js's `loadedName`), and the glyphs of a shown string.
 */
export interface TextFont {
  readonly id: string;
  readonly name: string;
  /** How many glyphs `chars` (a shown string's bytes) holds, and the i-th of them. */
  glyphCount(chars: string): number;
  glyphAt(chars: string, i: number): TextGlyph;
}

const SPECIAL_CHAR = /^(\s)|(\p{Mn})|(\p{Cf})$/u;
const categories = new Map<string, GlyphCategory>();
function categoryOf(unicode: string): GlyphCategory {
  let c = categories.get(unicode);
  if (!c) {
    const g = unicode.match(SPECIAL_CHAR);
    c = { isWhitespace: !!g?.[1], isZeroWidthDiacritic: !!g?.[2], isInvisibleFormatMark: !!g?.[3] };
    categories.set(unicode, c);
  }
  return c;
}

/** FontDescriptor /Flags bits pdf.js reads. */
const SYMBOLIC = 4;
const NONSYMBOLIC = 32;

/**
 * Font names pdf.js would replace by a standard or substituted font when the file does not embed
 * the font (its widths, encoding or Unicode could then differ): such a font is left to pdf.js. The
 * legacy Vietnamese fonts (.VnTime, VNI-Times…) are none of these.
 */
const STANDARD_LIKE = /^(arial|helvetica|times|courier|symbol|zapf|dingbats|wingdings|webdings|calibri|cambria|georgia|verdana|tahoma|trebuchet|lucida|bookman|garamond|century|palatino|franklin|segoe|gill|impact|comic|liberation|nimbus|dejavu|ms|mt|monotype)|symbol|dingbats|wingdings/i;

class LoadedFont implements TextFont {
  /** Glyphs by code (a dense array: codes are bytes, or CIDs of a subset). */
  private readonly cache: (TextGlyph | undefined)[] = [];

  constructor(
    readonly id: string,
    readonly name: string,
    private readonly composite: boolean,
    private readonly widths: ReadonlyMap<number, number>,
    private readonly defaultWidth: number,
    private readonly toUnicode: ReadonlyMap<number, string>,
  ) {}

  // Identity-H: two bytes a code; a lone last byte reads as its value × 256 (pdf.js's readCharCode).
  glyphCount(chars: string): number {
    return this.composite ? (chars.length + 1) >> 1 : chars.length;
  }

  glyphAt(chars: string, i: number): TextGlyph {
    const code = this.composite ? ((chars.charCodeAt(2 * i) << 8) | (chars.charCodeAt(2 * i + 1) || 0)) >>> 0 : chars.charCodeAt(i);
    return this.cache[code] ?? this.glyph(code);
  }

  /** pdf.js's `_charToGlyph` for an embedded TrueType font (or a non-embedded one it does not substitute). */
  private glyph(code: number): TextGlyph {
    const width = this.widths.get(code) ?? this.defaultWidth;
    const unicode = this.toUnicode.get(code) || String.fromCharCode(code);
    const g: TextGlyph = { code, unicode, width, category: categoryOf(unicode) };
    this.cache[code] = g;
    return g;
  }
}

/**
 * Loads the fonts of a document's pages as pdf.js would see them, for the cases this reader
 * covers: simple TrueType fonts (embedded, or not embedded under a non-standard name) and Type0
 * fonts with the Identity-H encoding over an embedded CIDFontType2, with /ToUnicode (or, for a
 * simple font, an encoding: WinAnsi, MacRoman, Standard, with /Differences). Anything else (Type1,
 * Type3, CFF, vertical writing, other CMaps…) throws `UnsupportedFont`.
 */
export class FontLoader {
  private readonly byRef = new Map<string, TextFont>();
  /** pdf.js gives one id to fonts that share a descriptor and the same encoding, widths and map. */
  private readonly aliases = new Map<string, string>();
  private direct = 0;

  constructor(private readonly objects: PdfObjects) {}

  /** The fonts loaded so far, in the order they were first used. */
  loaded(): readonly TextFont[] {
    return [...this.byRef.values()];
  }

  load(entry: PdfValue | undefined): TextFont {
    const key = entry instanceof PdfRef ? entry.key : undefined;
    const cached = key ? this.byRef.get(key) : undefined;
    if (cached) return cached;
    const dict = this.dict(entry);
    if (!dict) throw new UnsupportedFont('font is not a dictionary');
    const font = this.read(dict, key ?? `direct ${this.direct++}`);
    this.byRef.set(key ?? font.id, font);
    return font;
  }

  private read(baseDict: PdfDict, ownId: string): TextFont {
    const subtype = this.name(baseDict.get('Subtype'));
    if (subtype === 'Type0') return this.readType0(baseDict, ownId);
    if (subtype !== 'TrueType') throw new UnsupportedFont(`font subtype ${subtype}`);
    return this.readSimple(baseDict, ownId);
  }

  private readSimple(dict: PdfDict, ownId: string): TextFont {
    if (dict.has('FontMatrix')) throw new UnsupportedFont('font matrix');
    const descriptorRef = dict.get('FontDescriptor');
    const descriptor = this.dict(descriptorRef);
    if (!descriptor) throw new UnsupportedFont('no font descriptor');
    const embedded = this.embedded(descriptor);
    const name = this.fontName(descriptor, dict);
    if (!embedded && STANDARD_LIKE.test(name)) throw new UnsupportedFont(`non-embedded ${name}`);
    const firstChar = this.int(dict.get('FirstChar')) ?? 0;
    const lastChar = this.int(dict.get('LastChar')) ?? 0xff;
    const flags = this.int(descriptor.get('Flags')) ?? 0;

    // Encoding (pdf.js's extractDataStructures).
    const differences = new Map<number, string>();
    let baseEncodingName: string | undefined;
    const enc = this.objects.resolve(dict.get('Encoding'));
    if (enc instanceof Map) {
      baseEncodingName = this.name(enc.get('BaseEncoding'));
      const diff = this.objects.resolve(enc.get('Differences'));
      if (diff !== undefined) {
        if (!Array.isArray(diff)) throw new UnsupportedFont('differences');
        let index = 0;
        for (const e of diff) {
          const d = this.objects.resolve(e);
          if (typeof d === 'number') index = d;
          else if (d instanceof PdfName) differences.set(index++, d.name);
          else throw new UnsupportedFont('differences entry');
        }
      }
    } else if (enc instanceof PdfName) baseEncodingName = enc.name;
    else if (enc !== undefined) throw new UnsupportedFont('encoding');
    if (baseEncodingName === 'MacExpertEncoding') throw new UnsupportedFont('MacExpert');
    const baseEncoding = baseEncodingName === 'WinAnsiEncoding' ? WinAnsi : baseEncodingName === 'MacRomanEncoding' ? MacRoman : undefined;
    let defaultEncoding: Encoding;
    if (baseEncoding) defaultEncoding = baseEncoding;
    else {
      let symbolic = !!(flags & SYMBOLIC);
      const nonsymbolic = !!(flags & NONSYMBOLIC);
      if (symbolic && nonsymbolic && differences.size !== 0) symbolic = false;
      defaultEncoding = !nonsymbolic ? WinAnsi : Standard;
      if (symbolic) defaultEncoding = MacRoman;
    }
    const hasEncoding = !!baseEncoding || differences.size > 0;

    const included = this.toUnicode(dict.get('ToUnicode'));
    let toUnicode: Map<number, string>;
    if (included && included.size > 0) {
      toUnicode = included;
      if (hasEncoding) {
        // pdf.js's amendFallbackToUnicode: codes the map lacks read by the encoding.
        for (const [code, u] of simpleFontToUnicode(defaultEncoding, differences, baseEncoding)) if (!toUnicode.has(code)) toUnicode.set(code, u);
      }
    } else {
      // pdf.js reads an embedded symbolic TrueType font's own tables then: not followed here.
      if (embedded && !hasEncoding) throw new UnsupportedFont('embedded font without a Unicode map or an encoding');
      toUnicode = simpleFontToUnicode(defaultEncoding, differences, baseEncoding);
    }

    const widths = new Map<number, number>();
    let defaultWidth = 0;
    const w = this.objects.resolve(dict.get('Widths'));
    if (!Array.isArray(w)) throw new UnsupportedFont('no widths');
    let j = firstChar;
    for (const e of w) {
      const width = this.objects.resolve(e);
      if (typeof width === 'number') widths.set(j, width);
      j++;
    }
    const missing = this.objects.resolve(descriptor.get('MissingWidth'));
    defaultWidth = typeof missing === 'number' ? missing : 0;

    const hash = [dict.get('Encoding'), `${firstChar}-${lastChar}`, dict.get('ToUnicode'), dict.get('Widths')];
    return new LoadedFont(this.idOf(descriptorRef, hash, ownId), name, false, widths, defaultWidth, toUnicode);
  }

  private readType0(baseDict: PdfDict, ownId: string): TextFont {
    const encoding = this.objects.resolve(baseDict.get('Encoding'));
    if (!(encoding instanceof PdfName) || encoding.name !== 'Identity-H') throw new UnsupportedFont('CID encoding');
    const descendants = this.objects.resolve(baseDict.get('DescendantFonts'));
    if (!Array.isArray(descendants) || descendants.length === 0) throw new UnsupportedFont('no descendant font');
    const dict = this.dict(descendants[0]);
    if (!dict || this.name(dict.get('Subtype')) !== 'CIDFontType2') throw new UnsupportedFont('CID font type');
    if (dict.has('FontMatrix')) throw new UnsupportedFont('font matrix');
    const descriptorRef = dict.get('FontDescriptor');
    const descriptor = this.dict(descriptorRef);
    if (!descriptor || !this.embedded(descriptor)) throw new UnsupportedFont('CID font not embedded');
    const name = this.fontName(descriptor, dict);
    const firstChar = this.int(dict.get('FirstChar')) ?? 0;
    const lastChar = this.int(dict.get('LastChar')) ?? 0xffff;
    const toUnicodeEntry = dict.get('ToUnicode') ?? baseDict.get('ToUnicode');
    const toUnicode = this.toUnicode(toUnicodeEntry);
    if (!toUnicode || toUnicode.size === 0) throw new UnsupportedFont('CID font without a Unicode map');

    // pdf.js's extractWidths for a composite font.
    const widths = new Map<number, number>();
    const dw = this.objects.resolve(dict.get('DW'));
    const defaultWidth = typeof dw === 'number' ? Math.ceil(dw) : 1000;
    const w = this.objects.resolve(dict.get('W'));
    if (Array.isArray(w)) {
      for (let i = 0; i < w.length; i++) {
        let start = this.objects.resolve(w[i++]);
        if (typeof start !== 'number' || !Number.isInteger(start)) break;
        const code = this.objects.resolve(w[i]);
        if (Array.isArray(code)) {
          for (const c of code) {
            const width = this.objects.resolve(c);
            if (typeof width === 'number') widths.set(start, width);
            start++;
          }
        } else if (typeof code === 'number' && Number.isInteger(code)) {
          const width = this.objects.resolve(w[++i]);
          if (typeof width !== 'number') continue;
          for (let k = start; k <= code; k++) widths.set(k, width);
        } else break;
      }
    }
    const hash = [baseDict.get('Encoding'), `${firstChar}-${lastChar}`, toUnicodeEntry, dict.get('Widths') ?? baseDict.get('Widths'), 'composite', dict.get('W') ?? baseDict.get('W'), dict.get('CIDToGIDMap') ?? baseDict.get('CIDToGIDMap')];
    return new LoadedFont(this.idOf(descriptorRef, hash, ownId), name, true, widths, defaultWidth, toUnicode);
  }

  /** pdf.js's font name: the descriptor's /FontName, or /BaseFont where it extends it. */
  private fontName(descriptor: PdfDict, dict: PdfDict): string {
    const fontName = this.nameOrString(descriptor.get('FontName'));
    const baseFont = this.nameOrString(dict.get('BaseFont'));
    if (fontName !== baseFont && fontName && baseFont) {
      if (baseFont.startsWith(fontName)) return baseFont;
      throw new UnsupportedFont('FontName differs from BaseFont'); // pdf.js then asks its list of known fonts
    }
    const name = fontName ?? baseFont;
    if (!name) throw new UnsupportedFont('no font name');
    return name;
  }

  /** Embedded as TrueType (FontFile2); Type1 or CFF programs may carry their own font matrix. */
  private embedded(descriptor: PdfDict): boolean {
    if (descriptor.has('FontFile') || descriptor.has('FontFile3')) throw new UnsupportedFont('Type1 or CFF font program');
    return descriptor.has('FontFile2');
  }

  private toUnicode(entry: PdfValue | undefined): Map<number, string> | undefined {
    if (entry === undefined) return undefined;
    if (!(entry instanceof PdfRef)) throw new UnsupportedFont('ToUnicode is not a stream');
    const text = this.objects.streamData(entry);
    if (text === undefined) throw new UnsupportedFont('ToUnicode stream not read');
    return readToUnicode(text);
  }

  /** The font's id: shared with an earlier font of the same descriptor and the same encoding, widths and map. */
  private idOf(descriptorRef: PdfValue | undefined, hash: readonly (PdfValue | undefined)[], ownId: string): string {
    if (!(descriptorRef instanceof PdfRef)) return ownId;
    const key = `${descriptorRef.key}|${hash.map((v) => this.serialize(v)).join('|')}`;
    const known = this.aliases.get(key);
    if (known) return known;
    this.aliases.set(key, ownId);
    return ownId;
  }

  /** A value's text for the alias key; a /ToUnicode stream by its content, as pdf.js hashes it. */
  private serialize(v: PdfValue | undefined): string {
    if (v === undefined || v === null) return '';
    if (v instanceof PdfRef) {
      const data = this.objects.streamData(v);
      return data ?? `${v.key} R`;
    }
    if (v instanceof PdfName) return `/${v.name}`;
    if (Array.isArray(v)) return `[${v.map((e) => this.serialize(e)).join(',')}]`;
    if (v instanceof Map) return `<<${[...v].map(([k, e]) => `/${k} ${this.serialize(e)}`).join(' ')}>>`;
    return String(v);
  }

  private dict(v: PdfValue | undefined): PdfDict | undefined {
    const d = this.objects.resolve(v);
    return d instanceof Map ? d : undefined;
  }

  private name(v: PdfValue | undefined): string | undefined {
    const n = this.objects.resolve(v);
    return n instanceof PdfName ? n.name : undefined;
  }

  private nameOrString(v: PdfValue | undefined): string | undefined {
    const n = this.objects.resolve(v);
    return n instanceof PdfName ? n.name : typeof n === 'string' ? n : undefined;
  }

  private int(v: PdfValue | undefined): number | undefined {
    const n = this.objects.resolve(v);
    return typeof n === 'number' && Number.isInteger(n) ? n : undefined;
  }
}
