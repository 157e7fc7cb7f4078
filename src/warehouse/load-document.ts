import type SQLite from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type { IndicatorCatalogue } from '../catalog/index.js';
import type { NormalizedDocument } from '../normalize/index.js';
import { writeCommunes } from './communes.js';
import type { Warehouse } from './open.js';
import type { Database, DocumentsTable, PeriodsTable } from './schema.js';
import { prepareOnce } from './statements.js';

/** SQLite binds at most 32,766 variables per statement; 33 columns × 500 rows stays well under. */
const BATCH = 500;

export interface DocumentIdentity {
  readonly sha256: string;
  readonly path: string;
  readonly fileName: string;
  readonly sizeBytes: number;
  readonly runId: string;
  readonly at: string;
}

/**
 * Writes one normalised document: its dimensions, its `documents` row and every observation.
 * Runs inside the transaction the pipeline holds open, so a failure leaves nothing behind.
 * A document seen before (a rejected attempt) is replaced whole.
 *
 * The writer thread runs this for every file of a backfill, so the rows that come by the dozen
 * (observations, periods) go through prepared statements kept per connection: through the query
 * builder, each document cost an SQL text built, compiled and prepared again per statement.
 */
export async function loadDocument(wh: Pick<Warehouse, 'db' | 'sqlite'>, id: DocumentIdentity, doc: NormalizedDocument): Promise<void> {
  const { sqlite } = wh;
  writeCommunes(sqlite, doc.communes, doc.crosswalk);
  if (doc.periods.length) {
    const upsert = prepareOnce(sqlite, 'periods', PERIOD_UPSERT);
    for (const p of doc.periods) upsert.run(PERIOD_COLUMNS.map((c) => p[c] ?? null));
  }
  await writeDocument(sqlite, {
    sha256: id.sha256,
    path: id.path,
    file_name: id.fileName,
    size_bytes: id.sizeBytes,
    ...doc.document,
    status: 'loaded',
    error: null,
    run_id: id.runId,
    loaded_at: id.at,
    observation_count: doc.observations.length,
    bundle_key: null,
  });
  const first = doc.observations[0];
  if (!first) return;
  // Every observation of a document has the same fields (normalize builds them so).
  const columns = Object.keys(first) as (keyof typeof first)[];
  const all = [...columns, 'document_sha256', 'run_id'];
  const insertOf = (rows: number) =>
    prepareOnce(sqlite, `observations(${all.join(',')})×${rows}`, () => {
      const tuple = `(${all.map(() => '?').join(', ')})`;
      return `INSERT INTO observations (${all.join(', ')}) VALUES ${Array.from({ length: rows }, () => tuple).join(', ')}`;
    });
  // Several rows per statement: a statement run is a crossing into SQLite and back, a row appended to
  // the bound values is not. The rows keep their order, so their ids are the same as one by one.
  const width = all.length;
  const fill = (values: unknown[], at: number, o: (typeof doc.observations)[number]) => {
    for (let i = 0; i < columns.length; i++) values[at + i] = o[columns[i]!] ?? null;
    values[at + columns.length] = id.sha256;
    values[at + columns.length + 1] = id.runId;
  };
  const obs = doc.observations;
  let r = 0;
  if (obs.length >= ROWS_PER_INSERT) {
    const many = insertOf(ROWS_PER_INSERT);
    const values: unknown[] = new Array(width * ROWS_PER_INSERT);
    for (; r + ROWS_PER_INSERT <= obs.length; r += ROWS_PER_INSERT) {
      for (let k = 0; k < ROWS_PER_INSERT; k++) fill(values, k * width, obs[r + k]!);
      many.run(values);
    }
  }
  if (r < obs.length) {
    const one = insertOf(1);
    const values: unknown[] = new Array(width);
    for (; r < obs.length; r++) {
      fill(values, 0, obs[r]!);
      one.run(values);
    }
  }
}

/** Observations per INSERT: 16 rows × ~35 columns stays far below SQLite's limit of bound variables. */
const ROWS_PER_INSERT = 16;

const PERIOD_COLUMNS = ['key', 'kind', 'number', 'year', 'start_date', 'end_date', 'reported_start', 'reported_end', 'is_estimate'] as const satisfies readonly (keyof PeriodsTable)[];
// The latest report to state a window for the period says what it covered.
const PERIOD_UPSERT = () =>
  `INSERT INTO periods (${PERIOD_COLUMNS.join(', ')}) VALUES (${PERIOD_COLUMNS.map((c) => (c === 'is_estimate' ? 'coalesce(?, 0)' : '?')).join(', ')})
   ON CONFLICT(key) DO UPDATE SET reported_start = coalesce(excluded.reported_start, periods.reported_start),
     reported_end = coalesce(excluded.reported_end, periods.reported_end), is_estimate = excluded.is_estimate`;

/** Where a document's warnings are recorded from. */
export interface WarningSource {
  readonly runId: string;
  readonly sha256: string;
  readonly path: string;
  /** The stage of warnings that name none (the loader's own). */
  readonly stage: string;
}

/** A document's warnings, one `ingest_errors` row each (severity warning), through one prepared statement. */
export function recordWarnings(sqlite: SQLite.Database, from: WarningSource, warnings: readonly { readonly where: string; readonly message: string; readonly stage?: string }[]): void {
  if (warnings.length === 0) return;
  const insert = prepareOnce(
    sqlite,
    'ingest_errors',
    () => "INSERT INTO ingest_errors (run_id, document_sha256, path, stage, severity, location, message, created_at) VALUES (?, ?, ?, ?, 'warning', ?, ?, ?)",
  );
  const at = new Date().toISOString();
  for (const w of warnings) insert.run(from.runId, from.sha256, from.path, w.stage ?? from.stage, w.where, w.message, at);
}

/** Records a file that could not be loaded: a `documents` row with status rejected and its reason. */
export async function recordRejection(db: Kysely<Database>, id: DocumentIdentity, format: string, reason: string): Promise<void> {
  const row: DocumentsTable = {
    sha256: id.sha256,
    path: id.path,
    file_name: id.fileName,
    format,
    kind: 'unknown',
    size_bytes: id.sizeBytes,
    title: null,
    commune_code: null,
    commune_name: null,
    commune_candidates: null,
    commune_era: null,
    report_number: null,
    report_date: null,
    attached_number: null,
    attached_date: null,
    bundle_key: null,
    period_key: null,
    stated_start: null,
    stated_end: null,
    is_estimate: 0,
    status: 'rejected',
    error: reason,
    run_id: id.runId,
    loaded_at: id.at,
    observation_count: 0,
  };
  // Rare (one per bad file): through the query builder, in the caller's transaction like a load.
  await db.deleteFrom('observations').where('document_sha256', '=', row.sha256).execute();
  await db.insertInto('documents').values(row).onConflict((oc) => oc.column('sha256').doUpdateSet(row)).execute();
}

/**
 * Replaces a document's row and drops its observations: a document seen before (a rejected
 * attempt, or a load being redone) is written whole again. Prepared once per connection and column set.
 */
async function writeDocument(sqlite: SQLite.Database, row: DocumentsTable): Promise<void> {
  prepareOnce(sqlite, 'observations-of-document', () => 'DELETE FROM observations WHERE document_sha256 = ?').run(row.sha256);
  const columns = Object.keys(row) as (keyof DocumentsTable)[];
  const upsert = prepareOnce(
    sqlite,
    `documents(${columns.join(',')})`,
    () =>
      `INSERT INTO documents (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})
       ON CONFLICT(sha256) DO UPDATE SET ${columns.map((c) => `${c} = excluded.${c}`).join(', ')}`,
  );
  upsert.run(columns.map((c) => row[c] ?? null));
}

/** Keeps the `indicators` dimension equal to the catalogue (new wordings and rows appear on the next run). */
export async function syncIndicators(db: Kysely<Database>, catalogue: IndicatorCatalogue): Promise<void> {
  const rows = catalogue.all.map((i) => ({
    key: i.key,
    code: i.code,
    name: i.name,
    section: i.section,
    parent_key: i.parent ?? null,
    unit: i.unit ?? null,
    value_type: i.type,
    aggregation: i.aggregation,
    in_appendix: i.appendix ? 1 : 0,
    max_value: i.max ?? null,
    aliases: JSON.stringify(i.aliases),
    note: i.note ?? null,
  }));
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < rows.length; i += BATCH) {
      await trx
        .insertInto('indicators')
        .values(rows.slice(i, i + BATCH))
        .onConflict((oc) =>
          oc.column('key').doUpdateSet((eb) => ({
            code: eb.ref('excluded.code'),
            name: eb.ref('excluded.name'),
            section: eb.ref('excluded.section'),
            parent_key: eb.ref('excluded.parent_key'),
            unit: eb.ref('excluded.unit'),
            value_type: eb.ref('excluded.value_type'),
            aggregation: eb.ref('excluded.aggregation'),
            in_appendix: eb.ref('excluded.in_appendix'),
            max_value: eb.ref('excluded.max_value'),
            aliases: eb.ref('excluded.aliases'),
            note: eb.ref('excluded.note'),
          })),
        )
        .execute();
    }
  });
}
