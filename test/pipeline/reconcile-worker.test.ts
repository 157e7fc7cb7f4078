import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { ExtractPool } from '../../src/pipeline/extract-pool.js';
import { reconcileInWorker } from '../../src/pipeline/reconcile-worker.js';
import { type ScopeReconciler, reconcileTouched } from '../../src/reconcile/index.js';
import { addOverride } from '../../src/reconcile/overrides.js';
import type { ReconObservation } from '../../src/reconcile/types.js';
import { type Warehouse, openWarehouse } from '../../src/warehouse/index.js';
import { tempDir } from '../helpers.js';
import { seedObservations } from '../reconcile/seed.js';
import { dumpReconciliation, freshWarehouse, storeDocument } from '../reconcile/warehouse-io.js';

const touched = [{ communeKey: '02035', periodKey: '2024' }];
const open: Warehouse[] = [];
afterEach(async () => {
  for (const wh of open.splice(0)) await wh.close();
});

/** A warehouse file holding the seed report's documents, nothing reconciled yet. */
async function seeded(): Promise<Warehouse> {
  const wh = await freshWarehouse(join(tempDir(), 'w.sqlite'));
  open.push(wh);
  const byDoc = new Map<string, ReconObservation[]>();
  for (const o of seedObservations()) byDoc.set(o.documentSha256, [...(byDoc.get(o.documentSha256) ?? []), o]);
  for (const d of byDoc.values()) storeDocument(wh, d);
  return wh;
}

/** The worker's function called in this thread: what a pool thread would hand back. */
const here: ScopeReconciler = async (dbPath, scopes, settings) => reconcileInWorker({ dbPath, scopes, settings });

describe('reconciliation off the writer thread', () => {
  it('writes the same reconciled values and conflicts as reconciling inline', async () => {
    const inline = await seeded();
    await reconcileTouched(inline, touched);
    const off = await seeded();
    await reconcileTouched(off, touched, undefined, here);
    const dump = dumpReconciliation(off);
    expect(dump).toContain('"indicator_key": "1.4.1.province"');
    expect(JSON.parse(dump).values.length).toBeGreaterThan(20);
    expect(dump).toBe(dumpReconciliation(inline));
  });

  it('in the pool threads too', async () => {
    const inline = await seeded();
    await reconcileTouched(inline, touched);
    const off = await seeded();
    const pool = new ExtractPool({ maxBytes: 1 << 20 }, undefined, 2);
    try {
      await reconcileTouched(off, touched, undefined, pool.reconcileScopes);
    } finally {
      await pool.close();
    }
    expect(dumpReconciliation(off)).toBe(dumpReconciliation(inline));
  }, 60_000);

  it('reconciles in the writer when the threads cannot', async () => {
    const inline = await seeded();
    await reconcileTouched(inline, touched);
    const off = await seeded();
    const failing: ScopeReconciler = async () => {
      throw new Error('unable to open database file');
    };
    await reconcileTouched(off, touched, undefined, failing);
    expect(dumpReconciliation(off)).toBe(dumpReconciliation(inline));
  });

  it('reconciles again under the write lock when another connection committed meanwhile (an analyst\'s override)', async () => {
    const wh = await seeded();
    let analyst: Warehouse | undefined;
    const slow: ScopeReconciler = async (dbPath, scopes, settings) => {
      const rows = reconcileInWorker({ dbPath, scopes, settings });
      // After the worker read its scope, an analyst overrides a figure from another connection.
      analyst = await openWarehouse(dbPath);
      open.push(analyst);
      await addOverride(analyst, { commune: 'Bản Thi', period: '2024', indicator: '1.4.1.province', value: '12', reason: 'Xác minh với UBND xã', who: 'lan', at: '2026-01-02T00:00:00Z' });
      return rows;
    };
    await reconcileTouched(wh, touched, undefined, slow);
    expect(analyst).toBeDefined();
    const row = wh.sqlite.prepare(`SELECT value_num, status FROM indicator_values WHERE indicator_key = '1.4.1.province'`).get();
    expect(row).toEqual({ value_num: 12, status: 'overridden' });
  });
});

describe('a WAL checkpoint in a pool thread', () => {
  it('folds what the writer committed into the warehouse file, which alone then holds it', async () => {
    const wh = await seeded();
    wh.sqlite.pragma('wal_autocheckpoint = 0');
    wh.sqlite.prepare("INSERT INTO warehouse_meta (key, value) VALUES ('probe', 'folded')").run();
    const copy = (to: string) => {
      copyFileSync(wh.path, to);
      const conn = new SQLite(to, { readonly: true });
      try {
        // A new warehouse's tables themselves may be in the WAL only.
        const tables = conn.prepare("SELECT name FROM sqlite_master WHERE name = 'warehouse_meta'").all();
        return tables.length ? conn.prepare("SELECT value FROM warehouse_meta WHERE key = 'probe'").all() : [];
      } finally {
        conn.close();
      }
    };
    // Committed, but only in the WAL: the .sqlite file copied alone lacks it.
    expect(copy(join(tempDir(), 'before.sqlite'))).toEqual([]);
    const pool = new ExtractPool({ maxBytes: 1 << 20 }, undefined, 1);
    try {
      await pool.checkpoint(wh.path);
    } finally {
      await pool.close();
    }
    expect(copy(join(tempDir(), 'after.sqlite'))).toEqual([{ value: 'folded' }]);
  }, 60_000);
});
