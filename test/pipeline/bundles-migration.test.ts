import SQLite from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../src/warehouse/migrations/index.js';

describe('migration 004-communes on a warehouse written before it', () => {
  it('keeps its communes as pre-2025 units, fills the crosswalk from them, and goes back', async () => {
    const sqlite = new SQLite(':memory:');
    const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: sqlite }) });
    const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
    try {
      expect((await migrator.migrateTo('003-reconcile')).error).toBeUndefined();
      sqlite.exec(`INSERT INTO communes VALUES ('02035', 'Xã Bản Thi', 'Chợ Đồn', 'Bắc Kạn', '02044', 'Xã Yên Thịnh', 'Thái Nguyên')`);
      sqlite.exec(`INSERT INTO documents (sha256, path, file_name, format, kind, size_bytes, commune_code, status, run_id, loaded_at)
                   VALUES ('s', 'p', 'f', 'xlsx', 'report', 1, '02035', 'loaded', 'r', 't')`);
      expect((await migrator.migrateToLatest()).error).toBeUndefined();
      expect(sqlite.prepare('SELECT code, era, name, new_code, counterparts FROM communes').all()).toEqual([
        { code: '02035', era: 'pre2025', name: 'Xã Bản Thi', new_code: '02044', counterparts: '["02044"]' },
      ]);
      expect(sqlite.prepare('SELECT * FROM commune_crosswalk').all()).toEqual([{ old_code: '02035', new_code: '02044' }]);
      expect(sqlite.prepare('SELECT commune_era, bundle_key FROM documents').all()).toEqual([{ commune_era: 'pre2025', bundle_key: null }]);
      // The same code may now name a unit of each era.
      sqlite.exec(`INSERT INTO communes (code, era, name) VALUES ('02044', 'pre2025', 'Xã Yên Thịnh'), ('02044', 'post2025', 'Xã Yên Thịnh')`);
      expect(() => sqlite.exec(`INSERT INTO communes (code, era, name) VALUES ('02044', 'post2025', 'again')`)).toThrow(/UNIQUE/);

      expect((await migrator.migrateTo('003-reconcile')).error).toBeUndefined();
      expect(sqlite.prepare('SELECT code, name FROM communes ORDER BY code').all()).toEqual([
        { code: '02035', name: 'Xã Bản Thi' },
        { code: '02044', name: 'Xã Yên Thịnh' },
      ]);
      expect(sqlite.prepare(`SELECT name FROM sqlite_master WHERE name IN ('commune_crosswalk', 'document_links')`).all()).toEqual([]);
    } finally {
      await db.destroy();
    }
  });
});
