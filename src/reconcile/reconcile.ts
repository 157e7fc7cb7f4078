import { indicatorCatalogue, type IndicatorCatalogue } from '../catalog/index.js';
import { cmp } from './candidates.js';
import { withId, type ConflictDraft } from './conflict.js';
import { reconcileGroup } from './group.js';
import { periodConflicts } from './periods.js';
import type { Rules } from './rules.js';
import { fill } from './format.js';
import { communeKeyOf, observationRef } from './sources.js';
import { structureConflicts } from './structure.js';
import type { Conflict, Override, ReconObservation, ReconcileResult, ReconciledValue } from './types.js';
import { pushTo } from '../model/index.js';

export interface ReconcileOptions {
  /** The indicator catalogue; the one under catalog/ by default. */
  readonly catalogue?: IndicatorCatalogue;
}

const SEP = '\u0000';

/**
 * One trusted value per commune × period × indicator, with its rivals and the reason, and every
 * conflict found on the way. A pure function of its inputs: observations are put in a stable order
 * (document sha256, then position) first, so the result is byte-identical whatever order the
 * warehouse received them in.
 */
/**
 * A conflict that involves a figure read doubtfully (`ReconObservation.doubtful`) is worth at most
 * `rules.doubtful.severity`: it may come from the reading, not from the report, and must not send an
 * analyst chasing a major disagreement that an extraction artefact made.
 */
function capDoubtful(drafts: readonly ConflictDraft[], observations: readonly ReconObservation[], rules: Rules): ConflictDraft[] {
  const doubtful = new Map(observations.filter((o) => o.doubtful).map((o) => [observationRef(o), o]));
  if (doubtful.size === 0) return [...drafts];
  const rank = { info: 0, minor: 1, major: 2 } as const;
  return drafts.map((d) => {
    const involved = d.values.filter((v) => v.observation !== null && doubtful.has(v.observation));
    if (involved.length === 0 || rank[d.severity] <= rank[rules.doubtful.severity]) return d;
    const figures = involved.map((v) => `${v.printed} (${v.label})`).join(rules.messages.sources_joiner);
    return { ...d, severity: rules.doubtful.severity, message: fill(rules.messages.doubtful_reading, { message: d.message, figures }) };
  });
}

export function reconcile(
  observations: readonly ReconObservation[],
  rules: Rules,
  overrides: readonly Override[] = [],
  options: ReconcileOptions = {},
): ReconcileResult {
  const catalogue = options.catalogue ?? indicatorCatalogue();
  const sorted = [...observations].sort((a, b) => cmp(a.documentSha256, b.documentSha256) || a.seq - b.seq);

  const groups = new Map<string, ReconObservation[]>();
  for (const o of sorted) {
    const commune = communeKeyOf(o);
    if (!commune || !o.periodKey) continue;
    const key = commune + SEP + o.periodKey;
    pushTo(groups, key, o);
  }
  const overridesBy = new Map<string, Override[]>();
  for (const o of overrides) {
    const key = o.communeKey + SEP + o.periodKey;
    pushTo(overridesBy, key, o);
  }

  const values: ReconciledValue[] = [];
  const drafts: ConflictDraft[] = [];
  for (const key of [...new Set([...groups.keys(), ...overridesBy.keys()])].sort(cmp)) {
    const [commune, period] = key.split(SEP) as [string, string];
    const r = reconcileGroup(commune, period, groups.get(key) ?? [], overridesBy.get(key) ?? [], rules, catalogue);
    values.push(...r.values);
    drafts.push(...r.conflicts);
  }
  drafts.push(...structureConflicts(sorted, rules, catalogue));
  drafts.push(...periodConflicts(values, rules, catalogue, sorted));

  const conflicts = new Map<string, Conflict>();
  for (const c of capDoubtful(drafts, sorted, rules).map(withId)) conflicts.set(c.id, c);
  return {
    values: values.sort((a, b) => cmp(a.communeKey, b.communeKey) || cmp(a.periodKey, b.periodKey) || cmp(a.indicatorKey, b.indicatorKey)),
    conflicts: [...conflicts.values()].sort(
      (a, b) => cmp(a.communeKey, b.communeKey) || cmp(a.periodKey, b.periodKey) || cmp(a.kind, b.kind) || cmp(a.rule, b.rule) || cmp(a.id, b.id),
    ),
  };
}
