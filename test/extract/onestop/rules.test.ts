import { describe, expect, it } from 'vitest';
import type { Dossier } from '../../../src/extract/onestop/dossier.js';
import { countingRules, dayOf } from '../../../src/extract/onestop/index.js';
import { workingDays } from '../../../src/extract/onestop/rules.js';
import { Tally } from '../../../src/extract/onestop/tally.js';
import { planWindows } from '../../../src/extract/onestop/windows.js';

const rules = countingRules();
let seq = 0;
function dossier(status: Dossier['statusClass'], received: string, promised: string | undefined, finished: string | undefined): Dossier {
  const treatment = rules.status_classes[status]!;
  return {
    line: ++seq,
    code: `T-${seq}`,
    unit: 'UBND xã Mẫu',
    statusClass: status,
    treatment,
    channel: 'direct',
    received: dayOf(received),
    promised: promised ? dayOf(promised) : undefined,
    finished: treatment === 'by_dates' || treatment === 'on_time' ? (finished ? dayOf(finished) : undefined) : undefined,
    paidOnline: undefined,
    hasPayment: false,
  };
}
function count(ds: Dossier[], settings = { period: '2024-Q1' }) {
  const t = new Tally(planWindows(settings), rules);
  ds.forEach((d) => t.add(d));
  return t.results()[0]!.counts;
}

// 2024-Q1 by the regulation: 15/12/2023–14/03/2024.
describe('counting rules (catalog/onestop-rules.yaml)', () => {
  it('uses the regulation window of the period', () => {
    const plan = planWindows({ period: '2024-Q1' });
    expect(plan.kind === 'fixed' && plan.windows[0]).toMatchObject({ start: dayOf('2023-12-15'), end: dayOf('2024-03-14'), source: 'regulation' });
  });

  it('compares calendar days: before the promised day is early, the same day on time, after it late', () => {
    const c = count([
      dossier('done', '2024-01-02', '2024-01-05', '2024-01-04'),
      dossier('done', '2024-01-02', '2024-01-05', '2024-01-05'),
      dossier('done', '2024-01-02', '2024-01-05', '2024-01-06'),
    ]);
    expect(c).toMatchObject({ resolved: 3, early: 1, on_time: 1, late: 1, in_progress: 0 });
  });

  it('no promised day counts as on time', () => {
    expect(count([dossier('done', '2024-01-02', undefined, '2024-02-20')])).toMatchObject({ resolved: 1, on_time: 1, late: 0 });
  });

  it('returned, withdrawn and suspended dossiers are resolved on time whatever the dates', () => {
    const c = count([
      dossier('returned', '2024-01-02', '2024-01-05', '2024-01-20'),
      dossier('withdrawn', '2024-01-02', '2024-01-05', '2024-01-03'),
      dossier('suspended', '2024-01-02', '2024-01-05', '2024-01-09'),
    ]);
    expect(c).toMatchObject({ resolved: 3, early: 0, on_time: 3, late: 0 });
  });

  it('waiting for supplements is in progress within the deadline, even past the promised day', () => {
    expect(count([dossier('supplement', '2024-01-02', '2024-01-05', undefined)])).toMatchObject({ in_progress: 1, within: 1, overdue: 0, resolved: 0 });
  });

  it('processing is in progress, past the deadline when the promised day is before the window end', () => {
    const c = count([dossier('processing', '2024-01-02', '2024-01-05', undefined), dossier('processing', '2024-03-10', '2024-03-20', undefined)]);
    expect(c).toMatchObject({ in_progress: 2, within: 1, overdue: 1 });
  });

  it('a dossier finished after the window end was in progress at it', () => {
    expect(count([dossier('done', '2024-03-01', '2024-03-20', '2024-03-18')])).toMatchObject({ received_new: 1, resolved: 0, in_progress: 1, within: 1 });
  });

  it('carried over: received before the window, open at its start; part of received, not of new', () => {
    const c = count([
      dossier('done', '2023-12-10', '2023-12-20', '2023-12-18'), // open on 15/12: carried over, resolved early
      dossier('done', '2023-12-10', '2023-12-14', '2023-12-14'), // closed before the window: not counted
      dossier('processing', '2023-11-01', '2023-11-10', undefined), // still open: carried over, overdue
    ]);
    expect(c).toMatchObject({ rows: 2, received_new: 0, carried_over: 2, resolved: 1, early: 1, in_progress: 1, overdue: 1 });
  });

  it('dossiers never received (submitted, refused at intake) are excluded', () => {
    const t = new Tally(planWindows({ period: '2024-Q1' }), rules);
    t.add(dossier('submitted', '2024-01-02', '2024-01-05', undefined));
    t.add(dossier('not_accepted', '2024-01-02', '2024-01-05', undefined));
    expect(t.results()).toEqual([]);
    expect(t.excluded).toBe(2);
  });

  it('a stated window replaces the regulation window', () => {
    const c = count([dossier('done', '2023-12-01', '2023-12-05', '2023-12-04')], { period: '2024', window: { start: '2023-12-01', end: '2024-11-20' } } as never);
    expect(c).toMatchObject({ received_new: 1, resolved: 1, early: 1 });
  });

  it('open dossiers carry over into every later reporting year of the export', () => {
    const t = new Tally(planWindows({}, ['year']), rules);
    t.add(dossier('processing', '2022-06-01', '2022-06-10', undefined));
    t.add(dossier('done', '2024-03-01', '2024-03-05', '2024-03-04'));
    const r = t.results().map((x) => [x.window.period.key, x.counts.received_new, x.counts.carried_over, x.counts.overdue]);
    expect(r).toEqual([
      ['2022', 1, 0, 1],
      ['2023', 0, 1, 1],
      ['2024', 1, 1, 1],
    ]);
  });

  it('an open dossier carries over into the later quarters of its year and the next year’s, up to the last one the data reaches', () => {
    const t = new Tally(planWindows({}, ['quarter']), rules);
    t.add(dossier('processing', '2024-02-01', '2024-02-10', undefined)); // 2024-Q1, never finished
    t.add(dossier('done', '2025-01-10', '2025-01-15', '2025-01-14')); // 2025-Q1: the data's last dossier
    const r = t.results().map((x) => [x.window.period.key, x.counts.received_new, x.counts.carried_over, x.counts.overdue]);
    expect(r).toEqual([
      ['2024-Q1', 1, 0, 1],
      ['2024-Q2', 0, 1, 1],
      ['2024-Q3', 0, 1, 1],
      ['2024-Q4', 0, 1, 1],
      ['2025-Q1', 1, 1, 1],
    ]);
  });

  it('counts months when the rules list them (15th of the month before to the 14th)', () => {
    const t = new Tally(planWindows({}, ['month']), rules);
    t.add(dossier('done', '2024-10-14', '2024-10-20', '2024-10-16')); // 2024-M10 (15/09–14/10), finished in M11
    t.add(dossier('done', '2024-10-15', '2024-10-20', '2024-10-18')); // 2024-M11 (15/10–14/11)
    const r = t.results().map((x) => [x.window.period.key, x.counts.received_new, x.counts.carried_over, x.counts.resolved]);
    expect(r).toEqual([
      ['2024-M10', 1, 0, 0],
      ['2024-M11', 1, 1, 2],
    ]);
  });

  it('working days skip weekends (Friday 05/01/2024 to Tuesday 09/01/2024 is 2)', () => {
    expect(workingDays(rules, dayOf('2024-01-05'), dayOf('2024-01-09'))).toBe(2);
    expect(workingDays(rules, dayOf('2024-01-01'), dayOf('2024-01-31'))).toBe(22);
  });
});
