import { afterEach, describe, expect, it } from 'vitest';
import { reconcileAll, reconcileTouched } from '../../src/reconcile/index.js';
import { loadObservations } from '../../src/reconcile/store.js';
import { addOverride, listOverrides, OverrideError, removeOverride } from '../../src/reconcile/overrides.js';
import type { ReconObservation } from '../../src/reconcile/types.js';
import type { Warehouse } from '../../src/warehouse/index.js';
import { seedObservations } from './seed.js';
import { dumpReconciliation, freshWarehouse, storeDocument } from './warehouse-io.js';

function byDocument(list: readonly ReconObservation[]): ReconObservation[][] {
  const map = new Map<string, ReconObservation[]>();
  for (const o of list) map.set(o.documentSha256, [...(map.get(o.documentSha256) ?? []), o]);
  return [...map.values()];
}

const touched = [{ communeKey: '02035', periodKey: '2024' }];
const open: Warehouse[] = [];
async function warehouse(): Promise<Warehouse> {
  const wh = await freshWarehouse();
  open.push(wh);
  return wh;
}
afterEach(async () => {
  for (const wh of open.splice(0)) await wh.close();
});

describe('reconciliation in the warehouse', () => {
  it("reads a scope's year, its halves and quarters, and nothing of the years beside it", async () => {
    const wh = await warehouse();
    const [first] = byDocument(seedObservations());
    const periods = ['2023', '2023-Q4', '2024', '2024-H1', '2024-Q3', '2024-9M', '2025', '2025-Q1'];
    for (const [i, period] of periods.entries()) {
      const sha256 = `${String(i).padStart(2, '0')}${first![0]!.documentSha256.slice(2)}`;
      const doc = { ...first![0]!.document, sha256, fileName: `p${i}.xlsx`, periodKey: period };
      storeDocument(wh, [{ ...first![0]!, documentSha256: sha256, periodKey: period, document: doc }]);
    }
    const read = (year: string) => [...new Set(loadObservations(wh.sqlite, { communeKey: '02035', year }).map((o) => o.periodKey))].sort();
    expect(read('2024')).toEqual(['2024', '2024-9M', '2024-H1', '2024-Q3']);
    expect(read('2023')).toEqual(['2023', '2023-Q4']);
    expect(read('202')).toEqual([]);
  });

  it('gives byte-identical indicator_values and conflicts whatever the order documents arrive in', async () => {
    const docs = byDocument(seedObservations());
    const a = await warehouse();
    for (const d of docs) storeDocument(a, d);
    await reconcileTouched(a, touched);
    // The other warehouse receives the documents in reverse, each followed by its own reconciliation.
    const b = await warehouse();
    for (const d of [...docs].reverse()) {
      storeDocument(b, [...d].reverse());
      await reconcileTouched(b, touched);
    }
    const dumpA = dumpReconciliation(a);
    expect(dumpA).toContain('"indicator_key": "1.4.1.province"');
    expect(dumpReconciliation(b)).toBe(dumpA);
  });

  it('shows the reconciled value in indicator_values with its evidence, and every printed figure in published_values', async () => {
    const wh = await warehouse();
    for (const d of byDocument(seedObservations())) storeDocument(wh, d);
    await reconcileTouched(wh, touched);
    const row = wh.sqlite.prepare(`SELECT * FROM indicator_values WHERE indicator_key = '1.4.1.province'`).get() as Record<string, unknown>;
    expect(row).toMatchObject({
      commune_code: '02035',
      period_key: '2024',
      indicator_code: '',
      indicator_name: 'UBND tỉnh',
      value_num: 11,
      unit: 'Nhiệm vụ',
      status: 'resolved',
      source: 'table: phu-luc.xlsx!Phụ lục!C2',
      rule: 'precedence',
      raw_text: '11',
    });
    expect(JSON.parse(row.rivals as string)).toEqual([expect.objectContaining({ value: 12, label: 'Thuyết minh' })]);
    const published = wh.sqlite
      .prepare(`SELECT file_name, method, raw_text, reconciled_value_num, is_chosen FROM published_values WHERE indicator_key = '1.4.1.province' ORDER BY file_name, seq`)
      .all();
    expect(published).toEqual([
      { file_name: 'bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb.pdf', method: 'table', raw_text: '11', reconciled_value_num: 11, is_chosen: 0 },
      { file_name: 'bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb.pdf', method: 'narrative', raw_text: '12', reconciled_value_num: 11, is_chosen: 0 },
      { file_name: 'phu-luc.xlsx', method: 'table', raw_text: '11', reconciled_value_num: 11, is_chosen: 1 },
    ]);
  });

  it('keeps an override through re-ingestion and full re-runs, and drops it when removed', async () => {
    const wh = await warehouse();
    const docs = byDocument(seedObservations());
    for (const d of docs) storeDocument(wh, d);
    await reconcileTouched(wh, touched);
    const id = await addOverride(wh, { commune: 'Bản Thi', period: '2024', indicator: '1.4.1.province', value: '12', reason: 'Xác minh với UBND xã', who: 'lan', at: '2026-01-02T00:00:00Z' });
    const current = () => wh.sqlite.prepare(`SELECT value_num, status, rule, source FROM indicator_values WHERE indicator_key = '1.4.1.province'`).get();
    expect(current()).toEqual({ value_num: 12, status: 'overridden', rule: `override: ${id}`, source: `override #${id}: lan` });

    // Re-ingest: the documents go and come back (a backfill), and everything is reconciled again.
    wh.sqlite.exec('DELETE FROM documents');
    await reconcileAll(wh);
    expect(current()).toEqual({ value_num: 12, status: 'overridden', rule: `override: ${id}`, source: `override #${id}: lan` });
    for (const d of docs) storeDocument(wh, d);
    await reconcileTouched(wh, touched);
    expect(current()).toEqual({ value_num: 12, status: 'overridden', rule: `override: ${id}`, source: `override #${id}: lan` });
    expect(listOverrides(wh)).toEqual([expect.objectContaining({ id, commune: '02035', indicator: '1.4.1.province', value: '12', who: 'lan' })]);

    await removeOverride(wh, id, 'minh');
    expect(current()).toEqual({ value_num: 11, status: 'resolved', rule: 'precedence', source: 'table: phu-luc.xlsx!Phụ lục!C2' });
    expect(listOverrides(wh)).toEqual([]);
    expect(listOverrides(wh, true)[0]!.removed).toMatch(/ by minh$/);
  });

  it('refuses an override without a reason, for an unknown indicator or commune, or with a value of the wrong kind', async () => {
    const wh = await warehouse();
    for (const d of byDocument(seedObservations())) storeDocument(wh, d);
    const base = { commune: '02035', period: '2024', indicator: '1.1', value: '13', reason: 'x' };
    await expect(addOverride(wh, { ...base, reason: ' ' })).rejects.toThrow(OverrideError);
    await expect(addOverride(wh, { ...base, indicator: '9.9' })).rejects.toThrow(/unknown indicator/);
    await expect(addOverride(wh, { ...base, commune: 'Nowhere' })).rejects.toThrow(/unknown commune/);
    await expect(addOverride(wh, { ...base, value: 'nhiều' })).rejects.toThrow(/not a value for 1\.1/);
    await expect(addOverride(wh, { ...base, period: 'năm ngoái' })).rejects.toThrow(/not a period/);
  });
});
