/**
 * Extracts one file in this process and prints one JSON line: what came out (kind, record count,
 * chosen figures, or the rejection) and what it cost (peak RSS, peak V8 heap, milliseconds). Run in
 * a child process with a small heap (`node --max-old-space-size=N --import tsx scripts/measure-extract.ts
 * FILE [--whole-exceljs]`) by test/extract/xlsx/memory.test.ts and bench/xlsx-memory.ts, so that
 * an out-of-memory shows as that child's death, not the caller's. `--whole-exceljs` measures the
 * reference instead: exceljs loading the workbook whole, as every workbook was read before.
 */
import { readFileSync } from 'node:fs';
import { extractFile, RejectedInput } from '../src/extract/index.js';
import type { ExtractConfig } from '../src/extract/index.js';

const [path, mode] = process.argv.slice(2);
if (!path) throw new Error('usage: measure-extract FILE [--whole-exceljs]');

let peakHeap = 0;
const sample = () => {
  peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
};
const timer = setInterval(sample, 20);
const started = performance.now();
const out: Record<string, unknown> = {};
try {
  const bytes = readFileSync(path);
  if (mode === '--whole-exceljs') {
    const { default: ExcelJS } = await import('exceljs');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    out.rows = wb.worksheets.reduce((n, w) => n + w.rowCount, 0);
  } else {
    let records = 0;
    const config = { maxBytes: 256 * 1024 * 1024, period: '2024', window: { start: '2023-12-01', end: '2024-11-20' } } as ExtractConfig;
    const doc = await extractFile({ path, bytes, sha256: '0'.repeat(64) }, { config, dossiers: (b) => void (records += b.count) });
    const pick = (key: string) => doc.figures.find((f) => f.indicatorKey === key)?.number;
    Object.assign(out, { kind: doc.kind, records, received: pick('7.2.4.received'), online: pick('7.2.4.online'), early: pick('3.3.1.early'), warnings: doc.warnings.length });
  }
} catch (err) {
  if (!(err instanceof RejectedInput)) throw err;
  out.rejected = err.message;
}
sample();
clearInterval(timer);
out.ms = Math.round(performance.now() - started);
out.peakHeapMb = Math.round(peakHeap / 2 ** 20);
out.peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
console.log(JSON.stringify(out));
