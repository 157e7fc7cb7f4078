import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestPaths } from '../../src/pipeline/index.js';
import { addOverride } from '../../src/reconcile/overrides.js';
import { openWarehouse, type Warehouse } from '../../src/warehouse/index.js';
import { fixture, tempDir } from '../helpers.js';
import { dumpReconciliation } from './warehouse-io.js';

/** The seed report as it reaches the pipeline: its Excel appendix, its PDF, and the one-stop export. */
const FILES = ['inbox/ban-thi-2024-phu-luc-II.xlsx', 'pdf/ban-thi-2024-bao-cao.pdf', 'inbox/onestop-ban-thi-2024.tsv'].map(fixture);

describe('reconciliation behind the pipeline', () => {
  let dir: string;
  let a: Warehouse;
  beforeAll(async () => {
    dir = tempDir();
    await ingestPaths(FILES, { dbPath: join(dir, 'a.sqlite') });
    a = await openWarehouse(join(dir, 'a.sqlite'));
  });
  afterAll(async () => {
    await a.close();
  });

  const conflicts = (where: string) => a.sqlite.prepare(`SELECT kind, severity, verdict, message FROM conflicts WHERE ${where} ORDER BY id`).all() as Record<string, string>[];

  it('gives the same indicator_values and conflicts when the files arrive in another order, one run each', async () => {
    const b = join(dir, 'b.sqlite');
    for (const f of [...FILES].reverse()) await ingestPaths([f], { dbPath: b });
    const wb = await openWarehouse(b);
    try {
      expect(dumpReconciliation(wb)).toBe(dumpReconciliation(a));
    } finally {
      await wb.close();
    }
  });

  it('finds the seed report contradicting itself and the one-stop system contradicting the report', () => {
    const province = a.sqlite.prepare(`SELECT value_num, status, explanation FROM indicator_values WHERE indicator_key = '1.4.1.province' AND period_key = '2024'`).get() as Record<string, unknown>;
    expect(province).toMatchObject({ value_num: 11, status: 'resolved' });
    expect(province.explanation).toMatch(/^Bảng phụ lục \(Excel\): 11; Bảng phụ lục \(PDF\): 11; Thuyết minh: 12/);
    expect(conflicts(`kind = 'printed_fraction' AND severity = 'major'`).map((c) => c.message)).toContain(
      'Tỷ lệ thu ngân sách nhà nước so với kế hoạch giao: in 117,33%, nhưng 114.984.119/99.000.000 = 116,15%',
    );
    expect(conflicts(`kind = 'printed_fraction' AND verdict = 'truncation'`).map((c) => c.severity)).toEqual(['minor', 'minor']);
    expect(conflicts(`kind = 'structure'`).map((c) => c.verdict).sort()).toEqual(['duplicate_code', 'missing_code']);
    expect(conflicts(`kind = 'sum'`).map((c) => c.message).join('\n')).toMatch(/= 75, nhưng .*\(64\) \+ .*\(211\) = 275/);
    const received = conflicts(`kind = 'cross_source' AND indicators = '["7.2.4.received"]' AND period_key = '2024'`);
    expect(received).toHaveLength(1);
    expect(received[0]!.message).toContain('Bảng phụ lục (Excel): 653');
    expect(received[0]!.message).toContain('Thuyết minh: 196');
    expect(received[0]!.message).toContain('Hệ thống một cửa điện tử:');
  });

  it('keeps an override when another document of the same commune and period arrives later', async () => {
    const db = join(dir, 'c.sqlite');
    await ingestPaths([FILES[0]!], { dbPath: db });
    const wh = await openWarehouse(db);
    try {
      await addOverride(wh, { commune: '02035', period: '2024', indicator: '7.2.4.received', value: '196', reason: 'Theo sổ theo dõi hồ sơ', who: 'lan' });
    } finally {
      await wh.close();
    }
    await ingestPaths([FILES[2]!, FILES[0]!], { dbPath: db });
    const again = await openWarehouse(db);
    try {
      expect(again.sqlite.prepare(`SELECT value_num, status FROM indicator_values WHERE indicator_key = '7.2.4.received' AND period_key = '2024'`).get()).toEqual({
        value_num: 196,
        status: 'overridden',
      });
    } finally {
      await again.close();
    }
  });
});
