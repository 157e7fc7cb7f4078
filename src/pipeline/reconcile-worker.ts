/**
 * Reconciliation and WAL checkpoints in the backfill's worker threads (run by piscina beside the extraction;
 * pipeline/extract-pool.ts): a task names commune-years of the warehouse, the worker reads their
 * observations and overrides through a read-only connection of its own, reconciles them and hands
 * the rows back to the writer, which alone writes them (reconcile/index.ts `reconcileTouched`).
 * A checkpoint task folds the WAL back into the warehouse file, which changes no data.
 */
import Database from 'better-sqlite3';
import { type ReconcileSettings, type Scope, type ScopeRows, reconcileRules, reconcileScope, withOverrides } from '../reconcile/index.js';

export interface ReconcileTask {
  readonly dbPath: string;
  readonly scopes: readonly Scope[];
  readonly settings: ReconcileSettings | undefined;
  /** The job's claim flag (work-queue.ts): the thread reconciles only if it claims the task first. */
  readonly flag?: Int32Array;
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

export interface CheckpointTask {
  readonly dbPath: string;
  readonly checkpoint: true;
}

/** A connection that may write, only for checkpoints (per thread and warehouse). */
const checkpointers = new Map<string, Database.Database>();

/**
 * A passive checkpoint: copies the WAL frames every reader is done with into the warehouse file and
 * syncs it, off the writer's thread; it takes no lock that would hold the writer or a reader up.
 */
export function checkpointInWorker(task: CheckpointTask): void {
  let db = checkpointers.get(task.dbPath);
  if (!db) {
    db = new Database(task.dbPath, { fileMustExist: true });
    db.pragma('wal_autocheckpoint = 0');
    checkpointers.set(task.dbPath, db);
  }
  db.pragma('wal_checkpoint(PASSIVE)');
}

/** Closes the connections this thread opened (the writer's thread runs these tasks too, and outlives a backfill). */
export function closeThreadConnections(): void {
  for (const db of [...connections.values(), ...checkpointers.values()]) db.close();
  connections.clear();
  checkpointers.clear();
}
