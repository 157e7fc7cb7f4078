/**
 * Export benchmark: fills a temp warehouse with N synthetic dossiers (default 1,000,000, and a tenth
 * of that for comparison), then exports the dossiers view as CSV, XLSX and Parquet, each in its own
 * process, and reports time and the kernel's peak RSS. Memory is flat when the peak for N rows is
 * about the peak for N/10. Reference in the same run: `sqlite3 -csv` writing the same table.
 *
 *   npx tsx bench/export.ts [rows]        (KEEP=1 keeps the temp dir)
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SELF = fileURLToPath(import.meta.url);

if (process.argv[2] === '--child') {
  // One export, as `cchc export` runs it; prints its time and peak RSS.
  const [, , , db, format, out] = process.argv as [string, string, string, string, 'csv' | 'xlsx' | 'parquet', string];
  const { openWarehouseReadOnly } = await import('../src/warehouse/index.js');
  const { exportSheet, writeExport } = await import('../src/export/index.js');
  const started = performance.now();
  const wh = await openWarehouseReadOnly(db);
  await writeExport([exportSheet(wh, 'dossiers', {})], format, out);
  await wh.close();
  console.log(JSON.stringify({ ms: performance.now() - started, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
  process.exit(0);
}

const ROWS = Number(process.argv[2] ?? 1_000_000);
const dir = mkdtempSync(join(tmpdir(), 'export-bench-'));

async function fill(path: string, rows: number): Promise<void> {
  const { openWarehouse } = await import('../src/warehouse/index.js');
  const wh = await openWarehouse(path);
  const doc = 'b'.repeat(64);
  wh.sqlite
    .prepare(
      `INSERT INTO documents (sha256, path, file_name, format, kind, size_bytes, commune_code, commune_name, status, run_id, loaded_at)
       VALUES (?, 'bench.csv', 'bench.csv', 'csv', 'onestop', 0, '02035', 'Xã Thử Nghiệm', 'loaded', 'bench', '2026-01-01T00:00:00Z')`,
    )
    .run(doc);
  const insert = wh.sqlite.prepare(
    `INSERT INTO dossiers (code, procedure, sector, unit_name, channel, online_level, status, status_class, received_date, promised_date,
       finished_date, working_days, outcome, paid_online, source_line, document_sha256, run_id)
     VALUES (?, ?, 'Hộ tịch', 'UBND xã Thử Nghiệm', ?, 'partial', 'Đã trả kết quả', 'finished', ?, ?, ?, ?, ?, ?, ?, ?, 'bench')`,
  );
  const channels = ['direct', 'online', 'postal'];
  const outcomes = ['early', 'on_time', 'late', 'in_progress'];
  const day = (i: number, plus = 0) => new Date(Date.UTC(2022, 0, 1) + (Math.floor(i / 1000) + plus) * 86_400_000).toISOString().slice(0, 10);
  wh.sqlite.transaction(() => {
    for (let i = 0; i < rows; i++) {
      insert.run(`BENCH-${String(i).padStart(8, '0')}`, i % 7 === 0 ? '=Đăng ký khai sinh' : 'Đăng ký khai sinh', channels[i % 3], day(i), day(i, 5), day(i, i % 9), i % 9, outcomes[i % 4], i % 50 === 0 ? 1 : 0, i + 2, doc);
    }
  })();
  await wh.close();
}

function child(db: string, format: string, out: string): { ms: number; maxRssMb: number; mb: number } {
  // HEAP_MB caps V8's heap: an export that holds its rows fails under a small cap; one that streams
  // only leaves garbage, which a capped heap collects sooner (the default heap lets RSS float up).
  const heap = process.env.HEAP_MB ? [`--max-old-space-size=${process.env.HEAP_MB}`] : [];
  const r = spawnSync(process.execPath, [...heap, '--import', 'tsx', SELF, '--child', db, format, out], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${format} export failed: ${r.stderr}`);
  return { ...(JSON.parse(r.stdout.trim().split('\n').at(-1)!) as { ms: number; maxRssMb: number }), mb: statSync(out).size / 1e6 };
}

try {
  const sizes = [Math.round(ROWS / 10), ROWS];
  const lines: string[] = [];
  for (const n of sizes) {
    const db = join(dir, `w-${n}.sqlite`);
    await fill(db, n);
    const t0 = performance.now();
    execFileSync('sqlite3', ['-csv', '-header', db, 'SELECT * FROM dossiers'], { stdio: ['ignore', 'ignore', 'inherit'], maxBuffer: 1 << 30 });
    lines.push(`${String(n).padStart(9)}  sqlite3 -csv (reference) ${((performance.now() - t0) / 1000).toFixed(1).padStart(6)} s`);
    for (const format of ['csv', 'xlsx', 'parquet']) {
      const r = child(db, format, join(dir, `d-${n}.${format}`));
      lines.push(`${String(n).padStart(9)}  ${format.padEnd(24)} ${(r.ms / 1000).toFixed(1).padStart(6)} s  peak RSS ${r.maxRssMb.toFixed(0).padStart(4)} MB  file ${r.mb.toFixed(1)} MB  ${Math.round(n / (r.ms / 1000)).toLocaleString('en')} rows/s`);
    }
  }
  console.log(`     rows  what                       time    memory\n${lines.join('\n')}`);
} finally {
  if (!process.env.KEEP) rmSync(dir, { recursive: true, force: true });
}
