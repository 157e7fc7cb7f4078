/**
 * PDF extraction speed next to poppler's `pdftotext -layout`, on the same files in the same run.
 *
 *   npx tsx bench/pdf.ts [files…]     (default: every report under fixtures/pdf/)
 *
 * The extractor does more than pdftotext (table grid, header, narrative patterns), so the ratio is
 * the price of structure, not a like-for-like race. The first document pays for loading pdf.js and
 * the catalogues; it is reported apart and left out of the steady-state figures.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { ExtractContext } from '../src/extract/extractor.js';
import { extractNarrative } from '../src/extract/narrative/index.js';
import { extractPdf, locateAppendix, readAppendixRows, rulingsOf, type Rulings } from '../src/extract/pdf/index.js';
import { openPdf } from '../src/extract/pdf/load.js';
import { pageLines, textItemsOf, type RawItem } from '../src/extract/pdf/text-items.js';

const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 5);
const root = resolve(import.meta.dirname, '..');
const files = process.argv.length > 2 ? process.argv.slice(2) : readdirSync(join(root, 'fixtures/pdf')).filter((f) => f.endsWith('.pdf')).map((f) => join(root, 'fixtures/pdf', f));
// A few corpus renderings too: other producers, whose tables are read from their rulings.
if (process.argv.length <= 2) {
  for (const f of ['quang-bach-2023-docx-medium.pdf', 'tan-thanh-2024-h1-odf-frame.pdf', 'phong-quang-2025-q3-chromium-hairline.pdf']) files.push(join(root, 'fixtures/pdf/corpus', f));
}
const ctx: ExtractContext = { config: { maxBytes: 100_000_000 } };

interface Subject {
  readonly name: string;
  run(path: string, bytes: Buffer): Promise<number>; // returns page count
}

const pageCount = (bytes: Buffer) => (bytes.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;

const subjects: Subject[] = [
  {
    name: 'extractor (grid)',
    run: async (path, bytes) => {
      await extractPdf({ path, bytes, sha256: '' }, ctx);
      return pageCount(bytes);
    },
  },
  {
    name: 'extractor (rebuild only)',
    run: async (path, bytes) => {
      await extractPdf({ path, bytes, sha256: '' }, ctx, { useGrid: false });
      return pageCount(bytes);
    },
  },
];
const hasPdftotext = spawnSync('pdftotext', ['-v']).error === undefined;
if (hasPdftotext) {
  subjects.push({
    name: 'pdftotext -layout',
    run: async (path, bytes) => {
      const r = spawnSync('pdftotext', ['-layout', '-enc', 'UTF-8', path, '-'], { maxBuffer: 64 << 20 });
      if (r.status !== 0) throw new Error(`pdftotext failed on ${path}: ${r.stderr}`);
      return pageCount(bytes);
    },
  });
}

const inputs = files.map((path) => ({ path, bytes: readFileSync(path) }));
const coldStart = performance.now();
await subjects[0]!.run(inputs[0]!.path, inputs[0]!.bytes);
const cold = performance.now() - coldStart;

const results: { name: string; msPerReport: number; pagesPerSecond: number }[] = [];
for (const subject of subjects) {
  let ms = 0;
  let pages = 0;
  let reports = 0;
  for (let round = 0; round < ROUNDS; round++) {
    for (const { path, bytes } of inputs) {
      const t = performance.now();
      pages += await subject.run(path, bytes);
      ms += performance.now() - t;
      reports++;
    }
  }
  results.push({ name: subject.name, msPerReport: ms / reports, pagesPerSecond: (pages / ms) * 1000 });
}

const baseline = results.find((r) => r.name.startsWith('pdftotext'));
console.log(`PDF extraction: ${inputs.length} file(s) (${inputs.map((i) => basename(i.path)).join(', ')}), ${ROUNDS} rounds`);
console.log(`first document (pdf.js and catalogues loading): ${cold.toFixed(0)} ms`);
console.log(['subject'.padEnd(26), 'ms/report'.padStart(10), 'pages/s'.padStart(9), 'vs pdftotext'.padStart(13)].join(' '));
for (const r of results) {
  const ratio = baseline ? `${(r.msPerReport / baseline.msPerReport).toFixed(1)}×` : 'n/a';
  console.log([r.name.padEnd(26), r.msPerReport.toFixed(1).padStart(10), r.pagesPerSecond.toFixed(1).padStart(9), ratio.padStart(13)].join(' '));
}
if (!baseline) console.log('pdftotext not found (Debian poppler-utils): no baseline in this run');

// Where the extractor's time goes: its steps timed one by one on the same files (ms per report).
const phases: Record<string, number> = { 'pdf.js text layer': 0, 'pdf.js operator lists (table pages)': 0, 'rulings from operators': 0, 'appendix located (header, bands)': 0, 'table rows': 0, 'narrative patterns': 0 };
const time = async <T>(phase: string, f: () => Promise<T> | T): Promise<T> => {
  const t = performance.now();
  const out = await f();
  phases[phase]! += performance.now() - t;
  return out;
};
for (let round = 0; round < ROUNDS; round++) {
  for (const { bytes } of inputs) {
    const doc = await openPdf(bytes, 1000);
    const pages = await time('pdf.js text layer', async () => {
      const out = [];
      for (let p = 1; p <= doc.numPages; p++) out.push(textItemsOf(p, (await (await doc.getPage(p)).getTextContent()).items as RawItem[]));
      return out;
    });
    const location = await time('appendix located (header, bands)', () => locateAppendix(pages));
    const rulings = new Map<number, Rulings>();
    for (const { page } of location?.pages ?? []) {
      const ops = await time('pdf.js operator lists (table pages)', async () => (await doc.getPage(page)).getOperatorList());
      rulings.set(page, await time('rulings from operators', () => rulingsOf(ops)));
    }
    await doc.destroy();
    if (location) await time('table rows', () => readAppendixRows(location, rulings));
    const cut = location?.cut.page ?? pages.length;
    await time('narrative patterns', () => extractNarrative(pages.slice(0, cut).map((items, i) => ({ page: i + 1, text: pageLines(items).join('\n') }))));
  }
}
const reports = ROUNDS * inputs.length;
console.log('where the time goes (ms per report):');
for (const [phase, ms] of Object.entries(phases)) {
  const ratio = baseline ? ` (${(ms / reports / baseline.msPerReport).toFixed(2)}× pdftotext)` : '';
  console.log(`  ${phase.padEnd(38)} ${(ms / reports).toFixed(1).padStart(7)}${ratio}`);
}
