import { createWriteStream } from 'node:fs';
import type { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import { stringify as stringifySync } from 'csv-stringify/sync';
import { cell } from './neutralise.js';

/**
 * One CSV dialect for every CSV cchc writes (exports and the listing commands' --format csv):
 * UTF-8 with a BOM so that Excel reads Vietnamese, a header row even when there is no row, RFC 4180
 * quoting and CRLF line ends, formula-like text neutralised, numbers written as numbers.
 */
const OPTIONS = { bom: true, header: true, record_delimiter: 'windows' } as const;

const toRecord = (row: Record<string, unknown>, columns: readonly string[]) => columns.map((c) => cell(row[c]) ?? '');

/** The whole CSV text of a few rows (listing commands). */
export function csvText(rows: readonly Record<string, unknown>[], columns: readonly string[]): string {
  return stringifySync(rows.map((r) => toRecord(r, columns)), { ...OPTIONS, columns: [...columns] });
}

/** Streams rows to `out` (a path, or a stream such as stdout) without holding them. */
export async function writeCsv(rows: Iterable<Record<string, unknown>>, columns: readonly string[], out: string | Writable): Promise<void> {
  const records = (function* () {
    for (const r of rows) yield toRecord(r, columns);
  })();
  const sink = typeof out === 'string' ? createWriteStream(out) : out;
  await pipeline(Readable.from(records), stringify({ ...OPTIONS, columns: [...columns] }), sink, { end: typeof out === 'string' });
}
