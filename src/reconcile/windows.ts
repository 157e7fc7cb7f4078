import type { Candidate } from './candidates.js';
import { fill } from './format.js';
import type { Rules } from './rules.js';
import type { FigureWindow, ReconObservation } from './types.js';

/**
 * One-stop figures carry the window they were counted over; reports state theirs. When the system
 * gives a figure over the window the commune-period's reports state, its figures of the same
 * indicator over any other window (the Nghị định 09 window, a Biểu 06 form's) are set aside: they
 * differ because they count other days, not because a source is wrong.
 * So is a one-stop figure whose data covers only part of its window (an export whose first rows are
 * the last weeks of the previous year), wherever a figure of the same indicator covers the period
 * whole: a part does not compete with the whole. Where nothing else states the indicator, the partial
 * figure is the value, and `indicator_values.coverage` marks it `partial` (migration 005).
 */
export interface WindowSplit {
  /** Figures that compete for a value: everything but the set-aside one-stop figures. */
  readonly competing: ReconObservation[];
  /** One-stop figures over another window than the stated one, or over part of the period only. */
  readonly otherWindow: ReconObservation[];
}

interface Stated {
  readonly start: string | null;
  readonly end: string;
}

const NOT_VALUES = new Set(['blank', 'note']);

export function splitByWindow(observations: readonly ReconObservation[]): WindowSplit {
  const stated = statedWindows(observations);
  const inStated = (o: ReconObservation) =>
    !!o.windowEnd && stated.some((w) => w.end === o.windowEnd && (w.start === null || !o.windowStart || w.start === o.windowStart));
  const covered = new Set<string>();
  const whole = new Set<string>();
  for (const o of observations) {
    if (!o.indicatorKey || !hasValue(o)) continue;
    if (o.method === 'onestop' && stated.length && inStated(o)) covered.add(o.indicatorKey);
    if (!isPartial(o)) whole.add(o.indicatorKey);
  }
  const competing: ReconObservation[] = [];
  const otherWindow: ReconObservation[] = [];
  for (const o of observations) {
    const key = o.indicatorKey;
    const otherThanStated = o.method === 'onestop' && !!key && covered.has(key) && !!o.windowEnd && !inStated(o);
    const partOfWhole = !!key && isPartial(o) && whole.has(key);
    (otherThanStated || partOfWhole ? otherWindow : competing).push(o);
  }
  return { competing, otherWindow };
}

/** A one-stop figure whose data covers fewer days than its window has. */
export function isPartial(o: ReconObservation): boolean {
  return o.method === 'onestop' && typeof o.coverageDays === 'number' && typeof o.periodDays === 'number' && o.coverageDays < o.periodDays;
}

/** The windows the reports of the commune-period state: the document's, and the one its figures carry. */
function statedWindows(observations: readonly ReconObservation[]): Stated[] {
  const out = new Map<string, Stated>();
  const add = (start: string | null | undefined, end: string | null | undefined) => {
    if (end) out.set(`${start ?? ''}..${end}`, { start: start ?? null, end });
  };
  for (const o of observations) {
    if (o.method === 'onestop' || o.document.kind === 'onestop') continue;
    add(o.document.statedStart, o.document.statedEnd);
    if (o.windowSource === 'stated') add(o.windowStart, o.windowEnd);
  }
  // A window known only by its end is dropped when the same end is known with its start.
  return [...out.values()].filter((w) => w.start !== null || ![...out.values()].some((x) => x.start !== null && x.end === w.end));
}

function hasValue(o: ReconObservation): boolean {
  return !NOT_VALUES.has(o.valueKind) && (o.valueNum !== null || o.valueText !== null);
}

export function windowOf(o: ReconObservation): FigureWindow | null {
  return o.windowEnd ? { source: o.windowSource ?? null, start: o.windowStart ?? null, end: o.windowEnd } : null;
}

/** "Hệ thống một cửa điện tử (kỳ theo Nghị định 09: 15/12/2023–14/12/2024)". */
export function windowLabel(c: Candidate, rules: Rules): string {
  const w = windowOf(c.obs);
  if (!w) return c.sourceLabel;
  const m = rules.messages;
  const name = w.source === 'regulation' ? m.window_regulation : w.source === 'stated' ? m.window_stated : w.source === 'form' ? m.window_form : m.window_unknown;
  return fill(m.window_label, { label: c.sourceLabel, window: name, start: w.start ? formatDate(w.start) : '…', end: formatDate(w.end) });
}

/** 2023-12-15 → 15/12/2023, as Vietnamese documents print dates. */
export function formatDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}
