import type { ExtractedFigure } from '../../model/index.js';
import { isoDay } from './dates.js';
import type { Dossier } from './dossier.js';
import { catalogueUnit, countIndicator, progress, rates, resolution, type CountingRules, type CountName, type Treatment } from './rules.js';
import { reportingYear, yearWindows, type CountWindow, type WindowPlan } from './windows.js';
import { unitClues } from './unit.js';
import { detach } from './raw-row.js';

/** Counts of one unit over one window: what Biểu 06 prints, plus payments. */
export interface Counts {
  rows: number;
  received_new: number;
  online: number;
  direct: number;
  postal: number;
  unknown_channel: number;
  carried_over: number;
  resolved: number;
  early: number;
  on_time: number;
  late: number;
  in_progress: number;
  within: number;
  overdue: number;
  paid_online: number;
  with_payment: number;
  first_received: number;
  last_received: number;
}

function emptyCounts(): Counts {
  return {
    rows: 0, received_new: 0, online: 0, direct: 0, postal: 0, unknown_channel: 0, carried_over: 0,
    resolved: 0, early: 0, on_time: 0, late: 0, in_progress: 0, within: 0, overdue: 0,
    paid_online: 0, with_payment: 0, first_received: Infinity, last_received: -Infinity,
  };
}

interface Cell {
  readonly unit: string;
  readonly window: CountWindow;
  readonly counts: Counts;
}

/**
 * Aggregates dossiers into counts per unit and window as they stream past; holds nothing per dossier
 * except, when windows are found from the data, a histogram of still-open dossiers by unit, year of
 * receipt and promised day (bounded by the calendar, not by the number of rows).
 */
export class Tally {
  /** Unit → window → counts; windows are memoised objects (windows.ts), so they key by identity. */
  private readonly cells = new Map<string, Map<CountWindow, Cell>>();
  private readonly open = new Map<string, { unit: string; year: number; treatment: Treatment; promised: number | undefined; n: number }>();
  private readonly byYear = new Map<number, readonly CountWindow[]>();
  private readonly years = new Map<number, number>();
  private maxYear = -Infinity;
  excluded = 0;
  /** First day any dossier of the data was received: where the export's (or table's) data begins. */
  dataStart = Infinity;
  /** Last day any dossier of the data was received. */
  lastReceived = -Infinity;

  constructor(
    readonly plan: WindowPlan,
    private readonly rules: CountingRules,
  ) {}

  add(d: Dossier): void {
    if (d.received < this.dataStart) this.dataStart = d.received;
    if (d.received > this.lastReceived) this.lastReceived = d.received;
    if (d.treatment === 'excluded') {
      this.excluded++;
      return;
    }
    if (this.plan.kind === 'fixed') {
      for (const w of this.plan.windows) this.apply(d.unit, w, d);
      return;
    }
    const cutoff = this.plan.cutoffDay;
    const first = this.yearOf(d.received, cutoff);
    if (first > this.maxYear) this.maxYear = first;
    if (d.finished === undefined) {
      // Every period of its own year: received in one, carried over into the later ones.
      for (const w of this.windowsOf(first)) this.apply(d.unit, w, d);
      // Open dossiers carry over into every later year the export covers; known only at the end.
      const key = `${d.unit}\u0000${first}\u0000${d.treatment}\u0000${d.promised ?? ''}`;
      const h = this.open.get(key);
      if (h) h.n++;
      else this.open.set(detach(key), { unit: detach(d.unit), year: first, treatment: d.treatment, promised: d.promised, n: 1 });
      return;
    }
    const last = Math.max(first, this.yearOf(d.finished, cutoff));
    for (let y = first; y <= last; y++) for (const w of this.windowsOf(y)) this.apply(d.unit, w, d);
  }

  /** Reporting year of a day under the plan's cutoff (remembered: an export spans a few thousand days). */
  private yearOf(day: number, cutoff: number): number {
    let y = this.years.get(day);
    if (y === undefined) {
      y = reportingYear(day, cutoff);
      if (this.years.size < 100_000) this.years.set(day, y);
    }
    return y;
  }

  /** The windows of a reporting year under the plan (a lookup by number: this runs once per dossier). */
  private windowsOf(year: number): readonly CountWindow[] {
    let w = this.byYear.get(year);
    if (!w && this.plan.kind === 'found') this.byYear.set(year, (w = yearWindows(year, this.plan.cutoffDay, this.plan.kinds)));
    return w ?? [];
  }

  private cell(unit: string, w: CountWindow): Counts {
    // Nested maps, not a composite string key: this runs once per dossier and window.
    let byWindow = this.cells.get(unit);
    if (!byWindow) this.cells.set(detach(unit), (byWindow = new Map()));
    let c = byWindow.get(w);
    if (!c) {
      c = { unit: detach(unit), window: w, counts: emptyCounts() };
      byWindow.set(w, c);
    }
    return c.counts;
  }

  private apply(unit: string, w: CountWindow, d: Dossier): void {
    const inside = d.received >= w.start && d.received <= w.end;
    const carried = d.received < w.start && (d.finished === undefined || d.finished >= w.start);
    if (!inside && !carried) return;
    const c = this.cell(unit, w);
    c.rows++;
    if (inside) {
      c.received_new++;
      if (d.channel === 'online') c.online++;
      else if (d.channel === 'direct') c.direct++;
      else if (d.channel === 'postal') c.postal++;
      else c.unknown_channel++;
      if (d.paidOnline) c.paid_online++;
      if (d.hasPayment) c.with_payment++;
      if (d.received < c.first_received) c.first_received = d.received;
      if (d.received > c.last_received) c.last_received = d.received;
    } else {
      c.carried_over++;
    }
    if (d.finished !== undefined && d.finished <= w.end) {
      c.resolved++;
      c[resolution(this.rules, d.treatment, d.finished, d.promised)]++;
    } else {
      c.in_progress++;
      c[progress(d.treatment, d.promised, w.end)]++;
    }
  }

  /**
   * Every unit × window with at least one dossier, open dossiers carried into later periods, up to
   * the last window the data reaches: one that starts after the last dossier received (or after
   * `reach`, the last day the export says it lists) would hold only carried-over dossiers of days
   * the data does not show.
   */
  results(reach?: number): { unit: string; window: CountWindow; counts: Counts }[] {
    const last = Math.max(this.lastReceived, reach ?? -Infinity);
    if (this.plan.kind === 'found') {
      for (const h of this.open.values()) {
        for (let y = h.year + 1; y <= this.maxYear; y++) {
          for (const w of this.windowsOf(y)) {
            if (w.start > last) continue;
            const c = this.cell(h.unit, w);
            c.rows += h.n;
            c.carried_over += h.n;
            c.in_progress += h.n;
            c[progress(h.treatment, h.promised, w.end)] += h.n;
          }
        }
      }
      this.open.clear();
    }
    return [...this.cells.values()]
      .flatMap((m) => [...m.values()])
      .filter((c) => this.plan.kind === 'fixed' || c.window.start <= last)
      .sort((a, b) => a.unit.localeCompare(b.unit) || a.window.start - b.window.start || b.window.end - a.window.end);
  }
}

/** What a derived figure carries besides its value. */
export interface FigureContext {
  readonly rules: CountingRules;
  readonly file: string;
  /** What the export says about payments: fees and online payments, online payments only, nothing. */
  readonly payment: 'fees' | 'paid_only' | 'none';
  /** Day number of the first dossier the data holds (Tally.dataStart): the start of its coverage. */
  readonly dataStart?: number;
  /** Last day the data covers, when the export states it ("… đến ngày 20/11/2024"). */
  readonly dataEnd?: number;
}

const round = (x: number) => Math.round(x * 100) / 100;

/**
 * How many days of a window the data covers. The data begins at its first dossier (or the first day
 * the export says it lists): a window that starts earlier (the previous year's window of an export
 * whose first rows are that year's last weeks) is covered only from there. Its end is the day the
 * export was made, which the rows do not tell (days without dossiers are common): the data is taken
 * to reach the window's end unless the export states its own last day.
 */
export function coverage(window: { start: number; end: number }, dataStart: number | undefined, dataEnd?: number): { coverage_days: number; period_days: number } {
  const period_days = window.end - window.start + 1;
  const from = dataStart === undefined || !Number.isFinite(dataStart) ? window.start : Math.max(window.start, dataStart);
  const to = dataEnd === undefined || !Number.isFinite(dataEnd) ? window.end : Math.min(window.end, dataEnd);
  return { coverage_days: Math.max(0, to - from + 1), period_days };
}

/** The indicator figures of one unit × window (method `onestop`). */
export function figuresFor(unit: string, window: CountWindow, c: Counts, ctx: FigureContext): ExtractedFigure[] {
  const start = isoDay(window.start);
  const end = isoDay(window.end);
  const scope: ExtractedFigure['scope'] = {
    ...(unit ? { commune: unitClues(unit) } : {}),
    period: window.period,
    window: { start, end, source: window.source },
  };
  const base = {
    rows: c.rows,
    rules: ctx.rules.name,
    file: ctx.file,
    unit: unit || null,
    window_source: window.source,
    received_first: Number.isFinite(c.first_received) ? isoDay(c.first_received) : null,
    received_last: Number.isFinite(c.last_received) ? isoDay(c.last_received) : null,
    ...(ctx.dataStart !== undefined && Number.isFinite(ctx.dataStart) ? { data_start: isoDay(ctx.dataStart) } : {}),
    ...(ctx.dataEnd !== undefined && Number.isFinite(ctx.dataEnd) ? { data_end: isoDay(ctx.dataEnd) } : {}),
    ...coverage(window, ctx.dataStart, ctx.dataEnd),
  };
  const figures: ExtractedFigure[] = [];
  const push = (indicatorKey: string, n: number, how: string, extra: Record<string, unknown> = {}) =>
    figures.push({
      method: 'onestop',
      indicatorKey,
      ...unitOf(indicatorKey),
      raw: String(n),
      number: n,
      provenance: { quote: `${how}: ${c.rows} dossier rows of ${unit || 'the export'}, ${start}…${end} (${window.source} window)` },
      scope,
      details: { ...base, ...extra },
    });
  const count = (name: CountName, n: number, how: string, extra: Record<string, unknown> = {}) => push(countIndicator(ctx.rules, name), n, how, extra);
  const rate = (indicatorKey: string, num: number, den: number, how: string) => {
    if (den === 0) return;
    const value = round((num / den) * 100);
    figures.push({
      method: 'onestop',
      indicatorKey,
      ...unitOf(indicatorKey),
      raw: `${String(value).replace('.', ',')}%`,
      number: value,
      provenance: { quote: `${how}: ${num}/${den}` },
      scope,
      details: { ...base, numerator: num, denominator: den },
    });
  };
  const counts = countsOf(c);
  count('received', counts.received, 'received in the window or carried over', { unknown_channel: c.unknown_channel });
  count('new', counts.new, 'received in the window');
  count('online', counts.online, 'received online in the window');
  count('direct', counts.direct, 'received directly or by post in the window', { postal: c.postal });
  count('carried_over', counts.carried_over, 'received before the window, open at its start');
  count('resolved', counts.resolved, 'resolved in the window');
  count('early', counts.early, 'resolved before the promised day');
  count('due_day', counts.due_day, 'resolved on the promised day, without one, or returned/withdrawn');
  count('late', counts.late, 'resolved after the promised day');
  count('on_time', counts.on_time, 'resolved early or on the promised day');
  count('in_progress', counts.in_progress, 'open at the window end');
  count('within', counts.within, 'open at the window end, within the deadline');
  count('overdue', counts.overdue, 'open at the window end, past the promised day');
  // The shares, as catalog/onestop-rules.yaml defines them (the same definition as for Biểu 06 forms).
  for (const r of rates(ctx.rules, counts)) rate(r.indicator, r.numerator, r.denominator, r.rule.text);
  if (ctx.payment !== 'none') push('7.2.payment.paid_online', c.paid_online, 'received in the window and paid online');
  if (ctx.payment === 'fees') {
    push('7.2.payment.dossiers', c.with_payment, 'received in the window with fees');
    rate('7.2.payment.rate', c.paid_online, c.with_payment, 'online-paid share of dossiers with fees');
  }
  return figures;
}

function unitOf(indicatorKey: string): { unit?: string } {
  const unit = catalogueUnit(indicatorKey);
  return unit ? { unit } : {};
}

/** A tally's counts under the names the rules catalogue uses. */
export function countsOf(c: Counts): Record<CountName, number> {
  return {
    received: c.received_new + c.carried_over,
    new: c.received_new,
    online: c.online,
    direct: c.direct + c.postal,
    carried_over: c.carried_over,
    resolved: c.resolved,
    early: c.early,
    due_day: c.on_time,
    late: c.late,
    on_time: c.early + c.on_time,
    in_progress: c.in_progress,
    within: c.within,
    overdue: c.overdue,
  };
}
