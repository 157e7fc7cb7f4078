import type { Kysely } from 'kysely';

/**
 * One-stop-shop dossiers (issue 4): one row per dossier code, the first export that carried it wins.
 * Calendar dates only (the counting rules compare days); the channel and status as printed are kept
 * beside their meanings so that a vocabulary mapping can be checked.
 * No personal field is stored; `applicant_hmac` is a keyed hash, filled only when CCHC_PII_KEY is set
 * (docs/onestop.md).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('dossiers')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('procedure', 'text')
    .addColumn('sector', 'text')
    .addColumn('unit_name', 'text')
    .addColumn('channel', 'text')
    .addColumn('online_level', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('status_class', 'text', (c) => c.notNull())
    .addColumn('received_date', 'text', (c) => c.notNull())
    .addColumn('promised_date', 'text')
    .addColumn('finished_date', 'text')
    .addColumn('working_days', 'integer')
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('paid_online', 'integer')
    .addColumn('applicant_hmac', 'text')
    .addColumn('source_line', 'integer')
    .addColumn('document_sha256', 'text', (c) => c.notNull())
    .addColumn('run_id', 'text', (c) => c.notNull())
    .execute();
  // One secondary index, for analysts' "this commune, these months" queries. Finding a document's rows
  // scans: it is rare, and every index costs a third of the bulk-load speed.
  await db.schema.createIndex('dossiers_by_unit_received').on('dossiers').columns(['unit_name', 'received_date']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('dossiers').ifExists().execute();
}
