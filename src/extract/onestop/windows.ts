import type { Period, PeriodKind, StatedWindow } from '../../model/index.js';
import { readExportPeriod, readWindow } from '../../normalize/document-header.js';
import { makePeriod, parsePeriodKey, periodsOfYear, regulationWindow } from '../../normalize/period.js';
import { RejectedInput } from '../errors.js';
import { dayOf, isoDay } from './dates.js';
import { countingRules } from './rules.js';

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
  /** Period key the export is counted for ("2024", "2024-Q3"); else every period its dates reach. */
  readonly period?: string;
  /** The window the period's report states (ISO dates), used instead of the regulation's. */
  readonly window?: { readonly start: string; readonly end: string };
  /** Day of the month the regulation's windows start on (15 by Nghị định 09/2019). */
  readonly cutoffDay?: number;
}

/**
 * `fixed`: the caller's period (and window); `found`: every period of `kinds` (the rules catalogue's
 * `export_periods`) whose regulation window the dossiers reach.
 */
export type WindowPlan =
  | { readonly kind: 'fixed'; readonly windows: readonly CountWindow[] }
  | { readonly kind: 'found'; readonly cutoffDay: number; readonly kinds: readonly PeriodKind[] };

export function planWindows(settings: OnestopSettings, kinds: readonly PeriodKind[] = countingRules().export_periods): WindowPlan {
  const cutoffDay = settings.cutoffDay ?? 15;
  if (!settings.period) {
    if (settings.window) throw new RejectedInput('bad_setting', 'a stated window was given without the period it belongs to');
    return { kind: 'found', cutoffDay, kinds };
  }
  const period = parsePeriodKey(settings.period);
  if (!period) throw new RejectedInput('bad_setting', `not a period key: "${settings.period}" (expected 2024, 2024-H1, 2024-Q3, 2024-9M or 2024-M10)`);
  if (settings.window) {
    const start = dayOf(settings.window.start);
    const end = dayOf(settings.window.end);
    if (!(end >= start)) throw new RejectedInput('bad_setting', `stated window ends before it starts: ${settings.window.start}–${settings.window.end}`);
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

const windowsOfYear = new Map<string, readonly CountWindow[]>();
/**
 * The regulation windows of every period of `kinds` in a reporting year (memoised: the objects are
 * reused, so the tally keys cells by identity). Each lies inside the year's
 * window, since all of them start and end on the cut-off day.
 */
export function yearWindows(year: number, cutoffDay: number, kinds: readonly PeriodKind[]): readonly CountWindow[] {
  const key = `${year}/${cutoffDay}/${kinds.join(',')}`;
  let w = windowsOfYear.get(key);
  if (!w) {
    w = periodsOfYear(year, kinds).map((p) => regulationCountWindow(p, cutoffDay));
    windowsOfYear.set(key, w);
  }
  return w;
}

/** The period whose regulation window is exactly the stated range ("Từ ngày 15/12/2023 đến ngày 14/06/2024": 2024-H1). */
function periodOfRange(stated: StatedWindow | undefined, plan: Extract<WindowPlan, { kind: 'found' }>): Period | undefined {
  if (!stated?.start || !stated.end) return undefined;
  const start = dayOf(stated.start);
  const end = dayOf(stated.end);
  return yearWindows(reportingYear(end, plan.cutoffDay), plan.cutoffDay, plan.kinds).find((w) => w.start === start && w.end === end)?.period;
}

/** What a dossier export says about itself: the period it is of, and the days its data covers. */
export interface ExportSpan {
  /** For the document row; its figures carry their own periods. */
  readonly period?: Period;
  /** First day the data covers (day number). */
  readonly dataStart: number;
  /** Last day the data covers, when the export tells it. */
  readonly dataEnd?: number;
}

/**
 * The days an export's data covers and the period it is of. The data runs from its first dossier,
 * or from the first day its title lines say it lists ("Từ ngày 01/12/2023 đến ngày 20/11/2024"),
 * whichever is earlier; to the last day they state (never before its last dossier), else open-ended.
 * Without the pipeline's period, an export that names its own period in its title lines or file name
 * ("…-2024-h1-mot-cua.csv") is a selection of that period's dossiers: its regulation window bounds
 * the data where no range is stated (days without dossiers at either end are days without dossiers).
 * Its period is that one (or the one whose regulation window the stated range is), else the
 * reporting year when all its dossiers fall in one.
 */
export function exportSpan(plan: WindowPlan, titleLines: readonly string[], path: string, first: number, last: number): ExportSpan {
  const stated = readWindow(titleLines);
  const named = plan.kind === 'found' ? (readExportPeriod(titleLines, path) ?? periodOfRange(stated, plan)) : undefined;
  const bounds = named && plan.kind === 'found' ? regulationWindow(named, plan.cutoffDay) : undefined;
  const start = stated?.start ?? bounds?.start;
  const end = stated?.end ?? bounds?.end;
  const period =
    plan.kind === 'fixed'
      ? plan.windows.length === 1 ? plan.windows[0]!.period : undefined
      : named ?? (Number.isFinite(first) && reportingYear(first, plan.cutoffDay) === reportingYear(last, plan.cutoffDay) ? makePeriod('year', reportingYear(first, plan.cutoffDay), null) : undefined);
  return {
    ...(period ? { period } : {}),
    dataStart: start ? Math.min(dayOf(start), first) : first,
    ...(end ? { dataEnd: Math.max(dayOf(end), last) } : {}),
  };
}
