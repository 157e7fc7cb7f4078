import type SQLite from 'better-sqlite3';
import type { RecordWriter } from '../extract/index.js';

/**
 * Tables whose rows are deduplicated on a natural key across overlapping exports: the first row
 * stored wins; a later row with the same key is a duplicate when its content is the same, and a
 * conflict (reported back to the extractor, which warns) when it differs.
 */
const NATURAL_KEYS: Readonly<Record<string, string>> = { dossiers: 'code' };
/**
 * Columns whose meaning two exports of one dossier must agree on. Text as printed (status words,
 * channel codes, unit names), times of day and provenance differ between vendors' layouts of the same
 * dossier and are not compared; a column one export lacks (null) does not conflict.
 */
const COMPARED_COLUMNS: Readonly<Record<string, readonly string[]>> = {
  dossiers: ['channel', 'online_level', 'status_class', 'received_date', 'promised_date', 'finished_date', 'outcome', 'paid_online'],
};

/** What `write` returns for deduplicated tables (void-compatible with RecordWriter). */
export interface WriteOutcome {
  readonly duplicate: boolean;
  /** The row already stored came from the same document (a repeated line, not an overlapping export). */
  readonly sameDocument?: boolean;
  readonly conflict?: { readonly documentSha256: string; readonly line: number | null; readonly columns: readonly string[] };
}

type Row = Readonly<Record<string, string | number | null>>;

/**
 * Streams extractor records (one-stop dossiers) into their table over the raw connection, inside the
 * transaction the pipeline holds open. One prepared statement per table and column set.
 */
export function createRecordWriter(
  sqlite: SQLite.Database,
  documentSha256: string,
  runId: string,
): RecordWriter & { count: number; duplicates: number; readonly documentSha256: string } {
  const statements = new Map<string, { insert: SQLite.Statement; select?: SQLite.Statement }>();
  const writer = {
    count: 0,
    duplicates: 0,
    documentSha256,
    write(table: string, row: Row): WriteOutcome | undefined {
      const full: Record<string, string | number | null> = { ...row, document_sha256: documentSha256, run_id: runId };
      const columns = Object.keys(full);
      const id = `${table}(${columns.join(',')})`;
      let stmt = statements.get(id);
      if (!stmt) {
        if (!/^[a-z_]+$/.test(table) || columns.some((c) => !/^[a-z_0-9]+$/.test(c))) throw new Error(`bad record target ${id}`);
        const key = NATURAL_KEYS[table];
        const values = columns.map((c) => '@' + c).join(', ');
        stmt = key
          ? {
              insert: sqlite.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${values}) ON CONFLICT(${key}) DO NOTHING`),
              select: sqlite.prepare(`SELECT ${columns.join(', ')} FROM ${table} WHERE ${key} = ?`),
            }
          : { insert: sqlite.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${values})`) };
        statements.set(id, stmt);
      }
      const info = stmt.insert.run(full);
      if (info.changes > 0 || !stmt.select) {
        writer.count++;
        return stmt.select ? { duplicate: false } : undefined;
      }
      writer.duplicates++;
      const key = NATURAL_KEYS[table]!;
      const existing = stmt.select.get(full[key]) as Record<string, string | number | null>;
      const sameDocument = existing.document_sha256 === documentSha256;
      const differing = (COMPARED_COLUMNS[table] ?? []).filter((c) => c in full && existing[c] !== null && full[c] !== null && existing[c] !== full[c]);
      if (differing.length === 0) return { duplicate: true, sameDocument };
      return {
        duplicate: true,
        sameDocument,
        conflict: {
          documentSha256: String(existing.document_sha256),
          line: typeof existing.source_line === 'number' ? existing.source_line : null,
          columns: differing,
        },
      };
    },
  };
  return writer;
}
