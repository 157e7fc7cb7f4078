import type { Kysely } from 'kysely';

/**
 * Bundling survives a crash too (issue 10): a loaded document's sha256 joins `pending_bundles` in the
 * document's own transaction and leaves it only once the run's last stage has linked its bundle, so a
 * run killed between loading its files and linking them leaves the linking to the next run, which
 * would otherwise pass over those files as loaded and never link them.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('pending_bundles')
    .addColumn('document_sha256', 'text', (c) => c.primaryKey())
    .addColumn('run_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('pending_bundles').ifExists().execute();
}
