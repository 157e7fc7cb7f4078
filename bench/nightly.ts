/**
 * Nightly re-run benchmark: the cost of `cchc run nightly` when nothing new arrived, the case a
 * scheduler pays every night. Builds dist/ if stale, loads the sample inbox once into a temp
 * warehouse, then times no-change re-runs of the built CLI against `node -e 0` (the floor any
 * Node.js command pays) in the same run, alternating the two.
 *
 *   npx tsx bench/nightly.ts [runs]
 *
 * Target: well under a second per re-run.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const RUNS = Number(process.argv[2] ?? 7);
const dir = mkdtempSync(join(tmpdir(), 'nightly-bench-'));
const db = join(dir, 'w.sqlite');
const cli = [join(ROOT, 'bin/cchc.js'), 'run', 'nightly', '--db', db];

execFileSync(process.execPath, [join(ROOT, 'scripts/build-if-stale.mjs')], { cwd: ROOT, stdio: 'inherit' });
execFileSync(process.execPath, cli, { cwd: ROOT });

const time = (args: string[]) => {
  const t = performance.now();
  const out = execFileSync(process.execPath, args, { cwd: ROOT }).toString();
  return { seconds: (performance.now() - t) / 1000, out };
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ours: number[] = [];
const floor: number[] = [];
let summary = '';
for (let i = 0; i < RUNS; i++) {
  const r = time(cli);
  ours.push(r.seconds);
  summary = r.out.trim().split('\n').pop()!;
  floor.push(time(['-e', '0']).seconds);
}
const m = median(ours);
const f = median(floor);
console.log(
  [
    `no-change re-run of cchc run nightly: median ${m.toFixed(2)} s over ${RUNS} runs (min ${Math.min(...ours).toFixed(2)}, max ${Math.max(...ours).toFixed(2)})`,
    `node -e 0: median ${f.toFixed(2)} s; the run above it: ${(m - f).toFixed(2)} s`,
    `last summary: ${summary}`,
    `target: well under 1 s — ${m < 1 ? 'met' : 'NOT met'}`,
  ].join('\n'),
);
rmSync(dir, { recursive: true, force: true });
