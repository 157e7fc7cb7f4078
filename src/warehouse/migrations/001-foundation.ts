import { type Kysely, sql } from 'kysely';

/** Dimensions, documents, observations, runs and errors; the interim `indicator_values` view. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('runs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('pipeline', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('files_seen', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('files_loaded', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('files_skipped', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('files_rejected', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('observations', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('args', 'text')
    .execute();

  await db.schema
    .createTable('indicators')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('section', 'text', (c) => c.notNull())
    .addColumn('parent_key', 'text')
    .addColumn('unit', 'text')
    .addColumn('value_type', 'text', (c) => c.notNull())
    .addColumn('aggregation', 'text', (c) => c.notNull())
    .addColumn('in_appendix', 'integer', (c) => c.notNull())
    .addColumn('max_value', 'real')
    .addColumn('aliases', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .execute();

  await db.schema
    .createTable('communes')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('district', 'text')
    .addColumn('province', 'text')
    .addColumn('new_code', 'text')
    .addColumn('new_name', 'text')
    .addColumn('new_province', 'text')
    .execute();

  await db.schema
    .createTable('periods')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('number', 'integer')
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('end_date', 'text', (c) => c.notNull())
    .addColumn('reported_start', 'text')
    .addColumn('reported_end', 'text')
    .addColumn('is_estimate', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema
    .createTable('documents')
    .addColumn('sha256', 'text', (c) => c.primaryKey())
    .addColumn('path', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    .addColumn('title', 'text')
    .addColumn('commune_code', 'text')
    .addColumn('commune_name', 'text')
    .addColumn('commune_candidates', 'text')
    .addColumn('period_key', 'text')
    .addColumn('stated_start', 'text')
    .addColumn('stated_end', 'text')
    .addColumn('is_estimate', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('error', 'text')
    .addColumn('run_id', 'text', (c) => c.notNull())
    .addColumn('loaded_at', 'text', (c) => c.notNull())
    .addColumn('observation_count', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema
    .createTable('observations')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('document_sha256', 'text', (c) => c.notNull().references('documents.sha256').onDelete('cascade'))
    .addColumn('run_id', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('indicator_key', 'text')
    .addColumn('mapped', 'integer', (c) => c.notNull())
    .addColumn('match', 'text')
    .addColumn('commune_code', 'text')
    .addColumn('commune_name', 'text')
    .addColumn('period_key', 'text')
    .addColumn('row_code', 'text')
    .addColumn('row_label', 'text')
    .addColumn('unit', 'text')
    .addColumn('raw_text', 'text', (c) => c.notNull())
    .addColumn('value_num', 'real')
    .addColumn('value_text', 'text')
    .addColumn('value_kind', 'text', (c) => c.notNull())
    .addColumn('numerator', 'real')
    .addColumn('denominator', 'real')
    .addColumn('note', 'text')
    .addColumn('warning', 'text')
    .addColumn('sheet', 'text')
    .addColumn('cell', 'text')
    .addColumn('page', 'integer')
    .addColumn('x', 'real')
    .addColumn('y', 'real')
    .addColumn('line', 'integer')
    .addColumn('quote', 'text')
    .addColumn('window_start', 'text')
    .addColumn('window_end', 'text')
    .addColumn('window_source', 'text')
    .addColumn('details', 'text')
    .execute();
  await db.schema.createIndex('observations_by_key').on('observations').columns(['commune_code', 'period_key', 'indicator_key']).execute();
  await db.schema.createIndex('observations_by_document').on('observations').column('document_sha256').execute();

  await db.schema
    .createTable('ingest_errors')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('run_id', 'text', (c) => c.notNull())
    .addColumn('document_sha256', 'text')
    .addColumn('path', 'text', (c) => c.notNull())
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('severity', 'text', (c) => c.notNull())
    .addColumn('location', 'text')
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await createInterimIndicatorValuesView(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP VIEW IF EXISTS indicator_values`.execute(db);
  for (const t of ['ingest_errors', 'observations', 'documents', 'periods', 'communes', 'indicators', 'runs']) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}

/**
 * Until reconciliation picks a trusted value, the view shows one observation per commune ×
 * period × indicator: printed values before blanks, appendix tables first (the Excel copy before
 * the PDF), then one-stop figures, then the narrative. `status` says whether others exist.
 * Also what a later migration's `down` restores.
 */
export async function createInterimIndicatorValuesView(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE VIEW indicator_values AS
    WITH ranked AS (
      SELECT o.*, d.format, d.file_name,
        ROW_NUMBER() OVER (
          PARTITION BY COALESCE(o.commune_code, o.commune_name), o.period_key, o.indicator_key
          ORDER BY CASE WHEN o.value_kind = 'blank' THEN 1 ELSE 0 END,
                   CASE o.method WHEN 'table' THEN 0 WHEN 'onestop' THEN 1 ELSE 2 END,
                   CASE d.format WHEN 'xlsx' THEN 0 ELSE 1 END, d.sha256, o.seq) AS rank,
        COUNT(*) OVER (PARTITION BY COALESCE(o.commune_code, o.commune_name), o.period_key, o.indicator_key) AS n_observations
      FROM observations o JOIN documents d ON d.sha256 = o.document_sha256
      WHERE o.indicator_key IS NOT NULL AND d.status = 'loaded'
    )
    SELECT r.commune_code, r.commune_name, r.period_key, r.indicator_key,
      i.code AS indicator_code, i.name AS indicator_name,
      r.value_num, r.value_text, i.unit,
      CASE WHEN r.n_observations = 1 THEN 'single_source' ELSE 'unreconciled' END AS status,
      r.method || ': ' || r.file_name ||
        COALESCE('!' || r.sheet || '!' || r.cell, ' p.' || r.page, ' line ' || r.line, '') AS source,
      r.raw_text, r.sheet, r.cell, r.page, r.line, r.quote,
      r.id AS observation_id, r.document_sha256, r.n_observations
    FROM ranked r JOIN indicators i ON i.key = r.indicator_key
    WHERE r.rank = 1
  `.execute(db);
}
