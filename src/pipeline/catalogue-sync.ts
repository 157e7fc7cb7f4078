import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CATALOG_DIR, indicatorCatalogue, labels } from '../catalog/index.js';
import { reconcileRules } from '../reconcile/index.js';
import { type Warehouse, syncCodeLabels, syncIndicatorRatios, syncIndicators } from '../warehouse/index.js';

/** The catalogues the warehouse keeps a copy of: indicators, their ratios (from the rules), the labels. */
const SYNCED_FILES = ['indicators.yaml', 'reconcile-rules.yaml', 'labels.yaml'] as const;
const META_KEY = 'catalog/synced';

/**
 * Brings the catalogue tables (`indicators`, `indicator_ratios`, `code_labels`) up to the catalogue
 * files when one of them changed since the warehouse last took them (their hash is kept in
 * `warehouse_meta`). Parsing and validating the catalogues is most of what a run with nothing new
 * would cost; unchanged ones are not read twice.
 */
export async function syncIndicatorsIfChanged(wh: Warehouse): Promise<boolean> {
  const hash = createHash('sha256');
  for (const file of SYNCED_FILES) hash.update(file).update(readFileSync(join(CATALOG_DIR, file)));
  const sha = hash.digest('hex');
  const row = await wh.db.selectFrom('warehouse_meta').select('value').where('key', '=', META_KEY).executeTakeFirst();
  if (row?.value === sha) return false;
  await syncIndicators(wh.db, indicatorCatalogue());
  syncIndicatorRatios(wh.sqlite, reconcileRules().ratios);
  syncCodeLabels(wh.sqlite, labels().codes);
  await wh.db.insertInto('warehouse_meta').values({ key: META_KEY, value: sha }).onConflict((oc) => oc.column('key').doUpdateSet({ value: sha })).execute();
  return true;
}
