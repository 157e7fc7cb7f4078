/**
 * One-stop export benchmark: generates a 1,000,000-row dossier export (UTF-8 CSV, vendor A columns
 * with personal fields) in a temp dir, loads it through the one-stop extractor into a temp SQLite
 * warehouse (dossiers streamed in one transaction, figures normalised and loaded), and compares
 * with `sqlite3 .import` of the same file into a plain table, in the same run.
 *
 *   npx tsx bench/onestop.ts [rows]        (KEEP=1 keeps the temp dir with the export and databases)
 *
 * Reports rows/s, the RSS high-water mark (sampled every 20 ms, and the kernel's maxrss), and the
 * ratio to .import. Targets: within 3× of .import; peak memory under 200 MB.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
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

const mb = (b: number) => (b / 1024 / 1024).toFixed(0);

const bytes = await generate();
console.log(`generated ${ROWS.toLocaleString('en')} rows, ${mb(bytes)} MB: ${csvPath}`);

// --- our extractor, into a warehouse file, in a process of its own -------------------------------------
// Bundled to plain JavaScript first (esbuild, which tsx itself uses), so that the memory measured is the
// loader's and not tsx's TypeScript loader's (about 100 MB of its own).
const before = sqliteImport();
const bundle = join(ROOT, 'tmp/onestop-bench/load.mjs');
const { build } = await import('esbuild');
const bundleOptions = { bundle: true, platform: 'node', format: 'esm', packages: 'external', target: 'node20', logLevel: 'error' } as const;
await build({ entryPoints: [join(ROOT, 'bench/_onestop-load.ts')], outfile: bundle, ...bundleOptions });
// The CSV worker threads, beside the bundle where the loader looks for them.
for (const worker of ['splitter-worker', 'file-reader-worker']) {
  await build({ entryPoints: [join(ROOT, `src/extract/onestop/${worker}.ts`)], outfile: join(ROOT, `tmp/onestop-bench/${worker}.js`), ...bundleOptions });
}
const dbPath = join(dir, 'warehouse.sqlite');
const load = JSON.parse(execFileSync(process.execPath, [bundle, csvPath, dbPath], { cwd: ROOT }).toString().trim().split('\n').pop()!) as {
  seconds: number;
  cpuSeconds: number;
  mainCpuSeconds?: number;
  setupSeconds: number;
  setupMainCpuSeconds?: number;
  peakRss: number;
  maxRss: number;
  rows: number;
  stored: number;
  observations: number;
  notCounted: number;
};
const ours = load.seconds;
const peak = load.peakRss;
const stored = Number(execFileSync('sqlite3', [dbPath, 'SELECT COUNT(*) FROM dossiers']).toString().trim());

// --- sqlite3 .import of the same file into a plain table, before and after ours ------------------------
// The machine may be shared: timing the reference on both sides of our load and taking the mean keeps
// a change of load during the run from deciding the ratio.
function sqliteImport(): { seconds: number; cpuSeconds: number | undefined; rows: number } {
  const refPath = join(dir, `import-${Date.now()}.sqlite`);
  const t = performance.now();
  const cpu0 = childrenCpu();
  execFileSync('sqlite3', [refPath], { input: `PRAGMA journal_mode=WAL;\nPRAGMA synchronous=NORMAL;\n.mode csv\n.import ${csvPath} dossiers_plain\n` });
  const cpu1 = childrenCpu();
  const seconds = (performance.now() - t) / 1000;
  const rows = Number(execFileSync('sqlite3', [refPath, 'SELECT COUNT(*) FROM dossiers_plain']).toString().trim());
  rmSync(refPath, { force: true });
  return { seconds, cpuSeconds: cpu0 !== undefined && cpu1 !== undefined ? cpu1 - cpu0 : undefined, rows };
}

/** CPU seconds of this process's waited-for children (Linux: cutime + cstime of /proc/self/stat), or undefined. */
function childrenCpu(): number | undefined {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return undefined;
  }
}
const after = sqliteImport();
const reference = (before.seconds + after.seconds) / 2;
const imported = before.rows;
const ratio = ours / reference;
console.log(
  [
    `one-stop extractor: ${ROWS.toLocaleString('en')} rows in ${ours.toFixed(1)} s = ${Math.round(ROWS / ours).toLocaleString('en')} rows/s; ` +
      `${stored.toLocaleString('en')} dossiers stored, ${load.observations} observations, ${load.notCounted} rows not counted`,
    `of which one-time setup (catalogues, commune registry, loaded once per process): ${load.setupSeconds.toFixed(1)} s` +
      (load.setupMainCpuSeconds === undefined ? '' : ` (${load.setupMainCpuSeconds.toFixed(1)} s CPU)`),
    `peak RSS of the loading process: ${mb(peak)} MB sampled every 20 ms (kernel maxrss ${mb(load.maxRss)} MB)`,
    `sqlite3 .import: ${imported.toLocaleString('en')} rows in ${reference.toFixed(1)} s = ${Math.round(imported / reference).toLocaleString('en')} rows/s (mean of ${before.seconds.toFixed(1)} s before and ${after.seconds.toFixed(1)} s after)`,
    `ratio: ${ratio.toFixed(2)}× the time of .import (target ≤ 3×; ${(ours / Math.min(before.seconds, after.seconds)).toFixed(2)}× against the faster of the two); ` +
      `peak ${Number(mb(peak)) < 200 ? 'under' : 'OVER'} 200 MB`,
    ...cpuLine(),
  ].join('\n'),
);
/**
 * CPU seconds, less swayed by a shared machine than wall time: ours in all threads and in the main
 * thread (the rest is mostly the CSV worker), .import's. On an idle machine with a core per thread
 * our wall time is about the busier thread's CPU time, so busier / .import is the ratio to expect there.
 */
function cpuLine(): string[] {
  const imports = [before.cpuSeconds, after.cpuSeconds];
  if (load.mainCpuSeconds === undefined || imports.some((c) => c === undefined)) return [];
  const importCpu = (imports[0]! + imports[1]!) / 2;
  const busier = Math.max(load.mainCpuSeconds, load.cpuSeconds - load.mainCpuSeconds);
  return [
    `CPU: ours ${load.cpuSeconds.toFixed(1)} s in all threads, ${load.mainCpuSeconds.toFixed(1)} s in the main thread; .import ${importCpu.toFixed(1)} s; ` +
      `busier thread / .import = ${(busier / importCpu).toFixed(2)}× (the wall ratio to expect on an idle machine)` +
      (load.setupMainCpuSeconds === undefined ? '' : `; without the one-time setup ${((busier - load.setupMainCpuSeconds) / importCpu).toFixed(2)}×`),
  ];
}

if (!process.env.KEEP) rmSync(dir, { recursive: true, force: true });
