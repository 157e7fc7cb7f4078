/**
 * PDF extraction speed next to poppler's `pdftotext -layout`, on the same files in the same run.
 *
 *   npx tsx bench/pdf.ts [files…]     (default: every report under fixtures/pdf/ and a few corpus renderings)
 *
 * The extractor does more than pdftotext (table grid, header, narrative patterns), so the ratio is
 * the price of structure, not a like-for-like race. The first document pays for loading pdf.js and
 * the catalogues; it is reported apart and left out of the steady-state figures.
 *
 * The machine may be shared: every round runs each subject on each file back to back (so that a
 * burst of load hits all of them alike) and a report's figure is its median over the rounds. The
 * ratio is given per report (wall clock) and over all reports in CPU time (this process's for the
 * extractor, the child's for pdftotext, from /proc), which other processes' load disturbs less.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { ExtractContext } from '../src/extract/extractor.js';
import { extractNarrative } from '../src/extract/narrative/index.js';
import { extractPdf, locateAppendix, readAppendixRows, rulingsOf, type Rulings } from '../src/extract/pdf/index.js';
import { contentRulings } from '../src/extract/pdf/content-rulings.js';
import { openPdf } from '../src/extract/pdf/load.js';
import { PdfObjects } from '../src/extract/pdf/pdf-objects.js';
import { pageLines, textItemsOf, type RawItem, type TextItem } from '../src/extract/pdf/text-items.js';
import { readDocumentHeader } from '../src/normalize/document-header.js';
import { pdfRunFonts } from '../src/text/legacy/index.js';

const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 7);
const root = resolve(import.meta.dirname, '..');
const files = process.argv.length > 2 ? process.argv.slice(2) : readdirSync(join(root, 'fixtures/pdf')).filter((f) => f.endsWith('.pdf')).map((f) => join(root, 'fixtures/pdf', f));
// A few corpus renderings too: other producers, whose tables are read from their rulings.
if (process.argv.length <= 2) {
  for (const f of ['quang-bach-2023-docx-medium.pdf', 'tan-thanh-2024-h1-odf-frame.pdf', 'phong-quang-2025-q3-chromium-hairline.pdf', 'quang-bach-2023-docx-medium-nfd.pdf']) files.push(join(root, 'fixtures/pdf/corpus', f));
}
const ctx: ExtractContext = { config: { maxBytes: 100_000_000 } };

/** CPU seconds (user + system) of this process, and of its waited-for children (Linux /proc; 0 elsewhere). */
const ownCpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const TICK_MS = 10; // USER_HZ is 100 on Linux
const childCpu = () => {
  if (!existsSync('/proc/self/stat')) return 0;
  const fields = readFileSync('/proc/self/stat', 'latin1').split(') ')[1]!.split(' ');
  return (Number(fields[13]) + Number(fields[14])) * TICK_MS; // cutime, cstime (fields 16, 17)
};

interface Subject {
  readonly name: string;
  readonly cpu: () => number;
  run(path: string, bytes: Buffer): Promise<void>;
}

const subjects: Subject[] = [
  { name: 'extractor (grid)', cpu: ownCpu, run: async (path, bytes) => void (await extractPdf({ path, bytes, sha256: '' }, ctx)) },
  { name: 'extractor (rebuild only)', cpu: ownCpu, run: async (path, bytes) => void (await extractPdf({ path, bytes, sha256: '' }, ctx, { useGrid: false })) },
];
const hasPdftotext = spawnSync('pdftotext', ['-v']).error === undefined;
if (hasPdftotext) {
  subjects.push({
    name: 'pdftotext -layout',
    cpu: childCpu,
    run: async (path) => {
      const r = spawnSync('pdftotext', ['-layout', '-enc', 'UTF-8', path, '-'], { maxBuffer: 64 << 20 });
      if (r.status !== 0) throw new Error(`pdftotext failed on ${path}: ${r.stderr}`);
    },
  });
}

const pageCount = (bytes: Buffer) => (bytes.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
const inputs = files.map((path) => ({ path, bytes: readFileSync(path), pages: pageCount(readFileSync(path)) }));
const coldStart = performance.now();
await subjects[0]!.run(inputs[0]!.path, inputs[0]!.bytes);
const cold = performance.now() - coldStart;

/** wall[subject][file] = ms of each round; cpu[subject] = total CPU ms. */
const wall = subjects.map(() => inputs.map(() => [] as number[]));
const cpu = subjects.map(() => 0);
for (let round = 0; round < ROUNDS; round++) {
  for (const [f, { path, bytes }] of inputs.entries()) {
    for (const [s, subject] of subjects.entries()) {
      const c = subject.cpu();
      const t = performance.now();
      await subject.run(path, bytes);
      wall[s]![f]!.push(performance.now() - t);
      cpu[s]! += subject.cpu() - c;
    }
  }
}
const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const med = wall.map((perFile) => perFile.map(median));
const base = subjects.findIndex((s) => s.name.startsWith('pdftotext'));

console.log(`PDF extraction: ${inputs.length} file(s), ${ROUNDS} rounds, subjects interleaved; median ms per report`);
console.log(`first document (pdf.js and catalogues loading): ${cold.toFixed(0)} ms`);
console.log(['report'.padEnd(46), 'pages'.padStart(5), ...subjects.map((s) => s.name.slice(0, 24).padStart(25)), ...(base >= 0 ? ['grid/pdftotext'.padStart(15), 'rebuild/pdft.'.padStart(14)] : [])].join(' '));
for (const [f, input] of inputs.entries()) {
  const ratios = base >= 0 ? [med[0]![f]! / med[base]![f]!, med[1]![f]! / med[base]![f]!].map((r) => `${r.toFixed(2)}×`) : [];
  console.log([basename(input.path).padEnd(46), String(input.pages).padStart(5), ...subjects.map((_, s) => med[s]![f]!.toFixed(1).padStart(25)), ...(base >= 0 ? [ratios[0]!.padStart(15), ratios[1]!.padStart(14)] : [])].join(' '));
}
const reports = ROUNDS * inputs.length;
console.log(['all (mean of medians)'.padEnd(46), ''.padStart(5), ...subjects.map((_, s) => (med[s]!.reduce((a, b) => a + b, 0) / inputs.length).toFixed(1).padStart(25))].join(' '));
console.log(['CPU ms per report'.padEnd(46), ''.padStart(5), ...subjects.map((_, s) => (cpu[s]! / reports).toFixed(1).padStart(25))].join(' '));
if (base >= 0) {
  const worst = Math.max(...inputs.map((_, f) => med[0]![f]! / med[base]![f]!));
  console.log(`grid vs pdftotext: worst report ${worst.toFixed(2)}× (wall), all reports ${(cpu[0]! / cpu[base]!).toFixed(2)}× (CPU)`);
} else console.log('pdftotext not found (Debian poppler-utils): no baseline in this run');

// Where the extractor's time goes: its steps, as extractPdf runs them, timed one by one on the same files.
const phases: Record<string, number> = {
  'pdf.js document load': 0,
  'pdf.js text layer (getTextContent)': 0,
  'legacy-font check, runs, NFD, order': 0,
  'appendix located (header, bands)': 0,
  'table pages: content streams read': 0,
  'table pages: rulings from paths': 0,
  'table pages: pdf.js operator lists (not plain)': 0,
  'table rows': 0,
  'narrative figures': 0,
  'title, commune, period': 0,
  'pdf.js teardown': 0,
};
const time = async <T>(phase: string, f: () => Promise<T> | T): Promise<T> => {
  const t = performance.now();
  const out = await f();
  phases[phase]! += performance.now() - t;
  return out;
};
for (let round = 0; round < ROUNDS; round++) {
  for (const { path, bytes } of inputs) {
    const doc = await time('pdf.js document load', () => openPdf(bytes, 1000));
    const pages: TextItem[][] = [];
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await time('pdf.js text layer (getTextContent)', () => doc.getPage(p));
      const raw = (await time('pdf.js text layer (getTextContent)', () => page.getTextContent())).items as RawItem[];
      pages.push(await time('legacy-font check, runs, NFD, order', async () => textItemsOf(p, raw, await pdfRunFonts(page, raw))));
    }
    const location = await time('appendix located (header, bands)', () => locateAppendix(pages));
    const rulings = new Map<number, Rulings>();
    const objects = new PdfObjects(bytes);
    for (const { page: n } of location?.pages ?? []) {
      // As pageRulings does, in two steps; pdf.js's operator list where the file is not plain.
      const page = await doc.getPage(n);
      const content = await time('table pages: content streams read', () => (page.ref ? objects.pageContent(page.ref) : undefined));
      const read = await time('table pages: rulings from paths', () => (content === undefined ? undefined : contentRulings(content)));
      rulings.set(n, read ?? (await time('table pages: pdf.js operator lists (not plain)', async () => rulingsOf(await page.getOperatorList()))));
    }
    await time('pdf.js teardown', () => doc.destroy());
    if (location) await time('table rows', () => readAppendixRows(location, rulings));
    const cut = location?.cut.page ?? pages.length;
    const narrative = pages.slice(0, cut).map((items, i) => ({ page: i + 1, text: pageLines(items).join('\n') }));
    await time('narrative figures', () => extractNarrative(narrative));
    await time('title, commune, period', () => readDocumentHeader(narrative.flatMap((p) => p.text.split('\n')), path));
  }
}
const total = Object.values(phases).reduce((a, b) => a + b, 0);
console.log('where the time goes (ms per report, steps run one by one):');
for (const [phase, ms] of [...Object.entries(phases), ['all steps', total] as const]) {
  const ratio = base >= 0 ? ` (${(ms / reports / (med[base]!.reduce((a, b) => a + b, 0) / inputs.length)).toFixed(2)}× pdftotext)` : '';
  console.log(`  ${phase.padEnd(38)} ${(ms / reports).toFixed(1).padStart(7)}  ${((100 * ms) / total).toFixed(0).padStart(3)}%${ratio}`);
}
