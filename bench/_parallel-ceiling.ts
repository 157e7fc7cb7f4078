/**
 * The machine's own speed-up from one thread to two on work like the backfill's (objects, strings,
 * regular expressions, JSON: a young generation collected often), in one process with worker
 * threads as the backfill has: one thread doing 2 units of work, then two threads doing one unit
 * each at once. A single JavaScript thread already keeps part of a second core busy (V8 collects
 * garbage and compiles there), so this ratio, not 2, is what a 1 → 2 worker speed-up can reach
 * here. Used by bench/backfill.ts, which prints it beside its own speed-up.
 */
import { Worker } from 'node:worker_threads';

/** A worker doing `workerData` units of about a second each on the 2-core machine (plain JavaScript: no loader needed). */
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
let n = 0;
for (let u = 0; u < workerData; u++) {
  for (let k = 0; k < 12; k++) {
    const rows = [];
    for (let i = 0; i < 40000; i++) rows.push({ i, text: 'Số hồ sơ tiếp nhận ' + i + ': ' + k, cells: [String(i), String(k), 'đạt'] });
    n += JSON.parse(JSON.stringify(rows.slice(0, 10000))).length;
    for (const r of rows) if (/(\\d+)\\D+(\\d+)$/.exec(r.text)) n++;
  }
}
parentPort.postMessage(n);
`;

async function inThreads(threads: number, unitsEach: number): Promise<number> {
  const t0 = performance.now();
  await Promise.all(
    Array.from(
      { length: threads },
      () =>
        new Promise<void>((resolve, reject) => {
          const w = new Worker(WORKER, { eval: true, workerData: unitsEach });
          w.once('message', () => void w.terminate().then(() => resolve()));
          w.once('error', reject);
        }),
    ),
  );
  return (performance.now() - t0) / 1000;
}

/** Seconds for 2 units in one thread and in two at once, and their ratio (best of `rounds` each). */
export async function parallelCeiling(rounds = 3): Promise<{ readonly one: number; readonly two: number; readonly ratio: number }> {
  let one = Infinity;
  let two = Infinity;
  for (let r = 0; r < rounds; r++) {
    one = Math.min(one, await inThreads(1, 2));
    two = Math.min(two, await inThreads(2, 1));
  }
  return { one, two, ratio: one / two };
}
