import { RejectedInput } from '../errors.js';
import type { DelimitedInfo } from './delimited-rows.js';
import type { RawRow } from './raw-row.js';
import { unpack } from './record-packer.js';
import { WORKER_LIMITS } from './splitter.js';
import { CREDITS, type FileReaderData, type FromFileReader, STOP } from './splitter-protocol.js';
import { startWorker } from './start-worker.js';

/**
 * Batches of about a thousand records the reader may post ahead of this thread: enough that it never
 * waits for this one to turn, few enough to stay a megabyte or two.
 */
const BATCHES_AHEAD = 4;

/**
 * Reads the rows of a CSV/TSV export on disk in a worker thread and hands each to `onRow` here, in
 * file order: the worker reads the file, detects its encoding and delimiter and splits it
 * (readDelimited, the same as for bytes in memory), this thread reads the dossiers and writes them.
 *
 * Why the worker reads the file itself: when this thread read it and posted the chunks, the worker
 * waited whenever this thread was busy with the last batch, and this thread waited for the next one;
 * each sat idle about a fifth of a million-row load (bench/onestop.ts). `info` is filled before the
 * first row. An error `onRow` throws stops the worker and is the one this rejects with.
 */
export function readDelimitedFile(path: string, onRow: (row: RawRow) => void, info: Partial<DelimitedInfo> = {}): Promise<void> {
  const control = new Int32Array(new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT));
  control[CREDITS] = BATCHES_AHEAD;
  const worker = startWorker('file-reader-worker', { path, control } satisfies FileReaderData, WORKER_LIMITS);
  return new Promise<void>((resolve, reject) => {
    let settled = false;
    const fail = (err: unknown) => {
      if (settled) return;
      settled = true;
      Atomics.store(control, STOP, 1);
      Atomics.notify(control, CREDITS);
      void worker.terminate();
      reject(err);
    };
    worker.on('message', (m: FromFileReader) => {
      if (settled) return;
      try {
        if ('info' in m) Object.assign(info, m.info);
        else if ('lines' in m) {
          unpack(m, (cells, line) => onRow({ line, cells }));
          Atomics.add(control, CREDITS, 1);
          Atomics.notify(control, CREDITS);
        } else if ('done' in m) {
          settled = true;
          resolve();
        } else fail(m.error.rejected ? new RejectedInput(m.error.rejected.code, m.error.message, m.error.rejected.location) : new Error(`CSV reader worker: ${m.error.message}`));
      } catch (err) {
        fail(err);
      }
    });
    worker.on('error', fail);
    worker.on('exit', () => fail(new Error(`CSV reader worker ended before ${path} did`)));
  });
}
