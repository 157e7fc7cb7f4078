import { hostname } from 'node:os';
import type { ReconcileSettings, ScopeReconciler, TouchedKey } from '../reconcile/index.js';
import { type Warehouse, prepareOnce } from '../warehouse/index.js';
import { recountStatedWindows } from './stated-windows.js';
import { pausePoint } from './test-hooks.js';

/**
 * What makes a run's unit of completion the pipeline rather than the file: the durable to-do list of
 * commune-periods to reconcile (`pending_reconcile`, written with each document), the last stage
 * that works it off, and the closing of runs a crash left `running`.
 */

export interface FinishResult {
  readonly reconciled: number;
  readonly conflicts: number;
}

/**
 * The pipeline's last stage, over every commune-period waiting in `pending_reconcile` (this run's
 * and any a crashed run left): recount one-stop dossiers over the windows reports state, reconcile,
 * then clear the list. Each step is idempotent, so a run killed in the middle is simply done again.
 */
export async function finishPending(wh: Warehouse, runId: string, settings: ReconcileSettings | undefined, compute?: ScopeReconciler): Promise<FinishResult> {
  const keys = await pendingKeys(wh);
  if (keys.length === 0) return { reconciled: 0, conflicts: 0 };
  await pausePoint('recount');
  await recountStatedWindows(wh, keys, runId);
  await pausePoint('reconcile');
  const { reconcileTouched } = await import('../reconcile/index.js');
  await reconcileTouched(wh, keys, settings, compute);
  await pausePoint('reconciled');
  const clear = wh.sqlite.prepare('DELETE FROM pending_reconcile WHERE commune_key = ? AND period_key = ?');
  wh.sqlite.transaction(() => {
    for (const k of keys) clear.run(k.communeKey, k.periodKey);
  })();
  return { reconciled: keys.length, conflicts: countConflicts(wh, keys) };
}

export async function pendingKeys(wh: Warehouse): Promise<TouchedKey[]> {
  const rows = await wh.db.selectFrom('pending_reconcile').select(['commune_key', 'period_key']).orderBy('commune_key').orderBy('period_key').execute();
  return rows.map((r) => ({ communeKey: r.commune_key, periodKey: r.period_key }));
}

/** Conflicts standing in the reconciled communes' years after this run. */
function countConflicts(wh: Warehouse, keys: readonly TouchedKey[]): number {
  const q = wh.sqlite.prepare("SELECT COUNT(*) AS n FROM conflicts WHERE commune_key = ? AND (period_key = ? OR period_key LIKE ? || '-%')");
  const years = new Map<string, TouchedKey>();
  for (const k of keys) {
    const year = /^\d{4}/.exec(k.periodKey)?.[0] ?? k.periodKey;
    years.set(`${k.communeKey}\u0000${year}`, { communeKey: k.communeKey, periodKey: year });
  }
  let n = 0;
  for (const k of years.values()) n += (q.get(k.communeKey, k.periodKey, k.periodKey) as { n: number }).n;
  return n;
}

/**
 * Runs left `running` by a process that is gone are closed as `crashed`. The caller holds the run
 * lock, so no other run of this warehouse is alive; a row whose process still runs on this host
 * (a caller that passed its own warehouse) is left alone.
 */
export async function closeCrashedRuns(wh: Warehouse, runId: string): Promise<string[]> {
  const stuck = await wh.db.selectFrom('runs').select(['id', 'pid', 'host']).where('status', '=', 'running').where('id', '!=', runId).orderBy('started_at').execute();
  const dead = stuck.filter((r) => r.pid === null || r.host !== hostname() || !processAlive(r.pid));
  for (const r of dead) {
    await wh.db
      .updateTable('runs')
      .set({ status: 'crashed', finished_at: new Date().toISOString(), note: `closed by run ${runId}: the process ended before the run finished` })
      .where('id', '=', r.id)
      .execute();
  }
  return dead.map((r) => r.id);
}

function processAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Commune-periods join the reconcile to-do list: a document's, inside its own transaction, or those
 * a bundle changed after its documents loaded (it lent them its commune). Repeats are ignored.
 */
export function markPendingKeys(wh: Warehouse, keys: readonly TouchedKey[], runId: string): void {
  const insert = prepareOnce(wh.sqlite, 'INSERT OR IGNORE INTO pending_reconcile (commune_key, period_key, run_id, created_at) VALUES (?, ?, ?, ?)');
  const at = new Date().toISOString();
  const all = () => {
    for (const k of keys) insert.run(k.communeKey, k.periodKey, runId, at);
  };
  // In the document's transaction (savepoint) the keys are already all or nothing with it; a savepoint
  // of their own per document cost the writer more than the inserts.
  if (wh.sqlite.inTransaction) all();
  else wh.sqlite.transaction(all)();
}

/** The commune-periods of a document's mapped observations join the to-do list. */
export function markPending(wh: Warehouse, observations: readonly { period_key: string | null; indicator_key: string | null; commune_code: string | null; commune_name: string | null }[], runId: string): void {
  const keys = new Map<string, TouchedKey>();
  for (const o of observations) {
    if (!o.period_key || !o.indicator_key) continue;
    const communeKey = o.commune_code ?? `name:${o.commune_name ?? ''}`;
    keys.set(`${communeKey}\u0000${o.period_key}`, { communeKey, periodKey: o.period_key });
  }
  markPendingKeys(wh, [...keys.values()], runId);
}

/** A loaded document waits for the run's bundling (`pending_bundles`), inside its own transaction. */
export function markPendingBundle(wh: Warehouse, sha256: string, runId: string): void {
  prepareOnce(wh.sqlite, 'INSERT OR IGNORE INTO pending_bundles (document_sha256, run_id, created_at) VALUES (?, ?, ?)').run(sha256, runId, new Date().toISOString());
}

/** Every document waiting for bundling: this run's, and those a crashed run loaded and never linked. */
export function pendingBundles(wh: Warehouse): { sha256: string; path: string }[] {
  return wh.sqlite
    .prepare("SELECT p.document_sha256 AS sha256, d.path FROM pending_bundles p JOIN documents d ON d.sha256 = p.document_sha256 WHERE d.status = 'loaded' ORDER BY d.path, p.document_sha256")
    .all() as { sha256: string; path: string }[];
}

/** Once their bundles are linked and what that changed is on the reconcile to-do list. */
export function clearPendingBundles(wh: Warehouse, shas: readonly string[]): void {
  const del = wh.sqlite.prepare('DELETE FROM pending_bundles WHERE document_sha256 = ?');
  wh.sqlite.transaction(() => {
    for (const s of shas) del.run(s);
  })();
}
