/**
 * What counting an export for every reporting period costs (catalog/onestop-rules.yaml
 * `export_periods`): the tally alone, fed the same synthetic dossiers over the rules' kinds and, as the
 * reference in the same run, over years only. Runs alternate, after a warm-up, and the median is kept.
 *
 *   npx tsx bench/onestop-periods.ts [dossiers]      (default 1,000,000)
 */
import type { Dossier } from '../src/extract/onestop/dossier.js';
import { countingRules, dayOf } from '../src/extract/onestop/index.js';
import { Tally } from '../src/extract/onestop/tally.js';
import { planWindows } from '../src/extract/onestop/windows.js';
import type { PeriodKind } from '../src/model/index.js';

const N = Number(process.argv[2] ?? 1_000_000);
const rules = countingRules();
const first = dayOf('2023-12-01');
// 12 units over 380 days (two reporting years), one in 50 never finished, finished 0–8 days after receipt.
const dossiers: Dossier[] = Array.from({ length: N }, (_, i) => {
  const received = first + (i % 380);
  const open = i % 50 === 0;
  return {
    line: i,
    code: `B-${i}`,
    unit: `UBND xã Thử Nghiệm ${i % 12}`,
    statusClass: open ? 'processing' : 'done',
    treatment: open ? 'in_progress' : 'by_dates',
    channel: i % 3 ? 'direct' : 'online',
    received,
    promised: received + 5,
    finished: open ? undefined : received + (i % 9),
    paidOnline: undefined,
    hasPayment: false,
  };
});

function run(kinds: readonly PeriodKind[]): { ms: number; cells: number } {
  const t0 = performance.now();
  const t = new Tally(planWindows({}, kinds), rules);
  for (const d of dossiers) t.add(d);
  const cells = t.results().length;
  return { ms: performance.now() - t0, cells };
}

const sets: Record<string, readonly PeriodKind[]> = { 'years only': ['year'], export_periods: rules.export_periods };
const times: Record<string, number[]> = {};
const cells: Record<string, number> = {};
run(['year']); // warm-up
for (let rep = 0; rep < 5; rep++) {
  for (const [name, kinds] of Object.entries(sets)) {
    const r = run(kinds);
    (times[name] ??= []).push(r.ms);
    cells[name] = r.cells;
  }
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
for (const name of Object.keys(sets)) {
  const m = median(times[name]!);
  console.log(`${name.padEnd(15)} ${Math.round(m)} ms for ${N.toLocaleString('en')} dossiers (${Math.round((m * 1e6) / N)} ns each), ${cells[name]} unit × period cells`);
}
const extra = median(times.export_periods!) - median(times['years only']!);
console.log(`every period costs ${Math.round((extra * 1e6) / N)} ns more per dossier than years only (${rules.export_periods.join(', ')})`);
