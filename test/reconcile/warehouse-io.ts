import { indicatorCatalogue } from '../../src/catalog/index.js';
import type { ReconObservation } from '../../src/reconcile/types.js';
import { openWarehouse, syncIndicators, type Warehouse } from '../../src/warehouse/index.js';

/** A fresh warehouse with the indicator catalogue loaded, as the pipeline leaves it. */
export async function freshWarehouse(path = ':memory:'): Promise<Warehouse> {
  const wh = await openWarehouse(path);
  await syncIndicators(wh.db, indicatorCatalogue());
  return wh;
}

/** Stores one document and its observations the way the loader does (documents row + observation rows). */
export function storeDocument(wh: Warehouse, observations: readonly ReconObservation[]): void {
  const d = observations[0]!.document;
  const [communeCode, communeName] = d.communeKey?.startsWith('name:') ? [null, d.communeKey.slice(5)] : [d.communeKey, 'Bản Thi'];
  wh.sqlite
    .prepare(
      `INSERT INTO documents (sha256, path, file_name, format, kind, size_bytes, title, commune_code, commune_name, period_key,
         stated_end, is_estimate, status, run_id, loaded_at, observation_count)
       VALUES (?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, 'loaded', 'test', '2026-01-01T00:00:00Z', ?)`,
    )
    .run(d.sha256, `/in/${d.fileName}`, d.fileName, d.format, d.kind, d.title, communeCode, communeName, d.periodKey, d.statedEnd, d.isEstimate ? 1 : 0, observations.length);
  const insert = wh.sqlite.prepare(
    `INSERT INTO observations (document_sha256, run_id, seq, method, indicator_key, mapped, commune_code, commune_name, period_key,
       row_code, row_label, raw_text, value_num, value_text, value_kind, numerator, denominator, note, quote, sheet, cell)
     VALUES (?, 'test', ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'Phụ lục', ?)`,
  );
  for (const o of observations) {
    insert.run(o.documentSha256, o.seq, o.method, o.indicatorKey, o.communeCode, o.communeName, o.periodKey, o.rowCode, o.rowLabel, o.rawText,
      o.valueNum, o.valueText, o.valueKind, o.numerator, o.denominator, o.note, o.quote, `C${o.seq}`);
  }
}

/**
 * `indicator_values` and `conflicts` as text, for byte comparison. Row ids are assigned at insert
 * time and differ between warehouses by construction, so the chosen observation's row id is
 * replaced by what it points at (document sha256 + seq).
 */
export function dumpReconciliation(wh: Warehouse): string {
  const values = wh.sqlite
    .prepare(
      `SELECT v.*, o.document_sha256 || '#' || o.seq AS chosen_observation_id, o.document_sha256 || '#' || o.seq AS observation_id
       FROM indicator_values v LEFT JOIN observations o ON o.id = v.chosen_observation_id
       ORDER BY v.commune_key, v.period_key, v.indicator_key`,
    )
    .all();
  const conflicts = wh.sqlite.prepare(`SELECT * FROM conflicts ORDER BY id`).all();
  return JSON.stringify({ values, conflicts }, null, 1);
}
