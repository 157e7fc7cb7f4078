/**
 * The worker-thread side of WorkerSplitter (splitter.ts): runs the same DelimitedSplitter over the
 * chunks the main thread posts, and posts the records back in batches. Messages in: { chunk } (UTF-8
 * bytes or decoded text), { end: true }. Messages out: record batches (record-packer.ts), { ack } once
 * a chunk is parsed (the main thread keeps a few chunks in flight, no more), { done }, { error }.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { RecordPacker, holdsSeparator } from './record-packer.js';
import { DelimitedSplitter, RecordTooLong } from './splitter.js';
import type { FromWorker, SplitterWorkerData, ToWorker } from './splitter-protocol.js';

const port = parentPort!;
const data = workerData as SplitterWorkerData;
const packer = new RecordPacker((batch) => port.postMessage(batch satisfies FromWorker));

const splitter = new DelimitedSplitter(data.delimiter, (record, line) => packer.add(record, line), data.maxRecordChars);

port.on('message', (m: ToWorker) => {
  void (async () => {
    try {
      if ('chunk' in m) {
        const chunk = typeof m.chunk === 'string' ? m.chunk : Buffer.from(m.chunk.buffer, m.chunk.byteOffset, m.chunk.byteLength);
        if (packer.packs() && holdsSeparator(chunk)) packer.unpackable();
        splitter.write(chunk);
        packer.flush();
        port.postMessage({ ack: true } satisfies FromWorker);
      } else {
        await splitter.end();
        packer.flush();
        port.postMessage({ done: true } satisfies FromWorker);
      }
    } catch (err) {
      const tooLong = err instanceof RecordTooLong ? { line: err.line, limit: err.limit } : undefined;
      port.postMessage({ error: { ...(tooLong ? { tooLong } : {}), message: err instanceof Error ? err.message : String(err) } } satisfies FromWorker);
    }
  })();
});
