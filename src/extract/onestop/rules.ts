import { z } from 'zod';
import { loadCatalog } from '../../catalog/index.js';
import { StatusClass } from './vocabulary.js';

/** What a status class counts as; see catalog/onestop-rules.yaml for the meaning of each. */
export const Treatment = z.enum(['by_dates', 'on_time', 'in_progress', 'in_progress_within', 'excluded']);
export type Treatment = z.infer<typeof Treatment>;

export const CountingRules = z.object({
  name: z.string().min(1),
  compare: z.literal('calendar_day'),
  status_classes: z.record(StatusClass, Treatment),
  no_promised_date: z.enum(['on_time', 'early', 'late']),
  working_weekdays: z.array(z.number().int().min(1).max(7)),
});
export type CountingRules = z.infer<typeof CountingRules>;

let cached: CountingRules | undefined;
/** `catalog/onestop-rules.yaml`, loaded once. */
export function countingRules(): CountingRules {
  cached ??= loadCatalog('onestop-rules.yaml', CountingRules);
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
