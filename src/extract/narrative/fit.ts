import type { IndicatorDescription } from './description.js';
import { SILENT_FACETS } from './description.js';
import type { FigureContext } from './context.js';
import type { Lexicon } from './lexicon.js';

/**
 * How well an indicator's description fits a figure's: the weight of the concepts both share, less
 * a point for each concept of the wording the figure does not state, less the weight of what the
 * figure states that the wording does not explain (a figure that says "trực tuyến" is not the total
 * received). The heading's section adds half a point where it is the indicator's own (a figure
 * restated in another section loses nothing: "tiếp nhận N hồ sơ" is the same under II.2 and II.6).
 */
export interface Fit {
  readonly key: string;
  readonly score: number;
  /** The concepts that decided (shared by the figure and the best wording). */
  readonly words: readonly string[];
}

export const FIT = {
  /** Below this, no indicator fits well enough. */
  minimum: 2.5,
  /** The best must lead the next indicator by this much. */
  margin: 1,
  missing: 1,
  /** What was done (tiếp nhận, số hóa, giải quyết) is the heart of a wording: missing it costs more. */
  missingAction: 1.5,
  unexplained: 1.2,
  /** What the figure says was done, and the wording does not, is the clearest sign of another indicator. */
  unexplainedAction: 1.4,
  section: 0.5,
} as const;

/** Facets that say what was done or what state is counted ("có mặt"): missing one costs `missingAction`. */
const HEART = new Set(['action', 'state']);

export function fitOf(desc: IndicatorDescription, ctx: FigureContext, lexicon: Lexicon, section: string | undefined): Fit | undefined {
  // Another body's figure, a target, a comparison, a subset: only an indicator about that very thing
  // (that concept, or another of its facet: "liên thông … cùng cấp") may take it.
  const { concepts, facets } = conceptsOf(desc, lexicon);
  for (const b of ctx.blocks) if (!concepts.has(b) && !facets.has(lexicon.facetOf.get(b))) return undefined;
  // A kind of the indicator's unit noun that a wording names is its measure word too ("10 công chức" of the civil servants present).
  const nounOk = (n: string) => desc.nouns.has(n) || (concepts.has(n) && kindsOfUnit(desc, lexicon).has(n));
  if (ctx.noun && !nounOk(ctx.noun) && !(ctx.labelNoun && desc.nouns.has(ctx.labelNoun))) return undefined;
  if (ctx.unknownNoun) return undefined;
  let best: Fit | undefined;
  for (const wording of desc.wordings) {
    // Whose figure it is decides a sub-row ("UBND huyện" under the tasks assigned): a figure that names
    // no such subject is not that sub-row's, however well the rest fits.
    // Nor is one that names several ("nhiệm vụ được UBND tỉnh … và UBND huyện … giao là 21"): that is the total.
    const subjectOf = (c: string) => lexicon.facetOf.get(c) === 'subject';
    const named = (c: string) => (ctx.weights.get(c) ?? 0) > 0 && ![...ctx.weights].some(([o, w]) => o !== c && subjectOf(o) && !wording.includes(o) && w >= ctx.weights.get(c)!);
    if (wording.some((c) => subjectOf(c) && !named(c))) continue;
    let score = 0;
    const words: string[] = [];
    for (const c of wording) {
      // A printed concept that says this measure word too ("văn bản đi" is a document) stands for it.
      const implied = lexicon.facetOf.get(c) === 'noun' ? impliedBy(c, lexicon).map((p) => ctx.weights.get(p) ?? 0) : [];
      const w = ctx.weights.get(c) ?? Math.max(0, ...implied);
      if (w > 0) {
        score += w;
        words.push(c);
      } else if (!SILENT_FACETS.has(lexicon.facetOf.get(c) ?? '')) score -= HEART.has(lexicon.facetOf.get(c) ?? '') ? FIT.missingAction : FIT.missing;
    }
    for (const c of ctx.strong) {
      if (wording.includes(c) || SILENT_FACETS.has(lexicon.facetOf.get(c) ?? '')) continue;
      // The measure word of the indicator's own unit ("11 người" of a count of people) is explained by it.
      if (c === ctx.noun && desc.nouns.has(c)) continue;
      // A general measure word of what the indicator counts ("18/19 người … trong đó đại học chiếm 73,68%" of the staff).
      if ((lexicon.file.kinds[c] ?? []).some((k) => desc.nouns.has(k))) continue;
      if (desc.explained.has(c) || lexicon.file.unmarked.includes(c)) continue;
      // A part of a rate's base, read as the rate's numerator, is of that base: "trong đó 112 hồ sơ thanh toán trực tuyến".
      if (ctx.fromHead?.has(c) && desc.baseWords.has(c)) continue;
      // A concept printed in a phrase that already says it ("thanh toán trực tuyến … qua Cổng DVC").
      if (wording.some((p) => (ctx.weights.get(p) ?? 0) > 0 && (lexicon.file.implies[p] ?? []).includes(c))) continue;
      score -= (lexicon.facetOf.get(c) === 'action' ? FIT.unexplainedAction : FIT.unexplained) * (ctx.weights.get(c) ?? 0);
    }
    // The measure word alone ("02 nhiệm vụ") says what is counted, not which count it is; a kind of the
    // indicator's unit ("14 người hoạt động không chuyên trách" of a count of people) does.
    // An indicator that is only a count of a thing ("Tổng số thôn trên địa bàn") is named by its measure
    // word, where the figure says nothing was done to it ("gồm 11 ấp", "có 12 thôn").
    const onlyCounts = wording.every((c) => ['noun', 'generic'].includes(lexicon.facetOf.get(c) ?? ''));
    const acted = [...ctx.strong].some((c) => lexicon.facetOf.get(c) === 'action');
    const kindOfUnit = words.some((c) => kindsOfUnit(desc, lexicon).has(c));
    if (onlyCounts) {
      if (acted || !((!!ctx.noun && words.includes(ctx.noun)) || kindOfUnit)) continue;
    } else if (!kindOfUnit && !words.some((c) => !['noun', 'generic'].includes(lexicon.facetOf.get(c) ?? ''))) continue;
    if (section && section !== 'any') score += section === desc.indicator.section ? FIT.section : 0;
    if (!best || score > best.score) best = { key: desc.indicator.key, score, words };
  }
  return best;
}

const impliers = new WeakMap<Lexicon, Map<string, string[]>>();

/** The concepts whose words already say `c` (`implies`). */
function impliedBy(c: string, lexicon: Lexicon): readonly string[] {
  let m = impliers.get(lexicon);
  if (!m) {
    m = new Map();
    for (const [p, implied] of Object.entries(lexicon.file.implies)) for (const x of implied) m.set(x, [...(m.get(x) ?? []), p]);
    impliers.set(lexicon, m);
  }
  return m.get(c) ?? [];
}

const conceptCache = new WeakMap<IndicatorDescription, { concepts: Set<string>; facets: Set<string | undefined> }>();

/** Every concept of the indicator's wordings and their facets: asked for each figure against each indicator, built once. */
function conceptsOf(desc: IndicatorDescription, lexicon: Lexicon): { concepts: Set<string>; facets: Set<string | undefined> } {
  let known = conceptCache.get(desc);
  if (!known) {
    const concepts = new Set(desc.wordings.flat());
    known = { concepts, facets: new Set([...concepts].map((c) => lexicon.facetOf.get(c))) };
    conceptCache.set(desc, known);
  }
  return known;
}

const unitCache = new WeakMap<IndicatorDescription, Set<string>>();

/** The nouns that are kinds of the indicator's unit noun ("Người" → cán bộ, công chức …), from the lexicon's `kinds`. */
function kindsOfUnit(desc: IndicatorDescription, lexicon: Lexicon): Set<string> {
  let nouns = unitCache.get(desc);
  if (!nouns) {
    const units = lexicon.mentions(desc.indicator.unit ?? '').filter((m) => m.facet === 'noun');
    nouns = new Set(units.flatMap((u) => lexicon.file.kinds[u.concept] ?? []));
    unitCache.set(desc, nouns);
  }
  return nouns;
}

/** The best fit if it is good enough and clearly ahead of the next indicator, else undefined (with the runner-up). */
export function decide(fits: readonly Fit[]): { best?: Fit; runnerUp?: Fit } {
  const sorted = [...fits].sort((a, b) => b.score - a.score);
  const [best, runnerUp] = sorted;
  if (!best || best.score < FIT.minimum) return { ...(best ? { runnerUp: best } : {}) };
  if (runnerUp && best.score - runnerUp.score < FIT.margin) return { runnerUp };
  return { best, ...(runnerUp ? { runnerUp } : {}) };
}
