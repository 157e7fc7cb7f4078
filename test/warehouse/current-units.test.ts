import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indicatorCatalogue } from '../../src/catalog/index.js';
import { reconcileRules } from '../../src/reconcile/index.js';
import { openWarehouse, syncIndicatorRatios, syncIndicators, type Warehouse } from '../../src/warehouse/index.js';

/**
 * Three old communes became one new unit that kept the code of one of them (as many did in 2025);
 * two of them reported for 2024, the new unit reported for 2026 itself. A fourth commune was not
 * merged. Values go straight into reconciled_values, which indicator_values shows.
 */
describe('indicator_values_current_units', () => {
  let wh: Warehouse;
  type Row = { commune_code: string; period_key: string; indicator_key: string; value_num: number; method: string; coverage: string; units_reported: number; units_total: number; reporting_codes: string };
  let rows: Row[];
  const get = (commune: string, period: string, indicator: string) => rows.find((r) => r.commune_code === commune && r.period_key === period && r.indicator_key === indicator);

  beforeAll(async () => {
    wh = await openWarehouse(':memory:');
    await syncIndicators(wh.db, indicatorCatalogue());
    syncIndicatorRatios(wh.sqlite, reconcileRules().ratios);
    const period = wh.sqlite.prepare(`INSERT INTO periods (key, kind, number, year, start_date, end_date) VALUES (?, 'year', NULL, ?, ?, ?)`);
    period.run('2024', 2024, '2023-12-15', '2024-12-14');
    period.run('2026', 2026, '2025-12-15', '2026-12-14');
    const commune = wh.sqlite.prepare(`INSERT INTO communes (code, era, name, district, province, new_code, new_name) VALUES (?, 'pre2025', ?, 'Huyện Mẫu', 'Tỉnh Mẫu', ?, ?)`);
    commune.run('10001', 'Xã Một', '10002', 'Xã Hợp Nhất');
    commune.run('10002', 'Xã Hai', '10002', 'Xã Hợp Nhất');
    commune.run('10003', 'Xã Ba', '10002', 'Xã Hợp Nhất');
    commune.run('20001', 'Xã Riêng', null, null);
    const cw = wh.sqlite.prepare(`INSERT INTO commune_crosswalk (old_code, new_code) VALUES (?, ?)`);
    for (const old of ['10001', '10002', '10003']) cw.run(old, '10002');
    const value = wh.sqlite.prepare(
      `INSERT INTO reconciled_values (commune_key, commune_code, commune_name, period_key, indicator_key, value_num, value_text, status, source, rivals, rule, explanation, failed_checks, n_observations)
       VALUES (?, ?, NULL, ?, ?, ?, ?, 'single_source', 'table: test', '[]', 'single_source', '', '[]', 1)`,
    );
    const put = (code: string, periodKey: string, key: string, num: number | null, text: string | null = null) => value.run(code, code, periodKey, key, num, text);
    // 2024, old communes 10001 and 10002 (10003 sent nothing).
    put('10001', '2024', '7.2.4.received', 100);
    put('10001', '2024', '7.2.4.online', 30);
    put('10001', '2024', '7.2.4', 30);
    put('10001', '2024', '4.1', 5);
    put('10001', '2024', '7.2.1', 80);
    put('10001', '2024', '1.5.2', null, 'Phát phiếu');
    put('10002', '2024', '7.2.4.received', 300);
    put('10002', '2024', '7.2.4.online', 150);
    put('10002', '2024', '7.2.4', 50);
    put('10002', '2024', '4.1', 7);
    put('10002', '2024', '7.2.1', 90);
    put('10002', '2024', '1.6', 1, 'Có');
    // 2026: the new unit's own report, and the unmerged commune.
    put('10002', '2026', '7.2.4.received', 500);
    put('10002', '2026', '7.2.4', 41.5);
    put('20001', '2024', '7.2.4', 12.34);
    rows = wh.sqlite.prepare(`SELECT * FROM indicator_values_current_units ORDER BY commune_code, period_key, indicator_key`).all() as Row[];
  });
  afterAll(() => wh.close());

  it('sums the old communes\' counts and stocks into their new unit, with coverage', () => {
    expect(get('10002', '2024', '7.2.4.received')).toMatchObject({ value_num: 400, method: 'sum', coverage: '2/3', units_reported: 2, units_total: 3, reporting_codes: expect.stringMatching(/^(10001 10002|10002 10001)$/) });
    expect(get('10002', '2024', '7.2.4.online')?.value_num).toBe(180);
    expect(get('10002', '2024', '4.1')?.value_num).toBe(12);
    expect(get('10001', '2024', '7.2.4.received')).toBeUndefined();
  });

  it('recomputes a rate from its summed parts, never averaging', () => {
    // 180 / 400 = 45 %, not (30 + 50) / 2 = 40 %.
    expect(get('10002', '2024', '7.2.4')).toMatchObject({ value_num: 45, method: 'recomputed' });
  });

  it('leaves out rates without parts, text and yes/no', () => {
    expect(get('10002', '2024', '7.2.1')).toBeUndefined();
    expect(rows.filter((r) => r.indicator_key === '1.5.2' || r.indicator_key === '1.6')).toEqual([]);
  });

  it('shows the new unit\'s own later reports, and unmerged communes, as reported', () => {
    expect(get('10002', '2026', '7.2.4.received')).toMatchObject({ value_num: 500, method: 'as_reported', coverage: '1/1' });
    expect(get('10002', '2026', '7.2.4')).toMatchObject({ value_num: 41.5, method: 'as_reported' });
    expect(get('20001', '2024', '7.2.4')).toMatchObject({ value_num: 12.34, method: 'as_reported', coverage: '1/1' });
  });

  it('names the unit by its new name', () => {
    expect(wh.sqlite.prepare(`SELECT DISTINCT commune_name FROM indicator_values_current_units WHERE commune_code = '10002'`).all()).toEqual([{ commune_name: 'Xã Hợp Nhất' }]);
  });
});
