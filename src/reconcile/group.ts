import type { IndicatorCatalogue } from '../catalog/index.js';
import { bestMember, buildCandidates, clusterCandidates, cmp, type Candidate, type Cluster } from './candidates.js';
import { checkBounds, checkRatio, checkSum } from './checks.js';
import { chooseValue, clusterValue, type Choice } from './choose.js';
import { conflictValue, indicatorLabel, type ConflictDraft } from './conflict.js';
import { gatherEvidence } from './evidence.js';
import { fill, formatNumber } from './format.js';
import { printedFraction } from './fraction.js';
import { samePrinted } from './precision.js';
import type { Rules } from './rules.js';
import type { ConflictValue, Override, ReconObservation, ReconciledValue, Rival } from './types.js';

export interface GroupResult {
  readonly values: ReconciledValue[];
  readonly conflicts: ConflictDraft[];
}

/** What stands for an indicator once chosen: a candidate, or an analyst's override. */
interface Chosen {
  readonly num: number | null;
  readonly text: string | null;
  readonly printed: string;
  readonly decimals: number | null;
  readonly member: Candidate | null;
  readonly override: Override | null;
}

/**
 * Reconciles one commune × period: checks every figure on its own (bounds, a rate against its
 * printed fraction), weighs each indicator's values by the ratio and sum checks, chooses one value
 * per indicator, then reports what still does not add up with the chosen values.
 */
export function reconcileGroup(
  communeKey: string,
  periodKey: string,
  observations: readonly ReconObservation[],
  overrides: readonly Override[],
  rules: Rules,
  catalogue: IndicatorCatalogue,
): GroupResult {
  const m = rules.messages;
  const label = (key: string) => indicatorLabel(key, catalogue);
  const base = {
    communeKey,
    communeCode: observations.find((o) => o.communeCode)?.communeCode ?? null,
    communeName: observations.find((o) => o.communeName)?.communeName ?? null,
    periodKey,
  };
  const drafts: ConflictDraft[] = [];
  const candidates = buildCandidates(observations, rules, catalogue);

  // Each figure on its own.
  const selfFailures = new Map<Candidate, string[]>();
  // Rates already checked against their own printed fraction: the same numbers are not reported twice.
  const selfChecked = new Set<string>();
  const fail = (c: Candidate, rule: string) => selfFailures.set(c, [...(selfFailures.get(c) ?? []), rule]);
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

  const byKey = new Map<string, Candidate[]>();
  for (const c of candidates) byKey.set(c.indicatorKey, [...(byKey.get(c.indicatorKey) ?? []), c]);
  // Remarks stand in for a value only where no source gives one.
  for (const [key, list] of byKey) {
    const values = list.filter((c) => c.remark === null);
    byKey.set(key, values.length ? values : list.slice(0, 1));
  }
  const keys = [...new Set([...byKey.keys(), ...overrides.map((o) => o.indicatorKey)])].sort(cmp);
  const clusters = new Map<string, Cluster[]>();
  for (const [key, list] of byKey) clusters.set(key, clusterCandidates(list));

  const clusterSelf = new Map<Cluster, string[]>();
  for (const list of clusters.values()) {
    for (const cl of list) {
      // A value is broken on its own only if every source stating it is.
      if (cl.members.every((c) => selfFailures.has(c))) clusterSelf.set(cl, selfFailures.get(cl.members[0]!)!);
    }
  }
  const evidence = gatherEvidence(clusters, rules, clusterSelf);

  const choices = new Map<string, Choice>();
  for (const [key, list] of clusters) choices.set(key, chooseValue(list, evidence, rules));
  const override = latestOverrides(overrides);

  const chosen = new Map<string, Chosen>();
  for (const key of keys) {
    const ov = override.get(key);
    const choice = choices.get(key);
    if (ov) {
      const match = choice && (clusters.get(key) ?? []).find((cl) => sameValue(cl, ov));
      chosen.set(key, { num: ov.valueNum, text: ov.valueText, printed: ov.rawValue, decimals: null, member: match ? bestMember(match) : null, override: ov });
    } else if (choice) {
      const member = bestMember(choice.cluster);
      chosen.set(key, { num: choice.cluster.num, text: choice.cluster.text, printed: member.printed, decimals: choice.cluster.decimals, member, override: null });
    }
  }

  // Checks on the chosen values: what still does not add up is a conflict to look at.
  const failed = new Map<string, string[]>();
  const flag = (keysOf: readonly string[], rule: string) => {
    for (const k of keysOf) failed.set(k, [...(failed.get(k) ?? []), rule]);
  };
  const chosenValue = (c: Chosen | undefined): ConflictValue[] => {
    if (!c) return [];
    if (c.member) return [conflictValue(c.member)];
    return [{ indicator: c.override!.indicatorKey, value: c.num ?? c.text, printed: c.printed, label: 'override', source: overrideSource(c.override!), observation: null, quote: c.override!.reason }];
  };
  // The chosen values first, then each source's own figures: an appendix that contradicts itself
  // (75 services against 64 + 211) shows even where other sources supplied the chosen values.
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

  const values: ReconciledValue[] = [];
  for (const key of keys) {
    const c = chosen.get(key)!;
    const choice = choices.get(key);
    const list = clusters.get(key) ?? [];
    const sources = sourcesText(list, choice?.cluster, rules);
    const rivals = list.filter((cl) => !(c.override ? sameValue(cl, c.override) : cl === choice?.cluster)).flatMap((cl) => cl.members.map(rival));
    const reason = c.override
      ? fill(m.overridden, { who: c.override.who, when: c.override.when, value: c.override.rawValue, reason: c.override.reason })
      : choice!.reason;
    const failedChecks = [...(selfFailures.get(c.member!) ?? []), ...(failed.get(key) ?? [])];
    const explanation = [sources, reason, failedChecks.length ? fill(m.failed, { rules: failedChecks.join('; ') }) : '']
      .filter(Boolean)
      .join(m.reason_joiner);
    values.push({
      ...base,
      indicatorKey: key,
      valueNum: c.num,
      valueText: c.text,
      status: c.override ? 'overridden' : choice!.status,
      chosenObservation: c.member?.ref ?? null,
      source: c.override ? overrideSource(c.override) : c.member!.source,
      printed: c.printed,
      rivals,
      rule: c.override ? `override: ${c.override.id}` : choice!.rule,
      explanation,
      failedChecks,
      observations: list.reduce((n, cl) => n + cl.members.length, 0),
      overrideId: c.override?.id ?? null,
    });

    if (list.length > 1) {
      const decision = c.override
        ? reason
        : [fill(m.decision_chosen, { value: clusterValue(choice!.cluster), source: c.member!.sourceLabel }), choice!.reason].join(m.reason_joiner);
      drafts.push({
        ...base,
        indicators: [key],
        rule: `cross_source: ${key}`,
        kind: 'cross_source',
        severity: rules.crossSource.severity,
        verdict: c.override ? 'overridden' : choice!.status === 'unresolved' ? 'unresolved' : 'differ',
        values: list.flatMap((cl) => cl.members.map(conflictValue)),
        message: fill(m.cross_source, { indicator: label(key), values: sources }),
        decision,
      });
    }
    if (choice && choice.superseded.length) {
      drafts.push({
        ...base,
        indicators: [key],
        rule: `estimate: ${key}`,
        kind: 'estimate',
        severity: rules.periods.estimate_severity,
        verdict: 'superseded',
        values: [...choice.superseded, choice.cluster].flatMap((cl) => cl.members.map(conflictValue)),
        message: fill(m.estimate_superseded, {
          indicator: label(key),
          estimate: choice.superseded.map(clusterValue).join(', '),
          actual: clusterValue(choice.cluster),
        }),
        decision: choice.reason,
      });
    }
  }
  return { values, conflicts: drafts };
}

/** Each source's own figures (one document, one method), the first it states per indicator. */
function ownFigures(candidates: readonly Candidate[]): Map<string, Map<string, Chosen>> {
  const out = new Map<string, Map<string, Chosen>>();
  for (const c of candidates) {
    const source = `${c.obs.documentSha256}|${c.obs.method}`;
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

function ratioMessage(rules: Rules, verdict: string, printed: string, computed: number, decimals: number, numerator: number, denominator: number): string {
  const template = verdict === 'truncation' ? rules.messages.ratio_truncation : verdict === 'rounding' ? rules.messages.ratio_rounding : rules.messages.ratio_wrong;
  // A wrong rate is shown at its printed precision (116,15%); a near miss two digits further (1,0194%).
  const shown = formatNumber(computed, verdict === 'wrong' ? decimals : decimals + 2);
  return fill(template, { printed, computed: shown, numerator: formatNumber(numerator), denominator: formatNumber(denominator) });
}

/** The newest decision per indicator (by time, then id), so that a later override replaces an earlier one. */
function latestOverrides(overrides: readonly Override[]): Map<string, Override> {
  const out = new Map<string, Override>();
  const sorted = [...overrides].sort((a, b) => cmp(a.when, b.when) || a.id - b.id);
  for (const o of sorted) out.set(o.indicatorKey, o);
  return out;
}

function sameValue(cl: Cluster, ov: Override): boolean {
  if (cl.num !== null && ov.valueNum !== null) return samePrinted(cl.num, cl.decimals, ov.valueNum, null);
  return cl.num === null && ov.valueNum === null && (cl.text ?? '').trim().toLowerCase() === (ov.valueText ?? '').trim().toLowerCase();
}

function overrideSource(o: Override): string {
  return `override #${o.id}: ${o.who}`;
}

function rival(c: Candidate): Rival {
  return { value: c.num ?? c.text, printed: c.printed, label: c.sourceLabel, source: c.source, observation: c.ref };
}

/** "Bảng phụ lục (Excel): 11; Thuyết minh: 12 (12/12 nhiệm vụ của UBND tỉnh)": each source once, the chosen value first. */
function sourcesText(list: readonly Cluster[], chosen: Cluster | undefined, rules: Rules): string {
  const ordered = chosen ? [chosen, ...list.filter((c) => c !== chosen)] : [...list];
  const parts: string[] = [];
  for (const cl of ordered) {
    const shown = clusterValue(cl);
    const seen = new Set<string>();
    for (const c of [...cl.members].sort((a, b) => a.rank - b.rank)) {
      const printed = c.printed.trim();
      const text = printed === '' || samePrintedText(printed, shown) ? `${c.sourceLabel}: ${shown}` : `${c.sourceLabel}: ${shown} (${printed})`;
      if (seen.has(text)) continue;
      seen.add(text);
      parts.push(text);
    }
  }
  return parts.join(rules.messages.sources_joiner);
}

function samePrintedText(printed: string, shown: string): boolean {
  const norm = (s: string) => s.replace(/[\s%]/g, '').replace(/^0+(?=\d)/, '');
  return norm(printed) === norm(shown);
}
