import type { Indicator, IndicatorCatalogue } from '../../catalog/index.js';
import type { Lexicon } from './lexicon.js';

/**
 * What an indicator is about, in concepts of the lexicon: one concept set per wording (its name,
 * each alias, each `describe` line), the measure nouns it counts, its section. A figure is scored
 * against every wording and keeps the best.
 */
export interface IndicatorDescription {
  readonly indicator: Indicator;
  readonly wordings: readonly (readonly string[])[];
  /** The measure nouns a count of this indicator may be printed with (from its unit and wordings). */
  readonly nouns: ReadonlySet<string>;
}

// Facets that never describe an indicator on their own.
export const SILENT_FACETS = new Set(['generic']);

/** Descriptions of every indicator a narrative can state (not sections, groups or computed checks). */
export function describeIndicators(catalogue: IndicatorCatalogue, lexicon: Lexicon): IndicatorDescription[] {
  const out: IndicatorDescription[] = [];
  for (const unknown of Object.keys(lexicon.file.describe)) {
    if (!catalogue.get(unknown)) throw new Error(`catalog/narrative-lexicon.yaml: describe: unknown indicator key "${unknown}"`);
  }
  for (const indicator of catalogue.all) {
    if (indicator.type === 'section' || indicator.type === 'group' || indicator.key.includes('.check_')) continue;
    const texts = [indicator.name, ...indicator.aliases, ...(lexicon.file.describe[indicator.key] ?? [])];
    const concepts = (t: string) => [...new Set(lexicon.mentions(t).map((m) => m.concept))];
    let wordings = texts.map(concepts);
    // A sub-row that does not say what it counts ("UBND tỉnh" under "Tổng số nhiệm vụ được giao") means its parent's words too.
    const parent = indicator.parent ? catalogue.get(indicator.parent) : undefined;
    if (parent && wordings.every((w) => !w.some((c) => lexicon.facetOf.get(c) === 'noun'))) {
      const inherited = [parent.name, ...parent.aliases].map(concepts);
      wordings = wordings.flatMap((w) => inherited.map((p) => [...new Set([...p, ...w])]));
    }
    wordings = wordings.filter((w) => w.some((c) => !SILENT_FACETS.has(lexicon.facetOf.get(c) ?? '')));
    const nouns = new Set<string>();
    for (const m of lexicon.mentions(indicator.unit ?? '')) if (m.facet === 'noun') nouns.add(m.concept);
    for (const w of wordings) for (const c of w) if (lexicon.facetOf.get(c) === 'noun') nouns.add(c);
    out.push({ indicator, wordings: dedupe(wordings), nouns });
  }
  return out;
}

function dedupe(wordings: string[][]): string[][] {
  const seen = new Set<string>();
  return wordings.filter((w) => {
    const key = [...w].sort().join(' ');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
