import type { Indicator, IndicatorCatalogue } from '../catalog/index.js';
import { foldAscii } from '../text/index.js';

export type MatchMethod = 'label' | 'label_ascii' | 'code' | 'pattern';

export interface IndicatorMatch {
  readonly indicator: Indicator;
  readonly method: MatchMethod;
}

/** How alike a printed label must be to the catalogue's for a code-only match to count. */
const CODE_MATCH_MIN_SIMILARITY = 0.5;

/**
 * Matches the rows of one table, in order, to catalogue indicators. Templates of other years number
 * and word rows differently, so the label decides first (folded; then without accents) and the
 * printed code second, only when the label is close enough. The matcher keeps the last coded row as
 * context: it tells apart sub-rows that share a label ("UBND tỉnh" under 1.4.1 … 1.4.4;
 * "Tổng số hồ sơ TTHC đã giải quyết xong" under 3.3.1 and 3.3.2).
 */
export class TableRowMatcher {
  private context: string | undefined;

  constructor(private readonly catalogue: IndicatorCatalogue) {}

  match(rowCode: string, rowLabel: string): IndicatorMatch | undefined {
    const code = rowCode.trim();
    let found = this.pick(this.catalogue.findByLabel(rowLabel), code, 'label');
    found ??= this.pick(this.catalogue.findByAsciiLabel(rowLabel), code, 'label_ascii');
    if (!found && code) {
      const byCode = this.catalogue.findByCode(code).filter((i) => similarity(i.name, rowLabel) >= CODE_MATCH_MIN_SIMILARITY);
      found = this.pick(byCode, code, 'code');
    }
    if (code) this.context = found?.indicator.key;
    else if (found && (found.indicator.type === 'section' || found.indicator.type === 'group')) this.context = found.indicator.key;
    return found;
  }

  private pick(candidates: readonly Indicator[], code: string, method: MatchMethod): IndicatorMatch | undefined {
    if (candidates.length === 0) return undefined;
    if (candidates.length === 1) return { indicator: candidates[0]!, method };
    const byCode = code ? candidates.filter((c) => c.code === code) : [];
    if (byCode.length === 1) return { indicator: byCode[0]!, method };
    if (this.context) {
      // Nearest ancestor wins: a sub-row belongs to the coded row just above it.
      const ctx = this.context;
      const scored = candidates
        .map((c) => ({ c, depth: [c.key, ...this.catalogue.ancestors(c.key)].indexOf(ctx) }))
        .filter((x) => x.depth >= 0)
        .sort((a, b) => a.depth - b.depth);
      if (scored.length && (scored.length === 1 || scored[0]!.depth < scored[1]!.depth)) return { indicator: scored[0]!.c, method };
      // The context's siblings: "UBND tỉnh" right after 1.4.2's own sub-rows still belongs to 1.4.2.
      const parent = this.catalogue.get(ctx)?.parent;
      const siblings = candidates.filter((c) => c.parent === parent);
      if (siblings.length === 1) return { indicator: siblings[0]!, method };
    }
    // Ambiguous without context: the first in catalogue order (the template's own order).
    return { indicator: candidates[0]!, method };
  }
}

/** Token overlap (Jaccard) of two labels, accents folded. */
export function similarity(a: string, b: string): number {
  const ta = new Set(foldAscii(a).split(' ').filter(Boolean));
  const tb = new Set(foldAscii(b).split(' ').filter(Boolean));
  if (ta.size === 0 || tb.size === 0) return 0;
  let common = 0;
  for (const t of ta) if (tb.has(t)) common++;
  return common / (ta.size + tb.size - common);
}
