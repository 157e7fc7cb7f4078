import { bestMember, compareCandidates, type Cluster } from './candidates.js';
import type { ClusterEvidence } from './evidence.js';
import { fill, formatNumber } from './format.js';
import type { DecideStep, Rules } from './rules.js';
import type { ValueStatus } from './types.js';

export interface Choice {
  readonly cluster: Cluster;
  readonly status: ValueStatus;
  /** agreed | single_source | evidence: <checks> | supersede_estimate | independent_votes | precedence | unresolved */
  readonly rule: string;
  readonly reason: string;
  /** Values an actual figure replaced ("ước thực hiện"): both stay visible. */
  readonly superseded: readonly Cluster[];
}

export function clusterValue(c: Cluster): string {
  if (c.num === null) return c.text ?? c.members[0]?.remark ?? c.members[0]?.printed ?? '';
  return formatNumber(c.num, Math.max(2, c.decimals ?? 0)) + (c.percent ? '%' : '');
}

/** The most trusted source first, then document order: the order ties fall back on. */
function clusterOrder(a: Cluster, b: Cluster): number {
  return bestMember(a).rank - bestMember(b).rank || compareCandidates(bestMember(a), bestMember(b));
}

/**
 * Picks one value among an indicator's disagreeing values by the reasons of `rules.decide`, in that
 * order: each keeps the values it prefers, and the first that leaves one value decides.
 */
export function chooseValue(clusters: readonly Cluster[], evidence: ReadonlyMap<Cluster, ClusterEvidence>, rules: Rules): Choice {
  const m = rules.messages;
  const sorted = [...clusters].sort(clusterOrder);
  if (sorted.length === 1) {
    const only = sorted[0]!;
    const agreed = only.members.length > 1;
    return { cluster: only, status: agreed ? 'agreed' : 'single_source', rule: agreed ? 'agreed' : 'single_source', reason: agreed ? m.agreed : m.single_source, superseded: [] };
  }
  let remaining = sorted;
  let superseded: Cluster[] = [];
  for (const step of rules.decide) {
    const kept = keep(step, remaining, evidence);
    if (kept.length === remaining.length) continue;
    const rejected = remaining.filter((c) => !kept.includes(c));
    if (step === 'supersede_estimate') superseded = rejected;
    remaining = kept;
    if (remaining.length === 1) {
      const chosen = remaining[0]!;
      const step_ = explainStep(step, chosen, rejected, evidence, rules);
      return { cluster: chosen, status: 'resolved', rule: step_.rule, reason: withTie(step_.reason), superseded };
    }
  }
  const chosen = remaining[0]!;
  return { cluster: chosen, status: 'unresolved', rule: 'unresolved', reason: withTie(fill(m.unresolved, { value: clusterValue(chosen) })), superseded };

  // Checks every value satisfies do not decide, but say so: "1.4.1 = UBND tỉnh + UBND huyện" holds
  // for 11 + 10 and for 12 + 9 alike.
  function withTie(reason: string): string {
    const passedByAll = (evidence.get(sorted[0]!)?.passed ?? []).filter((r) => sorted.every((c) => evidence.get(c)?.passed.includes(r)));
    return passedByAll.length ? `${fill(m.evidence_tie, { rules: passedByAll.join('; ') })}; ${reason}` : reason;
  }
}

function keep(step: DecideStep, list: readonly Cluster[], evidence: ReadonlyMap<Cluster, ClusterEvidence>): Cluster[] {
  const best = (score: (c: Cluster) => number) => {
    const min = Math.min(...list.map(score));
    return list.filter((c) => score(c) === min);
  };
  switch (step) {
    case 'evidence':
      return best((c) => evidence.get(c)?.failed.length ?? 0);
    case 'supersede_estimate': {
      const kept = list.filter((c) => !list.some((other) => other !== c && supersedes(other, c)));
      return kept.length ? kept : [...list];
    }
    case 'independent_votes':
      return best((c) => -new Set(c.members.map((x) => x.family)).size);
    case 'precedence':
      return best((c) => bestMember(c).rank);
  }
}

/**
 * A value only estimated ("ước thực hiện") gives way to an actual figure stated as of a later date.
 * An undated actual figure (an Excel copy of the appendix that does not repeat the report's window)
 * is not "later" than anything: it may be a copy of the estimate itself.
 */
function supersedes(actual: Cluster, estimate: Cluster): boolean {
  if (!estimate.members.every((m) => m.estimate)) return false;
  const estimateDate = estimate.members.reduce<string>((d, m) => (m.asOf && m.asOf > d ? m.asOf : d), '');
  return actual.members.some((m) => !m.estimate && m.asOf !== null && m.asOf > estimateDate);
}

function explainStep(
  step: DecideStep,
  chosen: Cluster,
  rejected: readonly Cluster[],
  evidence: ReadonlyMap<Cluster, ClusterEvidence>,
  rules: Rules,
): { rule: string; reason: string } {
  const m = rules.messages;
  const value = clusterValue(chosen);
  const others = rejected.map(clusterValue).join(', ');
  switch (step) {
    case 'evidence': {
      const failedByRivals = new Set(rejected.flatMap((c) => evidence.get(c)?.failed ?? []));
      const deciding = (evidence.get(chosen)?.passed ?? []).filter((r) => failedByRivals.has(r));
      const checks = deciding.length ? deciding : [...failedByRivals].filter((r) => !(evidence.get(chosen)?.failed ?? []).includes(r));
      return { rule: `evidence: ${checks.join('; ')}`, reason: fill(m.evidence, { value, rules: checks.join('; '), rejected: others }) };
    }
    case 'supersede_estimate':
      return { rule: 'supersede_estimate', reason: fill(m.supersede_estimate, { value, rejected: others }) };
    case 'independent_votes':
      return { rule: 'independent_votes', reason: fill(m.independent_votes, { value, votes: String(new Set(chosen.members.map((x) => x.family)).size) }) };
    case 'precedence':
      return { rule: 'precedence', reason: fill(m.precedence, { source: bestMember(chosen).sourceLabel }) };
  }
}
