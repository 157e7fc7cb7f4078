/**
 * Scores the narrative extractor on the development set, as `../shared/devset/README.md` says:
 *
 *   npx tsx bench/narrative-devset.ts [path]     (default: ../shared/devset/narrative.jsonl)
 *
 * Each record's text is fed under its section heading through the real extractor (the same call
 * `cchc narrative` and ingest make); each mapped figure's value is read the way the normaliser
 * reads it. Per record: gold = the distinct (key, value) pairs of its keyed figures, prediction =
 * the distinct (key, value) pairs mapped; recall and precision are micro-averaged over the set.
 * Percentages compare within 0.005, everything else exactly. Also printed: the null numbers that
 * were mapped (found by their place in the text; the target is zero), per-section figures, and
 * the most frequent misses and wrong keys (by key, never by sentence: fix the kind of miss).
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import { indicatorCatalogue } from '../src/catalog/index.js';
import { narrativeFigures, type NarrativeLine } from '../src/cli/commands/narrative.js';
import { pagesOfTextLines } from '../src/extract/narrative/index.js';

const Record = z.object({
  id: z.string(),
  section: z.string(),
  text: z.string(),
  figures: z.array(z.object({ raw: z.string(), key: z.string().nullable(), value: z.unknown() })),
});
type Record = z.infer<typeof Record>;

const root = resolve(import.meta.dirname, '..');
const path = resolve(process.argv[2] ?? resolve(root, '../shared/devset/narrative.jsonl'));
if (!existsSync(path)) {
  console.log(`narrative devset: ${path} not found, skipped`);
  process.exit(0);
}
const records = readFileSync(path, 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => Record.parse(JSON.parse(l)));
const catalogue = indicatorCatalogue();

type Pair = { key: string; value: unknown };

function same(a: Pair, b: Pair): boolean {
  if (a.key !== b.key) return false;
  const type = catalogue.get(a.key)?.type;
  if (typeof a.value === 'number' && typeof b.value === 'number') {
    return type === 'percent' ? Math.abs(a.value - b.value) <= 0.005 + 1e-9 : a.value === b.value;
  }
  return a.value === b.value;
}

function distinct(pairs: Pair[]): Pair[] {
  const out: Pair[] = [];
  for (const p of pairs) if (!out.some((q) => same(p, q))) out.push(p);
  return out;
}

interface Tally {
  gold: number;
  predicted: number;
  hit: number;
  correct: number;
}
const zero = (): Tally => ({ gold: 0, predicted: 0, hit: 0, correct: 0 });
const overall = zero();
const bySection = new Map<string, Tally>();
const misses = new Map<string, number>();
const wrong = new Map<string, number>();
const verbose = process.env['DEVSET_VERBOSE'] === '1';
// The README lets an extractor that does not read text indicators (1.5.2, 5.1.1) leave them out of recall, saying so.
const numeric = { gold: 0, hit: 0 };
let nullsMapped = 0;
let nullsTotal = 0;

for (const rec of records) {
  const lines = narrativeFigures(rec.id, pagesOfTextLines([rec.section, rec.text]));
  // The heading line is not part of the record: only figures of its text count.
  const own = lines.filter((l) => rec.text.includes(l.quote));
  const gold = distinct(rec.figures.filter((f) => f.key !== null).map((f) => ({ key: f.key!, value: f.value })));
  const predicted = distinct(own.filter((l) => l.indicator_key !== null).map((l) => ({ key: l.indicator_key!, value: l.value })));
  const tally = bySection.get(rec.section) ?? zero();
  bySection.set(rec.section, tally);
  const hits = gold.filter((g) => predicted.some((p) => same(g, p)));
  // A 1.6 = true derived from a positive dialogue count is not an error where the gold does not list 1.6.
  const scored = predicted.filter((p) => !(p.key === '1.6' && p.value === true && !gold.some((g) => g.key === '1.6')));
  const correct = scored.filter((p) => gold.some((g) => same(g, p)));
  for (const t of [overall, tally]) {
    t.gold += gold.length;
    t.predicted += scored.length;
    t.hit += hits.length;
    t.correct += correct.length;
  }
  for (const g of gold) {
    if (catalogue.get(g.key)?.type !== 'text') {
      numeric.gold++;
      if (hits.includes(g)) numeric.hit++;
    }
    if (hits.includes(g)) continue;
    misses.set(g.key, (misses.get(g.key) ?? 0) + 1);
    if (verbose) console.log(`MISS ${rec.id} ${g.key}=${JSON.stringify(g.value)} | ${rec.text}`);
  }
  for (const p of scored) {
    if (correct.includes(p)) continue;
    const expected = rec.figures.find((f) => own.some((l) => l.indicator_key === p.key && l.raw === f.raw));
    const label = `${p.key} (gold ${expected ? (expected.key ?? 'null') : '?'})`;
    wrong.set(label, (wrong.get(label) ?? 0) + 1);
    if (verbose) console.log(`WRONG ${rec.id} ${p.key}=${JSON.stringify(p.value)} | ${rec.text}`);
  }
  nullsTotal += rec.figures.filter((f) => f.key === null).length;
  nullsMapped += mappedNulls(rec, own);
}

/**
 * Null numbers mapped to a key: each gold figure is found at its place in the text (the raws occur in
 * reading order), and counts when a mapped figure's span (in its sentence, placed in the text) overlaps it.
 */
function mappedNulls(rec: Record, lines: readonly NarrativeLine[]): number {
  const spans = lines
    .filter((l) => l.indicator_key !== null && l.span)
    .map((l) => {
      const at = rec.text.indexOf(l.quote);
      return { key: l.indicator_key!, start: at + l.span![0], end: at + l.span![1] };
    });
  let from = 0;
  let n = 0;
  for (const f of rec.figures) {
    const at = rec.text.indexOf(f.raw, from);
    if (at < 0) continue;
    from = at + f.raw.length;
    const hit = spans.find((s) => s.start < at + f.raw.length && at < s.end);
    if (f.key === null && hit) {
      n++;
      if (verbose) console.log(`NULL ${rec.id} ${f.raw} → ${hit.key} | ${rec.text}`);
    }
  }
  return n;
}

const pct = (a: number, b: number) => (b === 0 ? '   -  ' : `${((100 * a) / b).toFixed(1).padStart(5)}%`);
console.log(`narrative devset: ${records.length} records from ${path}`);
console.log(`recall    ${pct(overall.hit, overall.gold)}  (${overall.hit}/${overall.gold} gold pairs)`);
console.log(`precision ${pct(overall.correct, overall.predicted)}  (${overall.correct}/${overall.predicted} predicted pairs)`);
console.log(`recall without the two text indicators (1.5.2, 5.1.1)${pct(numeric.hit, numeric.gold)}  (${numeric.hit}/${numeric.gold})`);
console.log(`null numbers mapped: ${nullsMapped} of ${nullsTotal}`);
console.log('\nper section                                                          recall   precision  gold  pred');
for (const [section, t] of bySection) {
  console.log(`  ${section.slice(0, 66).padEnd(66)} ${pct(t.hit, t.gold)}  ${pct(t.correct, t.predicted)}  ${String(t.gold).padStart(5)} ${String(t.predicted).padStart(5)}`);
}
const top = (m: Map<string, number>, n: number) => [...m].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, n);
console.log('\nmost frequent misses (key: gold pairs not found)');
for (const [k, n] of top(misses, 15)) console.log(`  ${k.padEnd(44)} ${n}`);
console.log('\nwrong keys (predicted key, gold key of that raw): count');
for (const [k, n] of top(wrong, 15)) console.log(`  ${k.padEnd(60)} ${n}`);
