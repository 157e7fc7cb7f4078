import { type Indicator, type IndicatorCatalogue, valueWords } from '../catalog/index.js';
import { type PrintedFraction, printedFraction } from './fraction.js';
import { printedDecimals, samePrinted } from './precision.js';
import type { Rules } from './rules.js';
import { familyOf, observationRef, sourceOf, sourceText } from './sources.js';
import type { ReconObservation } from './types.js';

/** One figure competing for an indicator's value. */
export interface Candidate {
  readonly obs: ReconObservation;
  readonly ref: string;
  readonly indicatorKey: string;
  readonly num: number | null;
  readonly text: string | null;
  /** As printed: the cell text, the phrase, or the fraction a rate was printed with. */
  readonly printed: string;
  readonly decimals: number | null;
  /** A share in percent points: shown with "%". */
  readonly percent: boolean;
  readonly sourceId: string;
  readonly sourceLabel: string;
  readonly rank: number;
  readonly family: string;
  readonly estimate: boolean;
  /** The date the figure stands at: the document's stated window end, or the figure's own window. */
  readonly asOf: string | null;
  /** No value, only a remark ("Cấp huyện báo cáo"): shown when no source gives a value. */
  readonly remark: string | null;
  /** Read off a rate's printed fraction ("61 hồ sơ/196 hồ sơ (đạt 31,12%)" states 61 and 196). */
  readonly derivedFrom: string | null;
  readonly source: string;
}

/** Candidates that state the same value. */
export interface Cluster {
  readonly indicatorKey: string;
  readonly num: number | null;
  /** Decimals of the most precise printed rate in the cluster. */
  readonly decimals: number | null;
  readonly percent: boolean;
  readonly text: string | null;
  readonly members: readonly Candidate[];
}

const NOT_VALUES = new Set(['blank', 'note']);

/** Stable order: by document then position in it; a figure before those derived from it. */
export function compareCandidates(a: Candidate, b: Candidate): number {
  return (
    cmp(a.obs.documentSha256, b.obs.documentSha256) ||
    a.obs.seq - b.obs.seq ||
    cmp(a.indicatorKey, b.indicatorKey) ||
    cmp(a.derivedFrom ?? '', b.derivedFrom ?? '')
  );
}

export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Every figure of one commune × period that can be a value: mapped, not blank, not a remark.
 * A rate printed with its fraction also states the fraction's parts, for the ratio rules that
 * name them.
 */
export function buildCandidates(observations: readonly ReconObservation[], rules: Rules, catalogue: IndicatorCatalogue): Candidate[] {
  const out: Candidate[] = [];
  for (const obs of observations) {
    if (!obs.indicatorKey) continue;
    const ind = catalogue.get(obs.indicatorKey);
    if (!ind || ind.type === 'section' || ind.type === 'group') continue;
    const base = common(obs, rules);
    const remarkText = obs.valueKind === 'note' ? (obs.valueText ?? obs.rawText) : obs.valueKind === 'blank' ? obs.note : null;
    if (NOT_VALUES.has(obs.valueKind) || (obs.valueNum === null && obs.valueText === null)) {
      // A row left empty with a remark still says something ("Cấp huyện báo cáo"): kept as a remark.
      if (remarkText) {
        out.push({ ...base, indicatorKey: obs.indicatorKey, num: null, text: null, printed: obs.rawText, decimals: null, percent: false, remark: remarkText, derivedFrom: null });
      }
      continue;
    }
    out.push({
      ...base,
      indicatorKey: obs.indicatorKey,
      num: obs.valueNum,
      text: obs.valueText,
      printed: obs.rawText,
      decimals: ind.type === 'percent' ? printedDecimals(obs.rawText) : null,
      percent: ind.type === 'percent',
      remark: null,
      derivedFrom: null,
    });
    if (ind.type !== 'percent') continue;
    const fraction = printedFraction(obs);
    if (!fraction) continue;
    for (const rule of rules.ratios) {
      if (rule.rate !== obs.indicatorKey) continue;
      for (const [key, num] of [
        [rule.numerator, fraction.numerator],
        [rule.denominator, fraction.denominator],
      ] as const) {
        out.push({
          ...base,
          indicatorKey: key,
          num: num * scaleOf(catalogue.get(key), fraction),
          text: null,
          printed: fraction.text,
          decimals: null,
          percent: catalogue.get(key)?.type === 'percent',
          remark: null,
          derivedFrom: `${rule.id}`,
        });
      }
    }
  }
  return out.sort(compareCandidates);
}

/** A money part of a fraction in its printed unit's scale ("1.025,997 triệu đồng"), as normalise read it. */
function scaleOf(ind: Indicator | undefined, fraction: PrintedFraction): number {
  return ind?.type === 'money' ? fraction.scale : 1;
}

function common(obs: ReconObservation, rules: Rules) {
  const s = sourceOf(obs, rules);
  return {
    obs,
    ref: observationRef(obs),
    sourceId: s.id,
    sourceLabel: s.label,
    rank: s.rank,
    family: familyOf(obs, rules.family),
    estimate: obs.document.isEstimate,
    asOf: obs.document.statedEnd ?? obs.windowEnd ?? null,
    source: sourceText(obs),
  };
}

/** Groups one indicator's candidates by value (percents compared at the coarser printed precision). */
export function clusterCandidates(candidates: readonly Candidate[]): Cluster[] {
  const clusters: { indicatorKey: string; num: number | null; text: string | null; decimals: number | null; percent: boolean; members: Candidate[] }[] = [];
  for (const c of candidates) {
    const hit = clusters.find((k) =>
      c.num !== null && k.num !== null
        ? samePrinted(c.num, c.decimals, k.num, k.decimals)
        : c.num === null && k.num === null && normText(c.text) === normText(k.text),
    );
    if (hit) {
      hit.members.push(c);
      // The cluster keeps the most precise reading as its value.
      if (c.decimals !== null && (hit.decimals === null || c.decimals > hit.decimals)) {
        hit.num = c.num;
        hit.decimals = c.decimals;
      }
    } else {
      clusters.push({ indicatorKey: c.indicatorKey, num: c.num, text: c.text, decimals: c.decimals, percent: c.percent, members: [c] });
    }
  }
  return clusters;
}

function normText(t: string | null): string {
  return (t ?? '').normalize('NFC').trim().toLowerCase();
}

/** The best member to name as the chosen observation: most trusted source, a printed figure before a derived one. */
export function bestMember(cluster: Cluster): Candidate {
  return [...cluster.members].sort(
    (a, b) => a.rank - b.rank || Number(a.derivedFrom !== null) - Number(b.derivedFrom !== null) || compareCandidates(a, b),
  )[0]!;
}
