/**
 * The backfill on a synthetic country (scripts/fixtures/country.ts), with 1, 2 and 3 threads
 * (`--workers n`: n - 1 pool threads beside the writer, which extracts too when it would wait), on the
 * compiled build (`npm run build` first; this script runs it): files/s, rows/s (observations and
 * dossiers written), peak memory of the process (main thread and workers), and the speed-up from 1 to 2
 * workers. The reference in the same run is `--workers 1`: every file extracted by the writer itself,
 * in one thread, as `cchc ingest` does; and, for the speed-up, what two threads give over one on this
 * machine on allocation-heavy JavaScript (bench/_parallel-ceiling.ts).
 *
 *   npx tsx bench/backfill.ts [--files 5000] [--workers 1,2,3] [--keep] [--cpu-prof]
 *
 * The default corpus is about 1% of the national one (≈ 10,600 pre-2025 communes × 6 years × 8 files):
 * ≈ 5,000 files; `--files 300` is a quick run. The corpus is generated into a temporary folder.
 * `--cpu-prof` profiles each run (node --cpu-prof) and prints where the writer thread's time went and
 * how busy the workers were (the profiling itself slows the runs: compare figures without it).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import SQLite from 'better-sqlite3';
import { communesForFiles, generateCountry } from '../scripts/fixtures/country.js';
import { parallelCeiling } from './_parallel-ceiling.js';
import { timeByPart } from './_profile-summary.js';

const { values } = parseArgs({ options: { files: { type: 'string', default: '5000' }, workers: { type: 'string', default: '1,2,3' }, keep: { type: 'boolean', default: false }, 'cpu-prof': { type: 'boolean', default: false } } });
const root = resolve(import.meta.dirname, '..');
const work = mkdtempSync(join(tmpdir(), 'cchc-bench-backfill-'));
const tree = join(work, 'country');

const build = spawnSync('npm', ['run', '-s', 'build'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) throw new Error('npm run build failed');

const t0 = performance.now();
const manifest = await generateCountry({ communes: communesForFiles(Number(values.files)), out: tree });
const kinds = new Map<string, number>();
for (const f of manifest.files) kinds.set(f.kind, (kinds.get(f.kind) ?? 0) + 1);
console.log(
  `corpus: ${manifest.files.length} files (${[...kinds].map(([k, n]) => `${n} ${k}`).join(', ')}), ${manifest.communes.length} communes in ` +
    `${new Set(manifest.communes.map((c) => c.province)).size} provinces, ${manifest.from}–${manifest.to}, generated in ${((performance.now() - t0) / 1000).toFixed(0)} s`,
);

const main = pathToFileURL(join(root, 'dist/cli/main.js')).href;
interface Result {
  readonly workers: number;
  readonly seconds: number;
  readonly files: number;
  readonly rows: number;
  readonly maxRssMb: number;
  /** CPU seconds of the whole process, and of its main thread (the writer). */
  readonly cpuS: number;
  readonly writerCpuS: number;
}
const results: Result[] = [];
for (const workers of values.workers.split(',').map(Number)) {
  const db = join(work, `w${workers}.sqlite`);
  // The child reports its own peak resident memory (worker threads share the process).
  // And its CPU time: the whole process's, and the main (writer) thread's from /proc (its thread id is the pid).
  const script = `import { readFileSync } from 'node:fs';
    process.on('exit', () => {
      const ticks = (f) => { try { const s = readFileSync(f, 'utf8'); const v = s.slice(s.lastIndexOf(')') + 2).split(' '); return (Number(v[11]) + Number(v[12])) * 10; } catch { return -1; } };
      const u = process.resourceUsage();
      process.stderr.write('MAXRSS ' + u.maxRSS + '\\nCPU ' + Math.round((u.userCPUTime + u.systemCPUTime) / 1000) + ' ' + ticks('/proc/self/task/' + process.pid + '/stat') + '\\n');
    });
    import(${JSON.stringify(main)}).then((m) => m.main(['node', 'cchc', 'backfill', ${JSON.stringify(tree)}, '--db', ${JSON.stringify(db)}, '--workers', '${workers}']));`;
  const started = performance.now();
  const profDir = join(work, `prof-w${workers}`);
  const prof = values['cpu-prof'] ? ['--cpu-prof', '--cpu-prof-dir', profDir] : [];
  const r = spawnSync(process.execPath, [...prof, '--input-type=module', '-e', script], { cwd: root, encoding: 'utf8', maxBuffer: 64 << 20 });
  const seconds = (performance.now() - started) / 1000;
  if (r.status !== 0 && r.status !== 3) throw new Error(`backfill with ${workers} workers failed (${r.status}): ${r.stderr.slice(-2000)}`);
  const maxRss = Number(/MAXRSS (\d+)/.exec(r.stderr)?.[1] ?? 0);
  const [, cpuMs, writerMs] = (/CPU (\d+) (-?\d+)/.exec(r.stderr) ?? ['', '0', '0']).map(Number);
  const conn = new SQLite(db, { readonly: true });
  const count = (t: string) => (conn.prepare(`SELECT COUNT(*) AS n FROM ${t}`).get() as { n: number }).n;
  const rows = count('observations') + count('dossiers');
  conn.close();
  console.log(r.stdout.trim().split('\n').at(-1));
  // Other processes on the machine take cores from the run: say how loaded it was.
  console.log(`  load average after the run: ${loadavg().map((l) => l.toFixed(2)).join(', ')}`);
  if (values['cpu-prof']) printProfiles(profDir);
  results.push({ workers, seconds, files: manifest.files.length, rows, maxRssMb: maxRss / 1024, cpuS: cpuMs! / 1000, writerCpuS: writerMs! / 1000 });
}

// CPU time does not depend on what else the machine runs, as wall time does. "writer" is the main
// thread's CPU: writing, and with 2 or more workers the files and scopes it took while it would wait.
const header = ['workers', 'seconds', 'files/s', 'rows/s', 'peak RSS MB', 'CPU s', 'writer CPU s', 'writer ms/file', 'others ms/file'];
console.log(header.map((h) => h.padStart(Math.max(8, h.length))).join(' '));
for (const r of results) {
  const cells = [String(r.workers), r.seconds.toFixed(1), (r.files / r.seconds).toFixed(1), (r.rows / r.seconds).toFixed(0), r.maxRssMb.toFixed(0), r.cpuS.toFixed(1), r.writerCpuS.toFixed(1), ((1000 * r.writerCpuS) / r.files).toFixed(1), ((1000 * (r.cpuS - r.writerCpuS)) / r.files).toFixed(1)];
  console.log(cells.map((c, i) => c.padStart(Math.max(8, header[i]!.length))).join(' '));
}
const one = results.find((r) => r.workers === 1);
const two = results.find((r) => r.workers === 2);
if (one && two) {
  console.log(`speed-up 1 → 2 workers: ${(one.seconds / two.seconds).toFixed(2)}×`);
  // The reference for that figure: what two threads give over one on this machine, on such work.
  const ceiling = await parallelCeiling();
  console.log(
    `this machine, 1 → 2 threads on allocation-heavy JavaScript (bench/_parallel-ceiling.ts): ${ceiling.one.toFixed(1)} → ${ceiling.two.toFixed(1)} s, ` +
      `${ceiling.ratio.toFixed(2)}×; the backfill's speed-up is ${((one.seconds / two.seconds / ceiling.ratio) * 100).toFixed(0)}% of it`,
  );
}
const best = Math.max(...results.map((r) => r.files / r.seconds));
console.log(`the country (≈ 500,000 files) at the best rate here: ${(500_000 / best / 3600).toFixed(1)} h`);
if (values.keep) console.log(`kept: ${work}`);

else rmSync(work, { recursive: true, force: true });

/** The main (writer) thread's time by part of the code, and each worker thread's busy share. */
function printProfiles(dir: string): void {
  // Node names profiles CPU.<date>.<time>.<pid>.<thread>.<seq>.cpuprofile; thread 0 is the main one.
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.cpuprofile')).sort()) {
    const { totalMs, parts } = timeByPart(join(dir, name));
    const thread = name.split('.')[4] === '0' ? 'writer thread' : `worker thread ${name.split('.')[4]}`;
    const idle = parts.find(([p]) => p === 'idle')?.[1] ?? 0;
    const busy = totalMs - idle;
    const top = parts.filter(([p]) => p !== 'idle').slice(0, thread === 'writer thread' ? 10 : 4);
    console.log(`  ${thread}: busy ${(busy / 1000).toFixed(1)} of ${(totalMs / 1000).toFixed(1)} s; ${top.map(([p, ms]) => `${p} ${((100 * ms) / Math.max(busy, 1)).toFixed(0)}%`).join(', ')}`);
  }
}
