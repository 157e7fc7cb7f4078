import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { ingestPaths } from '../../../src/pipeline/index.js';
import { tempDir } from '../../helpers.js';
import { byKey, extract, fixture } from './helpers.js';

// Expected values are written by hand from fixtures/source/onestop-periods/forms.yaml (the sums of
// its field rows), not computed by the code under test.
describe('Biểu 06 / II.06a forms of every period kind', () => {
  it.each([
    {
      file: 'onestop/bieu-06-hoang-khai-2024-q3.xlsx',
      commune: { name: 'Hoàng Khai', unitType: 'xã' },
      period: { key: '2024-Q3', kind: 'quarter', year: 2024, number: 3 },
      window: { start: '2024-06-15', end: '2024-09-14', source: 'form' },
      figures: { '7.2.4.received': 79, '7.2.4.online': 18, '7.2.4.direct': 56, '7.2.4.carried_over': 5, '7.2.4.new': 74, '7.2.4': 22.78, '3.3.1.resolved': 75, '3.3.1.on_time': 72, '3.3.1': 96, '3.3.1.in_progress': 4, '3.3.1.in_progress_overdue': 1 },
      days: 92,
    },
    {
      // "đến hết ngày" ("until the end of the day")
      file: 'onestop/bieu-06-y-la-2024-h1.xlsx',
      commune: { name: 'Ỷ La', unitType: 'phường' },
      period: { key: '2024-H1', kind: 'half', year: 2024, number: 1 },
      window: { start: '2024-01-01', end: '2024-06-30', source: 'form' },
      figures: { '7.2.4.received': 264, '7.2.4.online': 82, '7.2.4.carried_over': 4, '7.2.4': 31.06, '3.3.1.resolved': 261, '3.3.1.late': 2, '3.3.1': 99.23 },
      days: 182,
    },
    {
      // II.06a, whose form-name line names another year (Thông tư 01/2020): the "Kỳ báo cáo" line wins.
      file: 'onestop/bieu-ii-06a-yen-thinh-2025.xlsx',
      commune: { name: 'Yên Thịnh', unitType: 'xã' },
      period: { key: '2025', kind: 'year', year: 2025, number: null },
      window: { start: '2024-12-15', end: '2025-12-14', source: 'form' },
      // 7.2.4 over received incl. carried over: 200 / 640, not 200 / (200 + 415) = 32.52.
      figures: { '7.2.4.received': 640, '7.2.4.online': 200, '7.2.4.direct': 415, '7.2.4.carried_over': 25, '7.2.4': 31.25, '3.3.1.resolved': 623, '3.3.1': 97.91, '3.3.1.in_progress_overdue': 8 },
      days: 365,
    },
  ])('$file: period $period.key, window and figures', async ({ file, commune, period, window, figures, days }) => {
    const doc = await extract(file);
    expect(doc.kind).toBe('onestop');
    expect(doc.commune).toMatchObject(commune);
    expect(doc.period).toEqual(period);
    expect({ start: doc.window?.start, end: doc.window?.end }).toEqual({ start: window.start, end: window.end });
    expect(byKey(doc.figures)).toMatchObject(figures);
    const online = doc.figures.find((f) => f.indicatorKey === '7.2.4')!;
    expect(online.scope?.period?.key).toBe(period.key);
    expect(online.scope?.window).toEqual(window);
    expect(online.details).toMatchObject({ numerator: figures['7.2.4.online'], denominator: figures['7.2.4.received'], coverage_days: days, period_days: days });
    expect(doc.figures.filter((f) => f.indicatorKey?.includes('.check_')).every((c) => c.details?.ok === true)).toBe(true);
  });

  it('nine months stated only by their end ("tính đến ngày"): the document keeps the end, the figures claim no window', async () => {
    const doc = await extract('onestop/bieu-06-ban-phiet-2023-9m.xlsx');
    expect(doc.commune).toMatchObject({ name: 'Bản Phiệt', unitType: 'xã' });
    expect(doc.period).toEqual({ key: '2023-9M', kind: 'nine_months', year: 2023, number: null });
    expect(doc.window).toEqual({ end: '2023-09-14', estimate: false, quote: 'Số liệu tính đến ngày 14/9/2023' });
    expect(byKey(doc.figures)).toMatchObject({ '7.2.4.received': 106, '7.2.4.online': 12, '7.2.4': 11.32, '3.3.1.resolved': 100, '3.3.1': 96 });
    expect(doc.figures.every((f) => f.scope?.window === undefined && f.scope?.period?.key === '2023-9M')).toBe(true);
  });

  it('the caller\'s period still wins over the printed one', async () => {
    const doc = await extract('onestop/bieu-06-hoang-khai-2024-q3.xlsx', { period: '2024-9M' });
    expect(doc.period?.key).toBe('2024-9M');
  });
});

describe('a quarter form through the pipeline', () => {
  // One retry: a rejection of this file was seen once in a loaded CI run and never reproduced; the
  // assertion message below names the reason if it comes back.
  it('is loaded as its quarter, with the quarter in the periods table and its figures over the printed window', { retry: 1 }, async () => {
    const db = join(tempDir(), 'w.sqlite');
    const summary = await ingestPaths([fixture('onestop/bieu-06-hoang-khai-2024-q3.xlsx')], { dbPath: db });
    expect(summary, JSON.stringify(summary.files)).toMatchObject({ loaded: 1, rejected: 0 });
    const conn = new SQLite(db, { readonly: true });
    try {
      expect(conn.prepare('SELECT period_key, stated_start, stated_end FROM documents').get()).toEqual({ period_key: '2024-Q3', stated_start: '2024-06-15', stated_end: '2024-09-14' });
      expect(conn.prepare('SELECT key, kind, number, year, start_date, end_date FROM periods').all()).toEqual([
        { key: '2024-Q3', kind: 'quarter', number: 3, year: 2024, start_date: '2024-06-15', end_date: '2024-09-14' },
      ]);
      expect(conn.prepare("SELECT period_key, value_num, coverage FROM indicator_values WHERE indicator_key = '7.2.4'").all()).toEqual([{ period_key: '2024-Q3', value_num: 22.78, coverage: 'full' }]);
      expect(conn.prepare("SELECT DISTINCT window_start, window_end, window_source FROM observations WHERE indicator_key = '7.2.4.received'").all()).toEqual([
        { window_start: '2024-06-15', window_end: '2024-09-14', window_source: 'form' },
      ]);
    } finally {
      conn.close();
    }
  });
});
