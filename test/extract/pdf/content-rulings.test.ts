import { readFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { contentRulings } from '../../../src/extract/pdf/content-rulings.js';
import { PdfObjects } from '../../../src/extract/pdf/pdf-objects.js';
import { openPdf } from '../../../src/extract/pdf/load.js';
import { rulingsOf } from '../../../src/extract/pdf/rulings.js';

describe('rulings read from a content stream', () => {
  it('finds stroked lines, moved by the current transformation, and thin filled boxes', () => {
    const r = contentRulings(
      [
        'q 0.1 w 0 0 0 RG 1 0 0 1 50 100 cm',
        '0 0 m 200 0 l S', // a hairline: horizontal at y = 100 from x = 50 to 250
        '10 -5 m 10 40 l S Q', // vertical at x = 60 from y = 95 to 140
        'BT /F1 11 Tf (a (nested\\) string) re) Tj [(x) -20 (y)] TJ ET', // text: no path
        '300 400 150 0.6 re f', // a filled box 0.6 pt thick: horizontal at y = 400.3
        '20 20 m 30 30 l 20 40 l h f', // a triangle: no ruling
      ].join('\n'),
    );
    expect(r).toBeDefined();
    expect(r!.horizontal.map((s) => [s.at, s.from, s.to].map((v) => Math.round(v * 10) / 10))).toEqual([
      [100, 50, 250],
      [400.3, 300, 450],
    ]);
    expect(r!.vertical.map((s) => [s.at, s.from, s.to])).toEqual([[60, 95, 140]]);
  });

  it('gives up on a page that draws a form or an image by name', () => {
    expect(contentRulings('q 100 0 0 50 0 0 cm /Im1 Do Q')).toBeUndefined();
  });
});

/** A minimal PDF file: objects as given, numbered from 1, a classic cross-reference table left out (not read). */
const pdf = (objects: readonly (string | Buffer)[]) =>
  Buffer.concat([Buffer.from('%PDF-1.4\n'), ...objects.map((o, i) => Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`), Buffer.from(o), Buffer.from('\nendobj\n')])), Buffer.from('trailer << /Root 1 0 R >>\n%%EOF\n')]);
const stream = (dict: string, data: Buffer) => Buffer.concat([Buffer.from(`<< ${dict} /Length ${data.length} >>\nstream\n`), data, Buffer.from('\nendstream')]);

describe('a page content stream read from the file', () => {
  const content = Buffer.from('0 0 m 100 0 l S');
  it('reads a Flate stream, and an array of streams whose length is an indirect object', () => {
    const bytes = pdf([
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R 6 0 R] /Count 2 >>',
      '<< /Type /Page /Parent 2 0 R /Contents 4 0 R /Resources << >> >>',
      stream('/Filter /FlateDecode', deflateSync(content)),
      '15',
      '<< /Type /Page /Parent 2 0 R /Contents [7 0 R 4 0 R] >>',
      Buffer.concat([Buffer.from('<< /Length 5 0 R >>\nstream\n'), Buffer.from('1 0 0 1 0 0 cm\n'), Buffer.from('endstream')]),
    ]);
    const objects = new PdfObjects(bytes);
    expect(objects.pageContent({ num: 3, gen: 0 })).toBe('0 0 m 100 0 l S');
    expect(objects.pageContent({ num: 6, gen: 0 })).toBe('1 0 0 1 0 0 cm\n\n0 0 m 100 0 l S');
  });

  it('answers undefined (pdf.js reads it) for an object it cannot find, another filter, or an encrypted file', () => {
    const bytes = pdf(['<< /Type /Page /Contents 2 0 R >>', stream('/Filter /LZWDecode', content), '<< /Type /Page /Contents 9 0 R >>']);
    const objects = new PdfObjects(bytes);
    expect(objects.pageContent({ num: 1, gen: 0 })).toBeUndefined();
    expect(objects.pageContent({ num: 3, gen: 0 })).toBeUndefined();
    expect(objects.pageContent({ num: 7, gen: 0 })).toBeUndefined(); // in an object stream, say
    const encrypted = Buffer.concat([pdf(['<< /Type /Page /Contents 2 0 R >>', stream('', content)]), Buffer.from('trailer << /Encrypt 5 0 R >>')]);
    expect(new PdfObjects(encrypted).pageContent({ num: 1, gen: 0 })).toBeUndefined();
    expect(new PdfObjects(pdf(['<< /Type /Page /Contents 2 0 R >>', stream('', content)])).pageContent({ num: 1, gen: 0 })).toBe('0 0 m 100 0 l S');
  });
});

describe('the content-stream reader against pdf.js', () => {
  const sorted = (xs: readonly { at: number; from: number; to: number }[]) =>
    [...xs].sort((p, q) => p.at - q.at || p.from - q.from || p.to - q.to).map((s) => [s.at, s.from, s.to].map((v) => Math.round(v * 100) / 100));
  it.each(['quang-bach-2023-docx-double.pdf', 'tan-thanh-2024-h1-odf-dashed.pdf', 'phong-quang-2025-q3-chromium-double.pdf'])(
    '%s: the same rulings on every page as from pdf.js operator lists',
    async (name) => {
      const bytes = readFileSync(new URL(`../../../fixtures/pdf/corpus/${name}`, import.meta.url));
      const doc = await openPdf(bytes, 100);
      const objects = new PdfObjects(bytes);
      try {
        let ruled = 0;
        for (let p = 1; p <= doc.numPages; p++) {
          const page = await doc.getPage(p);
          const direct = contentRulings(objects.pageContent(page.ref!)!);
          const viaPdfjs = rulingsOf(await page.getOperatorList());
          expect(sorted(direct!.horizontal)).toEqual(sorted(viaPdfjs.horizontal));
          expect(sorted(direct!.vertical)).toEqual(sorted(viaPdfjs.vertical));
          ruled += viaPdfjs.horizontal.length;
        }
        expect(ruled).toBeGreaterThan(50); // the table's pages were among them
      } finally {
        await doc.destroy();
      }
    },
  );
});
