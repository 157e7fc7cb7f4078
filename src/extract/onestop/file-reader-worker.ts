/**
 * The worker-thread side of readDelimitedFile (file-reader.ts): reads a CSV/TSV export from disk
 * itself, with the same readDelimited the main thread uses for bytes it holds (encoding, delimiter,
 * csv-parse), and posts the records back in batches, waiting while the main thread has not read
 * `control[CREDITS]` of them. Messages out: { info } before the first batch, record batches
 * (record-packer.ts), { done }, { error }.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { CchcError } from '../../model/index.js';
import { readDelimited, type DelimitedInfo } from './delimited-rows.js';
import { RecordPacker, holdsSeparator } from './record-packer.js';
import { CREDITS, type FileReaderData, type FromFileReader, STOP } from './splitter-protocol.js';

/** Bytes read at a time (the size the main thread's streams used). */
const CHUNK = 256 * 1024;
/** How long a wait for a credit lasts before it looks at the stop word again. */
const WAIT_MS = 100;

const port = parentPort!;
const { path, control } = workerData as FileReaderData;
const post = (m: FromFileReader) => port.postMessage(m);

class Stopped extends Error {}

/** Takes one credit, waiting until the main thread has read a batch; throws once it gave up. */
function takeCredit(): void {
  for (;;) {
    if (Atomics.load(control, STOP) !== 0) throw new Stopped('the reader of this file stopped');
    const n = Atomics.load(control, CREDITS);
    if (n > 0) {
      Atomics.sub(control, CREDITS, 1);
      return;
    }
    Atomics.wait(control, CREDITS, n, WAIT_MS);
  }
}

/**
 * Chunks read before the encoding was known (the head readDelimited looks at first), with their
 * offsets in the file, not yet looked at for a packing separator; every later chunk is looked at as
 * it is read.
 */
const unchecked: { chunk: Buffer; offset: number }[] = [];
async function* chunks(): AsyncGenerator<Buffer> {
  const fd = openSync(path, 'r');
  let offset = 0;
  try {
    for (;;) {
      // A fresh buffer each time: readDelimited keeps the first chunks while it looks at the head.
      const buffer = Buffer.allocUnsafe(CHUNK);
      const n = readSync(fd, buffer, 0, CHUNK, null);
      if (n === 0) return;
      const chunk = n < CHUNK ? buffer.subarray(0, n) : buffer;
      if (info.encoding) lookForSeparators(chunk, offset);
      else unchecked.push({ chunk, offset });
      offset += n;
      yield chunk;
    }
  } finally {
    closeSync(fd);
  }
}

/** From the chunk on, records go as arrays if it holds a packing separator: a record that ends in it has not been handed over yet. */
function lookForSeparators(chunk: Buffer, offset: number): void {
  if (packer.packs() && holdsSeparator(chunk, info.encoding?.encoding, offset)) packer.unpackable();
}

const info: Partial<DelimitedInfo> = {};
let infoSent = false;
const sendInfo = () => {
  if (infoSent) return;
  infoSent = true;
  post({ info: { ...info } });
};
const packer = new RecordPacker((batch) => {
  takeCredit();
  post(batch);
});

try {
  await readDelimited(
    chunks(),
    (row) => {
      sendInfo();
      for (const { chunk, offset } of unchecked.splice(0)) lookForSeparators(chunk, offset);
      packer.add(row.cells as string[], row.line);
    },
    info,
    { workerAbove: Infinity },
  );
  packer.flush();
  sendInfo();
  post({ done: true });
} catch (err) {
  if (!(err instanceof Stopped)) {
    const message = err instanceof Error ? err.message : String(err);
    post({ error: err instanceof CchcError ? { rejected: { code: err.code, ...(err.location ? { location: err.location } : {}) }, message } : { message } });
  }
}
