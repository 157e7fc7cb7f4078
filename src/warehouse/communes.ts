import type { Kysely, Transaction } from 'kysely';
import type { CommuneCrosswalkTable, CommunesTable, Database } from './schema.js';

/**
 * Upserts communes (both eras, keyed by code and era) and their old → new pairs. Called for every
 * document a unit is resolved for, with the unit's whole crosswalk component, so that the warehouse
 * knows each resolved commune's counterparts across 2025 and the pairs between them.
 */
export async function writeCommunes(
  db: Kysely<Database> | Transaction<Database>,
  communes: readonly CommunesTable[],
  crosswalk: readonly CommuneCrosswalkTable[],
): Promise<void> {
  for (const c of communes) {
    await db.insertInto('communes').values(c).onConflict((oc) => oc.columns(['code', 'era']).doUpdateSet(c)).execute();
  }
  for (const x of crosswalk) {
    await db.insertInto('commune_crosswalk').values(x).onConflict((oc) => oc.doNothing()).execute();
  }
}
