import type SQLite from 'better-sqlite3';

/** Statements prepared once per connection: SQLite prepares one in tens of microseconds, and a run executes them per document and per row. */
const statements = new WeakMap<SQLite.Database, Map<string, SQLite.Statement>>();

/**
 * The connection's statement for `key`, prepared on first use. The SQL is the key itself when it is
 * constant; a statement whose text is built (column lists) passes a key for its shape and a builder,
 * so that the text is built only once.
 */
export function prepareOnce(sqlite: SQLite.Database, key: string, sql: () => string = () => key): SQLite.Statement {
  let byKey = statements.get(sqlite);
  if (!byKey) statements.set(sqlite, (byKey = new Map()));
  let s = byKey.get(key);
  if (!s) byKey.set(key, (s = sqlite.prepare(sql())));
  return s;
}
