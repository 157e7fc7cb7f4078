import { type Kysely, type RawBuilder, sql } from 'kysely';
import { createInterimIndicatorValuesView } from './001-foundation.js';

/**
 * Reconciliation (issue 5): one trusted value per commune × period × indicator, the conflicts found
 * on the way, and analysts' overrides. `indicator_values` now shows the reconciled value;
 * `published_values` shows every figure as each document printed it, beside the reconciled one.
 * Reconciled rows are derived data, rewritten whenever a commune-period is re-reconciled; overrides
 * are decisions and are never touched by a run.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('reconciled_values')
    .addColumn('commune_key', 'text', (c) => c.notNull())
    .addColumn('commune_code', 'text')
    .addColumn('commune_name', 'text')
    .addColumn('period_key', 'text', (c) => c.notNull())
    .addColumn('indicator_key', 'text', (c) => c.notNull())
    .addColumn('value_num', 'real')
    .addColumn('value_text', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('chosen_document_sha256', 'text')
    .addColumn('chosen_seq', 'integer')
    .addColumn('source', 'text', (c) => c.notNull())
    // The chosen figure as printed: the cell, the phrase, or the fraction a value was read from.
    .addColumn('printed', 'text')
    .addColumn('rivals', 'text', (c) => c.notNull())
    .addColumn('rule', 'text', (c) => c.notNull())
    .addColumn('explanation', 'text', (c) => c.notNull())
    .addColumn('failed_checks', 'text', (c) => c.notNull())
    .addColumn('n_observations', 'integer', (c) => c.notNull())
    .addColumn('override_id', 'integer')
    .addPrimaryKeyConstraint('reconciled_values_pk', ['commune_key', 'period_key', 'indicator_key'])
    .execute();

  await db.schema
    .createTable('conflicts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('commune_key', 'text', (c) => c.notNull())
    .addColumn('commune_code', 'text')
    .addColumn('commune_name', 'text')
    .addColumn('period_key', 'text', (c) => c.notNull())
    .addColumn('indicators', 'text', (c) => c.notNull())
    .addColumn('rule', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('severity', 'text', (c) => c.notNull())
    .addColumn('verdict', 'text', (c) => c.notNull())
    .addColumn('values_json', 'text', (c) => c.notNull())
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('decision', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('conflicts_by_key').on('conflicts').columns(['commune_key', 'period_key']).execute();

  await db.schema
    .createTable('overrides')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('commune_key', 'text', (c) => c.notNull())
    .addColumn('period_key', 'text', (c) => c.notNull())
    .addColumn('indicator_key', 'text', (c) => c.notNull())
    .addColumn('value_raw', 'text', (c) => c.notNull())
    .addColumn('value_num', 'real')
    .addColumn('value_text', 'text')
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('who', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    // Removal keeps the row: who decided what, and who withdrew it, stays on record.
    .addColumn('removed_at', 'text')
    .addColumn('removed_by', 'text')
    .execute();
  await db.schema.createIndex('overrides_by_key').on('overrides').columns(['commune_key', 'period_key', 'indicator_key']).execute();

  await sql`DROP VIEW IF EXISTS indicator_values`.execute(db);
  await createReconciledIndicatorValuesView(db);

  await createPublishedValuesView(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP VIEW IF EXISTS published_values`.execute(db);
  await sql`DROP VIEW IF EXISTS indicator_values`.execute(db);
  for (const t of ['overrides', 'conflicts', 'reconciled_values']) await db.schema.dropTable(t).ifExists().execute();
  // Back to the interim view of 001: the first observation by method, unreconciled.
  await createInterimIndicatorValuesView(db);
}

/**
 * The reconciled `indicator_values` view. `extra` adds columns at the end (a later migration's, e.g.
 * 005's coverage); without it, the view exactly as this migration made it, which 005's `down` restores.
 */
export async function createReconciledIndicatorValuesView(db: Kysely<unknown>, extra: RawBuilder<unknown> = sql``): Promise<void> {
  await sql`
    CREATE VIEW indicator_values AS
    SELECT rv.commune_code, rv.commune_name, rv.period_key, rv.indicator_key,
      i.code AS indicator_code, i.name AS indicator_name,
      rv.value_num, rv.value_text, i.unit, rv.status, rv.source,
      o.id AS chosen_observation_id,
      rv.chosen_document_sha256 || '#' || rv.chosen_seq AS chosen_observation,
      rv.rivals, rv.rule, rv.explanation, rv.failed_checks, rv.override_id,
      COALESCE(rv.printed, o.raw_text) AS raw_text, o.sheet, o.cell, o.page, o.line, o.quote,
      o.id AS observation_id, rv.chosen_document_sha256 AS document_sha256, rv.n_observations, rv.commune_key${extra}
    FROM reconciled_values rv
    JOIN indicators i ON i.key = rv.indicator_key
    LEFT JOIN observations o ON o.document_sha256 = rv.chosen_document_sha256 AND o.seq = rv.chosen_seq
  `.execute(db);
}

/** The `published_values` view; `extra` as for `createReconciledIndicatorValuesView`. */
export async function createPublishedValuesView(db: Kysely<unknown>, extra: RawBuilder<unknown> = sql``): Promise<void> {
  await sql`
    CREATE VIEW published_values AS
    SELECT d.sha256 AS document_sha256, d.file_name, d.format, d.kind AS document_kind, d.title,
      d.is_estimate, d.period_key AS document_period_key,
      o.id AS observation_id, o.seq, o.method,
      o.commune_code, o.commune_name, o.period_key, o.indicator_key,
      i.code AS indicator_code, i.name AS indicator_name, i.unit,
      o.row_code, o.row_label, o.raw_text, o.value_num, o.value_text, o.value_kind,
      o.numerator, o.denominator, o.note, o.quote, o.sheet, o.cell, o.page, o.line,
      rv.value_num AS reconciled_value_num, rv.value_text AS reconciled_value_text, rv.status AS reconciled_status,
      CASE WHEN rv.chosen_document_sha256 = o.document_sha256 AND rv.chosen_seq = o.seq THEN 1 ELSE 0 END AS is_chosen${extra}
    FROM observations o
    JOIN documents d ON d.sha256 = o.document_sha256
    LEFT JOIN indicators i ON i.key = o.indicator_key
    LEFT JOIN reconciled_values rv
      ON rv.commune_key = COALESCE(o.commune_code, 'name:' || o.commune_name)
     AND rv.period_key = o.period_key AND rv.indicator_key = o.indicator_key
    WHERE d.status = 'loaded'
  `.execute(db);
}
