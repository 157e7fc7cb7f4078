import SQLite from 'better-sqlite3';

/** Tables of a warehouse, every row, without what differs between two runs of the same files (row ids, run ids, clocks): for row-for-row comparisons. */
export function warehouseContents(db: string, tables: readonly string[]): Record<string, unknown[]> {
  const conn = new SQLite(db, { readonly: true });
  try {
    const out: Record<string, unknown[]> = {};
    for (const table of tables) {
      const cols = (conn.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name).filter((c) => !/^(id|run_id|loaded_at|created_at)$/.test(c));
      const list = cols.map((c) => `"${c}"`).join(', ');
      out[table] = conn.prepare(`SELECT ${list} FROM ${table} ORDER BY ${list}`).all();
    }
    return out;
  } finally {
    conn.close();
  }
}
