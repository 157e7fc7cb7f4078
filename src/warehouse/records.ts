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

const INSERTED: WriteOutcome = Object.freeze({ duplicate: false });

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
  interface Prepared {
    readonly table: string;
    readonly keys: readonly string[];
    readonly insert: SQLite.Statement;
    readonly select?: SQLite.Statement;
  }
  const statements = new Map<string, Prepared>();
  // Extractors write rows of one shape a million times: check the last shape before building a key.
  let last: Prepared | undefined;
  const prepare = (table: string, keys: string[]): Prepared => {
    const columns = [...keys, 'document_sha256', 'run_id'];
    const id = `${table}(${columns.join(',')})`;
    let p = statements.get(id);
    if (!p) {
      if (!/^[a-z_]+$/.test(table) || columns.some((c) => !/^[a-z_0-9]+$/.test(c))) throw new Error(`bad record target ${id}`);
      const key = NATURAL_KEYS[table];
      const insert = `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`;
      p = key
        ? { table, keys, insert: sqlite.prepare(`${insert} ON CONFLICT(${key}) DO NOTHING`), select: sqlite.prepare(`SELECT ${columns.join(', ')} FROM ${table} WHERE ${key} = ?`) }
        : { table, keys, insert: sqlite.prepare(insert) };
      statements.set(id, p);
    }
    return p;
  };
  const sameShape = (p: Prepared | undefined, table: string, keys: string[]): p is Prepared => {
    if (!p || p.table !== table || p.keys.length !== keys.length) return false;
    for (let i = 0; i < keys.length; i++) if (p.keys[i] !== keys[i]) return false;
    return true;
  };
  const writer = {
    count: 0,
    duplicates: 0,
    documentSha256,
    write(table: string, row: Row): WriteOutcome | undefined {
      const keys = Object.keys(row);
      const p = sameShape(last, table, keys) ? last : (last = prepare(table, keys));
      const values: (string | number | null)[] = new Array(keys.length + 2);
      for (let i = 0; i < keys.length; i++) values[i] = row[keys[i]!] ?? null;
      values[keys.length] = documentSha256;
      values[keys.length + 1] = runId;
      const info = p.insert.run(values);
      if (info.changes > 0 || !p.select) {
        writer.count++;
        return p.select ? INSERTED : undefined;
      }
      writer.duplicates++;
      const key = NATURAL_KEYS[table]!;
      const existing = p.select.get(row[key]) as Record<string, string | number | null>;
      const sameDocument = existing.document_sha256 === documentSha256;
      const differing = (COMPARED_COLUMNS[table] ?? []).filter((c) => c in row && existing[c] !== null && row[c] !== null && existing[c] !== row[c]);
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
