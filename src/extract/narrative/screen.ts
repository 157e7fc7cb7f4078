import type { CompiledEntry } from './catalog.js';
import type { CompiledPattern, SentenceProbe } from './pattern.js';

/** A catalogue pattern with the entry it belongs to. */
export interface Candidate {
  readonly entry: CompiledEntry;
  readonly pattern: CompiledPattern;
}

/**
 * The patterns a sentence may match, in catalogue order (entries, then each entry's patterns: the
 * first to claim a number keeps it). Patterns are indexed by their `anchor` word, so that a sentence
 * is screened (`mayMatch`) only against those whose word it holds and those without one, not against
 * the whole catalogue.
 */
export function patternScreen(entries: readonly CompiledEntry[]): (probe: SentenceProbe) => Candidate[] {
  const all: Candidate[] = entries.flatMap((entry) => entry.patterns.map((pattern) => ({ entry, pattern })));
  const byAnchor = new Map<string, number[]>();
  const unanchored: number[] = [];
  for (const [i, { pattern }] of all.entries()) {
    if (pattern.anchor === undefined) unanchored.push(i);
    else byAnchor.set(pattern.anchor, [...(byAnchor.get(pattern.anchor) ?? []), i]);
  }
  return (probe) => {
    const picked = [...unanchored];
    // (A probe's words are distinct and a pattern has one anchor: no pattern is picked twice.)
    for (const w of probe.words) for (const i of byAnchor.get(w) ?? []) picked.push(i);
    return picked
      .sort((a, b) => a - b)
      .map((i) => all[i]!)
      .filter((c) => c.pattern.mayMatch(probe));
  };
}
