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
  /** Whether a character can start a two-character code (a VNI base letter). */
  readonly pairStarts: ReadonlySet<string>;
}

const decoders = new Map<LegacyEncoding, Decoder>();

function decoder(encoding: LegacyEncoding): Decoder {
  let d = decoders.get(encoding);
  if (!d) {
    d = encoding === 'tcvn3' ? tcvn3Decoder() : vniDecoder();
    decoders.set(encoding, d);
  }
  return d;
}

function tcvn3Decoder(): Decoder {
  const map = new Map<string, string>();
  // Only the ABC positions: below 0xA1 the fonts keep Windows punctuation (– “ ” …), not VN1's capitals.
  for (const e of tcvn3Table().entries) if (e.abc) map.set(String.fromCharCode(e.code), e.char);
  return { map, pairStarts: new Set() };
}

function vniDecoder(): Decoder {
  const map = new Map<string, string>();
  const pairStarts = new Set<string>();
  for (const e of vniTable().entries) {
    const key = String.fromCharCode(...e.codes);
    map.set(key, e.char);
    if (e.codes.length === 2) pairStarts.add(key[0]!);
  }
  return { map, pairStarts };
}

/**
 * Decodes text of a TCVN3 or VNI font (character view) to Unicode NFC. Characters outside the
 * table (ASCII, punctuation, anything already Unicode) are kept as they are. `uppercase` is for
 * .VnTimeH-style fonts, which draw capitals at the small letters' codes.
 */
export function decodeLegacy(text: string, encoding: LegacyEncoding, uppercase = false): string {
  const { map, pairStarts } = decoder(encoding);
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    // A VNI base letter takes the mark that follows it.
    const pair = pairStarts.has(c) && i + 1 < text.length ? pairLetter(map, c, text[i + 1]!) : undefined;
    if (pair) {
      out += pair;
      i++;
    } else {
      out += c < '\u0080' ? c : (map.get(c) ?? c);
    }
  }
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

/** Bytes as the characters Windows-1252 gives them (0x80–0x9F: € ‚ … – —; undefined ones stay C1). */
export function codeText(bytes: Uint8Array): string {
  byteChars ??= buildByteChars();
  let s = '';
  for (const b of bytes) s += byteChars[b]!;
  return s;
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
