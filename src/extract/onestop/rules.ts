import { z } from 'zod';
import { indicatorCatalogue, loadCatalog } from '../../catalog/index.js';
import { PeriodKind } from '../../model/index.js';
import { StatusClass } from './vocabulary.js';

/** What a status class counts as; see catalog/onestop-rules.yaml for the meaning of each. */
export const Treatment = z.enum(['by_dates', 'on_time', 'in_progress', 'in_progress_within', 'excluded']);
export type Treatment = z.infer<typeof Treatment>;

/** The counts an export's tally and a Biểu 06 form both give (catalog/onestop-rules.yaml `counts`). */
export const CountName = z.enum(['received', 'new', 'online', 'direct', 'carried_over', 'resolved', 'early', 'due_day', 'late', 'on_time', 'in_progress', 'within', 'overdue']);
export type CountName = z.infer<typeof CountName>;

export const RateRule = z.strictObject({
  indicator: z.string().min(1),
  numerator: z.array(CountName).min(1),
  denominator: z.array(CountName).min(1),
  text: z.string().min(1),
});
export type RateRule = z.infer<typeof RateRule>;

export const CountingRules = z.strictObject({
  name: z.string().min(1),
  compare: z.literal('calendar_day'),
  status_classes: z.record(StatusClass, Treatment),
  no_promised_date: z.enum(['on_time', 'early', 'late']),
  working_weekdays: z.array(z.number().int().min(1).max(7)),
  counts: z.record(CountName, z.string().min(1)),
  rates: z.array(RateRule),
  /** The kinds of period an export without a given period is counted for (each with its regulation window). */
  export_periods: z.array(PeriodKind).min(1).refine((k) => new Set(k).size === k.length, 'a period kind listed twice'),
});
export type CountingRules = z.infer<typeof CountingRules>;

/** A share computed by one of the rules' `rates` from counts (none when its denominator is 0). */
export interface Rate {
  readonly indicator: string;
  readonly value: number;
  readonly numerator: number;
  readonly denominator: number;
  readonly rule: RateRule;
}

/** Every rate of the rules over the given counts (the same definition for exports and forms). */
export function rates(rules: CountingRules, counts: Readonly<Partial<Record<CountName, number>>>): Rate[] {
  const sum = (names: readonly CountName[]) => names.reduce((s, n) => s + (counts[n] ?? 0), 0);
  return rules.rates.flatMap((rule) => {
    const numerator = sum(rule.numerator);
    const denominator = sum(rule.denominator);
    if (denominator === 0) return [];
    return [{ indicator: rule.indicator, value: Math.round((numerator / denominator) * 10000) / 100, numerator, denominator, rule }];
  });
}

/** The unit the indicator catalogue gives an indicator ("Hồ sơ", "%"). */
export function catalogueUnit(indicatorKey: string): string | undefined {
  return indicatorCatalogue().get(indicatorKey)?.unit;
}

/** The indicator a count is loaded as. */
export function countIndicator(rules: CountingRules, name: CountName): string {
  const key = rules.counts[name];
  if (!key) throw new Error(`catalog/onestop-rules.yaml: counts has no indicator for "${name}"`);
  return key;
}

let cached: CountingRules | undefined;
/** `catalog/onestop-rules.yaml`, loaded once. */
export function countingRules(): CountingRules {
  if (cached) return cached;
  const rules = loadCatalog('onestop-rules.yaml', CountingRules);
  // A misspelt indicator key would load figures no report can meet: refuse it here.
  const indicators = indicatorCatalogue();
  const unknown = [...Object.values(rules.counts), ...rules.rates.map((r) => r.indicator)].filter((k) => !indicators.get(k));
  if (unknown.length) throw new Error(`catalog/onestop-rules.yaml: unknown indicator keys ${unknown.join(', ')} (catalog/indicators.yaml)`);
  cached = rules;
  return cached;
}

/** How a dossier resolved: early, on the promised day (or counted so), late. */
export type Resolution = 'early' | 'on_time' | 'late';

/**
 * Resolution of a dossier finished on `finished` (day number) against its promised day, as calendar
 * days: the hour does not matter.
 */
export function resolution(rules: CountingRules, treatment: Treatment, finished: number, promised: number | undefined): Resolution {
  if (treatment === 'on_time') return 'on_time';
  if (promised === undefined) return rules.no_promised_date;
  return finished < promised ? 'early' : finished === promised ? 'on_time' : 'late';
}

/** In progress at `reference` (a window's last day): within the deadline or past it. */
export function progress(treatment: Treatment, promised: number | undefined, reference: number): 'within' | 'overdue' {
  if (treatment === 'in_progress_within' || promised === undefined) return 'within';
  return promised < reference ? 'overdue' : 'within';
}

/** Working days after `from` up to and including `to` (day numbers), on the rules' weekdays. */
const weekdaySets = new WeakMap<CountingRules, Set<number>>();

export function workingDays(rules: CountingRules, from: number, to: number): number {
  if (to <= from) return 0;
  let weekdays = weekdaySets.get(rules);
  if (!weekdays) weekdaySets.set(rules, (weekdays = new Set(rules.working_weekdays)));
  const span = to - from;
  let n = Math.floor(span / 7) * weekdays.size;
  for (let d = from + Math.floor(span / 7) * 7 + 1; d <= to; d++) if (weekdays.has(isoWeekday(d))) n++;
  return n;
}

/** ISO weekday (1 = Monday) of a day number (days since 1970-01-01, a Thursday). */
export function isoWeekday(day: number): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}
