import { Migrator } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../src/warehouse/migrations/index.js';
import { freshWarehouse } from '../reconcile/warehouse-io.js';

const columns = (sqlite: { prepare: (s: string) => { all: () => unknown[] } }, view: string) =>
  (sqlite.prepare(`SELECT name FROM pragma_table_info('${view}')`).all() as { name: string }[]).map((c) => c.name);

describe('migration 005-coverage', () => {
  it('adds the coverage mark to indicator_values and published_values, and takes it away again', async () => {
    const wh = await freshWarehouse();
    try {
      for (const view of ['indicator_values', 'published_values']) expect(columns(wh.sqlite, view).slice(-3)).toEqual(['coverage_days', 'period_days', 'coverage']);
      const migrator = new Migrator({ db: wh.db, provider: { getMigrations: async () => migrations } });
      const names = Object.keys(migrations);
      const down = await migrator.migrateTo(names[names.indexOf('005-coverage') - 1]!);
      expect(down.error).toBeUndefined();
      for (const view of ['indicator_values', 'published_values']) expect(columns(wh.sqlite, view)).not.toContain('coverage');
      expect(columns(wh.sqlite, 'indicator_values')).toContain('commune_key');
      expect((await migrator.migrateToLatest()).error).toBeUndefined();
      expect(columns(wh.sqlite, 'indicator_values')).toContain('coverage');
    } finally {
      await wh.close();
    }
  });
});
