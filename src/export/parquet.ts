import { fileWriter, ParquetWriter, type SchemaElement } from 'hyparquet-writer';
import type { ColumnKind, ExportColumn } from './columns.js';

/** Rows per row group: the only rows held in memory at a time. */
const ROW_GROUP = 20_000;

const SCHEMA: Record<ColumnKind, Omit<SchemaElement, 'name'>> = {
  integer: { type: 'INT64', repetition_type: 'OPTIONAL' },
  double: { type: 'DOUBLE', repetition_type: 'OPTIONAL' },
  text: { type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'OPTIONAL' },
  date: { type: 'INT32', converted_type: 'DATE', repetition_type: 'OPTIONAL' },
};

/**
 * A Parquet file (hyparquet-writer) with typed columns, for Python, R and DuckDB: integers INT64,
 * money and shares DOUBLE, dates DATE, text UTF-8. Written a row group at a time.
 */
export async function writeParquet(rows: Iterable<Record<string, unknown>>, columns: readonly ExportColumn[], path: string): Promise<void> {
  const schema: SchemaElement[] = [{ name: 'root', num_children: columns.length }, ...columns.map((c) => ({ name: c.name, ...SCHEMA[c.kind] }))];
  const writer = new ParquetWriter({ writer: fileWriter(path), schema, createdBy: 'cchc-etl' });
  let batch: unknown[][] = columns.map(() => []);
  let size = 0;
  const flush = async () => {
    await writer.write({ columnData: columns.map((c, i) => ({ name: c.name, data: batch[i]! })), rowGroupSize: ROW_GROUP });
    batch = columns.map(() => []);
    size = 0;
  };
  for (const row of rows) {
    columns.forEach((c, i) => batch[i]!.push(parquetValue(c.kind, row[c.name])));
    if (++size === ROW_GROUP) await flush();
  }
  if (size) await flush();
  await writer.finish();
}

function parquetValue(kind: ColumnKind, v: unknown): unknown {
  if (v === null || v === undefined) return null;
  switch (kind) {
    case 'integer':
      return typeof v === 'number' && Number.isInteger(v) ? BigInt(v) : typeof v === 'bigint' ? v : null;
    case 'double':
      return typeof v === 'number' ? v : null;
    case 'date':
      return typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? new Date(`${v}T00:00:00Z`) : null;
    case 'text':
      return typeof v === 'string' ? v : String(v);
  }
}
