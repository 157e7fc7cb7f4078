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
  if (ctx.unknownNoun) return undefined;
  const d = compiledOf(desc, lexicon);
  // Another body's figure, a target, a comparison, a subset: only an indicator about that very thing
  // (that concept, or another of its facet: "liên thông … cùng cấp") may take it.
  for (const b of ctx.blocks) if (!d.concepts.has(b) && !d.facets.has(lexicon.facetOf.get(b))) return undefined;
  // A kind of the indicator's unit noun that a wording names is its measure word too ("10 công chức" of the civil servants present).
  const noun = ctx.noun;
  if (noun && !(desc.nouns.has(noun) || (d.concepts.has(noun) && d.unitKinds.has(noun))) && !(ctx.labelNoun && desc.nouns.has(ctx.labelNoun))) return undefined;
  const x = readOf(ctx, lexicon);
  const charged = chargedOf(desc, ctx, x, lexicon);
  let best: Fit | undefined;
  // The concepts of the wording the figure states (copied for the best wording only).
  const words: string[] = [];
  for (const wording of d.wordings) {
    // Whose figure it is decides a sub-row ("UBND huyện" under the tasks assigned): a figure that names
    // no such subject is not that sub-row's, however well the rest fits.
    // Nor is one that names several ("nhiệm vụ được UBND tỉnh … và UBND huyện … giao là 21"): that is the total.
    if (wording.subjects.some((c) => !named(c, wording.set, ctx, x))) continue;
    let score = 0;
    words.length = 0;
    for (const c of wording.concepts) {
      let w = ctx.weights.get(c.concept);
      if (w === undefined) {
        // A printed concept that says this measure word too ("văn bản đi" is a document) stands for it.
        w = 0;
        for (const p of c.impliedBy) w = Math.max(w, ctx.weights.get(p) ?? 0);
      }
      if (w > 0) {
        score += w;
        words.push(c.concept);
      } else if (!c.silent) score -= c.heart ? FIT.missingAction : FIT.missing;
    }
    for (const { concept, cost } of charged) {
      if (wording.set.has(concept)) continue;
      // A concept printed in a phrase that already says it ("thanh toán trực tuyến … qua Cổng DVC").
      if (wording.implying.some(([p, implied]) => implied.has(concept) && (ctx.weights.get(p) ?? 0) > 0)) continue;
      score -= cost;
    }
    // The measure word alone ("02 nhiệm vụ") says what is counted, not which count it is; a kind of the
    // indicator's unit ("14 người hoạt động không chuyên trách" of a count of people) does.
    // An indicator that is only a count of a thing ("Tổng số thôn trên địa bàn") is named by its measure
    // word, where the figure says nothing was done to it ("gồm 11 ấp", "có 12 thôn").
    const kindOfUnit = words.some((c) => d.unitKinds.has(c));
    if (wording.onlyCounts) {
      if (x.acted || !((!!ctx.noun && words.includes(ctx.noun)) || kindOfUnit)) continue;
    } else if (!kindOfUnit && !words.some((c) => !COUNTING.has(lexicon.facetOf.get(c) ?? ''))) continue;
    if (section && section !== 'any') score += section === desc.indicator.section ? FIT.section : 0;
    if (!best || score > best.score) best = { key: desc.indicator.key, score, words: [...words] };
  }
  return best;
}

/** Facets that only say what is counted (a measure word) or nothing (a generic word). */
const COUNTING = new Set(['noun', 'generic']);

/** Whether the figure names subject `c` of a wording, and no other subject the wording lacks as strongly. */
function named(c: string, wording: ReadonlySet<string>, ctx: FigureContext, x: ContextRead): boolean {
  const w = ctx.weights.get(c) ?? 0;
  return w > 0 && !x.subjects.some(([o, ow]) => o !== c && !wording.has(o) && ow >= w);
}

/**
 * An indicator's wordings as fitOf reads them, built once: each concept with its facet's role, the
 * wording's subjects, and the concepts whose `implies` say more. A figure is scored against every
 * indicator, and a report has hundreds of figures.
 */
interface CompiledWording {
  readonly concepts: readonly { readonly concept: string; readonly silent: boolean; readonly heart: boolean; readonly impliedBy: readonly string[] }[];
  readonly set: ReadonlySet<string>;
  readonly subjects: readonly string[];
  readonly implying: readonly (readonly [string, ReadonlySet<string>])[];
  readonly onlyCounts: boolean;
}

interface CompiledDescription {
  /** Every concept of the wordings, and their facets. */
  readonly concepts: ReadonlySet<string>;
  readonly facets: ReadonlySet<string | undefined>;
  /** The nouns that are kinds of the indicator's unit noun (kindsOfUnit). */
  readonly unitKinds: ReadonlySet<string>;
  readonly wordings: readonly CompiledWording[];
}

/** The measure nouns a number may be printed with for fitOf to take it for this indicator (its `nouns`, and the kinds of its unit a wording names). */
export function acceptedNouns(desc: IndicatorDescription, lexicon: Lexicon): Set<string> {
  const d = compiledOf(desc, lexicon);
  return new Set([...desc.nouns, ...[...d.concepts].filter((c) => d.unitKinds.has(c))]);
}

/**
 * The concepts of which a figure's context must weigh one for fitOf to fit this indicator at all: a
 * fit needs a wording with a word the figure states, its own concept or one that implies it.
 */
export function reachingConcepts(desc: IndicatorDescription, lexicon: Lexicon): Set<string> {
  const d = compiledOf(desc, lexicon);
  return new Set(d.wordings.flatMap((w) => w.concepts.flatMap((c) => [c.concept, ...c.impliedBy])));
}

const compiledCache = new WeakMap<IndicatorDescription, CompiledDescription>();

function compiledOf(desc: IndicatorDescription, lexicon: Lexicon): CompiledDescription {
  let known = compiledCache.get(desc);
  if (known) return known;
  const facet = (c: string) => lexicon.facetOf.get(c);
  const concepts = new Set(desc.wordings.flat());
  known = {
    concepts,
    facets: new Set([...concepts].map(facet)),
    unitKinds: kindsOfUnit(desc, lexicon),
    wordings: desc.wordings.map((wording) => ({
      concepts: wording.map((c) => ({
        concept: c,
        silent: SILENT_FACETS.has(facet(c) ?? ''),
        heart: HEART.has(facet(c) ?? ''),
        impliedBy: facet(c) === 'noun' ? impliedBy(c, lexicon) : [],
      })),
      set: new Set(wording),
      subjects: wording.filter((c) => facet(c) === 'subject'),
      implying: wording.flatMap((p) => (lexicon.file.implies[p] ? [[p, new Set(lexicon.file.implies[p])] as const] : [])),
      onlyCounts: wording.every((c) => COUNTING.has(facet(c) ?? '')),
    })),
  };
  compiledCache.set(desc, known);
  return known;
}

/** What fitOf asks of a figure's context against every indicator, read once per context. */
interface ContextRead {
  /** The subjects it names, with their weights, in the order of its weights. */
  readonly subjects: readonly (readonly [string, number])[];
  /** Whether it states what was done. */
  readonly acted: boolean;
  /** Its strong concepts that may count against an indicator (not silent), with what each costs. */
  readonly strong: readonly { readonly concept: string; readonly cost: number }[];
}

const readCache = new WeakMap<FigureContext, ContextRead>();

function readOf(ctx: FigureContext, lexicon: Lexicon): ContextRead {
  let known = readCache.get(ctx);
  if (known) return known;
  const facet = (c: string) => lexicon.facetOf.get(c);
  known = {
    subjects: [...ctx.weights].filter(([o]) => facet(o) === 'subject'),
    acted: [...ctx.strong].some((c) => facet(c) === 'action'),
    strong: [...ctx.strong]
      .filter((c) => !SILENT_FACETS.has(facet(c) ?? ''))
      .map((c) => ({ concept: c, cost: (facet(c) === 'action' ? FIT.unexplainedAction : FIT.unexplained) * (ctx.weights.get(c) ?? 0) })),
  };
  readCache.set(ctx, known);
  return known;
}

/** The figure's strong concepts this indicator does not explain whatever its wording: each costs its weight. */
function chargedOf(desc: IndicatorDescription, ctx: FigureContext, x: ContextRead, lexicon: Lexicon): ContextRead['strong'] {
  return x.strong.filter(({ concept: c }) => {
    // The measure word of the indicator's own unit ("11 người" of a count of people) is explained by it.
    if (c === ctx.noun && desc.nouns.has(c)) return false;
    // A general measure word of what the indicator counts ("18/19 người … trong đó đại học chiếm 73,68%" of the staff).
    if ((lexicon.file.kinds[c] ?? []).some((k) => desc.nouns.has(k))) return false;
    if (desc.explained.has(c) || lexicon.file.unmarked.includes(c)) return false;
    // A part of a rate's base, read as the rate's numerator, is of that base: "trong đó 112 hồ sơ thanh toán trực tuyến".
    return !(ctx.fromHead?.has(c) && desc.baseWords.has(c));
  });
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
