import { type Kysely, sql } from 'kysely';

/**
 * Analysts' views (issue 11).
 *
 * - `commune_crosswalk`: which post-2025 unit each pre-2025 commune became part of (filled from the
 *   registry by migration 004; the same DDL here so that this migration stands alone).
 * - `indicator_ratios`: rate = numerator / denominator, as catalog/reconcile-rules.yaml declares them
 *   (synced by `syncIndicatorRatios` whenever the catalogue is synced).
 * - `code_labels`: Vietnamese text for the stable English codes of `status`, `rule`, `severity`, …
 *   (catalog/labels.yaml, synced by `syncCodeLabels`), to join beside them.
 * - `indicator_labels`: an indicator's name as analysts read it; a sub-row carries the code of the
 *   row it belongs to ("1.4.2 — UBND huyện"), since "UBND huyện" alone is under 1.4.1 and 1.4.2 alike.
 * - `indicator_values_current_units`: every value in today's units (below).
 * - `overrides.superseded_by`: a second override of one cell replaces the first, which stays on record.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE IF NOT EXISTS commune_crosswalk (old_code TEXT NOT NULL, new_code TEXT NOT NULL, PRIMARY KEY (old_code, new_code))`.execute(db);
  await sql`CREATE TABLE IF NOT EXISTS indicator_ratios (rate_key TEXT PRIMARY KEY, numerator_key TEXT NOT NULL, denominator_key TEXT NOT NULL)`.execute(db);
  await sql`CREATE TABLE IF NOT EXISTS code_labels (domain TEXT NOT NULL, code TEXT NOT NULL, label TEXT NOT NULL, PRIMARY KEY (domain, code))`.execute(db);
  await sql`ALTER TABLE overrides ADD COLUMN superseded_by INTEGER`.execute(db);

  await sql`
    CREATE VIEW indicator_labels AS
    WITH RECURSIVE up(key, ancestor_key, ancestor_code, depth) AS (
      SELECT key, parent_key, NULL, 0 FROM indicators
      UNION ALL
      SELECT up.key, p.parent_key, NULLIF(p.code, ''), up.depth + 1
      FROM up JOIN indicators p ON p.key = up.ancestor_key
      WHERE up.ancestor_code IS NULL AND up.depth < 10
    )
    SELECT i.key,
      CASE WHEN i.code <> '' THEN i.code || ' — ' || i.name
           ELSE COALESCE((SELECT ancestor_code FROM up WHERE up.key = i.key AND ancestor_code IS NOT NULL ORDER BY depth LIMIT 1) || ' — ', '') || i.name
      END AS label
    FROM indicators i
  `.execute(db);

  // Periods whose data window closes before the reorganisation took effect (1 July 2025) were
  // reported by the old communes: their values go to the unit each became part of. Later periods
  // are the new units' own reports (a new unit often kept the code of one of its old communes, so
  // the code alone cannot tell). Counts and money of every aggregation (flow, stock, cumulative) add
  // up over the merged units; a rate is recomputed from its numerator and denominator summed over
  // the communes that gave both, or kept as printed when one commune alone stands behind it;
  // text and yes/no indicators are left out (they do not combine).
  await sql`
    CREATE VIEW indicator_values_current_units AS
    WITH vals AS (
      SELECT v.commune_code, v.period_key, v.indicator_key, v.value_num, i.value_type, i.aggregation,
        COALESCE(p.end_date < '2025-07-01', CAST(substr(v.period_key, 1, 4) AS INTEGER) < 2025) AS before_reorganisation
      FROM indicator_values v
      JOIN indicators i ON i.key = v.indicator_key
      LEFT JOIN periods p ON p.key = v.period_key
      WHERE v.commune_code IS NOT NULL AND v.value_num IS NOT NULL
        AND i.value_type IN ('count', 'money', 'percent')
    ),
    mapped AS (
      SELECT COALESCE(cw.new_code, vals.commune_code) AS unit_code, vals.commune_code AS reporting_code,
        cw.new_code IS NOT NULL AS via_crosswalk, vals.period_key, vals.indicator_key, vals.value_num, vals.value_type, vals.aggregation
      FROM vals LEFT JOIN commune_crosswalk cw ON vals.before_reorganisation AND cw.old_code = vals.commune_code
    ),
    reporters AS (
      SELECT unit_code, period_key, COUNT(DISTINCT reporting_code) AS units_reported, MAX(via_crosswalk) AS via_crosswalk
      FROM mapped GROUP BY unit_code, period_key
    ),
    members AS (SELECT new_code, COUNT(*) AS units_total FROM commune_crosswalk GROUP BY new_code),
    sums AS (
      SELECT unit_code, period_key, indicator_key, SUM(value_num) AS value_num,
        CASE WHEN COUNT(*) > 1 THEN 'sum' ELSE 'as_reported' END AS method,
        COUNT(*) AS units_with_value, group_concat(reporting_code, ' ') AS reporting_codes
      FROM mapped WHERE value_type IN ('count', 'money') AND aggregation IN ('flow', 'stock', 'cumulative')
      GROUP BY unit_code, period_key, indicator_key
    ),
    parts AS (
      SELECT n.unit_code, n.period_key, r.rate_key AS indicator_key,
        CASE WHEN SUM(d.value_num) > 0 THEN ROUND(100.0 * SUM(n.value_num) / SUM(d.value_num), 2) END AS value_num,
        COUNT(*) AS units_with_value, group_concat(n.reporting_code, ' ') AS reporting_codes
      FROM indicator_ratios r
      JOIN mapped n ON n.indicator_key = r.numerator_key
      JOIN mapped d ON d.indicator_key = r.denominator_key AND d.reporting_code = n.reporting_code
        AND d.period_key = n.period_key AND d.unit_code = n.unit_code
      GROUP BY n.unit_code, n.period_key, r.rate_key
    ),
    printed_rates AS (
      SELECT unit_code, period_key, indicator_key, MIN(value_num) AS value_num, COUNT(*) AS units_with_value,
        group_concat(reporting_code, ' ') AS reporting_codes
      FROM mapped WHERE value_type = 'percent' GROUP BY unit_code, period_key, indicator_key
    ),
    rates AS (
      SELECT unit_code, period_key, indicator_key, value_num, 'recomputed' AS method, units_with_value, reporting_codes
      FROM parts WHERE units_with_value > 1 AND value_num IS NOT NULL
      UNION ALL
      SELECT pr.unit_code, pr.period_key, pr.indicator_key, pr.value_num, 'as_reported', pr.units_with_value, pr.reporting_codes
      FROM printed_rates pr
      WHERE pr.units_with_value = 1
        AND NOT EXISTS (SELECT 1 FROM parts p WHERE p.unit_code = pr.unit_code AND p.period_key = pr.period_key
                          AND p.indicator_key = pr.indicator_key AND p.units_with_value > 1 AND p.value_num IS NOT NULL)
    ),
    combined AS (SELECT * FROM sums UNION ALL SELECT * FROM rates)
    SELECT c.unit_code AS commune_code,
      -- A code can name an old and a new unit (communes is keyed by code and era): the new unit's name.
      COALESCE((SELECT cm.name FROM communes cm WHERE cm.code = c.unit_code AND cm.era = 'post2025'),
               (SELECT cm.new_name FROM communes cm WHERE cm.new_code = c.unit_code LIMIT 1),
               (SELECT cm.name FROM communes cm WHERE cm.code = c.unit_code LIMIT 1)) AS commune_name,
      c.period_key, c.indicator_key, i.code AS indicator_code, l.label AS indicator_label, i.unit,
      c.value_num, c.method,
      rp.units_reported,
      CASE WHEN rp.via_crosswalk THEN COALESCE(m.units_total, 1) ELSE 1 END AS units_total,
      rp.units_reported || '/' || CASE WHEN rp.via_crosswalk THEN COALESCE(m.units_total, 1) ELSE 1 END AS coverage,
      c.units_with_value, c.reporting_codes
    FROM combined c
    JOIN indicators i ON i.key = c.indicator_key
    LEFT JOIN indicator_labels l ON l.key = c.indicator_key
    JOIN reporters rp ON rp.unit_code = c.unit_code AND rp.period_key = c.period_key
    LEFT JOIN members m ON m.new_code = c.unit_code
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP VIEW IF EXISTS indicator_values_current_units`.execute(db);
  await sql`DROP VIEW IF EXISTS indicator_labels`.execute(db);
  await sql`DROP TABLE IF EXISTS indicator_ratios`.execute(db);
  await sql`DROP TABLE IF EXISTS code_labels`.execute(db);
  await sql`ALTER TABLE overrides DROP COLUMN superseded_by`.execute(db);
  // commune_crosswalk belongs to migration 004 as much as to this one: it stays.
}
