import type SQLite from 'better-sqlite3';
import type { CommuneCrosswalkTable, CommunesTable } from './schema.js';
import { prepareOnce } from './statements.js';

const COMMUNE_COLUMNS = ['code', 'era', 'name', 'unit_type', 'district', 'province', 'new_code', 'new_name', 'new_province', 'counterparts'] as const satisfies readonly (keyof CommunesTable)[];
const UPSERT_COMMUNE = `INSERT INTO communes (${COMMUNE_COLUMNS.join(', ')}) VALUES (${COMMUNE_COLUMNS.map(() => '?').join(', ')})
  ON CONFLICT(code, era) DO UPDATE SET ${COMMUNE_COLUMNS.map((c) => `${c} = excluded.${c}`).join(', ')}`;
const INSERT_PAIR = 'INSERT INTO commune_crosswalk (old_code, new_code) VALUES (?, ?) ON CONFLICT DO NOTHING';

/**
 * Upserts communes (both eras, keyed by code and era) and their old → new pairs. Called for every
 * document a unit is resolved for, with the unit's whole crosswalk component, so that the warehouse
 * knows each resolved commune's counterparts across 2025 and the pairs between them. Through
 * statements prepared once per connection: the writer runs this for every document of a backfill.
 * Inside the caller's transaction (a document's, or bundling's on the same connection).
 */
export function writeCommunes(sqlite: SQLite.Database, communes: readonly CommunesTable[], crosswalk: readonly CommuneCrosswalkTable[]): void {
  if (communes.length) {
    const upsert = prepareOnce(sqlite, UPSERT_COMMUNE);
    for (const c of communes) upsert.run(COMMUNE_COLUMNS.map((k) => c[k] ?? null));
  }
  if (crosswalk.length) {
    const insert = prepareOnce(sqlite, INSERT_PAIR);
    for (const x of crosswalk) insert.run(x.old_code, x.new_code);
  }
}
