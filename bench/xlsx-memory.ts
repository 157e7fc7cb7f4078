/**
 * Peak memory of reading one-stop workbooks against their size: dossier lists of about 20, 100 and
 * 200 MB (stored, so that the size on disk is the XML read) and one of 20 MB deflated (≈ 10× the XML),
 * each extracted in a child process with a 160 MB V8 heap. The reference, in the same run, is
 * exceljs loading a workbook whole, as every workbook was read before: the smallest with a 4 GB heap,
 * the deflated one with 1 GB.
 * `npx tsx bench/xlsx-memory.ts [--quick]` (--quick: the 20 MB ones only).
 */
import { execFile } from 'node:child_process';
import { rmSync, statSync } from 'node:fs';
import { tmpdir, loadavg } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { writeLargeWorkbook } from '../scripts/fixtures/large-workbook.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const quick = process.argv.includes('--quick');
/** Dossier rows per stored MB of this generator's lists (≈ 1,650). */
const ROWS_PER_MB = 1650;

const cases = [
  { label: 'stored 20 MB', rows: 20 * ROWS_PER_MB, compress: false },
  ...(quick ? [] : [{ label: 'stored 100 MB', rows: 100 * ROWS_PER_MB, compress: false }, { label: 'stored 200 MB', rows: 200 * ROWS_PER_MB, compress: false }]),
  { label: 'deflated 20 MB', rows: 20 * ROWS_PER_MB * 9, compress: true },
];

interface Measured {
  rows?: number;
  records?: number;
  rejected?: string;
  ms: number;
  peakHeapMb: number;
  peakRssMb: number;
}

async function measure(path: string, heapMb: number, whole = false): Promise<Measured | { died: string }> {
  try {
    const args = [`--max-old-space-size=${heapMb}`, '--import', 'tsx', 'scripts/measure-extract.ts', path, ...(whole ? ['--whole-exceljs'] : [])];
    const { stdout } = await promisify(execFile)(process.execPath, args, { cwd: ROOT, maxBuffer: 1 << 20 });
    return JSON.parse(stdout.trim().split('\n').pop()!) as Measured;
  } catch (err) {
    return { died: ((err as { stderr?: string }).stderr ?? String(err)).split('\n').find((l) => /heap|memory/i.test(l))?.trim() ?? 'exited with an error' };
  }
}

const mb = (n: number) => (n / 2 ** 20).toFixed(0);
console.log(`load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} (figures are ratios within this run)`);
console.log('workbook          file MB  XML MB     cells  heap MB  RSS MB  RSS−file MB      s  result');
let referenced = false;
for (const c of cases) {
  const path = join(tmpdir(), `cchc-bench-xlsx-${process.pid}-${c.rows}-${c.compress ? 'z' : 's'}.xlsx`);
  try {
    const wb = await writeLargeWorkbook({ path, kind: 'dossiers', rows: c.rows, strings: 'shared', compress: c.compress });
    const m = await measure(path, 160);
    const xml = wb.sheetXmlBytes + wb.sharedStringsXmlBytes;
    const size = statSync(path).size;
    if ('died' in m) console.log(`${c.label.padEnd(16)} ${mb(size).padStart(8)} ${mb(xml).padStart(7)} ${String(wb.cells).padStart(9)}  died: ${m.died}`);
    else {
      const result = m.rejected ? `rejected: ${m.rejected}` : `${m.records} dossiers`;
      console.log(`${c.label.padEnd(16)} ${mb(size).padStart(8)} ${mb(xml).padStart(7)} ${String(wb.cells).padStart(9)} ${String(m.peakHeapMb).padStart(8)} ${String(m.peakRssMb).padStart(7)} ${String(m.peakRssMb - Math.round(size / 2 ** 20)).padStart(12)} ${(m.ms / 1000).toFixed(1).padStart(6)}  ${result}`);
    }
    // The reference: the smallest read whole with room to spare, and the deflated one (the real
    // shape of a large export) given 1 GB, which it is expected to exhaust.
    if (!referenced || c.compress) {
      const heap = referenced ? 1024 : 4096;
      const ref = await measure(path, heap, true);
      if ('died' in ref) console.log(`  reference, exceljs whole load (${heap} MB heap): died: ${ref.died}`);
      else console.log(`  reference, exceljs whole load (${heap} MB heap): heap ${ref.peakHeapMb} MB, RSS ${ref.peakRssMb} MB, ${(ref.ms / 1000).toFixed(1)} s`);
      referenced = true;
    }
  } finally {
    rmSync(path, { force: true });
  }
}
