import { type Kysely, sql } from 'kysely';
import { createPublishedValuesView, createReconciledIndicatorValuesView } from './003-reconcile.js';

/** The mark, from an observation `o`'s details. */
const coverageColumns = sql`,
      CAST(json_extract(o.details, '$.coverage_days') AS INTEGER) AS coverage_days,
      CAST(json_extract(o.details, '$.period_days') AS INTEGER) AS period_days,
      CASE WHEN json_extract(o.details, '$.coverage_days') IS NULL THEN NULL
           WHEN json_extract(o.details, '$.coverage_days') < json_extract(o.details, '$.period_days') THEN 'partial'
           ELSE 'full' END AS coverage`;

/**
 * Partial coverage (issue 8): a one-stop figure counted over a window its data covers only in part
 * (an export of 2024 whose first rows are the last weeks of 2023 gives figures for 2023 that count two
 * weeks of it) says so in `observations.details` (`coverage_days`, `period_days`: days of the counting
 * window the data covers, and the window's length). `indicator_values` now carries that mark for the
 * chosen figure (such a value is published, never without the mark: docs/onestop.md), and
 * `published_values` for every figure.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`DROP VIEW IF EXISTS indicator_values`.execute(db);
  await sql`DROP VIEW IF EXISTS published_values`.execute(db);
  await createReconciledIndicatorValuesView(db, coverageColumns);
  await createPublishedValuesView(db, coverageColumns);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP VIEW IF EXISTS indicator_values`.execute(db);
  await sql`DROP VIEW IF EXISTS published_values`.execute(db);
  await createReconciledIndicatorValuesView(db);
  await createPublishedValuesView(db);
}
