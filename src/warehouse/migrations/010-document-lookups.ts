import { type Kysely, sql } from 'kysely';

/**
 * Bundling looks documents up by folder, by report number and by bundle (pipeline/bundles.ts) for
 * every batch a backfill loads: without these indexes each lookup read the whole `documents` table,
 * a cost that grew with the warehouse (quadratic over a backfill).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX IF NOT EXISTS documents_by_path ON documents (path)`.execute(db);
  await sql`CREATE INDEX IF NOT EXISTS documents_by_report_number ON documents (report_number)`.execute(db);
  await sql`CREATE INDEX IF NOT EXISTS documents_by_attached_number ON documents (attached_number)`.execute(db);
  await sql`CREATE INDEX IF NOT EXISTS documents_by_bundle ON documents (bundle_key)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const name of ['documents_by_path', 'documents_by_report_number', 'documents_by_attached_number', 'documents_by_bundle']) {
    await sql`DROP INDEX IF EXISTS ${sql.id(name)}`.execute(db);
  }
}
