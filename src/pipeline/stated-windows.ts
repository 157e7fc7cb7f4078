import { recountDossiers } from '../extract/onestop/index.js';
import type { ExtractedDocument } from '../model/index.js';
import { normalizeDocument, parsePeriodKey } from '../normalize/index.js';
import type { TouchedKey } from '../reconcile/index.js';
import { type Warehouse, storedDossiers } from '../warehouse/index.js';
import { pausePoint } from './test-hooks.js';

/** Marks recounted figures in `observations.details` so that a later recount replaces them. */
const RECOUNT_MARK = 'stated_window_recount';
/** Recounted observations sit after the host document's own figures. */
const SEQ_BASE = 1_000_000;

/**
 * One-stop exports are counted over the regulation's windows when they are read: the export cannot
 * know which window a report will state. When a report of the same commune and period states its own
 * window ("số liệu tính từ ngày 01/12/2023 … đến ngày 20/11/2024"), the dossiers are counted again
 * from the `dossiers` table over that window, so that the reconciliation compares like with like and
 * a difference that only comes from the window shows as such (window_source 'stated' vs
 * 'regulation'). Runs for every touched commune-period, whichever file arrived first; a recount
 * replaces the previous one. Returns the number of observations written.
 */
export async function recountStatedWindows(wh: Warehouse, touched: readonly TouchedKey[], runId: string): Promise<number> {
  const codes = [...new Set(touched.map((t) => t.communeKey).filter((k) => !k.startsWith('name:')))];
  if (codes.length === 0) return 0;
  const reports = await wh.db
    .selectFrom('documents')
    .select(['commune_code', 'period_key', 'stated_start', 'stated_end'])
    .distinct()
    .where('status', '=', 'loaded')
    .where('kind', '=', 'report')
    .where('commune_code', 'in', codes)
    .where('period_key', 'is not', null)
    .where('stated_start', 'is not', null)
    .where('stated_end', 'is not', null)
    .orderBy('commune_code')
    .orderBy('period_key')
    .orderBy('stated_start')
    .orderBy('stated_end')
    .execute();
  let written = 0;
  // Prepared once for all the reports of the run, not once per report.
  const exportsOf = wh.sqlite.prepare(
    `SELECT DISTINCT o.document_sha256 AS sha, json_extract(o.details, '$.unit') AS unit
     FROM observations o JOIN documents d ON d.sha256 = o.document_sha256
     WHERE o.method = 'onestop' AND o.commune_code = ? AND d.status = 'loaded' AND json_extract(o.details, '$.unit') IS NOT NULL
     ORDER BY 1, 2`,
  );
  for (const r of reports) {
    if (!parsePeriodKey(r.period_key!)) continue;
    const sources = exportsOf.all(r.commune_code) as { sha: string; unit: string }[];
    if (sources.length === 0) continue;
    const units = [...new Set(sources.map((s) => s.unit))].sort();
    // The dossiers table holds each dossier once, whichever export brought it: the recount is
    // attached to the first of those exports (by content hash, so the result does not depend on
    // the order files arrived in).
    const host = sources[0]!.sha;
    const figures = recountDossiers(storedDossiers(wh.sqlite, units), {
      period: r.period_key!,
      window: { start: r.stated_start!, end: r.stated_end! },
      source: 'dossiers table',
    }).map((f) => ({ ...f, details: { ...f.details, [RECOUNT_MARK]: true } }));
    const doc: ExtractedDocument = { format: 'csv', kind: 'onestop', commune: { hints: [] }, figures, warnings: [] };
    const normalized = normalizeDocument(doc, { path: 'dossiers table', bytes: Buffer.alloc(0), sha256: host });
    const rows = normalized.observations
      .filter((o) => o.commune_code === r.commune_code)
      .map((o) => ({ ...o, seq: SEQ_BASE + o.seq, document_sha256: host, run_id: runId }));
    await wh.db.transaction().execute(async (trx) => {
      await trx
        .deleteFrom('observations')
        .where('commune_code', '=', r.commune_code)
        .where('period_key', '=', r.period_key)
        .where('method', '=', 'onestop')
        .where('window_start', '=', r.stated_start)
        .where('window_end', '=', r.stated_end)
        .where('details', 'like', `%"${RECOUNT_MARK}":true%`)
        .execute();
      for (let i = 0; i < rows.length; i += 500) await trx.insertInto('observations').values(rows.slice(i, i + 500)).execute();
    });
    written += rows.length;
    await pausePoint('recount-step');
  }
  return written;
}
