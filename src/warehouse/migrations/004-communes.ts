import { type Kysely, sql } from 'kysely';

const DOCUMENT_COLUMNS = ['commune_era', 'report_number', 'report_date', 'attached_number', 'attached_date', 'bundle_key'] as const;

/**
 * Communes of both sides of the July 2025 reorganisation (issue 8). A post-2025 unit usually keeps
 * the code of one of the units merged into it (new xã Yên Thịnh is 02044, like old xã Yên Thịnh),
 * so `communes` is keyed by (code, era) and records each unit's counterparts; `commune_crosswalk`
 * holds the old → new pairs. Documents record the era of their commune, their report number and
 * date, the report they are attached to, and the bundle they belong to (`document_links` says why).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE communes_004 (
      code TEXT NOT NULL, era TEXT NOT NULL, name TEXT NOT NULL, unit_type TEXT,
      district TEXT, province TEXT, new_code TEXT, new_name TEXT, new_province TEXT,
      counterparts TEXT NOT NULL DEFAULT '[]',
      PRIMARY KEY (code, era))`.execute(db);
  // Every commune stored so far came from the pre-2025 index, the only one there was.
  await sql`
    INSERT INTO communes_004 (code, era, name, district, province, new_code, new_name, new_province, counterparts)
    SELECT code, 'pre2025', name, district, province, new_code, new_name, new_province,
      CASE WHEN new_code IS NULL THEN '[]' ELSE json_array(new_code) END
    FROM communes`.execute(db);
  await sql`DROP TABLE communes`.execute(db);
  await sql`ALTER TABLE communes_004 RENAME TO communes`.execute(db);

  await sql`CREATE TABLE IF NOT EXISTS commune_crosswalk (old_code TEXT NOT NULL, new_code TEXT NOT NULL, PRIMARY KEY (old_code, new_code))`.execute(db);
  await sql`INSERT OR IGNORE INTO commune_crosswalk (old_code, new_code) SELECT code, new_code FROM communes WHERE new_code IS NOT NULL`.execute(db);

  for (const c of DOCUMENT_COLUMNS) await db.schema.alterTable('documents').addColumn(c, 'text').execute();
  await sql`UPDATE documents SET commune_era = 'pre2025' WHERE commune_code IS NOT NULL`.execute(db);

  await db.schema
    .createTable('document_links')
    .addColumn('document_sha256', 'text', (c) => c.notNull())
    .addColumn('linked_sha256', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('bundle_key', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('document_links_pk', ['document_sha256', 'linked_sha256'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('document_links').ifExists().execute();
  for (const c of DOCUMENT_COLUMNS) await db.schema.alterTable('documents').dropColumn(c).execute();
  await sql`DROP TABLE IF EXISTS commune_crosswalk`.execute(db);
  await sql`
    CREATE TABLE communes_001 (code TEXT PRIMARY KEY, name TEXT NOT NULL, district TEXT, province TEXT,
      new_code TEXT, new_name TEXT, new_province TEXT)`.execute(db);
  await sql`
    INSERT INTO communes_001 SELECT code, name, district, province, new_code, new_name, new_province
    FROM communes WHERE era = 'pre2025'`.execute(db);
  await sql`DROP TABLE communes`.execute(db);
  await sql`ALTER TABLE communes_001 RENAME TO communes`.execute(db);
}
