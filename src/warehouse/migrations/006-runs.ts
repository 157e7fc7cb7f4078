import { type Kysely, sql } from 'kysely';

/**
 * Runs that survive a crash (issue 10). `runs` says which process ran (pid, host), how many
 * conflicts and commune-periods it reconciled, and a note (a crash it recovered from, a checkpoint a
 * reader blocked). `pending_reconcile` is the durable to-do list of the pipeline's last stage: a
 * document's commune-periods are written in the same transaction as the document, and cleared only
 * once reconciled, so a run killed after loading and before reconciling leaves work the next run
 * finishes.
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
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('pending_reconcile').ifExists().execute();
  for (const c of ['note', 'reconciled', 'conflicts', 'host', 'pid']) await sql`ALTER TABLE runs DROP COLUMN ${sql.ref(c)}`.execute(db);
}
