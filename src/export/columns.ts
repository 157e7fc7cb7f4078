import type SQLite from 'better-sqlite3';
import { codeLabel } from '../catalog/index.js';

/** How a column is typed in Parquet and formatted in XLSX. */
export type ColumnKind = 'integer' | 'double' | 'text' | 'date';

export interface ExportColumn {
  readonly name: string;
  readonly kind: ColumnKind;
}

/** A view ready to be written: its typed columns and its rows, read when iterated. */
export interface ExportSheet {
  readonly name: string;
  readonly columns: readonly ExportColumn[];
  rows(): Iterable<Record<string, unknown>>;
}

/**
 * Columns of a prepared SELECT, typed from the declared types SQLite reports (through views too);
 * dates are ISO text in columns named `*_date`. Computed columns have no declared type: text,
 * unless `kinds` says otherwise. Each `<column>_vi` label goes right after the column it translates.
 */
export function exportColumns(
  stmt: SQLite.Statement,
  labels: Readonly<Record<string, readonly [string, string]>>,
  kinds: Readonly<Record<string, ColumnKind>> = {},
): ExportColumn[] {
  const out: ExportColumn[] = [];
  for (const c of stmt.columns()) {
    const declared = (c.type ?? '').toUpperCase();
    const kind: ColumnKind =
      kinds[c.name] ?? (/_date$/.test(c.name) ? 'date' : declared.includes('INT') ? 'integer' : /REAL|FLOA|DOUB|NUM/.test(declared) ? 'double' : 'text');
    out.push({ name: c.name, kind });
    for (const [label, [source]] of Object.entries(labels)) if (source === c.name) out.push({ name: label, kind: 'text' });
  }
  return out;
}

/** The rows of a statement with their `<column>_vi` labels, one at a time (nothing held). */
export function* labelledRows(
  stmt: SQLite.Statement,
  params: readonly unknown[],
  labels: Readonly<Record<string, readonly [string, string]>>,
): Generator<Record<string, unknown>> {
  const entries = Object.entries(labels);
  for (const row of stmt.iterate(...params) as IterableIterator<Record<string, unknown>>) {
    for (const [label, [source, domain]] of entries) row[label] = codeLabel(domain, row[source] as string | null);
    yield row;
  }
}
