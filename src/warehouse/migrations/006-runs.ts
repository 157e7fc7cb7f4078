import { type Kysely, sql } from 'kysely';

/**
 * Runs that survive a crash (issue 10). `runs` says which process ran (pid, host), how many
 * conflicts and commune-periods it reconciled, and a note (a crash it recovered from, a checkpoint a
 * reader blocked). `pending_reconcile` is the durable to-do list of the pipeline's last stage: a
 * document's commune-periods are written in the same transaction as the document, and cleared only
 * once reconciled, so a run killed after loading and before reconciling leaves work the next run
 * finishes. `source_files` marks each file a run loaded or skipped by its path, size, times and inode,
 * so that the next run passes over a file nobody touched without reading it (and the inbox itself
 * stays as it is). `warehouse_meta` holds fingerprints such as the indicator catalogue's, so that
 * an unchanged catalogue is not parsed and written again on every run.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('runs').addColumn('pid', 'integer').execute();
  await db.schema.alterTable('runs').addColumn('host', 'text').execute();
  await db.schema.alterTable('runs').addColumn('conflicts', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('runs').addColumn('reconciled', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('runs').addColumn('note', 'text').execute();
  await db.schema
    .createTable('pending_reconcile')
    .addColumn('commune_key', 'text', (c) => c.notNull())
    .addColumn('period_key', 'text', (c) => c.notNull())
    .addColumn('run_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('pending_reconcile_pk', ['commune_key', 'period_key'])
    .execute();
  await db.schema
    .createTable('source_files')
    .addColumn('path', 'text', (c) => c.primaryKey())
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    .addColumn('mtime_ms', 'real', (c) => c.notNull())
    .addColumn('ctime_ms', 'real', (c) => c.notNull())
    .addColumn('inode', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('run_id', 'text', (c) => c.notNull())
    .addColumn('seen_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('warehouse_meta')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['warehouse_meta', 'source_files', 'pending_reconcile']) await db.schema.dropTable(t).ifExists().execute();
  for (const c of ['note', 'reconciled', 'conflicts', 'host', 'pid']) await sql`ALTER TABLE runs DROP COLUMN ${sql.ref(c)}`.execute(db);
}
