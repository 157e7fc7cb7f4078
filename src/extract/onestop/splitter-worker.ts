/**
 * The worker-thread side of WorkerSplitter (splitter.ts): runs the same DelimitedSplitter over the
 * chunks the main thread posts, and posts the records back in batches. Messages in: { chunk } (UTF-8
 * bytes or decoded text), { end: true }. Messages out: { lines, packed } (or { lines, cells }) batches, { ack } once a chunk
 * is parsed (the main thread keeps a few chunks in flight, no more), { done }, { error }.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { DelimitedSplitter, RecordTooLong } from './splitter.js';
import { CELL_SEP, type FromWorker, RECORD_SEP, type SplitterWorkerData, type ToWorker } from './splitter-protocol.js';

/** Records per message: large enough that posting costs little per row, small enough to stay flat. */
const BATCH = 1000;

const port = parentPort!;
const data = workerData as SplitterWorkerData;
let lines: number[] = [];
/** The batch packed as it grows (a rope: flattened once, when posted). */
let packed = '';
/** The batch as arrays, once a chunk held a separator character (garbage bytes): from then on. */
let cells: string[][] | undefined;
const flush = () => {
  if (lines.length === 0) return;
  if (cells) {
    port.postMessage({ lines, cells } satisfies FromWorker);
    cells = [];
  } else {
    port.postMessage({ lines, packed } satisfies FromWorker);
    packed = '';
  }
  lines = [];
};

/**
 * Whether a chunk holds a separator character. Checked on the chunk (native indexOf) rather than on
 * every cell: a record may straddle chunks, so once one chunk holds one, every later batch goes as
 * arrays.
 */
function holdsSeparator(chunk: Buffer | string): boolean {
  if (typeof chunk === 'string') return chunk.includes(CELL_SEP) || chunk.includes(RECORD_SEP);
  return chunk.includes(CELL_SEP.charCodeAt(0)) || chunk.includes(RECORD_SEP.charCodeAt(0));
}

const splitter = new DelimitedSplitter(
  data.delimiter,
  (record, line) => {
    if (cells) cells.push(record);
    else packed = lines.length === 0 ? record.join(CELL_SEP) : packed + RECORD_SEP + record.join(CELL_SEP);
    lines.push(line);
    if (lines.length >= BATCH) flush();
  },
  data.maxRecordChars,
);

port.on('message', (m: ToWorker) => {
  void (async () => {
    try {
      if ('chunk' in m) {
        const chunk = typeof m.chunk === 'string' ? m.chunk : Buffer.from(m.chunk.buffer, m.chunk.byteOffset, m.chunk.byteLength);
        if (!cells && holdsSeparator(chunk)) {
          flush();
          cells = [];
        }
        splitter.write(chunk);
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
