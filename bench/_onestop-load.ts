/**
 * The measured half of bench/onestop.ts: loads one export into a warehouse file the way the pipeline
 * does (one transaction, dossiers streamed, figures normalised and loaded) and prints one JSON line.
 * Run in its own process so that its memory is its own: `bench/onestop.ts` bundles and spawns it.
 */
import { createReadStream, statSync } from 'node:fs';
import { extractTextExport } from '../src/extract/onestop/index.js';
import { normalizeDocument } from '../src/normalize/index.js';
import { createDossierLoader, loadDocument, openWarehouse } from '../src/warehouse/index.js';

const [csvPath, dbPath] = process.argv.slice(2) as [string, string];
let peak = 0;
const tick = () => (peak = Math.max(peak, process.memoryUsage.rss()));
const timer = setInterval(tick, 20);
tick();
const t0 = performance.now();
const wh = await openWarehouse(dbPath);
const sha256 = 'bench'.padEnd(64, '0');
const runId = 'bench-run';
wh.sqlite.exec('BEGIN IMMEDIATE');
const writer = createDossierLoader(wh.sqlite, sha256, runId);
const stats: Record<string, unknown> = {};
const doc = await extractTextExport(createReadStream(csvPath, { highWaterMark: 256 * 1024 }), { path: csvPath }, { config: { maxBytes: Infinity }, dossiers: (batch) => writer.write(batch) }, stats);
const normalized = normalizeDocument(doc, { path: csvPath, bytes: Buffer.alloc(0), sha256 });
await loadDocument(wh, { sha256, path: csvPath, fileName: 'export.csv', sizeBytes: statSync(csvPath).size, runId, at: new Date().toISOString() }, normalized);
wh.sqlite.exec('COMMIT');
await wh.close();
const seconds = (performance.now() - t0) / 1000;
clearInterval(timer);
tick();
console.log(JSON.stringify({ seconds, peakRss: peak, maxRss: process.resourceUsage().maxRSS * 1024, rows: stats.rows, stored: writer.inserted, observations: normalized.observations.length, notCounted: stats.notCounted }));
