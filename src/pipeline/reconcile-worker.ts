/**
 * Reconciliation in the backfill's worker threads (run by piscina beside the extraction;
 * pipeline/extract-pool.ts): a task names commune-years of the warehouse, the worker reads their
 * observations and overrides through a read-only connection of its own, reconciles them and hands
 * the rows back to the writer, which alone writes them (reconcile/index.ts `reconcileTouched`).
 */
import Database from 'better-sqlite3';
import { type ReconcileSettings, type Scope, type ScopeRows, reconcileRules, reconcileScope, withOverrides } from '../reconcile/index.js';

export interface ReconcileTask {
  readonly dbPath: string;
  readonly scopes: readonly Scope[];
  readonly settings: ReconcileSettings | undefined;
}

/** One read-only connection per warehouse and thread, kept for the pool's life (its statements are prepared once). */
const connections = new Map<string, Database.Database>();

export function reconcileInWorker(task: ReconcileTask): ScopeRows[] {
  let db = connections.get(task.dbPath);
  if (!db) {
    db = new Database(task.dbPath, { readonly: true, fileMustExist: true });
    db.pragma('busy_timeout = 5000');
    connections.set(task.dbPath, db);
  }
  const rules = withOverrides(reconcileRules(), task.settings);
  const conn = db;
  // The task's scopes read from one snapshot of the warehouse.
  return conn.transaction(() => task.scopes.map((s) => reconcileScope(conn, s, rules)))();
}
