import type SQLite from 'better-sqlite3';

/** SQLite's query plan of a statement, its steps joined: what the index tests read. */
export const queryPlan = (sqlite: SQLite.Database, sql: string, ...args: unknown[]): string =>
  (sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as { detail: string }[]).map((r) => r.detail).join('; ');
