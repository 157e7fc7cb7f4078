import { mkdirSync } from 'node:fs';
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
