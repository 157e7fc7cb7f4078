/**
 * The measured half of bench/onestop.ts: loads one export into a warehouse file the way the pipeline
 * does (one transaction, the file read and split in a worker thread, dossiers streamed, figures normalised and loaded) and prints one JSON line.
 * Run in its own process so that its memory is its own: `bench/onestop.ts` bundles and spawns it.
 */
import { readFileSync, statSync } from 'node:fs';
import { extractTextFile } from '../src/extract/onestop/index.js';
import { normalizeDocument } from '../src/normalize/index.js';
import { indicatorCatalogue } from '../src/catalog/indicators.js';
import { columnCatalogue, countingRules, vocabulary } from '../src/extract/onestop/index.js';
import { communeRegistry } from '../src/normalize/commune/registry.js';
import { createDossierLoader, loadDocument, openWarehouse } from '../src/warehouse/index.js';

const [csvPath, dbPath] = process.argv.slice(2) as [string, string];
let peak = 0;
const tick = () => (peak = Math.max(peak, process.memoryUsage.rss()));
const timer = setInterval(tick, 20);
tick();
const t0 = performance.now();
const cpu0 = process.cpuUsage();
const main0 = mainThreadCpu();
// What a process loads once for all its files (catalogues, the commune registry), timed apart but
// inside the measured time: a run over many files pays it once, this one-file load in full.
const s0 = performance.now();
const main00 = mainThreadCpu();
columnCatalogue();
countingRules();
vocabulary();
indicatorCatalogue();
communeRegistry();
const setupSeconds = (performance.now() - s0) / 1000;
const setupMain = main00 === undefined ? undefined : mainThreadCpu()! - main00;
const wh = await openWarehouse(dbPath);
const sha256 = 'bench'.padEnd(64, '0');
const runId = 'bench-run';
wh.sqlite.exec('BEGIN IMMEDIATE');
const writer = createDossierLoader(wh.sqlite, sha256, runId);
const stats: Record<string, unknown> = {};
const doc = await extractTextFile(csvPath, { path: csvPath }, { config: { maxBytes: Infinity }, dossiers: (batch) => writer.write(batch) }, stats);
const normalized = normalizeDocument(doc, { path: csvPath, bytes: Buffer.alloc(0), sha256 });
await loadDocument(wh, { sha256, path: csvPath, fileName: 'export.csv', sizeBytes: statSync(csvPath).size, runId, at: new Date().toISOString() }, normalized);
wh.sqlite.exec('COMMIT');
await wh.close();
const seconds = (performance.now() - t0) / 1000;
const cpu = process.cpuUsage(cpu0);
const main1 = mainThreadCpu();
clearInterval(timer);
tick();
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
const mainCpuSeconds = main0 !== undefined && main1 !== undefined ? main1 - main0 : undefined;
console.log(JSON.stringify({ seconds, cpuSeconds, mainCpuSeconds, setupSeconds, setupMainCpuSeconds: setupMain, peakRss: peak, maxRss: process.resourceUsage().maxRSS * 1024, rows: stats.rows, stored: writer.inserted, observations: normalized.observations.length, notCounted: stats.notCounted }));

/**
 * CPU seconds this process's main thread has used (Linux: /proc/self/task/<pid>/stat, utime + stime
 * in clock ticks of 1/100 s), or undefined elsewhere. On a shared machine wall time says more about
 * the neighbours than about us; the busiest thread's CPU time is what the wall time is on an idle one.
 */
function mainThreadCpu(): number | undefined {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return undefined;
  }
}
