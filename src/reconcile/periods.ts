import type { IndicatorCatalogue } from '../catalog/index.js';
import { cmp } from './candidates.js';
import { indicatorLabel, type ConflictDraft } from './conflict.js';
import { fill, formatNumber } from './format.js';
import type { PeriodToken, Rules } from './rules.js';
import { observationRef } from './sources.js';
import type { ReconObservation, ReconciledValue } from './types.js';

const YEAR_OF = /^(\d{4})(?:-|$)/;

function periodKeyOf(year: string, token: PeriodToken): string {
  return token === 'Y' ? year : `${year}-${token}`;
}

/**
 * Checks across the periods of one commune and year, on the reconciled values: flow figures of the
 * parts add up to the whole (quarters to the half and the year); cumulative ("lũy kế") figures never
 * fall as the year goes on; stock figures are levels and are left alone.
 * A sum that involves a one-stop figure is checked only where the parts' windows tile the whole's
 * (a year's export counted over the regulation's quarters): one-stop figures of the parts over the
 * regulation's windows against a year's value over the window a report states differ by the days
 * they count, which the window conflicts already show.
 */
export function periodConflicts(values: readonly ReconciledValue[], rules: Rules, catalogue: IndicatorCatalogue, observations: readonly ReconObservation[] = []): ConflictDraft[] {
  const byRef = new Map(observations.map((o) => [observationRef(o), o]));
  const tiles = (whole: ReconciledValue, parts: readonly ReconciledValue[]) => {
    const obs = [whole, ...parts].map((v) => (v.chosenObservation ? byRef.get(v.chosenObservation) : undefined));
    if (!obs.some((o) => o?.method === 'onestop')) return true;
    const w = obs.map((o) => (o?.windowStart && o.windowEnd ? { start: o.windowStart, end: o.windowEnd } : undefined));
    if (w.some((x) => !x)) return false;
    const [all, ...ps] = w as { start: string; end: string }[];
    const sorted = [...ps].sort((a, b) => cmp(a.start, b.start));
    return sorted[0]!.start === all!.start && sorted.at(-1)!.end === all!.end && sorted.every((x, i) => i === 0 || nextDay(sorted[i - 1]!.end) === x.start);
  };
  const index = new Map<string, ReconciledValue>();
  const series = new Map<string, { communeKey: string; year: string; indicatorKey: string }>();
  for (const v of values) {
    const year = YEAR_OF.exec(v.periodKey)?.[1];
    if (!year || v.valueNum === null) continue;
    index.set(`${v.communeKey}|${v.periodKey}|${v.indicatorKey}`, v);
    series.set(`${v.communeKey}|${year}|${v.indicatorKey}`, { communeKey: v.communeKey, year, indicatorKey: v.indicatorKey });
  }
  const out: ConflictDraft[] = [];
  const p = rules.periods;
  for (const key of [...series.keys()].sort(cmp)) {
    const { communeKey, year, indicatorKey } = series.get(key)!;
    const ind = catalogue.get(indicatorKey);
    if (!ind) continue;
    const at = (t: PeriodToken) => index.get(`${communeKey}|${periodKeyOf(year, t)}|${indicatorKey}`);
    const label = indicatorLabel(indicatorKey, catalogue);
    const draft = (whole: ReconciledValue, involved: ReconciledValue[], message: string): ConflictDraft => ({
      communeKey,
      communeCode: whole.communeCode,
      communeName: whole.communeName,
      periodKey: whole.periodKey,
      indicators: [indicatorKey],
      rule: '',
      kind: 'period',
      severity: p.severity,
      verdict: 'mismatch',
      values: involved.map((v) => ({
        indicator: `${indicatorKey}@${v.periodKey}`,
        value: v.valueNum,
        printed: formatNumber(v.valueNum ?? 0),
        label: v.periodKey,
        source: v.source,
        observation: v.chosenObservation,
        quote: null,
      })),
      message,
      decision: rules.messages.decision_flag,
    });

    if (ind.aggregation === 'flow') {
      for (const rule of p.sums) {
        const whole = at(rule.whole);
        const parts = rule.parts.map(at);
        if (!whole || parts.some((x) => !x) || !tiles(whole, parts as ReconciledValue[])) continue;
        const sum = parts.reduce((n, x) => n + x!.valueNum!, 0);
        if (Math.abs(sum - whole.valueNum!) <= 1e-6 * Math.max(1, Math.abs(sum))) continue;
        const d = draft(whole, [whole, ...(parts as ReconciledValue[])], fill(rules.messages.period_sum, {
          indicator: label,
          whole: whole.periodKey,
          whole_value: whole.valueNum!,
          parts: parts.map((x) => x!.periodKey).join(' + '),
          parts_value: sum,
        }));
        out.push({ ...d, rule: `period: ${rule.whole} = ${rule.parts.join(' + ')}` });
      }
    }
    if (ind.aggregation === 'cumulative') {
      const seen = p.cumulative_order.map(at).filter((x): x is ReconciledValue => x !== undefined);
      for (let i = 1; i < seen.length; i++) {
        const earlier = seen[i - 1]!;
        const later = seen[i]!;
        if (later.valueNum! + 1e-9 >= earlier.valueNum!) continue;
        const d = draft(later, [earlier, later], fill(rules.messages.period_cumulative, {
          indicator: label,
          later: later.periodKey,
          later_value: later.valueNum!,
          earlier: earlier.periodKey,
          earlier_value: earlier.valueNum!,
        }));
        out.push({ ...d, rule: 'period: cumulative never decreases' });
      }
    }
  }
  return out;
}


function nextDay(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
