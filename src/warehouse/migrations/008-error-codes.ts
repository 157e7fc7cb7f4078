import { type Kysely, sql } from 'kysely';

/**
 * Errors typed per stage (issue 10): `ingest_errors.code` says why a file failed, from the closed list
 * of `ErrorCode` (src/model/errors.ts), beside `stage` saying where. `internal` is a bug of ours; a
 * warning has no code. Rows written before this migration keep NULL.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('ingest_errors').addColumn('code', 'text').execute();
  await sql`CREATE INDEX IF NOT EXISTS ingest_errors_code ON ingest_errors (code)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX IF EXISTS ingest_errors_code`.execute(db);
  await db.schema.alterTable('ingest_errors').dropColumn('code').execute();
}
