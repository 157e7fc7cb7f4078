import type { ExtractedFigure } from '../../model/index.js';
import { narrativeCatalog } from './catalog.js';
import { figuresOf } from './match.js';
import { splitSentences, type PageText } from './sentences.js';

export { compileCatalog, narrativeCatalog, NarrativeCatalog, NarrativeEntry, type CompiledCatalog } from './catalog.js';
export { compilePattern, PatternError, type CompiledPattern } from './pattern.js';
export { headingLevel, splitSentences, type PageText, type Sentence } from './sentences.js';
export { compileLexicon, LexiconFile, narrativeLexicon, type Lexicon, type Mention } from './lexicon.js';
export { readSentence, type ReadNumber, type Why } from './meaning.js';
export { pagesOfTextLines } from './text-file.js';

/**
 * The figures stated in a report's narrative (sections I–V), read sentence by sentence: first the
 * precise patterns of `catalog/narrative-patterns.yaml`, then the meaning-based mapper
 * (`meaning.ts`: each number's own words, its list, clause, subject and heading, scored against
 * every indicator's description built from the catalogue and `catalog/narrative-lexicon.yaml`,
 * mapped only by a margin). A pattern is overruled where the mapper blocks the number (a target,
 * another body, section IV) or reads it as another indicator.
 *
 * - `pages`: the report's pages in order, each with its text (lines separated by newlines). Pages
 *   may run on into the appendix and signature block: reading stops at the catalogue's
 *   `narrative_end` lines ("Phụ lục …", "Nơi nhận:").
 * - Every figure has method `narrative`, `raw` exactly as printed (a fraction's numerator and
 *   denominator are separate figures; money keeps its unit: "114.984.119đồng"), `rowLabel` (the
 *   phrase a pattern matched, or a few words around an unmapped number), `provenance.page` (the page
 *   the number is printed on), `provenance.quote` (the whole sentence, NFC).
 * - Mapped figures carry `indicatorKey` and `details`: `span` ([start, end) of `raw` in the quote),
 *   `section` (the heading above), `why` (rule, score, margin, deciding words) and, for a pattern,
 *   `pattern`. A zero or yes/no in words is a figure whose `raw` is the phrase (`number: 0` for a
 *   count). Numbers nothing maps are kept without `indicatorKey`, except dates, years, document
 *   numbers, legal references, list numbering and phone numbers (the catalogue's `skip` rules).
 * - Figures are in reading order. Pure: the only I/O is loading the catalogue, once per process.
 */
export function extractNarrative(pages: readonly PageText[]): ExtractedFigure[] {
  const catalog = narrativeCatalog();
  return splitSentences(pages, { end: catalog.end }).flatMap((s) => figuresOf(s, catalog));
}
