import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ExtractContext } from '../../../src/extract/extractor.js';
import { extractPdf, pdfExtractor } from '../../../src/extract/pdf/index.js';
import type { ExtractedDocument, ExtractedFigure } from '../../../src/model/index.js';

/**
 * The Bản Thi 2024 report printed by headless Chromium (scripts/fixtures/pdf/render-chromium.ts)
 * instead of LibreOffice: another PDF producer (Skia), another font (DejaVu Serif), other margins,
 * the table header repeated by CSS (`thead { display: table-header-group }`) and its borders drawn
 * as thin filled rectangles rather than stroked lines. It must read exactly like the LibreOffice one.
 */
const ctx: ExtractContext = { config: { maxBytes: 50_000_000 } };
const LIBREOFFICE = 'fixtures/pdf/ban-thi-2024-bao-cao.pdf';
const CHROMIUM = 'fixtures/pdf/ban-thi-2024-bao-cao-chromium.pdf';

const docs = new Map<string, ExtractedDocument>();
let rebuilt: ExtractedDocument;

beforeAll(async () => {
  for (const path of [LIBREOFFICE, CHROMIUM]) {
    docs.set(path, await pdfExtractor.extract({ path, bytes: readFileSync(path), sha256: '' }, ctx));
  }
  // The same file read without any grid: rows rebuilt from text positions alone.
  rebuilt = await extractPdf({ path: CHROMIUM, bytes: readFileSync(CHROMIUM), sha256: '' }, ctx, { useGrid: false });
});

const doc = (path: string) => docs.get(path)!;
const table = (path: string) => doc(path).figures.filter((f) => f.method === 'table');
const narrative = (path: string) => doc(path).figures.filter((f) => f.method === 'narrative');
const shape = (f: ExtractedFigure) => [f.rowCode, f.rowLabel, f.unit ?? '', f.raw, f.note ?? ''];

describe('the Bản Thi 2024 report printed by Chromium', () => {
  it('is a different producer and layout than the LibreOffice fixture', () => {
    const producer = (path: string) => /\/Producer\s*\(([^)]*)\)/.exec(readFileSync(path, 'latin1'))?.[1];
    expect(producer(CHROMIUM)).toMatch(/^Skia\/PDF/);
    expect(readFileSync(LIBREOFFICE, 'latin1')).not.toContain('Skia/PDF');
    const at = (path: string) => table(path).find((f) => f.rowCode === '7.2.1')!.provenance;
    expect(at(CHROMIUM).x).not.toBe(at(LIBREOFFICE).x);
  });

  it('gives the same appendix rows as the LibreOffice rendering', () => {
    expect(table(CHROMIUM)).toHaveLength(103);
    expect(table(CHROMIUM).map(shape)).toEqual(table(LIBREOFFICE).map(shape));
  });

  it('reads the table from its ruled grid on every page (borders drawn as filled rectangles)', () => {
    expect(doc(CHROMIUM).warnings).toEqual([]);
    // The header is repeated on every page, yet never read as a row; the table spans several pages.
    expect(table(CHROMIUM).some((f) => /STT|Chỉ tiêu thống kê|Đơn vị tính|Ghi chú/.test(f.provenance.quote ?? ''))).toBe(false);
    expect(new Set(table(CHROMIUM).map((f) => f.provenance.page)).size).toBeGreaterThanOrEqual(4);
  });

  it('reads the grid and the positional rebuild alike', () => {
    expect(rebuilt.figures.filter((f) => f.method === 'table').map(shape)).toEqual(table(CHROMIUM).map(shape));
  });

  it('reads the same title, commune, period and window', () => {
    const d = doc(CHROMIUM);
    expect(d.format).toBe('pdf');
    expect(d.title).toBe(doc(LIBREOFFICE).title);
    expect(d.commune).toMatchObject({ name: 'Bản Thi', unitType: 'xã' });
    expect(d.period?.key).toBe('2024');
    expect(d.window).toMatchObject({ start: '2023-12-01', end: '2024-11-20', estimate: true });
  });

  it('maps the narrative to the same indicator keys and raws', () => {
    const keyed = (path: string) => narrative(path).map((f) => [f.indicatorKey, f.raw]);
    expect(narrative(CHROMIUM).length).toBeGreaterThanOrEqual(30);
    expect(keyed(CHROMIUM)).toEqual(keyed(LIBREOFFICE));
    const tableStart = Math.min(...table(CHROMIUM).map((f) => f.provenance.page ?? 0));
    expect(narrative(CHROMIUM).every((f) => (f.provenance.page ?? 0) <= tableStart)).toBe(true);
  });
});
