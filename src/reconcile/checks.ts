import type { Indicator } from '../catalog/index.js';
import { classifyRatio, type RatioVerdict } from './precision.js';
import type { Rules, SumRule } from './rules.js';

/**
 * The arithmetic of one check on given values. Pure and value-level: which values to feed it
 * (every candidate combination for evidence, the chosen ones for conflicts) is the caller's business.
 */

export interface RatioOutcome {
  readonly verdict: RatioVerdict;
  readonly printed: number;
  readonly decimals: number;
  readonly computed: number;
}

/** A printed rate against numerator / denominator; undefined when the denominator is 0 (0/0 printed as 0%). */
export function checkRatio(printed: number, decimals: number | null, numerator: number, denominator: number): RatioOutcome | undefined {
  if (denominator === 0) return undefined;
  // An unprinted precision (a rate computed from its own fraction) is compared at two decimals.
  const d = decimals ?? 2;
  const computed = (numerator / denominator) * 100;
  return { verdict: classifyRatio(printed, d, computed), printed, decimals: d, computed };
}

export interface SumOutcome {
  readonly ok: boolean;
  readonly relation: 'eq' | 'ge';
  readonly total: number;
  readonly partsSum: number;
  /** The parts that had a value, in the rule's order. */
  readonly present: readonly string[];
}

/**
 * total = Σ parts (or total ≥ Σ parts). A missing optional part makes an equation an inequality;
 * a missing total or required part makes the check inapplicable (undefined).
 */
export function checkSum(rule: SumRule, value: (key: string) => number | undefined): SumOutcome | undefined {
  const total = value(rule.total);
  if (total === undefined) return undefined;
  let partsSum = 0;
  let relation = rule.relation;
  const present: string[] = [];
  for (const part of rule.parts) {
    const v = value(part);
    if (v === undefined) {
      if (!rule.optional.includes(part)) return undefined;
      relation = 'ge';
      continue;
    }
    partsSum += v;
    present.push(part);
  }
  const tolerance = 1e-6 * Math.max(1, Math.abs(total));
  const ok = relation === 'eq' ? Math.abs(total - partsSum) <= tolerance : total + tolerance >= partsSum;
  return { ok, relation, total, partsSum, present };
}

export type BoundsVerdict = 'negative' | 'not_whole' | 'over_max';

/** Counts whole and not negative, money not negative, shares within 0..max (100 unless the indicator says). */
export function checkBounds(num: number | null, ind: Indicator, rules: Rules): BoundsVerdict | undefined {
  if (num === null) return undefined;
  if (ind.type === 'count' || ind.type === 'money' || ind.type === 'percent') {
    if (num < 0) return 'negative';
  }
  if (ind.type === 'count' && !Number.isInteger(num)) return 'not_whole';
  if (ind.type === 'percent' && num > (ind.max ?? rules.bounds.percentMax) + 1e-9) return 'over_max';
  return undefined;
}
