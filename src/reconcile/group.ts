import type { IndicatorCatalogue } from '../catalog/index.js';
import { bestMember, buildCandidates, clusterCandidates, cmp, compareCandidates, type Candidate, type Cluster } from './candidates.js';
import { chooseValue, clusterValue, type Choice } from './choose.js';
import { conflictValue, indicatorLabel, type ConflictDraft } from './conflict.js';
import { gatherEvidence } from './evidence.js';
import { sourcesText } from './explain.js';
import { fill } from './format.js';
import { samePrinted } from './precision.js';
import { overrideSource, ruleConflicts, type Chosen } from './rule-conflicts.js';
import type { Rules } from './rules.js';
import { selfChecks } from './self-checks.js';
import type { ConflictValue, Override, ReconObservation, ReconciledValue, Rival } from './types.js';
import { splitByWindow, windowLabel, windowOf } from './windows.js';
import { pushTo } from '../model/index.js';

export interface GroupResult {
  readonly values: ReconciledValue[];
  readonly conflicts: ConflictDraft[];
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
    // An override for a commune no figure names yet still knows its code (or its name).
    communeCode: observations.find((o) => o.communeCode)?.communeCode ?? (communeKey.startsWith('name:') ? null : communeKey),
    communeName: observations.find((o) => o.communeName)?.communeName ?? (communeKey.startsWith('name:') ? communeKey.slice(5) : null),
    periodKey,
  };
  const drafts: ConflictDraft[] = [];
  // One-stop figures over another window than the reports state do not compete (see windows.ts).
  const split = splitByWindow(observations);
  const candidates = buildCandidates(split.competing, rules, catalogue);
  const otherWindow = buildCandidates(split.otherWindow, rules, catalogue).filter((c) => c.remark === null);
  const otherByKey = new Map<string, Candidate[]>();
  for (const c of otherWindow) pushTo(otherByKey, c.indicatorKey, c);

  const self = selfChecks([...candidates, ...otherWindow].sort(compareCandidates), rules, catalogue, base);
  const selfFailures = self.failures;
  drafts.push(...self.drafts);

  const byKey = new Map<string, Candidate[]>();
  for (const c of candidates) pushTo(byKey, c.indicatorKey, c);
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

  const checks = ruleConflicts(chosen, [...candidates, ...otherWindow].sort(compareCandidates), self.checked, rules, catalogue, base);
  drafts.push(...checks.drafts);
  const failed = checks.failed;

  const values: ReconciledValue[] = [];
  for (const key of keys) {
    const c = chosen.get(key)!;
    const choice = choices.get(key);
    const list = clusters.get(key) ?? [];
    const sources = sourcesText(list, choice?.cluster, rules);
    const others = otherByKey.get(key) ?? [];
    // Figures of another window that give the chosen value say nothing new; the others are shown with their window.
    const otherValues = others.filter((o) => !sameNumber(o, c.num, c.decimals, c.text));
    const rivals = [
      ...list.filter((cl) => !(c.override ? sameValue(cl, c.override) : cl === choice?.cluster)).flatMap((cl) => cl.members.map(rival)),
      ...otherValues.map((o): Rival => ({ ...rival(o), window: windowOf(o.obs)!, cause: 'window' })),
    ];
    const reason = c.override
      ? fill(m.overridden, { who: c.override.who, when: c.override.when, value: c.override.rawValue, reason: c.override.reason })
      : choice!.reason;
    const failedChecks = [...(selfFailures.get(c.member!) ?? []), ...(failed.get(key) ?? [])];
    const windowNote = otherValues.length ? fill(m.window_differs, { values: windowedText(otherValues, rules) }) : '';
    const explanation = [sources, reason, windowNote, failedChecks.length ? fill(m.failed, { rules: failedChecks.join('; ') }) : '']
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
      observations: list.reduce((n, cl) => n + cl.members.length, 0) + others.length,
      overrideId: c.override?.id ?? null,
    });

    if (list.length > 1) {
      const decision = c.override
        ? reason
        : [fill(m.decision_chosen, { value: clusterValue(choice!.cluster), source: c.member!.sourceLabel }), choice!.reason].join(m.reason_joiner);
      // Different numbers for one indicator in one narrative are usually different activities
      // ("04 cuộc" by quarter, "14 buổi" of legal education), not sources contradicting each other.
      const members = list.flatMap((cl) => cl.members);
      const oneNarrative = members.every((x) => x.obs.method === 'narrative' && x.obs.documentSha256 === members[0]!.obs.documentSha256);
      drafts.push({
        ...base,
        indicators: [key],
        rule: `cross_source: ${key}`,
        kind: 'cross_source',
        severity: oneNarrative ? rules.crossSource.same_narrative_severity : rules.crossSource.severity,
        verdict: c.override ? 'overridden' : choice!.status === 'unresolved' ? 'unresolved' : 'differ',
        values: list.flatMap((cl) => cl.members.map(conflictValue)),
        message: fill(m.cross_source, { indicator: label(key), values: sources }),
        decision,
      });
    }
    // The system against itself over two windows: recorded apart from the data conflicts.
    const statedOnestop = list.flatMap((cl) => cl.members).filter((x) => x.obs.method === 'onestop' && windowOf(x.obs) && x.derivedFrom === null);
    const windowOnly = others.filter((o) => !statedOnestop.some((x) => sameNumber(o, x.num, x.decimals, x.text)));
    if (statedOnestop.length && windowOnly.length) {
      drafts.push({
        ...base,
        indicators: [key],
        rule: `window: ${key}`,
        kind: 'window',
        severity: rules.window.severity,
        verdict: 'window',
        values: [...statedOnestop, ...windowOnly].map(windowedValue),
        message: fill(m.window_conflict, { indicator: label(key), values: windowedText([...statedOnestop, ...windowOnly], rules) }),
        decision: m.decision_window,
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

/** Whether a candidate states this value (a rate compared at the coarser printed precision). */
function sameNumber(c: Candidate, num: number | null, decimals: number | null, text: string | null): boolean {
  if (c.num !== null && num !== null) return samePrinted(c.num, c.decimals, num, decimals);
  return c.num === null && num === null && (c.text ?? '').trim().toLowerCase() === (text ?? '').trim().toLowerCase();
}

/** "Hệ thống một cửa điện tử (kỳ theo Nghị định 09: 15/12/2023–14/12/2024): 190", each figure once. */
function windowedText(list: readonly Candidate[], rules: Rules): string {
  const parts: string[] = [];
  for (const cl of clusterCandidates(list)) {
    for (const c of cl.members) {
      const text = `${windowLabel(c, rules)}: ${clusterValue(cl)}`;
      if (!parts.includes(text)) parts.push(text);
    }
  }
  return parts.join(rules.messages.sources_joiner);
}

function windowedValue(c: Candidate): ConflictValue {
  const w = windowOf(c.obs);
  return w ? { ...conflictValue(c), window: w } : conflictValue(c);
}

function rival(c: Candidate): Rival {
  return { value: c.num ?? c.text, printed: c.printed, label: c.sourceLabel, source: c.source, observation: c.ref };
}
