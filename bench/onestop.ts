/**
 * One-stop export benchmark: generates a 1,000,000-row dossier export (UTF-8 CSV, vendor A columns
 * with personal fields) in a temp dir, loads it through the one-stop extractor into a temp SQLite
 * warehouse (dossiers streamed in one transaction, figures normalised and loaded), and compares
 * with `sqlite3 .import` of the same file into a plain table, in the same run.
 *
 *   npx tsx bench/onestop.ts [rows]
 *
 * Reports rows/s, the RSS high-water mark (sampled every 20 ms, and the kernel's maxrss), and the
 * ratio to .import. Targets: within 3× of .import; peak memory under 200 MB.
 */
import { execFileSync } from 'node:child_process';
import { createReadStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extractTextExport } from '../src/extract/onestop/index.js';
import { normalizeDocument } from '../src/normalize/index.js';
import { loadDocument, openWarehouse } from '../src/warehouse/index.js';
import { createRecordWriter } from '../src/warehouse/records.js';

const ROWS = Number(process.argv[2] ?? 1_000_000);
const dir = mkdtempSync(join(tmpdir(), 'onestop-bench-'));
const csvPath = join(dir, 'export.csv');

const HEADER = ['STT', 'Đơn vị tiếp nhận', 'Lĩnh vực', 'Tên thủ tục hành chính', 'Mã hồ sơ', 'Trạng thái', 'Hình thức nộp', 'Địa chỉ', 'Chủ hồ sơ', 'Số điện thoại', 'Ngày nhận', 'Ngày hẹn trả', 'Ngày kết thúc xử lý', 'Thanh toán trực tuyến'];
const UNITS = Array.from({ length: 12 }, (_, i) => `UBND xã Thử Nghiệm ${String(i + 1).padStart(2, '0')}`);
const PROCEDURES = [
  ['Hộ tịch', 'Đăng ký khai sinh'],
  ['Hộ tịch', 'Đăng ký kết hôn'],
  ['Chứng thực', 'Chứng thực bản sao từ bản chính giấy tờ, văn bản'],
  ['Bảo trợ xã hội', 'Thực hiện, điều chỉnh, thôi hưởng trợ cấp xã hội hàng tháng'],
  ['Đất đai', 'Xác nhận hiện trạng sử dụng đất'],
] as const;
const STATUSES = ['Đã trả kết quả', 'Đã trả kết quả', 'Đã trả kết quả', 'Đã trả kết quả', 'Đã trả kết quả', 'Đã trả kết quả', 'Đang xử lý', 'Chờ bổ sung', 'Trả lại', 'Công dân yêu cầu rút hồ sơ', 'Đã xử lý xong', 'Mới đăng ký'];
const CHANNELS = ['Trực tiếp', 'Trực tiếp', 'Trực tuyến', 'Qua bưu chính công ích'];

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const dmy = (ms: number) => {
  const d = new Date(ms);
  return `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:00`;
};

async function generate(): Promise<number> {
  const fh = await open(csvPath, 'w');
  let buf = HEADER.join(',') + '\n';
  const start = Date.UTC(2022, 0, 3, 7, 30);
  const span = 3 * 365 * 86_400_000;
  let seed = 12345;
  const rnd = () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  for (let i = 1; i <= ROWS; i++) {
    const [sector, procedure] = PROCEDURES[i % PROCEDURES.length]!;
    const status = STATUSES[Math.floor(rnd() * STATUSES.length)]!;
    const received = start + Math.floor((i / ROWS) * span) + Math.floor(rnd() * 8) * 3_600_000;
    const promised = received + (1 + Math.floor(rnd() * 7)) * 86_400_000;
    const open = status === 'Đang xử lý' || status === 'Chờ bổ sung' || status === 'Mới đăng ký';
    const finished = open ? '' : dmy(received + Math.floor(rnd() * 9) * 86_400_000);
    buf += `${i},${UNITS[i % UNITS.length]},${sector},"${procedure}",BENCH-${pad(i, 8)},${status},${CHANNELS[i % 4]},"Thôn Mẫu số ${i % 9}, xã Thử Nghiệm",Nguyễn Văn Mẫu ${i},09${pad(i, 8)},${dmy(received)},${dmy(promised)},${finished},${i % 50 === 0 ? 'x' : ''}\n`;
    if (buf.length > 1 << 20) {
      await fh.write(buf);
      buf = '';
    }
  }
  await fh.write(buf);
  await fh.close();
  return statSync(csvPath).size;
}

/** RSS high-water mark, sampled (the kernel's maxrss covers the whole process, generation included). */
function sampler() {
  let peak = 0;
  const tick = () => (peak = Math.max(peak, process.memoryUsage.rss()));
  const timer = setInterval(tick, 20);
  tick();
  return { stop: () => (clearInterval(timer), tick(), peak) };
}

const mb = (b: number) => (b / 1024 / 1024).toFixed(0);

const bytes = await generate();
console.log(`generated ${ROWS.toLocaleString('en')} rows, ${mb(bytes)} MB: ${csvPath}`);

// --- our extractor, into a warehouse file -------------------------------------------------------------
globalThis.gc?.();
const dbPath = join(dir, 'warehouse.sqlite');
const mem = sampler();
const t0 = performance.now();
const wh = await openWarehouse(dbPath);
const sha256 = 'bench'.padEnd(64, '0');
const runId = 'bench-run';
wh.sqlite.exec('BEGIN IMMEDIATE');
const writer = createRecordWriter(wh.sqlite, sha256, runId);
const stats: Record<string, unknown> = {};
const doc = await extractTextExport(createReadStream(csvPath, { highWaterMark: 1 << 20 }), { path: csvPath }, { config: { maxBytes: Infinity }, records: writer }, stats);
const normalized = normalizeDocument(doc, { path: csvPath, bytes: Buffer.alloc(0), sha256 });
await loadDocument(wh.db, { sha256, path: csvPath, fileName: 'export.csv', sizeBytes: bytes, runId, at: new Date().toISOString() }, normalized);
wh.sqlite.exec('COMMIT');
await wh.close();
const ours = (performance.now() - t0) / 1000;
const peak = mem.stop();
const stored = Number(execFileSync('sqlite3', [dbPath, 'SELECT COUNT(*) FROM dossiers']).toString().trim());

// --- sqlite3 .import of the same file into a plain table ------------------------------------------------
const refPath = join(dir, 'import.sqlite');
const t1 = performance.now();
execFileSync('sqlite3', [refPath], { input: `PRAGMA journal_mode=WAL;\nPRAGMA synchronous=NORMAL;\n.mode csv\n.import ${csvPath} dossiers_plain\n` });
const reference = (performance.now() - t1) / 1000;
const imported = Number(execFileSync('sqlite3', [refPath, 'SELECT COUNT(*) FROM dossiers_plain']).toString().trim());

const ratio = ours / reference;
console.log(
  [
    `one-stop extractor: ${ROWS.toLocaleString('en')} rows in ${ours.toFixed(1)} s = ${Math.round(ROWS / ours).toLocaleString('en')} rows/s; ` +
      `${stored.toLocaleString('en')} dossiers stored, ${normalized.observations.length} observations, ${(stats.notCounted as number) ?? 0} rows not counted`,
    `peak RSS: ${mb(peak)} MB sampled during the load (process maxrss ${mb(process.resourceUsage().maxRSS * 1024)} MB)`,
    `sqlite3 .import: ${imported.toLocaleString('en')} rows in ${reference.toFixed(1)} s = ${Math.round(imported / reference).toLocaleString('en')} rows/s`,
    `ratio: ${ratio.toFixed(2)}× the time of .import (target ≤ 3×); peak ${Number(mb(peak)) < 200 ? 'under' : 'OVER'} 200 MB`,
  ].join('\n'),
);
if (!process.env.KEEP) rmSync(dir, { recursive: true, force: true });
