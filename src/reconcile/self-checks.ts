import type { IndicatorCatalogue } from '../catalog/index.js';
import type { Candidate } from './candidates.js';
import { checkBounds, checkRatio } from './checks.js';
import { conflictValue, indicatorLabel, type ConflictBase, type ConflictDraft } from './conflict.js';
import { ratioMessage } from './explain.js';
import { fill } from './format.js';
import { printedFraction } from './fraction.js';
import type { Rules } from './rules.js';
import { pushTo } from '../model/index.js';

export interface SelfCheckResult {
  readonly drafts: ConflictDraft[];
  /** Checks each figure breaks on its own (major ones only: they count as evidence against it). */
  readonly failures: Map<Candidate, string[]>;
  /** "rate|value|numerator|denominator" of every rate checked against its own printed fraction. */
  readonly checked: Set<string>;
}

/** Each figure on its own: bounds and types, and a printed rate against the fraction printed with it. */
export function selfChecks(candidates: readonly Candidate[], rules: Rules, catalogue: IndicatorCatalogue, base: ConflictBase): SelfCheckResult {
  const m = rules.messages;
  const label = (key: string) => indicatorLabel(key, catalogue);
  const drafts: ConflictDraft[] = [];
  const selfFailures = new Map<Candidate, string[]>();
  // Rates already checked against their own printed fraction: the same numbers are not reported twice.
  const selfChecked = new Set<string>();
  const fail = (c: Candidate, rule: string) => pushTo(selfFailures, c, rule);
  for (const c of candidates) {
    if (c.derivedFrom !== null) continue;
    const ind = catalogue.get(c.indicatorKey)!;
    const bounds = checkBounds(c.num, ind, rules);
    if (bounds) {
      fail(c, `bounds: ${c.indicatorKey}`);
      drafts.push({
        ...base,
        indicators: [c.indicatorKey],
        rule: `bounds: ${c.indicatorKey}`,
        kind: 'bounds',
        severity: rules.bounds.severity,
        verdict: bounds,
        values: [conflictValue(c)],
        message: fill(m[`bounds_${bounds}`], { indicator: label(c.indicatorKey), printed: c.printed, max: String(ind.max ?? rules.bounds.percentMax) }),
        decision: m.decision_flag,
      });
    }
    if (ind.type !== 'percent' || c.num === null || c.obs.valueKind === 'fraction') continue;
    const fraction = printedFraction(c.obs);
    if (fraction) selfChecked.add(`${c.indicatorKey}|${c.num}|${fraction.numerator}|${fraction.denominator}`);
    const outcome = fraction && checkRatio(c.num, c.decimals, fraction.numerator, fraction.denominator);
    if (!fraction || !outcome || outcome.verdict === 'exact') continue;
    const wrong = outcome.verdict === 'wrong';
    if (wrong) fail(c, `printed_fraction: ${c.indicatorKey}`);
    drafts.push({
      ...base,
      indicators: [c.indicatorKey],
      rule: `printed_fraction: ${c.indicatorKey}`,
      kind: 'printed_fraction',
      severity: wrong ? rules.printedFraction.severity : 'minor',
      verdict: outcome.verdict === 'wrong' ? 'mismatch' : outcome.verdict,
      values: [conflictValue(c)],
      message: `${label(c.indicatorKey)}: ${ratioMessage(rules, outcome.verdict, c.printed, outcome.computed, outcome.decimals, fraction.numerator, fraction.denominator)}`,
      decision: wrong ? m.decision_flag : m.decision_info,
    });
  }

  return { drafts, failures: selfFailures, checked: selfChecked };
}
