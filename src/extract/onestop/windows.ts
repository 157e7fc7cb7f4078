import type { Period } from '../../model/index.js';
import { makePeriod, parsePeriodKey, regulationWindow } from '../../normalize/period.js';
import { RejectedInput } from '../errors.js';
import { dayOf, isoDay } from './dates.js';

/** A data window figures are counted over, with the period it reports and where it came from. */
export interface CountWindow {
  readonly period: Period;
  readonly start: number;
  readonly end: number;
  /** `stated`: the report's own window, given by the caller; `regulation`: Nghị định 09/2019 Art. 12. */
  readonly source: 'stated' | 'regulation';
}

/** Settings of the one-stop extractors: the part of ExtractConfig they read. */
export interface OnestopSettings {
  /** Period key the export is counted for ("2024", "2024-Q3"); else every year its dates touch. */
  readonly period?: string;
  /** The window the period's report states (ISO dates), used instead of the regulation's. */
  readonly window?: { readonly start: string; readonly end: string };
  /** Day of the month the regulation's windows start on (15 by Nghị định 09/2019). */
  readonly cutoffDay?: number;
}

export type WindowPlan = { readonly kind: 'fixed'; readonly windows: readonly CountWindow[] } | { readonly kind: 'yearly'; readonly cutoffDay: number };

export function planWindows(settings: OnestopSettings): WindowPlan {
  const cutoffDay = settings.cutoffDay ?? 15;
  if (!settings.period) {
    if (settings.window) throw new RejectedInput('a stated window was given without the period it belongs to');
    return { kind: 'yearly', cutoffDay };
  }
  const period = parsePeriodKey(settings.period);
  if (!period) throw new RejectedInput(`not a period key: "${settings.period}" (expected 2024, 2024-H1, 2024-Q3, 2024-9M or 2024-M10)`);
  if (settings.window) {
    const start = dayOf(settings.window.start);
    const end = dayOf(settings.window.end);
    if (!(end >= start)) throw new RejectedInput(`stated window ends before it starts: ${settings.window.start}–${settings.window.end}`);
    return { kind: 'fixed', windows: [{ period, start, end, source: 'stated' }] };
  }
  return { kind: 'fixed', windows: [regulationCountWindow(period, cutoffDay)] };
}

export function regulationCountWindow(period: Period, cutoffDay: number): CountWindow {
  const w = regulationWindow(period, cutoffDay);
  return { period, start: dayOf(w.start), end: dayOf(w.end), source: 'regulation' };
}

/** The reporting year whose regulation window holds a day (15 December onwards belongs to the next year). */
export function reportingYear(day: number, cutoffDay: number): number {
  const iso = isoDay(day);
  // isoDay is memoised; the parsing below is cheap enough not to need its own cache.
  const year = Number(iso.slice(0, 4));
  return iso.slice(5, 7) === '12' && Number(iso.slice(8, 10)) >= cutoffDay ? year + 1 : year;
}

const yearWindows = new Map<string, CountWindow>();
/** The regulation window of a reporting year (memoised: called once per dossier). */
export function yearWindow(year: number, cutoffDay: number): CountWindow {
  const key = `${year}/${cutoffDay}`;
  let w = yearWindows.get(key);
  if (!w) {
    w = regulationCountWindow(makePeriod('year', year, null), cutoffDay);
    yearWindows.set(key, w);
  }
  return w;
}
