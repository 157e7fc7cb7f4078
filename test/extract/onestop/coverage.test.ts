import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { ingestPaths } from '../../../src/pipeline/index.js';
import { tempDir } from '../../helpers.js';
import { reconcile } from '../../../src/reconcile/reconcile.js';
import { reconcileRules } from '../../../src/reconcile/rules.js';
import { doc, obs, resetSeq } from '../../reconcile/helpers.js';
import { byKey, extract, fixture, STATED, LAYOUTS } from './helpers.js';

// fixtures/source/onestop-periods/year-export.yaml: 8 dossiers received 4–11/12/2023 (2 online, 6
// finished before 15/12, 2 finished 05/01/2024), then 40 from 15/12/2023 every 8 days (12 online,
// 35 early, 3 late, 2 open). Under Nghị định 09/2019 a year runs 15/12 to 14/12.
const EXPORT = 'onestop/trung-mon-2024-dossiers.csv';

describe('partial coverage of a period', () => {
  it('marks figures of the previous year, which the export covers from its first dossier only', async () => {
    const doc = await extract(EXPORT);
    const y2023 = doc.figures.filter((f) => f.scope?.period?.key === '2023');
    expect(byKey(y2023)).toMatchObject({ '7.2.4.received': 8, '7.2.4.online': 2, '7.2.4': 25, '3.3.1.resolved': 6, '3.3.1.in_progress': 2 });
    // 2023's window is 15/12/2022–14/12/2023 (365 days); the data starts on 04/12/2023: 11 days of it.
    expect(y2023.every((f) => f.details?.coverage_days === 11 && f.details?.period_days === 365 && f.details?.data_start === '2023-12-04')).toBe(true);

    const y2024 = doc.figures.filter((f) => f.scope?.period?.key === '2024');
    expect(byKey(y2024)).toMatchObject({ '7.2.4.received': 42, '7.2.4.new': 40, '7.2.4.carried_over': 2, '7.2.4.online': 12, '7.2.4': 28.57, '3.3.1.resolved': 40, '3.3.1.late': 5, '3.3.1': 87.5, '3.3.1.in_progress_overdue': 2 });
    expect(y2024.every((f) => f.details?.coverage_days === 366 && f.details?.period_days === 366)).toBe(true);
  });

  it('an export that starts on its window\'s first day covers it whole', async () => {
    const doc = await extract(LAYOUTS[0], STATED);
    expect(doc.figures.every((f) => f.details?.coverage_days === 356 && f.details?.period_days === 356)).toBe(true);
  });

  it('takes the range an export states in its title lines as the days its data covers', async () => {
    // "Từ ngày 01/12/2023 đến ngày 20/11/2024" above the header: the 2024 regulation window
    // (15/12/2023–14/12/2024, 366 days) is covered up to 20/11/2024, 342 days; the stated window whole.
    const regulation = await extract('onestop/ban-thi-2024-vendor2.csv', { period: '2024' });
    expect(regulation.title).toBe('DANH SÁCH HỒ SƠ TIẾP NHẬN');
    expect(regulation.figures.every((f) => f.details?.coverage_days === 342 && f.details?.period_days === 366 && f.details?.data_end === '2024-11-20')).toBe(true);
    const stated = await extract('onestop/ban-thi-2024-vendor2.csv', STATED);
    expect(stated.figures.every((f) => f.details?.coverage_days === 356 && f.details?.period_days === 356)).toBe(true);
  });

  it('publishes the partial year in indicator_values with its mark, the full year as full', async () => {
    const db = join(tempDir(), 'w.sqlite');
    const summary = await ingestPaths([fixture(EXPORT)], { dbPath: db });
    expect(summary).toMatchObject({ loaded: 1, rejected: 0 });
    const conn = new SQLite(db, { readonly: true });
    try {
      const rows = conn
        .prepare("SELECT period_key, value_num, coverage_days, period_days, coverage FROM indicator_values WHERE indicator_key = '7.2.4' ORDER BY period_key")
        .all();
      // Every period the dossiers reach: 2023's year, second half and fourth quarter from 11 of their
      // days; 2024's year, halves, quarters and nine months whole. Online dossiers are the first 12 of
      // 2024's (every 8 days from 15/12/2023, so up to 12/03/2024): Q1 12 of 14 (2 carried over).
      const partial = (key: string, value: number, days: number) => ({ period_key: key, value_num: value, coverage_days: 11, period_days: days, coverage: 'partial' });
      const full = (key: string, value: number, days: number) => ({ period_key: key, value_num: value, coverage_days: days, period_days: days, coverage: 'full' });
      expect(rows).toEqual([
        partial('2023', 25, 365),
        partial('2023-H2', 25, 183),
        partial('2023-Q4', 25, 91),
        full('2024', 28.57, 366),
        full('2024-9M', 32.43, 275),
        full('2024-H1', 48, 183),
        full('2024-H2', 0, 183),
        full('2024-Q1', 85.71, 91),
        full('2024-Q2', 0, 92),
        full('2024-Q3', 0, 92),
        full('2024-Q4', 0, 91),
      ]);
      expect(conn.prepare("SELECT count(*) AS n FROM indicator_values WHERE coverage IS NULL").get()).toEqual({ n: 0 });
      // Counted over the regulation's windows, which tile the year, the export's flows add up: no period conflict.
      expect(conn.prepare("SELECT count(*) AS n FROM conflicts WHERE kind = 'period'").get()).toEqual({ n: 0 });
      // Every figure as published carries it too.
      expect(conn.prepare("SELECT period_key, coverage, count(*) AS n FROM published_values WHERE period_key IN ('2023', '2024') GROUP BY 1, 2 ORDER BY 1").all()).toEqual([
        { period_key: '2023', coverage: 'partial', n: 15 },
        { period_key: '2024', coverage: 'full', n: 15 },
      ]);
    } finally {
      conn.close();
    }
  });

  it('cutoff_day moves the regulation windows of the figures and of the periods table alike', async () => {
    const db = join(tempDir(), 'w.sqlite');
    await ingestPaths([fixture(EXPORT)], { dbPath: db, config: { cutoffDay: 1 } });
    const conn = new SQLite(db, { readonly: true });
    try {
      // With windows from the 1st, December 2023 is 2024's: one year, whose window starts 01/12/2023,
      // and its halves, quarters and nine months, each from the 1st.
      expect(conn.prepare("SELECT key, start_date, end_date FROM periods WHERE key IN ('2023', '2024', '2024-H1', '2024-Q4') ORDER BY key").all()).toEqual([
        { key: '2024', start_date: '2023-12-01', end_date: '2024-11-30' },
        { key: '2024-H1', start_date: '2023-12-01', end_date: '2024-05-31' },
        { key: '2024-Q4', start_date: '2024-09-01', end_date: '2024-11-30' },
      ]);
      // The file name names 2024 (trung-mon-2024-dossiers.csv): its window bounds the data, which is
      // therefore taken to start on 01/12/2023 although its first dossier is of 04/12 (366 of 366).
      // Q1 (01/12–29/02): the 8 December dossiers and 10 of the 8-daily ones; Q2 12; Q3 11 and the one
      // received on 31/05 and finished on 01/06 (carried over); Q4 7.
      expect(conn.prepare("SELECT period_key, value_num, coverage_days, period_days, coverage FROM indicator_values WHERE indicator_key = '7.2.4.received' AND period_key LIKE '2024%' ORDER BY period_key").all()).toEqual([
        { period_key: '2024', value_num: 48, coverage_days: 366, period_days: 366, coverage: 'full' },
        { period_key: '2024-9M', value_num: 41, coverage_days: 275, period_days: 275, coverage: 'full' },
        { period_key: '2024-H1', value_num: 30, coverage_days: 183, period_days: 183, coverage: 'full' },
        { period_key: '2024-H2', value_num: 19, coverage_days: 183, period_days: 183, coverage: 'full' },
        { period_key: '2024-Q1', value_num: 18, coverage_days: 91, period_days: 91, coverage: 'full' },
        { period_key: '2024-Q2', value_num: 12, coverage_days: 92, period_days: 92, coverage: 'full' },
        { period_key: '2024-Q3', value_num: 12, coverage_days: 92, period_days: 92, coverage: 'full' },
        { period_key: '2024-Q4', value_num: 7, coverage_days: 91, period_days: 91, coverage: 'full' },
      ]);
    } finally {
      conn.close();
    }
  });
});

describe('reconciling a partial figure', () => {
  const report = doc({ sha256: 'c'.repeat(64), periodKey: '2023' });
  const onestop = doc({ sha256: 'd'.repeat(64), kind: 'onestop', format: 'csv', fileName: 'trung-mon-2024-dossiers.csv', periodKey: null, communeKey: null });
  const partial = { windowStart: '2022-12-15', windowEnd: '2023-12-14', windowSource: 'regulation', coverageDays: 11, periodDays: 365 };
  const figures = () => {
    resetSeq();
    return [
      obs(report, { key: '7.2.4', raw: '30,5%' }),
      { ...obs(onestop, { key: '7.2.4', raw: '25%', period: '2023' }), ...partial },
      { ...obs(onestop, { key: '7.2.4.online', raw: '2', period: '2023' }), ...partial },
    ];
  };

  it('sets it aside where a figure covers the period whole, and keeps it as the value where none does', () => {
    const r = reconcile(figures(), reconcileRules());
    const share = r.values.find((v) => v.indicatorKey === '7.2.4' && v.periodKey === '2023')!;
    expect(share).toMatchObject({ valueNum: 30.5, status: 'single_source' });
    expect(share.rivals.map((x) => [x.value, x.window])).toEqual([[25, { source: 'regulation', start: '2022-12-15', end: '2023-12-14' }]]);
    // Nothing else states 7.2.4.online for 2023: the partial count is the value (indicator_values marks it).
    expect(r.values.find((v) => v.indicatorKey === '7.2.4.online' && v.periodKey === '2023')).toMatchObject({ valueNum: 2, status: 'single_source' });
  });
});

describe('a half-year export meets the half-year report', () => {
  // The H1 figures an export of the first half gives (export-periods.test.ts): window 15/12/2023–14/06/2024, whole.
  const report = doc({ sha256: 'e'.repeat(64), periodKey: '2024-H1', fileName: 'phong-son-2024-h1-bao-cao.pdf' });
  const onestop = doc({ sha256: 'f'.repeat(64), kind: 'onestop', format: 'csv', fileName: 'phong-son-2024-h1-mot-cua.csv', periodKey: '2024-H1', communeKey: null });
  const whole = { windowStart: '2023-12-15', windowEnd: '2024-06-14', windowSource: 'regulation', coverageDays: 183, periodDays: 183 };
  const figures = (printed: string) => {
    resetSeq();
    return [obs(report, { key: '7.2.4.online', raw: printed }), { ...obs(onestop, { key: '7.2.4.online', raw: '20', period: '2024-H1' }), ...whole }];
  };

  it('agrees where the report states the same count', () => {
    const r = reconcile(figures('20'), reconcileRules());
    expect(r.values.find((v) => v.indicatorKey === '7.2.4.online' && v.periodKey === '2024-H1')).toMatchObject({ valueNum: 20, status: 'agreed' });
    expect(r.conflicts.filter((c) => c.kind === 'cross_source')).toEqual([]);
  });

  it('raises a cross-source conflict for the half where it does not', () => {
    const r = reconcile(figures('28'), reconcileRules());
    expect(r.conflicts.filter((c) => c.kind === 'cross_source').map((c) => [c.periodKey, c.indicators])).toEqual([['2024-H1', ['7.2.4.online']]]);
  });
});
