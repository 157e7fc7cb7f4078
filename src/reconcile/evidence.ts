import { checkRatio, checkSum } from './checks.js';
import type { Cluster } from './candidates.js';
import type { Rules } from './rules.js';

/** What the checks say about one value of an indicator. */
export interface ClusterEvidence {
  /** Checks no combination with this value satisfies. */
  readonly failed: string[];
  /** Checks some combination with this value satisfies. */
  readonly passed: string[];
}

// Beyond this many combinations a check is skipped for evidence: it would be a pathological commune.
const MAX_COMBINATIONS = 20_000;

/**
 * For every value of every indicator, which ratio and sum checks it can satisfy with some value of
 * the other indicators the check names, and which it cannot. A value that breaks a check its rival
 * satisfies loses on evidence, whatever its source. Self-checks (bounds, a rate against its own
 * printed fraction) arrive in `selfFailed`.
 */
export function gatherEvidence(
  clusters: ReadonlyMap<string, readonly Cluster[]>,
  rules: Rules,
  selfFailed: ReadonlyMap<Cluster, readonly string[]>,
): Map<Cluster, ClusterEvidence> {
  const out = new Map<Cluster, ClusterEvidence>();
  for (const list of clusters.values()) {
    for (const c of list) out.set(c, { failed: [...(selfFailed.get(c) ?? [])], passed: [] });
  }
  const numeric = (key: string) => (clusters.get(key) ?? []).filter((c) => c.num !== null);

  for (const rule of rules.ratios) {
    const lists = [numeric(rule.rate), numeric(rule.numerator), numeric(rule.denominator)];
    if (lists.some((l) => l.length === 0)) continue;
    record(out, lists, ([r, n, d]) => {
      const o = checkRatio(r!.num!, r!.decimals, n!.num!, d!.num!);
      return o === undefined ? undefined : o.verdict !== 'wrong';
    }, rule.id);
  }

  for (const rule of rules.sums) {
    const keys = [rule.total, ...rule.parts];
    const lists = keys.map((k) => numeric(k));
    if (lists.some((l, i) => l.length === 0 && !rule.optional.includes(keys[i]!))) continue;
    // A missing optional part is one "absent" choice, so the combination loop still runs.
    const padded = lists.map((l) => (l.length ? l : [undefined]));
    record(out, padded, (combo) => {
      const byKey = new Map(keys.map((k, i) => [k, combo[i]?.num ?? undefined]));
      return checkSum(rule, (k) => byKey.get(k) ?? undefined)?.ok;
    }, rule.id);
  }
  return out;
}

function record(
  out: Map<Cluster, ClusterEvidence>,
  lists: readonly (readonly (Cluster | undefined)[])[],
  test: (combo: readonly (Cluster | undefined)[]) => boolean | undefined,
  ruleId: string,
): void {
  const total = lists.reduce((n, l) => n * l.length, 1);
  if (total > MAX_COMBINATIONS) return;
  const satisfied = new Set<Cluster>();
  const evaluated = new Set<Cluster>();
  for (const combo of product(lists)) {
    const ok = test(combo);
    if (ok === undefined) continue;
    for (const c of combo) {
      if (!c) continue;
      evaluated.add(c);
      if (ok) satisfied.add(c);
    }
  }
  for (const c of evaluated) {
    const e = out.get(c);
    if (!e) continue;
    (satisfied.has(c) ? e.passed : e.failed).push(ruleId);
  }
}

function* product<T>(lists: readonly (readonly T[])[]): Generator<T[]> {
  if (lists.length === 0) {
    yield [];
    return;
  }
  const [first, ...rest] = lists;
  for (const head of first!) for (const tail of product(rest)) yield [head, ...tail];
}
