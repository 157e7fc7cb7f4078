import { ENCODING_NAMES, type LegacyEncoding, LegacyEncoding as Encodings } from './catalog.js';
import { decodeLegacy } from './decode.js';
import { type LegacyFont, legacyFont } from './fonts.js';
import { plausibility, plausibilityScore, readsAsVietnamese } from './syllables.js';

/** A text as read: decoded when its font or its bytes say it is TCVN3/VNI, else as it was. */
export interface LegacyReading {
  /** NFC when decoded; otherwise the text unchanged (callers clean it). */
  readonly text: string;
  /** Set when the text was decoded, with the font that said so (absent when told from the bytes alone). */
  readonly decoded?: { readonly encoding: LegacyEncoding; readonly font?: string };
  /** Set when a legacy font's text reads as Vietnamese in no table: kept as it was. */
  readonly undecodable?: { readonly encoding: LegacyEncoding; readonly font: string };
}

/** Characters a TCVN3/VNI letter is made of (in the Windows-1252 view, both tables use only 0xA1–0xFF). */
export const LEGACY_CHAR = /[\u00A1-\u00FF]/;
/** A letter beyond Latin-1 (ả, ơ, đ): legacy bytes never give one, so the text is Unicode already. */
export const UNICODE_LETTER = /[\u0100-\u024F\u1E00-\u1EFF]/;

const fonts = new Map<string, LegacyFont | undefined>();

function fontOf(name: string): LegacyFont | undefined {
  if (!fonts.has(name)) fonts.set(name, legacyFont(name));
  return fonts.get(name);
}

/**
 * Reads one run of text in the font it is drawn with. A Unicode font's text stays as it is (even in
 * a TCVN3 workbook). A legacy font's text is decoded with its table; if that does not read as
 * Vietnamese but the other table does, the bytes win (a VNI text in a .VnTime cell); if neither
 * does, the text is kept and flagged. Without a font name, the bytes alone decide, and only text
 * that does not read as Vietnamese as it is gets decoded.
 */
export function readLegacyText(text: string, fontName?: string): LegacyReading {
  const font = fontName === undefined ? undefined : fontOf(fontName);
  if (fontName !== undefined && !font) return { text };
  if (!font) return guess(text);
  if (UNICODE_LETTER.test(text)) return { text };
  const own = decodeLegacy(text, font.encoding, font.uppercase);
  const decoded = { encoding: font.encoding, font: font.font };
  if (!LEGACY_CHAR.test(text) || readsAsVietnamese(plausibility(own))) return { text: own, decoded };
  for (const other of Encodings.options) {
    if (other === font.encoding) continue;
    const alt = decodeLegacy(text, other, font.uppercase);
    if (readsAsVietnamese(plausibility(alt))) return { text: alt, decoded: { encoding: other, font: font.font } };
  }
  return { text, undecodable: { encoding: font.encoding, font: font.font } };
}

/** The bytes alone: decode only what does not read as Vietnamese as it is, with the table that reads best. */
function guess(text: string): LegacyReading {
  if (!LEGACY_CHAR.test(text) || UNICODE_LETTER.test(text)) return { text };
  const asIs = plausibility(text);
  if (readsAsVietnamese(asIs)) return { text };
  let best: { text: string; encoding: LegacyEncoding; score: number } | undefined;
  for (const encoding of Encodings.options) {
    const candidate = decodeLegacy(text, encoding);
    const p = plausibility(candidate);
    if (!readsAsVietnamese(p)) continue;
    const score = plausibilityScore(p);
    if (!best || score > best.score) best = { text: candidate, encoding, score };
  }
  return best && best.score > plausibilityScore(asIs) ? { text: best.text, decoded: { encoding: best.encoding } } : { text };
}

/** "sheet 'Sheet1' has text in .VnTime that does not decode as TCVN3" — the tail after the place. */
export function undecodableReason(u: NonNullable<LegacyReading['undecodable']>): string {
  return `has text in ${u.font} that does not decode as ${ENCODING_NAMES[u.encoding]}`;
}

