import type { FigureContext } from './context.js';
import type { IndicatorDescription } from './description.js';
import { acceptedNouns, reachingConcepts } from './fit.js';
import type { Lexicon } from './lexicon.js';

/**
 * Indicators a figure is scored against, indexed so that a figure is scored only against those fitOf
 * may fit: every other one would give no fit. A report has hundreds of figures and the catalogue
 * hundreds of indicators; most pairs share no word.
 */
export interface CandidateIndex {
  /** The descriptions, in catalogue order (the order fits are ranked in when they tie). */
  readonly all: readonly IndicatorDescription[];
  /** Concept → the indices of the descriptions it may fit (`reachingConcepts`). */
  readonly byConcept: ReadonlyMap<string, readonly number[]>;
  /** Measure noun → the indices of the descriptions a number printed with it may reach (`acceptedNouns`). */
  readonly byNoun: ReadonlyMap<string, readonly number[]>;
  /** Measure noun → the indices of the descriptions that count it (a label's noun lets a number reach those). */
  readonly counting: ReadonlyMap<string, readonly number[]>;
}

export function indexCandidates(all: readonly IndicatorDescription[], lexicon: Lexicon): CandidateIndex {
  const byConcept = new Map<string, number[]>();
  const byNoun = new Map<string, number[]>();
  const counting = new Map<string, number[]>();
  const add = (m: Map<string, number[]>, k: string, i: number) => m.set(k, [...(m.get(k) ?? []), i]);
  for (const [i, d] of all.entries()) {
    for (const c of reachingConcepts(d, lexicon)) add(byConcept, c, i);
    for (const n of acceptedNouns(d, lexicon)) add(byNoun, n, i);
    for (const n of d.nouns) add(counting, n, i);
  }
  return { all, byConcept, byNoun, counting };
}

/**
 * The descriptions fitOf may fit to a figure with this context, in catalogue order: one of whose
 * concepts the context weighs, that takes the number's measure noun (or its label's), none when a
 * word after the number is one no indicator knows. (Only a shortcut: fitOf checks all of it again.)
 */
export function candidatesFor(index: CandidateIndex, ctx: FigureContext): IndicatorDescription[] {
  if (ctx.unknownNoun) return [];
  const reached = new Set<number>();
  for (const c of ctx.weights.keys()) for (const i of index.byConcept.get(c) ?? []) reached.add(i);
  let picked = [...reached];
  if (ctx.noun) {
    const ok = new Set(index.byNoun.get(ctx.noun) ?? []);
    for (const i of ctx.labelNoun ? (index.counting.get(ctx.labelNoun) ?? []) : []) ok.add(i);
    picked = picked.filter((i) => ok.has(i));
  }
  return picked.sort((a, b) => a - b).map((i) => index.all[i]!);
}
