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

/** Opens (creating if needed) the SQLite warehouse in WAL mode and brings its schema up to date. */
export async function openWarehouse(path: string): Promise<Warehouse> {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const sqlite = new SQLite(path);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    await db.destroy();
    throw new Error(`warehouse ${path}: migration ${failed?.migrationName ?? ''} failed: ${String(error)}`);
  }
  return {
    db,
    sqlite,
    path,
    close: async () => {
      // Fold the WAL back into the main file so analysts can copy a single .sqlite file.
      sqlite.pragma('wal_checkpoint(TRUNCATE)');
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
