/**
 * The worker-thread side of WorkerSplitter (splitter.ts): runs the same DelimitedSplitter over the
 * chunks the main thread posts, and posts the records back in batches. Messages in: { chunk } (UTF-8
 * bytes or decoded text), { end: true }. Messages out: { lines, cells } batches, { ack } once a chunk
 * is parsed (the main thread keeps a few chunks in flight, no more), { done }, { error }.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { CELL_SEP, DelimitedSplitter, RECORD_SEP, RecordTooLong } from './splitter.js';

export interface SplitterWorkerData {
  readonly delimiter: string;
  readonly maxRecordChars: number;
}
export type ToWorker = { readonly chunk: Uint8Array | string } | { readonly end: true };
export type FromWorker =
  /** A batch: records joined by RECORD_SEP, cells by CELL_SEP (one string clones far faster than arrays of them). */
  | { readonly lines: number[]; readonly packed: string }
  /** A batch holding a cell with a separator character in it (garbage bytes): sent as arrays. */
  | { readonly lines: number[]; readonly cells: string[][] }
  | { readonly ack: true }
  | { readonly done: true }
  | { readonly error: { readonly tooLong?: { line: number; limit: number }; readonly message: string } };

/** Records per message: large enough that posting costs little per row, small enough to stay flat. */
const BATCH = 1000;


const port = parentPort!;
const data = workerData as SplitterWorkerData;
let lines: number[] = [];
let cells: string[][] = [];
const flush = () => {
  if (cells.length === 0) return;
  const packed = cells.map((c) => c.join(CELL_SEP)).join(RECORD_SEP);
  const separators = cells.reduce((n, c) => n + c.length, 0) - 1;
  // Each record adds (cells - 1) cell separators and each but the last a record separator: any more is a separator inside a cell.
  if (countSeparators(packed) === separators) port.postMessage({ lines, packed } satisfies FromWorker);
  else port.postMessage({ lines, cells } satisfies FromWorker);
  lines = [];
  cells = [];
};

function countSeparators(s: string): number {
  let n = 0;
  for (let i = s.indexOf(CELL_SEP); i >= 0; i = s.indexOf(CELL_SEP, i + 1)) n++;
  for (let i = s.indexOf(RECORD_SEP); i >= 0; i = s.indexOf(RECORD_SEP, i + 1)) n++;
  return n;
}
const splitter = new DelimitedSplitter(
  data.delimiter,
  (record, line) => {
    lines.push(line);
    cells.push(record);
    if (cells.length >= BATCH) flush();
  },
  data.maxRecordChars,
);

port.on('message', (m: ToWorker) => {
  void (async () => {
    try {
      if ('chunk' in m) {
        splitter.write(typeof m.chunk === 'string' ? m.chunk : Buffer.from(m.chunk.buffer, m.chunk.byteOffset, m.chunk.byteLength));
        flush();
        port.postMessage({ ack: true } satisfies FromWorker);
      } else {
        await splitter.end();
        flush();
        port.postMessage({ done: true } satisfies FromWorker);
      }
    } catch (err) {
      const tooLong = err instanceof RecordTooLong ? { line: err.line, limit: err.limit } : undefined;
      port.postMessage({ error: { ...(tooLong ? { tooLong } : {}), message: err instanceof Error ? err.message : String(err) } } satisfies FromWorker);
    }
  })();
});
