import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect } from 'kysely';
import { migrations } from './migrations/index.js';
import type { Database } from './schema.js';

export interface Warehouse {
  readonly db: Kysely<Database>;
  /** The raw connection, for bulk inserts where prepared statements beat the query builder. */
  readonly sqlite: SQLite.Database;
  readonly path: string;
  close(): Promise<void>;
}

export interface OpenOptions {
  /**
   * How long a statement waits for another connection's write lock (an analyst's short write, the
   * reconcile command) before failing. Long by default: a run should outwait an analyst, not fail.
   */
  readonly busyTimeoutMs?: number;
}

/** Longest a closing connection waits for readers before leaving the WAL unfolded. */
const CLOSE_CHECKPOINT_WAIT_MS = 2000;

/**
 * Sets WAL mode, retrying while another connection holds the file: SQLite can answer SQLITE_BUSY to
 * the journal-mode switch without calling the busy handler (two processes opening a new warehouse at
 * the same instant), so the busy timeout alone does not cover it.
 */
function switchToWal(sqlite: SQLite.Database, timeoutMs: number): void {
  const deadline = Date.now() + timeoutMs;
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (;;) {
    try {
      sqlite.pragma('journal_mode = WAL');
      return;
    } catch (err) {
      if ((err as { code?: string }).code !== 'SQLITE_BUSY' || Date.now() > deadline) throw err;
      Atomics.wait(pause, 0, 0, 25);
    }
  }
}

/** Opens (creating if needed) the SQLite warehouse in WAL mode and brings its schema up to date. */
export async function openWarehouse(path: string, options: OpenOptions = {}): Promise<Warehouse> {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const sqlite = new SQLite(path);
  // The wait first: switching a new file to WAL already needs its lock when another process opens it too.
  const busyTimeoutMs = options.busyTimeoutMs ?? 60_000;
  sqlite.pragma(`busy_timeout = ${busyTimeoutMs}`);
  switchToWal(sqlite, busyTimeoutMs);
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  if (pendingMigrations(sqlite)) {
    // Two processes opening a new warehouse at once must not both create its tables ("table runs
    // already exists"): the migrations run inside one write transaction, taken before the migrator
    // reads which are applied, so the second waits and then finds nothing left to do.
    const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations }, disableTransactions: true });
    sqlite.exec('BEGIN IMMEDIATE');
    const { error, results } = await migrator.migrateToLatest();
    const failed = results?.find((r) => r.status === 'Error');
    if (error || failed) {
      if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
      await db.destroy();
      throw new Error(`warehouse ${path}: migration ${failed?.migrationName ?? ''} failed: ${String(error)}`);
    }
    sqlite.exec('COMMIT');
  }
  return {
    db,
    sqlite,
    path,
    close: async () => {
      // Fold the WAL back into the main file so analysts can copy a single .sqlite file.
      checkpointWal(sqlite, CLOSE_CHECKPOINT_WAIT_MS);
      await db.destroy();
    },
  };
}

/**
 * Opens an existing warehouse for reading only: listing commands, exports and the report. Never
 * creates a file (a mistyped --db would otherwise leave an empty warehouse behind), runs no migration
 * (a read-only copy, or one another process is writing, must not change), and works on a file the
 * user may not write. A warehouse older than this code is refused rather than half-read.
 */
export async function openWarehouseReadOnly(path: string): Promise<Warehouse> {
  if (path === ':memory:' || !existsSync(path)) throw new Error(`no warehouse at ${path}`);
  let sqlite: SQLite.Database;
  try {
    sqlite = new SQLite(path, { readonly: true, fileMustExist: true });
    sqlite.pragma('busy_timeout = 5000');
  } catch (err) {
    throw new Error(`warehouse ${path}: ${err instanceof Error ? err.message : String(err)}`);
  }
  const applied = new Set<string>();
  try {
    for (const r of sqlite.prepare(`SELECT name FROM kysely_migration`).all() as { name: string }[]) applied.add(r.name);
  } catch (err) {
    sqlite.close();
    throw new Error(`warehouse ${path}: not a cchc warehouse (${err instanceof Error ? err.message : String(err)})`);
  }
  const missing = Object.keys(migrations).filter((name) => !applied.has(name));
  if (missing.length) {
    sqlite.close();
    throw new Error(`warehouse ${path}: written by an older cchc (missing ${missing.join(', ')}); upgrade it with \`cchc reconcile --db ${path}\``);
  }
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { db, sqlite, path, close: () => db.destroy() };
}

/** Whether some migration is not applied yet (cheap: one read, no lock held afterwards). */
function pendingMigrations(sqlite: SQLite.Database): boolean {
  try {
    const applied = new Set((sqlite.prepare('SELECT name FROM kysely_migration').all() as { name: string }[]).map((r) => r.name));
    return Object.keys(migrations).some((name) => !applied.has(name));
  } catch {
    return true; // no migration table yet: a new warehouse
  }
}

export interface CheckpointResult {
  /** Every WAL frame was copied into the main file and the WAL truncated. */
  readonly complete: boolean;
  /** Frames in the WAL, and how many were copied back. */
  readonly walFrames: number;
  readonly copiedFrames: number;
}

/**
 * Folds the WAL back into the main database file, waiting at most `waitMs` for readers that hold an
 * older snapshot. When one does not let go, the checkpoint is partial and the .sqlite file alone
 * lacks the newest data until a later checkpoint: the caller says so.
 */
export function checkpointWal(sqlite: SQLite.Database, waitMs: number): CheckpointResult {
  const before = sqlite.pragma('busy_timeout', { simple: true }) as number;
  sqlite.pragma(`busy_timeout = ${Math.max(0, Math.round(waitMs))}`);
  try {
    const [r] = sqlite.pragma('wal_checkpoint(TRUNCATE)') as { busy: number; log: number; checkpointed: number }[];
    if (!r) return { complete: true, walFrames: 0, copiedFrames: 0 };
    return { complete: r.busy === 0 && r.log === r.checkpointed, walFrames: Math.max(r.log, 0), copiedFrames: Math.max(r.checkpointed, 0) };
  } finally {
    sqlite.pragma(`busy_timeout = ${before}`);
  }
}
