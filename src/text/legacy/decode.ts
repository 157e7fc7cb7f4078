import iconv from 'iconv-lite';
import { type LegacyEncoding, tcvn3Table, vniTable } from './catalog.js';

/**
 * Legacy text arrives in one of two shapes: bytes (a CSV export) or, in a workbook cell or a PDF
 * text run, the characters Windows-1252 gives those bytes (the fonts declare the ANSI charset, so
 * Excel stores byte 0xB6 as "¶"). Both are decoded from that character view: `codeText` turns
 * bytes into it, and every table is keyed by it.
 */

interface Decoder {
  /** Character-view code (1 or 2 characters) → letter. */
  readonly map: ReadonlyMap<string, string>;
  /** What a code can be: a base-and-mark pair (VNI) or one character. */
  readonly codes: RegExp;
}

const decoders = new Map<LegacyEncoding, Decoder>();

function decoder(encoding: LegacyEncoding): Decoder {
  let d = decoders.get(encoding);
  if (!d) {
    const map = new Map<string, string>();
    if (encoding === 'tcvn3') {
      // Only the ABC positions: below 0xA1 the fonts keep Windows punctuation (– “ ” …), not VN1's capitals.
      for (const e of tcvn3Table().entries) if (e.abc) map.set(String.fromCharCode(e.code), e.char);
    } else {
      for (const e of vniTable().entries) map.set(String.fromCharCode(...e.codes), e.char);
    }
    d = { map, codes: codePattern(map) };
    decoders.set(encoding, d);
  }
  return d;
}

/**
 * One regular expression for every code of a table: a base (either case) followed by a mark
 * (either case), else any one character of the table. VNI's bases and marks are disjoint, so a
 * base-and-mark that is no letter is two separate characters.
 */
function codePattern(map: ReadonlyMap<string, string>): RegExp {
  const cls = (chars: Iterable<string>) => `[${[...new Set(chars)].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('')}]`;
  const both = (c: string) => [c.toLowerCase(), c.toUpperCase()];
  const keys = [...map.keys()];
  const pairs = keys.filter((k) => k.length === 2);
  const singles = keys.filter((k) => k.length === 1);
  const single = singles.length ? cls(singles) : '';
  if (!pairs.length) return new RegExp(single, 'g');
  const pair = `${cls(pairs.flatMap((k) => both(k[0]!)))}${cls(pairs.flatMap((k) => both(k[1]!)))}`;
  return new RegExp(single ? `${pair}|${single}` : pair, 'g');
}

/**
 * Decodes text of a TCVN3 or VNI font (character view) to Unicode NFC. Characters outside the
 * table (ASCII, punctuation, anything already Unicode) are kept as they are. `uppercase` is for
 * .VnTimeH-style fonts, which draw capitals at the small letters' codes.
 */
export function decodeLegacy(text: string, encoding: LegacyEncoding, uppercase = false): string {
  const { map, codes } = decoder(encoding);
  const out = text.replace(codes, (code) => {
    if (code.length === 1) return map.get(code) ?? code;
    return pairLetter(map, code[0]!, code[1]!) ?? (map.get(code[0]!) ?? code[0]!) + (map.get(code[1]!) ?? code[1]!);
  });
  const nfc = out.normalize('NFC');
  return uppercase ? nfc.toUpperCase() : nfc;
}

/**
 * A base letter and its mark. Typed with Caps Lock, VNI text may pair a capital with a small mark
 * ("Aù") or the reverse: the letter then takes the base's case.
 */
function pairLetter(map: ReadonlyMap<string, string>, base: string, mark: string): string | undefined {
  const exact = map.get(base + mark);
  if (exact) return exact;
  const lower = map.get(base.toLowerCase() + mark.toLowerCase());
  if (!lower) return undefined;
  return base === base.toLowerCase() ? lower : lower.toUpperCase();
}

let byteChars: string[] | undefined;
const C1 = /[\u0080-\u009F]/g;

/** Bytes as the characters Windows-1252 gives them (0x80–0x9F: € ‚ … – —; undefined ones stay C1). */
export function codeText(bytes: Uint8Array): string {
  byteChars ??= buildByteChars();
  const chars = byteChars;
  // Latin-1 is the identity on bytes; only 0x80–0x9F differ in Windows-1252.
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    .toString('latin1')
    .replace(C1, (c) => chars[c.charCodeAt(0)]!);
}

function buildByteChars(): string[] {
  return Array.from({ length: 256 }, (_, b) => {
    if (b < 0x80 || b >= 0xa0) return String.fromCharCode(b);
    const c = iconv.decode(Buffer.from([b]), 'windows1252');
    return c === '\ufffd' ? String.fromCharCode(b) : c; // bytes Windows-1252 leaves undefined stay C1
  });
}

/** The inverse of `codeText` for one character (fixture writers encode with it); undefined when not a byte. */
export function byteOfCodeChar(c: string): number | undefined {
  const code = c.charCodeAt(0);
  if (c.length !== 1) return undefined;
  if (code < 0x80 || (code >= 0xa0 && code <= 0xff)) return code;
  byteChars ??= buildByteChars();
  const high = byteChars.indexOf(c, 0x80);
  return high >= 0 && high < 0xa0 ? high : undefined;
}
