import type SQLite from 'better-sqlite3';
import type { RecordWriter } from '../extract/index.js';

/**
 * Streams extractor records (one-stop dossiers) into their table over the raw connection, inside the
 * transaction the pipeline holds open. One prepared statement per table and column set.
 */
export function createRecordWriter(sqlite: SQLite.Database, documentSha256: string, runId: string): RecordWriter & { count: number } {
  const statements = new Map<string, SQLite.Statement>();
  const writer = {
    count: 0,
    write(table: string, row: Readonly<Record<string, string | number | null>>): void {
      const full = { ...row, document_sha256: documentSha256, run_id: runId };
      const columns = Object.keys(full);
      const id = `${table}(${columns.join(',')})`;
      let stmt = statements.get(id);
      if (!stmt) {
        if (!/^[a-z_]+$/.test(table) || columns.some((c) => !/^[a-z_0-9]+$/.test(c))) throw new Error(`bad record target ${id}`);
        stmt = sqlite.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((c) => '@' + c).join(', ')})`);
        statements.set(id, stmt);
      }
      stmt.run(full);
      writer.count++;
    },
  };
  return writer;
}
