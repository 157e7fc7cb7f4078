/**
 * What it costs to send dossier rows from a backfill worker to the writer: a structured clone (what
 * postMessage does) of the same rows as one object per row, as column arrays (DossierBatch, what
 * the workers send), and as one packed string split again on arrival. Times are per 1,000 rows, the
 * object form being the reference in the same run.
 *
 *   npx tsx bench/dossier-clone.ts [--rows 2000] [--reps 200]
 */
import { parseArgs } from 'node:util';
import { DOSSIER_COLUMNS, DossierBatcher, type DossierBatch } from '../src/extract/onestop/dossier-batch.js';

const { values } = parseArgs({ options: { rows: { type: 'string', default: '2000' }, reps: { type: 'string', default: '200' } } });
const n = Number(values.rows);
const reps = Number(values.reps);

// Rows shaped like the extractor's records (src/extract/onestop/dossier.ts), with varied values.
const objects = Array.from({ length: n }, (_, i) => ({
  code: `H12.34-24${String(i).padStart(6, '0')}`,
  procedure: ['Đăng ký khai sinh', 'Chứng thực bản sao', 'Đăng ký kết hôn'][i % 3]!,
  sector: ['Hộ tịch', 'Chứng thực'][i % 2]!,
  unit_name: 'Xã Bản Thi - Huyện Chợ Đồn - Tỉnh Bắc Kạn',
  channel: i % 3 ? 'direct' : 'online',
  online_level: i % 2 ? 'full' : null,
  status: 'Đã trả kết quả',
  status_class: 'returned',
  received_date: `2024-03-${String((i % 28) + 1).padStart(2, '0')}`,
  promised_date: '2024-04-05',
  finished_date: '2024-04-04',
  working_days: i % 9,
  outcome: 'early',
  paid_online: i % 2,
  applicant_hmac: null,
  source_line: i + 2,
}));
let batch: DossierBatch | undefined;
const batcher = new DossierBatcher((b) => (batch = b), n);
for (const o of objects) batcher.add(o);
const columns = batch!;
const SEP = '\u001f';
const pack = (b: DossierBatch) => b.columns.map((c) => c.map((v) => (v === null ? '\u0000' : String(v))).join(SEP)).join('\u001e');

function time(f: () => unknown): number {
  f();
  const t0 = performance.now();
  for (let i = 0; i < reps; i++) f();
  return ((performance.now() - t0) / reps) * (1000 / n);
}
const reference = time(() => structuredClone(objects));
const results: [string, number][] = [
  ['objects (one per row)', reference],
  ['column arrays (DossierBatch)', time(() => structuredClone(columns))],
  ['packed string, packed and split', time(() => structuredClone(pack(columns)).split('\u001e').map((c) => c.split(SEP)))],
];
console.log(`${n} rows × ${DOSSIER_COLUMNS.length} columns, ${reps} clones each`);
for (const [name, ms] of results) console.log(`${name.padEnd(34)} ${ms.toFixed(3)} ms per 1,000 rows  ${(ms / reference).toFixed(2)}×`);
