import { type LegacyEncoding, LegacyEncoding as Encodings } from './catalog.js';
import { decodeLegacy } from './decode.js';
import { LEGACY_CHAR, UNICODE_LETTER, readLegacyText } from './read.js';
import { hasNonVietnameseLatin1, plausibility, plausibilityScore, readsAsVietnamese } from './syllables.js';

/**
 * pdf.js names the glyphs of a font without a Unicode map by its encoding (WinAnsi) and gives the
 * Unicode of the glyph name: byte 0xB5 ("mu") comes back as Greek μ, not the micro sign µ that
 * Windows-1252 has there. Back to the byte's character before decoding.
 */
const GLYPH_NAME_FORMS = /\u03BC/g;
const byteView = (text: string) => text.replace(GLYPH_NAME_FORMS, '\u00B5');

/** TCVN3's "ư" is byte 0xAD, which WinAnsi names "hyphen": joined to a letter ("ng-êi", "t-") it is the letter. */
const HYPHEN_IN_WORD = /(\p{L}*)-(\p{L}*)/gu;

/**
 * The runs of one PDF page as Unicode. A run whose font the caller names is read by its font. The
 * others are judged together, as a page is typed in one encoding: the page's legacy-looking runs
 * (Latin-1 letters and symbols only) are decoded with the table that makes the page read best as
 * Vietnamese, each run unless it reads better as it is (a Unicode run on a legacy page).
 */
export function pdfRunTexts(runs: readonly string[], fonts: readonly (string | undefined)[] = []): string[] {
  const out = [...runs];
  const guessed: number[] = [];
  runs.forEach((run, i) => {
    const font = fonts[i];
    if (font !== undefined) {
      const r = readLegacyText(byteView(run), font);
      if (r.decoded) out[i] = r.text;
    } else if (LEGACY_CHAR.test(byteView(run)) && !UNICODE_LETTER.test(run)) {
      guessed.push(i);
    }
  });
  // A Unicode page's Latin-1-only runs ("Có", "và") hold only Vietnamese letters: nothing to judge.
  if (!guessed.some((i) => hasNonVietnameseLatin1(byteView(runs[i]!)))) return out;
  const encoding = pageEncoding(guessed.map((i) => byteView(runs[i]!)).join('\n'));
  if (!encoding) return out;
  for (const i of guessed) {
    const view = byteView(runs[i]!);
    // The page's table first; a run that reads in it as no Vietnamese may be in the other one.
    let decoded = decodeRun(view, encoding);
    if (!readsAsVietnamese(plausibility(decoded))) {
      for (const other of Encodings.options) {
        const alt = other === encoding ? undefined : decodeRun(view, other);
        if (alt && readsAsVietnamese(plausibility(alt))) {
          decoded = alt;
          break;
        }
      }
    }
    if (plausibilityScore(plausibility(decoded)) >= plausibilityScore(plausibility(runs[i]!))) out[i] = decoded;
  }
  return out;
}

/** The table that makes the page's legacy-looking text read as Vietnamese, better than as it is. */
function pageEncoding(text: string): LegacyEncoding | undefined {
  let best: { encoding: LegacyEncoding; score: number } | undefined;
  const asIs = plausibilityScore(plausibility(text));
  for (const encoding of Encodings.options) {
    const p = plausibility(decodeRun(text, encoding));
    const score = plausibilityScore(p);
    if (readsAsVietnamese(p) && score > asIs && (!best || score > best.score)) best = { encoding, score };
  }
  return best?.encoding;
}

function decodeRun(text: string, encoding: LegacyEncoding): string {
  const decoded = decodeLegacy(text, encoding);
  if (encoding !== 'tcvn3' || !decoded.includes('-')) return decoded;
  return decoded.replace(HYPHEN_IN_WORD, (whole, a: string, b: string) => {
    if (!a && !b) return whole; // "Độc lập - Tự do"
    const joined = `${a}ư${b}`;
    const p = plausibility(joined);
    return p.valid === 1 && p.invalid === 0 ? joined : whole;
  });
}
