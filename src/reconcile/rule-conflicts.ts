import type { IndicatorCatalogue } from '../catalog/index.js';
import type { Candidate } from './candidates.js';
import { checkRatio, checkSum } from './checks.js';
import { conflictValue, indicatorLabel, type ConflictBase, type ConflictDraft } from './conflict.js';
import { ratioMessage } from './explain.js';
import { fill } from './format.js';
import type { Rules } from './rules.js';
import type { ConflictValue, Override } from './types.js';
import { pushTo } from '../model/index.js';

/** What stands for an indicator once chosen: a candidate, or an analyst's override. */
export interface Chosen {
  readonly num: number | null;
  readonly text: string | null;
  readonly printed: string;
  readonly decimals: number | null;
  readonly member: Candidate | null;
  readonly override: Override | null;
}

export interface RuleConflicts {
  readonly drafts: ConflictDraft[];
  /** Per indicator, the checks its chosen value breaks. */
  readonly failed: Map<string, string[]>;
}

/**
 * The ratio and sum checks on the chosen values, then on each source's own figures: what still does
 * not add up is a conflict to look at, and an appendix that contradicts itself (75 services against
 * 64 + 211) shows even where other sources supplied the chosen values.
 */
export function ruleConflicts(
  chosen: ReadonlyMap<string, Chosen>,
  candidates: readonly Candidate[],
  selfChecked: ReadonlySet<string>,
  rules: Rules,
  catalogue: IndicatorCatalogue,
  base: ConflictBase,
): RuleConflicts {
  const m = rules.messages;
  const label = (key: string) => indicatorLabel(key, catalogue);
  const drafts: ConflictDraft[] = [];
  const failed = new Map<string, string[]>();
  const flag = (keysOf: readonly string[], rule: string) => {
    for (const k of keysOf) pushTo(failed, k, rule);
  };
  const chosenValue = (c: Chosen | undefined): ConflictValue[] => {
    if (!c) return [];
    if (c.member) return [conflictValue(c.member)];
    return [{ indicator: c.override!.indicatorKey, value: c.num ?? c.text, printed: c.printed, label: 'override', source: overrideSource(c.override!), observation: null, quote: c.override!.reason }];
  };
  const tuples: { values: ReadonlyMap<string, Chosen>; chosen: boolean }[] = [{ values: chosen, chosen: true }];
  for (const own of ownFigures(candidates).values()) tuples.push({ values: own, chosen: false });
  const seen = new Set<string>();
  for (const { values: tuple, chosen: isChosen } of tuples) {
    const at = (k: string) => tuple.get(k);
    for (const rule of rules.ratios) {
      const [r, n, d] = [at(rule.rate), at(rule.numerator), at(rule.denominator)];
      if (!r || !n || !d || r.num === null || n.num === null || d.num === null) continue;
      // A rate together with the parts of its own fraction was already checked on its own.
      if (r.member && n.member?.derivedFrom && d.member?.derivedFrom && n.member.ref === r.member.ref && d.member.ref === r.member.ref) continue;
      if (selfChecked.has(`${rule.rate}|${r.num}|${n.num}|${d.num}`) || !once(seen, rule.id, [r, n, d])) continue;
      const o = checkRatio(r.num, r.decimals, n.num, d.num);
      if (!o || o.verdict === 'exact') continue;
      const wrong = o.verdict === 'wrong';
      if (isChosen) flag([rule.rate, rule.numerator, rule.denominator], wrong ? rule.id : `${rule.id} (${o.verdict})`);
      drafts.push({
        ...base,
        indicators: [rule.rate, rule.numerator, rule.denominator],
        rule: `ratio: ${rule.id}`,
        kind: 'ratio',
        severity: wrong ? rule.severity : 'minor',
        verdict: wrong ? 'mismatch' : o.verdict,
        values: [...chosenValue(r), ...chosenValue(n), ...chosenValue(d)],
        message: `${label(rule.rate)}: ${ratioMessage(rules, o.verdict, r.printed, o.computed, o.decimals, n.num, d.num)}`,
        decision: !isChosen ? m.decision_other : wrong ? m.decision_flag : m.decision_info,
      });
    }
    for (const rule of rules.sums) {
      const o = checkSum(rule, (k) => at(k)?.num ?? undefined);
      if (!o || o.ok) continue;
      const involved = [rule.total, ...o.present];
      if (!once(seen, rule.id, involved.map((k) => at(k)!))) continue;
      if (isChosen) flag(involved, rule.id);
      drafts.push({
        ...base,
        indicators: involved,
        rule: `sum: ${rule.id}`,
        kind: 'sum',
        severity: rule.severity,
        verdict: 'mismatch',
        values: involved.flatMap((k) => chosenValue(at(k))),
        message: fill(o.relation === 'eq' ? m.sum_wrong : m.sum_at_least_wrong, {
          total: label(rule.total),
          total_value: at(rule.total)!.printed,
          parts: o.present.map((k) => `${label(k)} (${at(k)!.printed})`).join(' + '),
          parts_value: o.partsSum,
        }),
        decision: isChosen ? m.decision_flag : m.decision_other,
      });
    }
  }

  return { drafts, failed };
}

/** Each source's own figures (one document, one method), the first it states per indicator. */
function ownFigures(candidates: readonly Candidate[]): Map<string, Map<string, Chosen>> {
  const out = new Map<string, Map<string, Chosen>>();
  for (const c of candidates) {
    // One-stop figures over different windows are different sets of figures, each adding up on its own.
    const window = c.obs.method === 'onestop' ? `|${c.obs.windowStart ?? ''}|${c.obs.windowEnd ?? ''}` : '';
    const source = `${c.obs.documentSha256}|${c.obs.method}${window}`;
    const own = out.get(source) ?? new Map<string, Chosen>();
    if (!own.has(c.indicatorKey)) {
      own.set(c.indicatorKey, { num: c.num, text: c.text, printed: c.printed, decimals: c.decimals, member: c, override: null });
    }
    out.set(source, own);
  }
  return out;
}

/** True the first time a check meets this combination of values. */
function once(seen: Set<string>, rule: string, values: readonly Chosen[]): boolean {
  const key = `${rule}|${values.map((v) => `${v.num}`).join('|')}`;
  if (seen.has(key)) return false;
  seen.add(key);
  return true;
}

/** How an override names its source in `indicator_values.source`. */
export function overrideSource(o: Override): string {
  return `override #${o.id}: ${o.who}`;
}

