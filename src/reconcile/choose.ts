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
  if (c.num === null) return c.text ?? '';
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
      return { cluster: chosen, status: 'resolved', ...explainStep(step, chosen, rejected, evidence, rules), superseded };
    }
  }
  const chosen = remaining[0]!;
  return { cluster: chosen, status: 'unresolved', rule: 'unresolved', reason: fill(m.unresolved, { value: clusterValue(chosen) }), superseded };
}

function keep(step: DecideStep, list: readonly Cluster[], evidence: ReadonlyMap<Cluster, ClusterEvidence>): Cluster[] {
  const best = <T>(score: (c: Cluster) => number) => {
    const min = Math.min(...list.map(score));
    return list.filter((c) => score(c) === min);
  };
  switch (step) {
    case 'evidence':
      return best((c) => evidence.get(c)?.failed.length ?? 0);
    case 'supersede_estimate': {
      const actual = list.filter((c) => c.members.some((x) => !x.estimate));
      return actual.length > 0 && actual.length < list.length ? actual : [...list];
    }
    case 'independent_votes':
      return best((c) => -new Set(c.members.map((x) => x.family)).size);
    case 'precedence':
      return best((c) => bestMember(c).rank);
  }
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
