import { type Encoding, GLYPH_UNICODE } from './glyph-names.js';

/** Thrown for a glyph name this reader cannot map as pdf.js would (one outside `GLYPH_UNICODE`). */
export class UnknownGlyphName extends Error {}

/**
 * The Unicode of a simple font's codes from its encoding, as pdf.js's `_simpleFontToUnicode`
 * gives them to a font without a /ToUnicode map (or as the fallback of one with /Encoding): the
 * base encoding with /Differences laid over it, each glyph name by the glyph list, else by the
 * name's form (uniXXXX, uXXXX, Gxx, gxxxx, Cdd). This is how pdf.js reads TCVN3/VNI text in a
 * font without a Unicode map: WinAnsi names back to Windows-1252 characters (but 0xB5 "mu" is μ).
 */
export function simpleFontToUnicode(
  defaultEncoding: Encoding,
  differences: ReadonlyMap<number, string>,
  baseEncoding: Encoding | undefined,
  forceGlyphs = false,
): Map<number, string> {
  const encoding = new Map<number, string>();
  defaultEncoding.forEach((name, code) => encoding.set(code, name));
  for (const [code, name] of differences) if (name !== '.notdef') encoding.set(code, name);
  const out = new Map<number, string>();
  for (const [charcode, glyphName] of [...encoding].sort((a, b) => a[0] - b[0])) {
    if (glyphName === '') continue;
    const known = GLYPH_UNICODE.get(glyphName);
    if (known !== undefined) {
      out.set(charcode, String.fromCharCode(known));
      continue;
    }
    let code = 0;
    switch (glyphName[0]) {
      case 'G':
        if (glyphName.length === 3) code = Number.parseInt(glyphName.substring(1), 16);
        break;
      case 'g':
        if (glyphName.length === 5) code = Number.parseInt(glyphName.substring(1), 16);
        break;
      case 'C':
      case 'c':
        if (glyphName.length >= 3 && glyphName.length <= 4) {
          const codeStr = glyphName.substring(1);
          if (forceGlyphs) {
            code = Number.parseInt(codeStr, 16);
            break;
          }
          code = +codeStr;
          if (Number.isNaN(code) && Number.isInteger(Number.parseInt(codeStr, 16))) {
            return simpleFontToUnicode(defaultEncoding, differences, baseEncoding, true);
          }
        }
        break;
      case 'u': {
        const u = unicodeOfUniName(glyphName);
        if (u !== -1) code = u;
        break;
      }
      default:
        if (glyphName === 'f_h' || glyphName === 'f_t' || glyphName === 'T_h') {
          out.set(charcode, glyphName.replaceAll('_', ''));
          continue;
        }
    }
    // A name no rule reads may be one pdf.js's full glyph list knows and this one lacks: not guessed.
    if (!(code > 0 && code <= 0x10ffff && Number.isInteger(code))) throw new UnknownGlyphName(glyphName);
    {
      const base = baseEncoding?.[charcode];
      if (baseEncoding && code === charcode && base) {
        const u = GLYPH_UNICODE.get(base);
        if (u === undefined) throw new UnknownGlyphName(base);
        out.set(charcode, String.fromCharCode(u));
        continue;
      }
      out.set(charcode, String.fromCodePoint(code));
    }
  }
  return out;
}

/** pdf.js's getUnicodeForGlyph for a name outside the glyph list: uniXXXX, uXXXX…uXXXXXX in upper-case hex. */
function unicodeOfUniName(name: string): number {
  let hex: string;
  if (name.length === 7 && name[1] === 'n' && name[2] === 'i') hex = name.substring(3);
  else if (name.length >= 5 && name.length <= 7) hex = name.substring(1);
  else return -1;
  if (hex !== hex.toUpperCase()) return -1;
  const u = Number.parseInt(hex, 16);
  return u >= 0 ? u : -1;
}
