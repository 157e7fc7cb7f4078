import type { ExtractedFigure } from '../../model/index.js';
import { narrativeCatalog } from './catalog.js';
import { figuresOf } from './match.js';
import { splitSentences, type PageText } from './sentences.js';

export { compileCatalog, narrativeCatalog, NarrativeCatalog, NarrativeEntry, type CompiledCatalog } from './catalog.js';
export { compilePattern, PatternError, type CompiledPattern } from './pattern.js';
export { splitSentences, type PageText, type Sentence } from './sentences.js';

/**
 * The figures stated in a report's narrative (sections I–V), read sentence by sentence with the
 * patterns of `catalog/narrative-patterns.yaml`.
 *
 * - `pages`: the report's pages in order, each with its text (lines separated by newlines). Pages
 *   may run on into the appendix and signature block: reading stops at the catalogue's
 *   `narrative_end` lines ("Phụ lục …", "Nơi nhận:").
 * - Every figure has method `narrative`, `raw` exactly as printed (a fraction's numerator and
 *   denominator are separate figures; money keeps its unit: "114.984.119đồng"), `rowLabel` (the
 *   phrase a pattern matched, or a few words around an unmapped number), `provenance.page` (the page
 *   the number is printed on), `provenance.quote` (the whole sentence, NFC).
 * - Mapped figures carry `indicatorKey` and `details.pattern` (the catalogue entry's id); numbers no
 *   pattern maps are kept without `indicatorKey`, except dates, years, document numbers, legal
 *   references, list numbering and phone numbers (the catalogue's `skip` rules).
 * - Figures are in reading order. Pure: the only I/O is loading the catalogue, once per process.
 */
export function extractNarrative(pages: readonly PageText[]): ExtractedFigure[] {
  const catalog = narrativeCatalog();
  return splitSentences(pages, { end: catalog.end }).flatMap((s) => figuresOf(s, catalog));
}
export { pagesOfTextLines } from './text-file.js';
