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
import type { TextEncoding } from './encoding.js';
import { RecordPacker } from './record-packer.js';
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

/** Chunks read and not yet looked at for a packing separator (the encoding is known only once the head is read). */
const unchecked: Buffer[] = [];
async function* chunks(): AsyncGenerator<Buffer> {
  const fd = openSync(path, 'r');
  try {
    for (;;) {
      // A fresh buffer each time: readDelimited keeps the first chunks while it looks at the head.
      const buffer = Buffer.allocUnsafe(CHUNK);
      const n = readSync(fd, buffer, 0, CHUNK, null);
      if (n === 0) return;
      const chunk = n < CHUNK ? buffer.subarray(0, n) : buffer;
      unchecked.push(chunk);
      yield chunk;
    }
  } finally {
    closeSync(fd);
  }
}

/**
 * Whether a chunk's text holds a packing separator (NUL or U+0001), told from its bytes (native
 * indexOf): a byte 0 or 1 in UTF-8 and the 8-bit encodings; in UTF-16 the code unit at an even
 * offset (every Latin letter has a zero byte). Chunks are read at even sizes, so offsets stay aligned.
 */
function holdsSeparator(chunk: Buffer, encoding: TextEncoding | undefined): boolean {
  if (encoding !== 'utf16le' && encoding !== 'utf16be') return chunk.includes(0) || chunk.includes(1);
  const units = encoding === 'utf16le' ? [Buffer.from([0, 0]), Buffer.from([1, 0])] : [Buffer.from([0, 0]), Buffer.from([0, 1])];
  for (const unit of units) {
    for (let at = chunk.indexOf(unit); at >= 0; at = chunk.indexOf(unit, at + 1)) if (at % 2 === 0) return true;
  }
  return false;
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
      // Every chunk up to the one that ends this record has been read: once one holds a separator,
      // this record and all after it go as arrays.
      while (unchecked.length) if (holdsSeparator(unchecked.shift()!, info.encoding?.encoding)) packer.unpackable();
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
