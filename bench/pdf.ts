/**
 * PDF extraction speed next to poppler's `pdftotext -layout`, on the same files in the same run.
 *
 *   npx tsx bench/pdf.ts [files…]     (default: every report under fixtures/pdf/ and a few corpus renderings)
 *
 * The extractor does more than pdftotext (table grid, header, narrative patterns), so the ratio is
 * the price of structure, not a like-for-like race. The first document pays for loading the
 * catalogues (and pdf.js's first document); it is reported apart and left out of the steady-state
 * figures. "extractor (grid, pdf.js text)" is the extractor as it was before the direct text layer
 * (pdf.js reads every file's text), run in the same rounds for a before/after on one machine state.
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
import { readTextLayer } from '../src/extract/pdf/text-layer/text-layer.js';
import { pageLines, textItemsOf, type RawItem, type TextItem } from '../src/extract/pdf/text-items.js';
import { readDocumentHeader } from '../src/normalize/document-header.js';
import { pdfRunFonts, pdfRunFontsOf } from '../src/text/legacy/index.js';
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';

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
  // The extractor as it was before the direct text layer: pdf.js reads every file's text.
  { name: 'extractor (grid, pdf.js text)', cpu: ownCpu, run: async (path, bytes) => void (await extractPdf({ path, bytes, sha256: '' }, ctx, { useGrid: true, textLayer: 'pdf.js' })) },
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
console.log(`first document (catalogues loading): ${cold.toFixed(0)} ms`);
const RATIOS = [
  ['grid/pdftotext', 0],
  ['rebuild/pdft.', 1],
  ['pdf.js-text/pdft.', 2],
] as const;
console.log(['report'.padEnd(46), 'pages'.padStart(5), ...subjects.map((s) => s.name.slice(0, 29).padStart(30)), ...(base >= 0 ? RATIOS.map(([h]) => h.padStart(18)) : [])].join(' '));
for (const [f, input] of inputs.entries()) {
  const ratios = base >= 0 ? RATIOS.map(([, s]) => `${(med[s]![f]! / med[base]![f]!).toFixed(2)}×`.padStart(18)) : [];
  console.log([basename(input.path).padEnd(46), String(input.pages).padStart(5), ...subjects.map((_, s) => med[s]![f]!.toFixed(1).padStart(30)), ...ratios].join(' '));
}
const reports = ROUNDS * inputs.length;
console.log(['all (mean of medians)'.padEnd(46), ''.padStart(5), ...subjects.map((_, s) => (med[s]!.reduce((a, b) => a + b, 0) / inputs.length).toFixed(1).padStart(30))].join(' '));
console.log(['CPU ms per report'.padEnd(46), ''.padStart(5), ...subjects.map((_, s) => (cpu[s]! / reports).toFixed(1).padStart(30))].join(' '));
if (base >= 0) {
  for (const s of [0, 2]) {
    const worst = Math.max(...inputs.map((_, f) => med[s]![f]! / med[base]![f]!));
    console.log(`${subjects[s]!.name} vs pdftotext: worst report ${worst.toFixed(2)}× (wall), all reports ${(cpu[s]! / cpu[base]!).toFixed(2)}× (CPU)`);
  }
} else console.log('pdftotext not found (Debian poppler-utils): no baseline in this run');

// Where the extractor's time goes: its steps, as extractPdf runs them, timed one by one on the same
// files; then pdf.js's text layer on the same files, which the extractor no longer runs on plain files.
const phases: Record<string, number> = {
  'direct text layer (objects, fonts, text)': 0,
  'pdf.js document load (files not plain)': 0,
  'pdf.js text layer (files not plain)': 0,
  'legacy-font check, runs, NFD, order': 0,
  'appendix located (header, bands)': 0,
  'table pages: rulings from content streams': 0,
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
let readDirectly = 0;
for (let round = 0; round < ROUNDS; round++) {
  for (const { path, bytes } of inputs) {
    const layer = await time('direct text layer (objects, fonts, text)', () => readTextLayer(bytes, 1000));
    if (round === 0 && layer) readDirectly++;
    const doc = layer ? undefined : await time('pdf.js document load (files not plain)', () => openPdf(bytes, 1000));
    const pages: TextItem[][] = [];
    const numPages = layer ? layer.pages.length : doc!.numPages;
    for (let p = 1; p <= numPages; p++) {
      if (layer) {
        const raw: readonly RawItem[] = layer.pages[p - 1]!.items;
        pages.push(await time('legacy-font check, runs, NFD, order', () => textItemsOf(p, raw, pdfRunFontsOf(raw, (id) => layer.fontName(id)))));
        continue;
      }
      const page = await time('pdf.js text layer (files not plain)', () => doc!.getPage(p));
      const raw = (await time('pdf.js text layer (files not plain)', () => page.getTextContent())).items as RawItem[];
      pages.push(await time('legacy-font check, runs, NFD, order', async () => textItemsOf(p, raw, await pdfRunFonts(page, raw))));
    }
    const location = await time('appendix located (header, bands)', () => locateAppendix(pages));
    const rulings = new Map<number, Rulings>();
    const objects = new PdfObjects(bytes);
    let lazy: PDFDocumentProxy | undefined = doc;
    for (const { page: n } of location?.pages ?? []) {
      // As the extractor does, in two steps; pdf.js's operator list where the file or page is not plain.
      const content = layer ? layer.pages[n - 1]!.content : (await doc!.getPage(n)).ref ? objects.pageContent((await doc!.getPage(n)).ref!) : undefined;
      const read = await time('table pages: rulings from content streams', () => (content === undefined ? undefined : contentRulings(content)));
      if (read) {
        rulings.set(n, read);
        continue;
      }
      lazy ??= await openPdf(bytes, 1000);
      const pdfjsPage = await lazy.getPage(n);
      rulings.set(n, await time('table pages: pdf.js operator lists (not plain)', async () => rulingsOf(await pdfjsPage.getOperatorList())));
    }
    if (lazy) await time('pdf.js teardown', () => lazy.destroy());
    if (location) await time('table rows', () => readAppendixRows(location, rulings));
    const cut = location?.cut.page ?? pages.length;
    const narrative = pages.slice(0, cut).map((items, i) => ({ page: i + 1, text: pageLines(items).join('\n') }));
    await time('narrative figures', () => extractNarrative(narrative));
    await time('title, commune, period', () => readDocumentHeader(narrative.flatMap((p) => p.text.split('\n')), path));
  }
}
let pdfjsText = 0;
for (let round = 0; round < ROUNDS; round++) {
  for (const { bytes } of inputs) {
    const t = performance.now();
    const doc = await openPdf(bytes, 1000);
    for (let p = 1; p <= doc.numPages; p++) await (await doc.getPage(p)).getTextContent();
    await doc.destroy();
    pdfjsText += performance.now() - t;
  }
}
const pdftotextMean = base >= 0 ? med[base]!.reduce((a, b) => a + b, 0) / inputs.length : 0;
const versus = (ms: number) => (base >= 0 ? ` (${(ms / reports / pdftotextMean).toFixed(2)}× pdftotext)` : '');
const total = Object.values(phases).reduce((a, b) => a + b, 0);
console.log(`where the time goes (ms per report, steps run one by one; ${readDirectly} of ${inputs.length} files read by the direct text layer, the others by pdf.js):`);
for (const [phase, ms] of [...Object.entries(phases), ['all steps', total] as const]) {
  console.log(`  ${phase.padEnd(46)} ${(ms / reports).toFixed(1).padStart(7)}  ${((100 * ms) / total).toFixed(0).padStart(3)}%${versus(ms)}`);
}
console.log(`for comparison, pdf.js's text layer of the same files (document load, getTextContent, teardown): ${(pdfjsText / reports).toFixed(1)} ms per report${versus(pdfjsText)}`);
