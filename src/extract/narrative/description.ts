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
  /**
   * Concepts a figure may state without counting against this indicator though no wording has them:
   * whose parts it adds up (the subjects of its sub-rows: "nhiệm vụ được UBND tỉnh và UBND huyện giao")
   * and what its group row says of all its rows ("Thực hiện nhiệm vụ … giao" above "đã hoàn thành đúng hạn").
   */
  readonly explained: ReadonlySet<string>;
  /**
   * For the numerator of a rate (`ratios`) or a sub-row of a count, the concepts of its base: a part printed after the base
   * ("386 hồ sơ phát sinh phí, lệ phí, trong đó 112 hồ sơ thanh toán trực tuyến") takes the base's words
   * from it, and they do not count against the numerator.
   */
  readonly baseWords: ReadonlySet<string>;
}

// Facets that never describe an indicator on their own; `name` (a name that holds other words, "Bộ phận tiếp
// nhận và trả kết quả") describes nothing at all: it only keeps its words from being read.
export const SILENT_FACETS = new Set(['generic', 'name']);

/** Descriptions of every indicator a narrative can state (not sections, groups or computed checks). */
export function describeIndicators(catalogue: IndicatorCatalogue, lexicon: Lexicon): IndicatorDescription[] {
  const out: IndicatorDescription[] = [];
  for (const unknown of Object.keys(lexicon.file.describe)) {
    if (!catalogue.get(unknown)) throw new Error(`catalog/narrative-lexicon.yaml: describe: unknown indicator key "${unknown}"`);
  }
  for (const indicator of catalogue.all) {
    if (indicator.type === 'section' || indicator.type === 'group' || indicator.key.includes('.check_')) continue;
    // A name's bracketed remark ("(cả trực tiếp, bưu chính công ích và trực tuyến)") explains, it does not describe.
    const own = lexicon.file.describe[indicator.key] ?? [];
    const texts = [indicator.name, ...indicator.aliases].concat(own);
    // Two rows of one parent printed alike ("giải quyết đúng hạn" and "… đúng hạn (đúng ngày hẹn)") differ by the remark.
    const plain = withoutRemarks(indicator.name).toLowerCase();
    const remarkDecides = catalogue.all.some((o) => o !== indicator && o.parent === indicator.parent && withoutRemarks(o.name).toLowerCase() === plain && o.name !== indicator.name);
    // A bracketed remark ("(cả trực tiếp, bưu chính công ích và trực tuyến)") explains; only a measure word in it describes.
    const concepts = (t: string) => {
      if (remarkDecides) return [...new Set(lexicon.mentions(t).map((m) => m.concept))];
      const remarks = lexicon.mentions(t).filter((m) => m.facet === 'noun' && inRemark(t, m.start));
      return [...new Set([...lexicon.mentions(withoutRemarks(t)), ...remarks].map((m) => m.concept))];
    };
    let wordings = texts.map(concepts);
    // A sub-row that does not say what it counts ("UBND tỉnh" under "Tổng số nhiệm vụ được giao") means its parent's words too.
    const parent = indicator.parent ? catalogue.get(indicator.parent) : undefined;
    // Under a count, the unit's own word ("người") does not say which people: "Tổng số người làm việc có mặt" under the part-time workers.
    const unitNouns = parent?.type === 'count' ? new Set(lexicon.mentions(indicator.unit ?? '').map((m) => m.concept)) : new Set<string>();
    if (parent && wordings.every((w) => !w.some((c) => lexicon.facetOf.get(c) === 'noun' && !unitNouns.has(c)))) {
      const inherited = [parent.name, ...parent.aliases].map(concepts);
      // (A `describe` line of the lexicon already says it all: "kế hoạch vốn đầu tư công được giao" is no disbursement.)
      const printed = wordings.slice(0, texts.length - own.length);
      wordings = printed.flatMap((w) => inherited.map((p) => [...new Set([...p, ...w])])).concat(wordings.slice(printed.length));
    }
    wordings = wordings.map((w) => w.filter((c) => lexicon.facetOf.get(c) !== 'name')).filter((w) => w.some((c) => !SILENT_FACETS.has(lexicon.facetOf.get(c) ?? '')));
    // What a count is printed with: its unit's measure word and the first measure word of each wording
    // ("Số TTHC có phát sinh hồ sơ trực tuyến" counts procedures, not dossiers).
    const nouns = new Set<string>();
    for (const m of lexicon.mentions(indicator.unit ?? '')) if (m.facet === 'noun') nouns.add(m.concept);
    for (const t of texts) {
      const first = lexicon.mentions(withoutRemarks(t)).find((m) => m.facet === 'noun');
      if (first) nouns.add(first.concept);
    }
    out.push({ indicator, wordings: dedupe(wordings), nouns, explained: new Set(), baseWords: new Set() });
  }
  return explainParts(distinguishTwins(out, catalogue, lexicon), catalogue, lexicon);
}

/**
 * Two indicators with the same wording ("Tổng số hồ sơ TTHC đã giải quyết xong" under 3.3.1 and
 * under 3.3.2) differ by their parents: each twin's wordings take the concepts its parent has and
 * the other's parent lacks ("do UBND cấp xã tiếp nhận").
 */
function distinguishTwins(out: IndicatorDescription[], catalogue: IndicatorCatalogue, lexicon: Lexicon): IndicatorDescription[] {
  const key = (w: readonly string[]) => [...w].sort().join(' ');
  const parentConcepts = (d: IndicatorDescription) => {
    const p = d.indicator.parent ? catalogue.get(d.indicator.parent) : undefined;
    return new Set(p ? [p.name, ...p.aliases].flatMap((t) => lexicon.mentions(t).map((m) => m.concept)) : []);
  };
  // Twins are printed under the same name; an alias shared with another row is only a near wording.
  const named = (d: IndicatorDescription) => withoutRemarks(d.indicator.name).toLowerCase();
  const twinsOf = (d: IndicatorDescription) => out.filter((o) => o !== d && o.indicator.type === d.indicator.type && named(o) === named(d));
  const extraOf = (d: IndicatorDescription, twins: readonly IndicatorDescription[]) =>
    [...parentConcepts(d)].filter((c) => twins.every((t) => !parentConcepts(t).has(c)) && !SILENT_FACETS.has(lexicon.facetOf.get(c) ?? ''));
  const isSubject = (c: string) => lexicon.facetOf.get(c) === 'subject';
  return out.map((d) => {
    const twins = twinsOf(d);
    if (!twins.length) return d;
    let extra = extraOf(d, twins);
    // Where a twin is told apart by whose figure it is, the others stay the plain reading.
    const bySubject = [d, ...twins].some((t) => extraOf(t, [d, ...twins].filter((o) => o !== t)).some(isSubject));
    if (bySubject) extra = extra.filter(isSubject);
    if (!extra.length) return d;
    return { ...d, wordings: dedupe(d.wordings.map((w) => [...new Set([...w, ...extra])])) };
  });
}

/** Fills `explained` (the subjects of an indicator's sub-rows, the concepts of the group rows above it, the topic of its parent row) and `baseWords`. */
function explainParts(out: IndicatorDescription[], catalogue: IndicatorCatalogue, lexicon: Lexicon): IndicatorDescription[] {
  return out.map((d) => {
    const explained = new Set<string>();
    for (const child of out) {
      if (child.indicator.parent !== d.indicator.key) continue;
      for (const c of child.wordings.flat()) if (lexicon.facetOf.get(c) === 'subject') explained.add(c);
    }
    // The topic of the row above, whatever its type ("văn bản đi" of "Tổng số văn bản đi …" above the rate sent electronically).
    const parent = d.indicator.parent ? catalogue.get(d.indicator.parent) : undefined;
    if (parent && parent.type !== 'group') {
      for (const t of [parent.name, ...parent.aliases]) for (const m of lexicon.mentions(withoutRemarks(t))) if (m.facet === 'topic') explained.add(m.concept);
    }
    for (let p = parent; p && p.type === 'group'; p = p.parent ? catalogue.get(p.parent) : undefined) {
      for (const t of [p.name, ...p.aliases]) for (const m of lexicon.mentions(withoutRemarks(t))) if (m.facet !== 'noun' && m.facet !== 'subject') explained.add(m.concept);
    }
    const baseWords = new Set<string>();
    // The base of a rate the indicator is the numerator of, and the count it is a sub-row of ("trong đó có 01 người
    // giữ chức vụ lãnh đạo" of the cases disciplined).
    const bases = lexicon.file.ratios.filter((r) => r.numerator === d.indicator.key).map((r) => r.denominator);
    if (d.indicator.parent && catalogue.get(d.indicator.parent)?.type === 'count') bases.push(d.indicator.parent);
    for (const key of bases) {
      const base = out.find((o) => o.indicator.key === key);
      // (What qualifies the set, "phát sinh phí, lệ phí": not what was done to it nor whose it is.)
      for (const c of base?.wordings.flat() ?? []) if (!['subject', 'action'].includes(lexicon.facetOf.get(c) ?? '')) baseWords.add(c);
    }
    return { ...d, explained, baseWords };
  });
}

function inRemark(t: string, at: number): boolean {
  const open = t.lastIndexOf('(', at);
  return open >= 0 && t.indexOf(')', open) > at;
}

function withoutRemarks(label: string): string {
  return label.replace(/\([^()]*\)/g, ' ').replace(/\s+/g, ' ').trim();
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
