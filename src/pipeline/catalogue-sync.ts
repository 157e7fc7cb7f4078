import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CATALOG_DIR, indicatorCatalogue } from '../catalog/index.js';
import { type Warehouse, syncIndicators } from '../warehouse/index.js';

const INDICATORS_FILE = 'indicators.yaml';

/**
 * Brings the `indicators` dimension up to the catalogue when the catalogue file changed since the
 * warehouse last took it (its hash is kept in `warehouse_meta`). Parsing and validating the
 * catalogue is most of what a run with nothing new would cost; an unchanged one is not read twice.
 */
export async function syncIndicatorsIfChanged(wh: Warehouse): Promise<boolean> {
  const sha = createHash('sha256').update(readFileSync(join(CATALOG_DIR, INDICATORS_FILE))).digest('hex');
  const key = `catalog/${INDICATORS_FILE}`;
  const row = await wh.db.selectFrom('warehouse_meta').select('value').where('key', '=', key).executeTakeFirst();
  if (row?.value === sha) return false;
  await syncIndicators(wh.db, indicatorCatalogue());
  await wh.db.insertInto('warehouse_meta').values({ key, value: sha }).onConflict((oc) => oc.column('key').doUpdateSet({ value: sha })).execute();
  return true;
}
