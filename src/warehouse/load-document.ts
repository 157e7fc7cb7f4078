import type { Kysely } from 'kysely';
import type { IndicatorCatalogue } from '../catalog/index.js';
import type { NormalizedDocument } from '../normalize/index.js';
import { writeCommunes } from './communes.js';
import type { Database, DocumentsTable } from './schema.js';

/** SQLite binds at most 32,766 variables per statement; 33 columns × 500 rows stays well under. */
const BATCH = 500;

export interface DocumentIdentity {
  readonly sha256: string;
  readonly path: string;
  readonly fileName: string;
  readonly sizeBytes: number;
  readonly runId: string;
  readonly at: string;
}

/**
 * Writes one normalised document: its dimensions, its `documents` row and every observation.
 * Runs inside the transaction the pipeline holds open, so a failure leaves nothing behind.
 * A document seen before (a rejected attempt) is replaced whole.
 */
export async function loadDocument(db: Kysely<Database>, id: DocumentIdentity, doc: NormalizedDocument): Promise<void> {
  await writeCommunes(db, doc.communes, doc.crosswalk);
  for (const p of doc.periods) {
    await db
      .insertInto('periods')
      .values(p)
      .onConflict((oc) =>
        oc.column('key').doUpdateSet({
          // The latest report to state a window for the period says what it covered.
          reported_start: (eb) => eb.fn.coalesce('excluded.reported_start', 'periods.reported_start'),
          reported_end: (eb) => eb.fn.coalesce('excluded.reported_end', 'periods.reported_end'),
          is_estimate: (eb) => eb.ref('excluded.is_estimate'),
        }),
      )
      .execute();
  }
  await writeDocument(db, {
    sha256: id.sha256,
    path: id.path,
    file_name: id.fileName,
    size_bytes: id.sizeBytes,
    ...doc.document,
    status: 'loaded',
    error: null,
    run_id: id.runId,
    loaded_at: id.at,
    observation_count: doc.observations.length,
    bundle_key: null,
  });
  for (let i = 0; i < doc.observations.length; i += BATCH) {
    const rows = doc.observations.slice(i, i + BATCH).map((o) => ({ ...o, document_sha256: id.sha256, run_id: id.runId }));
    await db.insertInto('observations').values(rows).execute();
  }
}

/** Records a file that could not be loaded: a `documents` row with status rejected and its reason. */
export async function recordRejection(db: Kysely<Database>, id: DocumentIdentity, format: string, reason: string): Promise<void> {
  await writeDocument(db, {
    sha256: id.sha256,
    path: id.path,
    file_name: id.fileName,
    format,
    kind: 'unknown',
    size_bytes: id.sizeBytes,
    title: null,
    commune_code: null,
    commune_name: null,
    commune_candidates: null,
    commune_era: null,
    report_number: null,
    report_date: null,
    attached_number: null,
    attached_date: null,
    bundle_key: null,
    period_key: null,
    stated_start: null,
    stated_end: null,
    is_estimate: 0,
    status: 'rejected',
    error: reason,
    run_id: id.runId,
    loaded_at: id.at,
    observation_count: 0,
  });
}

/**
 * Replaces a document's row and drops its observations: a document seen before (a rejected
 * attempt, or a load being redone) is written whole again.
 */
async function writeDocument(db: Kysely<Database>, row: DocumentsTable): Promise<void> {
  await db.deleteFrom('observations').where('document_sha256', '=', row.sha256).execute();
  await db.insertInto('documents').values(row).onConflict((oc) => oc.column('sha256').doUpdateSet(row)).execute();
}

/** Keeps the `indicators` dimension equal to the catalogue (new wordings and rows appear on the next run). */
export async function syncIndicators(db: Kysely<Database>, catalogue: IndicatorCatalogue): Promise<void> {
  const rows = catalogue.all.map((i) => ({
    key: i.key,
    code: i.code,
    name: i.name,
    section: i.section,
    parent_key: i.parent ?? null,
    unit: i.unit ?? null,
    value_type: i.type,
    aggregation: i.aggregation,
    in_appendix: i.appendix ? 1 : 0,
    max_value: i.max ?? null,
    aliases: JSON.stringify(i.aliases),
    note: i.note ?? null,
  }));
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < rows.length; i += BATCH) {
      await trx
        .insertInto('indicators')
        .values(rows.slice(i, i + BATCH))
        .onConflict((oc) =>
          oc.column('key').doUpdateSet((eb) => ({
            code: eb.ref('excluded.code'),
            name: eb.ref('excluded.name'),
            section: eb.ref('excluded.section'),
            parent_key: eb.ref('excluded.parent_key'),
            unit: eb.ref('excluded.unit'),
            value_type: eb.ref('excluded.value_type'),
            aggregation: eb.ref('excluded.aggregation'),
            in_appendix: eb.ref('excluded.in_appendix'),
            max_value: eb.ref('excluded.max_value'),
            aliases: eb.ref('excluded.aliases'),
            note: eb.ref('excluded.note'),
          })),
        )
        .execute();
    }
  });
}
