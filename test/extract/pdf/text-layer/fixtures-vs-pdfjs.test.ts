import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ExtractContext } from '../../../../src/extract/extractor.js';
import { extractPdf } from '../../../../src/extract/pdf/index.js';
import { openPdf } from '../../../../src/extract/pdf/load.js';
import { openPages } from '../../../../src/extract/pdf/pdf-pages.js';
import { readTextLayer } from '../../../../src/extract/pdf/text-layer/text-layer.js';
import { pdfRunFonts } from '../../../../src/text/legacy/index.js';
import { run } from './pdfjs-reference.js';

const root = join(import.meta.dirname, '../../../..');
const ctx: ExtractContext = { config: { maxBytes: 100_000_000 } };

function pdfsUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return pdfsUnder(path);
    return e.name.endsWith('.pdf') ? [path] : [];
  });
}
const fixtures = pdfsUnder(join(root, 'fixtures')).sort();
const name = (path: string) => relative(root, path);

/** The files the direct reader leaves to pdf.js: the bad inputs pdf.js rejects (or repairs). */
const LEFT_TO_PDFJS = ['fixtures/bad/encrypted.pdf', 'fixtures/bad/garbage.pdf', 'fixtures/bad/truncated.pdf'];

describe('the direct text layer on every fixture PDF', () => {
  it('covers the fixtures (all but the bad inputs)', () => {
    expect(fixtures.length).toBeGreaterThan(120);
    const left = fixtures.filter((f) => readTextLayer(readFileSync(f), 200) === undefined).map(name);
    expect(left).toEqual(LEFT_TO_PDFJS);
  });

  // Each run as pdf.js gives it: text, width, height, transform to the last bit, end-of-line flags;
  // fonts the same by identity (one id each) and by name (what the TCVN3/VNI check reads).
  it.each(fixtures.filter((f) => !LEFT_TO_PDFJS.includes(name(f))).map((f) => [name(f), f]))('%s: the same runs as pdf.js getTextContent', async (_, path) => {
    const bytes = readFileSync(path);
    const layer = readTextLayer(bytes, 200)!;
    const doc = await openPdf(bytes, 200);
    try {
      expect(layer.pages.length).toBe(doc.numPages);
      const ids = new Map<string, string>();
      for (let p = 1; p <= doc.numPages; p++) {
        const page = await doc.getPage(p);
        const reference = (await page.getTextContent()).items as { str: string; width: number; height: number; transform: number[]; hasEOL: boolean; fontName: string }[];
        const mine = layer.pages[p - 1]!.items;
        expect(mine.map(run)).toEqual(reference.map(run));
        reference.forEach((r, i) => {
          const id = mine[i]!.fontName!;
          expect(ids.get(r.fontName) ?? id).toBe(id);
          ids.set(r.fontName, id);
        });
        expect(new Set(ids.values()).size).toBe(ids.size);
        // Names as pdf.js's fonts carry them, on the pages whose runs look legacy (the ones that ask).
        const names = await pdfRunFonts(page, reference);
        expect(names).toEqual(names.length ? mine.map((it) => layer.fontName(it.fontName!)) : []);
      }
    } finally {
      await doc.destroy();
    }
  });
});

describe('extractPdf through the direct text layer and through pdf.js', () => {
  it.each(fixtures.map((f) => [name(f), f]))('%s: the same document, or the same rejection', async (_, path) => {
    const file = { path, bytes: readFileSync(path), sha256: '' };
    const outcome = async (textLayer: 'auto' | 'pdf.js') => {
      try {
        return await extractPdf(file, ctx, { useGrid: true, textLayer });
      } catch (err) {
        return { rejected: (err as Error).message };
      }
    };
    const direct = await outcome('auto');
    const pdfjs = await outcome('pdf.js');
    // Figures (key, value, quote, location…), warnings, title, commune, period, window: all of it.
    expect(direct).toEqual(pdfjs);
  });

  it('the seed report is read without pdf.js; the encrypted file is left to it', async () => {
    const seed = await openPages(readFileSync(join(root, 'fixtures/pdf/ban-thi-2024-bao-cao.pdf')), 200);
    expect([seed.reader, seed.numPages]).toEqual(['direct', 13]);
    await seed.close();
    await expect(openPages(readFileSync(join(root, 'fixtures/bad/encrypted.pdf')), 200)).rejects.toThrow(/^encrypted PDF/);
  });
});
