import { type Kysely, sql } from 'kysely';

/**
 * Bundling reads and rewrites a bundle's links by member (pipeline/bundles.ts), on either side of
 * the pair. The primary key answers `document_sha256`; without an index on `linked_sha256`, every
 * "either side" lookup read the whole table, which grows with the warehouse.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX IF NOT EXISTS document_links_by_linked ON document_links (linked_sha256)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX IF EXISTS document_links_by_linked`.execute(db);
}
