import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ExtractContext } from '../../../src/extract/extractor.js';
import { extractPdf, locateAppendix, readAppendixRows, readPageItems, rowFigure, type RawRow } from '../../../src/extract/pdf/index.js';
import { openPdf } from '../../../src/extract/pdf/load.js';
import type { ExtractedDocument, ExtractedFigure } from '../../../src/model/index.js';

const ctx: ExtractContext = { config: { maxBytes: 50_000_000 } };
const LAYOUTS = ['fixtures/pdf/ban-thi-2024-bao-cao.pdf', 'fixtures/pdf/ban-thi-2024-bao-cao-layout2.pdf'] as const;

const docs = new Map<string, ExtractedDocument>();
const rebuilt = new Map<string, RawRow[]>();

beforeAll(async () => {
  for (const path of LAYOUTS) {
    const bytes = readFileSync(path);
    docs.set(path, await extractPdf({ path, bytes, sha256: '' }, ctx));
    // The same pages read without their rulings: rows from text positions alone.
    const pdf = await openPdf(bytes, 100);
    const pages = [];
    for (let p = 1; p <= pdf.numPages; p++) pages.push(await readPageItems(pdf, p));
    await pdf.destroy();
    rebuilt.set(path, readAppendixRows(locateAppendix(pages)!).rows);
  }
});

const table = (path: string) => docs.get(path)!.figures.filter((f) => f.method === 'table');
const shape = (f: ExtractedFigure) => [f.rowCode, f.rowLabel, f.unit ?? '', f.raw, f.note ?? ''];
const byCode = (path: string, code: string) => table(path).filter((f) => f.rowCode === code);
const after = (path: string, code: string, n: number) => {
  const rows = table(path);
  const i = rows.findIndex((f) => f.rowCode === code);
  return rows.slice(i + 1, i + 1 + n);
};

describe.each(LAYOUTS)('the Bản Thi 2024 report rendered as %s', (path) => {
  it('reads every appendix row, section rows included', () => {
    const rows = table(path);
    expect(rows).toHaveLength(103);
    expect(shape(rows[0]!)).toEqual(['1', 'Công tác chỉ đạo điều hành CCHC', '', '', '']);
    expect(rows.filter((f) => /^[1-7]$/.test(f.rowCode ?? '')).map((f) => f.rowCode)).toEqual(['1', '2', '3', '4', '5', '6', '7']);
    expect(rows.every((f) => f.indicatorKey === undefined)).toBe(true);
  });

  it('gives the printed values, units and notes', () => {
    expect(byCode(path, '1.4.1').map(shape)).toEqual([['1.4.1', 'Tổng số nhiệm vụ được giao', 'Nhiệm vụ', '21', '']]);
    expect(after(path, '1.4.1', 2).map(shape)).toEqual([
      ['', 'UBND tỉnh', 'Nhiệm vụ', '11', ''],
      ['', 'UBND huyện', 'Nhiệm vụ', '10', ''],
    ]);
    expect(byCode(path, '7.2.1').map((f) => [f.unit, f.raw, f.note])).toEqual([['%', '15,84%', '64/404TTHC']]);
    expect(byCode(path, '6.1').map((f) => [f.unit, f.raw, f.note])).toEqual([['%', '', 'Cấp huyện báo cáo']]);
    expect(byCode(path, '4.2').map(shape)).toEqual([
      ['4.2', 'Số liệu về biên chế công chức', 'Người', '9', ''],
      ['4.2', 'Tổng số người làm việc không chuyên trách', 'Người', '37', ''],
    ]);
    expect(byCode(path, '1.1').map(shape)).toEqual([
      ['1.1', 'Số văn bản chỉ đạo CCHC đã ban hành (kết luận, chỉ thị, công văn chỉ đạo, quán triệt)', 'Văn bản', '13', 'Kế hoạch, công văn, Quyết định, báo cáo'],
    ]);
    // "Trong đó" sits in the STT column without being a code.
    expect(table(path).find((f) => f.details?.['printedCode'] === 'Trong đó')).toMatchObject({ rowCode: '', raw: '100%', note: '1101/1101 văn bản đi' });
  });

  it('joins the row broken over a page and never reads a repeated header as a row', () => {
    expect(byCode(path, '1.5.2').map((f) => [f.unit, f.raw])).toEqual([['Trực tuyến; Phát phiếu; Kết hợp', '0']]);
    expect(table(path).some((f) => /STT|Chỉ tiêu thống kê|Đơn vị tính|Ghi chú/.test(f.provenance.quote ?? ''))).toBe(false);
    const pages = new Set(table(path).map((f) => f.provenance.page));
    expect(pages.size).toBeGreaterThanOrEqual(4);
  });

  it('keeps where each row was printed', () => {
    const [row] = byCode(path, '7.2.1');
    expect(row!.provenance.quote).toBe('7.2.1 | Tỷ lệ TTHC đủ điều kiện được cung cấp trực tuyến một phần | % | 15,84% | 64/404TTHC');
    expect(row!.provenance.page).toBeGreaterThan(1);
    expect(row!.provenance.x).toBeGreaterThan(0);
    expect(row!.provenance.y).toBeGreaterThan(0);
  });

  it('reads the grid and the positional rebuild alike', () => {
    expect(rebuilt.get(path)!.map((r) => shape(rowFigure(r)))).toEqual(table(path).map(shape));
    // No page fell back to the rebuild in the extractor itself: the grid was used throughout.
    expect(docs.get(path)!.warnings).toEqual([]);
  });

  it('reads who reports, for which period and over which dates', () => {
    const doc = docs.get(path)!;
    expect(doc.format).toBe('pdf');
    expect(doc.title).toBe('BÁO CÁO Công tác cải cách hành chính năm 2024');
    expect(doc.commune).toMatchObject({ name: 'Bản Thi', unitType: 'xã' });
    expect(doc.period?.key).toBe('2024');
    expect(doc.window).toMatchObject({ start: '2023-12-01', end: '2024-11-20', estimate: true });
  });

  it('reads the narrative before the appendix, not the table', () => {
    const narrative = docs.get(path)!.figures.filter((f) => f.method === 'narrative');
    expect(narrative.length).toBeGreaterThanOrEqual(30);
    const tableStart = Math.min(...table(path).map((f) => f.provenance.page ?? 0));
    expect(narrative.every((f) => (f.provenance.page ?? 0) <= tableStart)).toBe(true);
    expect(narrative.some((f) => f.provenance.quote?.includes('BIỂU THỐNG KÊ') || f.provenance.quote?.includes('Nhiệm vụ |'))).toBe(false);
    expect(narrative.find((f) => f.raw === '196' && f.provenance.quote?.includes('tiếp nhận 196 hồ sơ'))).toBeDefined();
  });
});

describe('the two layouts', () => {
  it('give the same rows', () => {
    const [a, b] = LAYOUTS.map((p) => table(p).map(shape));
    expect(b).toEqual(a);
  });

  it('lay the table out differently', () => {
    const [a, b] = LAYOUTS.map((p) => byCode(p, '7.2.1')[0]!.provenance);
    expect(a!.page).not.toBe(b!.page);
    expect(a!.x).not.toBe(b!.x);
  });
});
