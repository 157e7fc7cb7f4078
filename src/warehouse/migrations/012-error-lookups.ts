import { type Kysely, sql } from 'kysely';

/**
 * Bundling asks, for each problem it finds, whether the document already carries that warning
 * (pipeline/bundles.ts), so that a bundle re-planned on every run does not repeat it. Without an
 * index on `document_sha256`, each question read the whole `ingest_errors` table, which grows by
 * the warnings of every document loaded: a tenth of a 5,000-file backfill's writer time.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX IF NOT EXISTS ingest_errors_by_document ON ingest_errors (document_sha256)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX IF EXISTS ingest_errors_by_document`.execute(db);
}
