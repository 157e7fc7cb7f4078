import { type LegacyEncoding, LegacyEncoding as Encodings } from './catalog.js';
import { decodeLegacy } from './decode.js';
import { type LegacyFont, legacyFont } from './fonts.js';
import { LEGACY_CHAR, UNICODE_LETTER } from './read.js';
import { type RunPlace, restoreDroppedU } from './soft-hyphens.js';
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

/** A run that may hold legacy bytes: Latin-1 characters, no letter beyond Latin-1 (which legacy bytes never give). */
const mayBeLegacy = (run: string) => LEGACY_CHAR.test(byteView(run)) && !UNICODE_LETTER.test(run);

/**
 * The runs of one PDF page as Unicode. A run drawn in a TCVN3/VNI font (when the caller knows the
 * fonts) is decoded by its font, .VnTimeH runs upper-cased. The other runs are judged together, as
 * a page is typed in one encoding, and from the bytes alone: a PDF's font names are less sure than
 * a workbook's (a printer substitutes fonts it lacks). The page's legacy-looking runs are decoded
 * with the table that makes them read best as Vietnamese, each unless it reads better as it is.
 * With the runs' places (`places`), a TCVN3 "ư" that the producer dropped as a soft hyphen is
 * restored first (./soft-hyphens.ts).
 */
export function pdfRunTexts(
  runs: readonly string[],
  fonts: readonly (string | undefined)[] = [],
  places?: readonly (RunPlace | undefined)[],
  faces?: readonly (string | undefined)[],
): string[] {
  return readRuns(runs, fonts, places && (() => places), faces);
}

/** pdf.js text-content items (`str`, `transform`, `width`) as `pdfRunTexts` reads them, with their places. */
export function pdfItemTexts(items: readonly PdfRunItem[], fonts: readonly (string | undefined)[] = []): string[] {
  const runs = items.map((it) => (typeof it.str === 'string' ? it.str : ''));
  // The places are needed on TCVN3 pages only: built then.
  const places = () =>
    items.map((it): RunPlace | undefined => {
      const t = it.transform;
      if (!t || t.length < 6) return undefined;
      return { x: t[4]!, y: t[5]!, width: it.width ?? 0, height: it.height || Math.hypot(t[0]!, t[1]!) || 1 };
    });
  const faces = items.map((it) => (typeof it.fontName === 'string' ? it.fontName : undefined));
  return readRuns(runs, fonts, places, faces);
}

function readRuns(
  runs: readonly string[],
  fonts: readonly (string | undefined)[],
  places: (() => readonly (RunPlace | undefined)[]) | undefined,
  faces: readonly (string | undefined)[] | undefined,
): string[] {
  // Most pages: Unicode, no font asked for.
  if (fonts.length === 0 && !runs.some(mayBeLegacy)) return [...runs];
  const first = pagePlan(runs, fonts, faces);
  if (places && first.encodings.includes('tcvn3')) {
    const restored = restoreDroppedU(runs, first.encodings, places());
    if (restored) return decodePlan(restored, pagePlan(restored, fonts, faces));
  }
  return decodePlan(runs, first);
}

/** The surface of a pdf.js text-content item read here. */
export interface PdfRunItem {
  readonly str?: string;
  readonly transform?: readonly number[];
  readonly width?: number;
  readonly height?: number;
  /** The id pdf.js gives the run's font on this page (the same id: the same font). */
  readonly fontName?: string | null;
}

interface PagePlan {
  /** Each run's legacy font, when its font names one. */
  readonly fonts: readonly (LegacyFont | undefined)[];
  /** Runs without a legacy font that look legacy: decoded with the page's encoding. */
  readonly guessed: readonly number[];
  readonly pageEncoding: LegacyEncoding | undefined;
  /** The encoding each run is read in (undefined: kept as it is). */
  readonly encodings: readonly (LegacyEncoding | undefined)[];
}

/**
 * `faces`: each run's font as the page's font id. A page typed in a legacy font may hold text in a
 * Unicode font all the same (a remark pasted in Times New Roman); when the producer substituted the
 * legacy font, neither has its name, but they are two fonts. A font none of whose runs on the page
 * shows a Latin-1 character that is no Vietnamese letter (what legacy codes show: ¸ µ ® « ö ñ) is
 * a Unicode font, and its runs stay as they are even where their letters would decode as legacy
 * syllables too ("Các phòng" would read "Cỏc phũng" in TCVN3).
 */
function pagePlan(runs: readonly string[], fontNames: readonly (string | undefined)[], faces?: readonly (string | undefined)[]): PagePlan {
  const fonts = runs.map((_, i) => legacyFont(fontNames[i]));
  const guessed: number[] = [];
  const encodings: (LegacyEncoding | undefined)[] = runs.map(() => undefined);
  runs.forEach((run, i) => {
    const font = fonts[i];
    if (!mayBeLegacy(run) && !font?.uppercase) return;
    if (!font) guessed.push(i);
    else if (!UNICODE_LETTER.test(run)) encodings[i] = font.encoding;
  });
  // A Unicode page's Latin-1-only runs ("Có", "và") hold only Vietnamese letters: nothing to judge.
  const judged = guessed.some((i) => hasNonVietnameseLatin1(byteView(runs[i]!)));
  const pageEncoding = judged ? pageEncodingOf(guessed.map((i) => byteView(runs[i]!)).join('\n')) : undefined;
  if (!pageEncoding) return { fonts, guessed, pageEncoding, encodings };
  const legacyFaces = faces && new Set(guessed.filter((i) => hasNonVietnameseLatin1(byteView(runs[i]!))).map((i) => faces[i]));
  const read = legacyFaces ? guessed.filter((i) => legacyFaces.has(faces[i])) : guessed;
  for (const i of read) encodings[i] = pageEncoding;
  return { fonts, guessed: read, pageEncoding, encodings };
}

function decodePlan(runs: readonly string[], plan: PagePlan): string[] {
  const out = [...runs];
  runs.forEach((run, i) => {
    const font = plan.fonts[i];
    if (!font || plan.encodings[i] === undefined) return;
    const decoded = decodeBest(byteView(run), font.encoding);
    out[i] = font.uppercase ? decoded.toUpperCase() : decoded;
  });
  if (!plan.pageEncoding) return out;
  for (const i of plan.guessed) {
    const decoded = decodeBest(byteView(runs[i]!), plan.pageEncoding);
    if (plausibilityScore(plausibility(decoded)) >= plausibilityScore(plausibility(runs[i]!))) out[i] = decoded;
  }
  return out;
}

/** The structural surface of a pdf.js page used to learn its fonts' names. */
export interface PdfFontSource {
  getOperatorList(): Promise<unknown>;
  readonly commonObjs: { has(id: string): boolean; get(id: string): unknown };
}

/**
 * The font name of each text-content item of a page, asked of pdf.js only when the page has
 * legacy-looking runs (its text content does not carry names; the operator list loads the fonts,
 * as costly as the text content itself). Empty for every other page.
 */
export async function pdfRunFonts(page: PdfFontSource, items: readonly { str?: unknown; fontName?: unknown }[]): Promise<(string | undefined)[]> {
  if (!looksLegacy(items)) return [];
  await page.getOperatorList();
  return runFontNames(items, (id) => {
    if (!page.commonObjs.has(id)) return undefined;
    const name = (page.commonObjs.get(id) as { name?: unknown } | undefined)?.name;
    return typeof name === 'string' ? name : undefined;
  });
}

/**
 * `pdfRunFonts` for a reader that knows its fonts' names (the direct text layer): the same names
 * on the same pages (legacy-looking ones), empty for every other page.
 */
export function pdfRunFontsOf(items: readonly { str?: unknown; fontName?: unknown }[], nameOf: (fontId: string) => string | undefined): (string | undefined)[] {
  return looksLegacy(items) ? runFontNames(items, nameOf) : [];
}

function looksLegacy(items: readonly { str?: unknown }[]): boolean {
  return items.some((it) => typeof it.str === 'string' && mayBeLegacy(it.str) && hasNonVietnameseLatin1(byteView(it.str)));
}

function runFontNames(items: readonly { fontName?: unknown }[], nameOf: (fontId: string) => string | undefined): (string | undefined)[] {
  return items.map((it) => (typeof it.fontName === 'string' ? nameOf(it.fontName) : undefined));
}

/** The table that makes the page's legacy-looking text read as Vietnamese, better than as it is. */
function pageEncodingOf(text: string): LegacyEncoding | undefined {
  let best: { encoding: LegacyEncoding; score: number } | undefined;
  const asIs = plausibilityScore(plausibility(text));
  for (const encoding of Encodings.options) {
    const p = plausibility(decodeRun(text, encoding));
    const score = plausibilityScore(p);
    if (readsAsVietnamese(p) && score > asIs && (!best || score > best.score)) best = { encoding, score };
  }
  return best?.encoding;
}

/** The run in the given table; if it reads as no Vietnamese there but does in the other, in that one. */
function decodeBest(view: string, first: LegacyEncoding): string {
  const decoded = decodeRun(view, first);
  if (readsAsVietnamese(plausibility(decoded))) return decoded;
  for (const other of Encodings.options) {
    if (other === first) continue;
    const alt = decodeRun(view, other);
    if (readsAsVietnamese(plausibility(alt))) return alt;
  }
  return decoded;
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
