import { Migrator } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../src/warehouse/migrations/index.js';
import { freshWarehouse } from './warehouse-io.js';

describe('migration 003-reconcile', () => {
  it('creates the reconciliation tables and views, and goes back to the interim view', async () => {
    const wh = await freshWarehouse();
    try {
      const objects = () =>
        (wh.sqlite.prepare(`SELECT type, name FROM sqlite_master WHERE name IN ('reconciled_values', 'conflicts', 'overrides', 'indicator_values', 'published_values') ORDER BY name`).all() as { type: string; name: string }[]).map(
          (o) => `${o.type} ${o.name}`,
        );
      expect(objects()).toEqual(['table conflicts', 'view indicator_values', 'table overrides', 'view published_values', 'table reconciled_values']);
      const columns = (wh.sqlite.prepare(`SELECT name FROM pragma_table_info('indicator_values')`).all() as { name: string }[]).map((c) => c.name);
      expect(columns).toEqual(
        expect.arrayContaining(['commune_code', 'commune_name', 'period_key', 'indicator_key', 'indicator_code', 'indicator_name', 'value_num', 'value_text', 'unit', 'status', 'source', 'chosen_observation_id', 'rivals', 'rule', 'explanation']),
      );
      const migrator = new Migrator({ db: wh.db, provider: { getMigrations: async () => migrations } });
      // Back to the migration before this one, whatever comes after it by then.
      const names = Object.keys(migrations);
      const down = await migrator.migrateTo(names[names.indexOf('003-reconcile') - 1]!);
      expect(down.error).toBeUndefined();
      expect(down.results?.at(-1)).toMatchObject({ migrationName: '003-reconcile', direction: 'Down', status: 'Success' });
      expect(objects()).toEqual(['view indicator_values']);
      expect(wh.sqlite.prepare('SELECT * FROM indicator_values').all()).toEqual([]);
      expect((await migrator.migrateToLatest()).error).toBeUndefined();
      expect(objects()).toHaveLength(5);
    } finally {
      await wh.close();
    }
  });
});
