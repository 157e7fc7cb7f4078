import { z } from 'zod';

/**
 * The `dossiers` table's columns that an export fills (migration 002), in the order a batch holds
 * them. The writer adds `document_sha256` and `run_id`.
 */
export const DOSSIER_COLUMNS = [
  'code',
  'procedure',
  'sector',
  'unit_name',
  'channel',
  'online_level',
  'status',
  'status_class',
  'received_date',
  'promised_date',
  'finished_date',
  'working_days',
  'outcome',
  'paid_online',
  'applicant_hmac',
  'source_line',
] as const;
export type DossierColumn = (typeof DOSSIER_COLUMNS)[number];

const Cell = z.union([z.string(), z.number(), z.null()]);

/**
 * Dossier rows as extraction hands them over (a dlt-style load package): one array per column of
 * DOSSIER_COLUMNS, `count` rows long, nothing personal in clear. Column arrays rather than one object
 * per row because a batch crosses from a worker thread to the writer by structured clone, and a
 * clone of objects costs about four times a clone of the same values in arrays (no keys to write
 * and read back per row; bench/backfill.ts).
 */
export const DossierBatch = z
  .object({
    count: z.number().int().nonnegative(),
    columns: z.array(z.array(Cell)).length(DOSSIER_COLUMNS.length),
  })
  .refine((b) => b.columns.every((c) => c.length === b.count), { message: 'every column of a dossier batch holds `count` rows' });
export type DossierBatch = z.infer<typeof DossierBatch>;

/** Receives each batch as it fills; the last one, shorter, when the export ends. */
export type DossierSink = (batch: DossierBatch) => void;

/** Rows per batch: large enough that per-batch costs vanish, small enough to stream a long export. */
export const DOSSIER_BATCH_ROWS = 2000;

/**
 * Gathers dossier records (objects keyed by column, as `parseRow` makes them) into column batches
 * and hands each full one to the sink.
 */
export class DossierBatcher {
  private columns: (string | number | null)[][] = freshColumns();
  private count = 0;
  private checked = false;
  /** Rows handed over so far (all batches). */
  total = 0;

  constructor(
    private readonly sink: DossierSink,
    private readonly size = DOSSIER_BATCH_ROWS,
  ) {}

  add(record: Readonly<Record<string, string | number | null>>): void {
    if (!this.checked) {
      // A field the table has no column for would be dropped without a word: that is a bug here.
      const unknown = Object.keys(record).filter((k) => !(DOSSIER_COLUMNS as readonly string[]).includes(k));
      if (unknown.length) throw new Error(`dossier record has fields the dossiers table lacks: ${unknown.join(', ')}`);
      this.checked = true;
    }
    const cols = this.columns;
    for (let c = 0; c < DOSSIER_COLUMNS.length; c++) cols[c]!.push(record[DOSSIER_COLUMNS[c]!] ?? null);
    this.count++;
    this.total++;
    if (this.count >= this.size) this.flush();
  }

  /** Hands over what is gathered (nothing when empty). */
  flush(): void {
    if (this.count === 0) return;
    const batch: DossierBatch = { count: this.count, columns: this.columns };
    this.columns = freshColumns();
    this.count = 0;
    this.sink(batch);
  }
}

function freshColumns(): (string | number | null)[][] {
  return DOSSIER_COLUMNS.map(() => []);
}

/** A sink that keeps every batch (worker threads, tests), with the rows it holds so far. */
export function collectDossiers(limit = Infinity): DossierSink & { readonly batches: DossierBatch[]; rows: number } {
  const batches: DossierBatch[] = [];
  const sink = Object.assign(
    (batch: DossierBatch) => {
      sink.rows += batch.count;
      if (sink.rows > limit) throw new TooManyDossiers(limit);
      batches.push(batch);
    },
    { batches, rows: 0 },
  );
  return sink;
}

/** More dossier rows than a collecting sink may hold: the caller streams the file instead. */
export class TooManyDossiers extends Error {
  constructor(readonly limit: number) {
    super(`more than ${limit} dossier rows to hold in memory`);
    this.name = 'TooManyDossiers';
  }
}

/** Row `r` of a batch as an object keyed by column (tests, and readers that want names). */
export function dossierRow(batch: DossierBatch, r: number): Record<DossierColumn, string | number | null> {
  const row = {} as Record<DossierColumn, string | number | null>;
  DOSSIER_COLUMNS.forEach((c, i) => (row[c] = batch.columns[i]![r] ?? null));
  return row;
}
