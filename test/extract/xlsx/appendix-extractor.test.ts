import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { NotThisKind, RejectedInput, extractFile } from '../../../src/extract/index.js';
import { appendixXlsxExtractor } from '../../../src/extract/xlsx/index.js';
import type { ExtractedDocument } from '../../../src/model/index.js';
import { appendixSource, fixture, readFixture } from '../../helpers.js';

const ctx = { config: { maxBytes: 50 * 1024 * 1024 } };

async function extract(rel: string): Promise<ExtractedDocument> {
  const bytes = readFixture(rel);
  return appendixXlsxExtractor.extract({ path: fixture(rel), bytes, sha256: createHash('sha256').update(bytes).digest('hex') }, ctx);
}

describe('appendix workbook extractor', () => {
  it('finds the table on the second sheet below title rows and reads every row as printed', async () => {
    const doc = await extract('inbox/ban-thi-2024-phu-luc-II.xlsx');
    const source = appendixSource();
    expect(doc.figures).toHaveLength(source.length);
    doc.figures.forEach((f, i) => {
      const s = source[i]!;
      expect(f.rowLabel).toBe(s.label);
      expect(f.rowCode).toBe(s.code === 'Trong đó' ? '' : s.code);
      expect(f.raw).toBe(s.value);
      expect(f.unit ?? '').toBe(s.unit);
      expect(f.note ?? '').toBe(s.note);
      expect(f.provenance.sheet).toBe('Phụ lục II');
    });
  });

  it('reads stored numbers, percent-formatted fractions, formulas, text and rich text', async () => {
    const doc = await extract('inbox/ban-thi-2024-phu-luc-II.xlsx');
    const byLabel = (start: string) => doc.figures.find((f) => f.rowLabel?.startsWith(start))!;
    expect(byLabel('Số văn bản chỉ đạo CCHC')).toMatchObject({ raw: '13', number: 13, provenance: { cell: 'D11' } });
    expect(byLabel('Số văn bản chỉ đạo CCHC').rowLabel).toBe('Số văn bản chỉ đạo CCHC đã ban hành (kết luận, chỉ thị, công văn chỉ đạo, quán triệt)');
    expect(byLabel('Tổng số nhiệm vụ được giao')).toMatchObject({ raw: '21', number: 21 }); // formula D19+D20
    expect(byLabel('Tỷ lệ TTHC được tích hợp')).toMatchObject({ raw: '53,33%', number: 53.33, details: { storedValue: 8 / 15 } });
    expect(byLabel('Ban hành Quyết định')).toMatchObject({ raw: '01', style: { italic: true } });
    expect(byLabel('Ban hành Quyết định').number).toBeUndefined();
    expect(byLabel('Tỷ lệ hoàn thành Kế hoạch')).toMatchObject({ raw: '100%', number: 100 });
    expect(byLabel('Cải cách thể chế')).toMatchObject({ rowCode: '2', raw: '', style: { bold: true } });
  });

  it('reads commune, district and period from the title rows', async () => {
    const doc = await extract('inbox/ban-thi-2024-phu-luc-II.xlsx');
    expect(doc.title).toBe('BIỂU THỐNG KÊ SỐ LIỆU VỀ KẾT QUẢ THỰC HIỆN CÔNG TÁC CCHC NĂM 2024');
    expect(doc.commune).toMatchObject({ name: 'Bản Thi', unitType: 'xã', district: 'Chợ Đồn' });
    expect(doc.period?.key).toBe('2024');
    const old = await extract('xlsx/yen-thinh-2021-q3-template-cu.xlsx');
    expect(old.period?.key).toBe('2021-Q3');
    expect(old.commune.name).toBe('Yên Thịnh');
  });

  it('reports an unreadable cell with its address and keeps the other rows', async () => {
    const doc = await extract('xlsx/unreadable-cell.xlsx');
    expect(doc.warnings).toEqual([{ where: "sheet 'Phụ lục II' cell D41", message: 'unreadable cell: formula result is the error #DIV/0!' }]);
    expect(doc.figures).toHaveLength(appendixSource().length);
  });

  it('tells a workbook without an appendix from a broken one', async () => {
    await expect(extract('bad/no-appendix-table.xlsx')).rejects.toBeInstanceOf(NotThisKind);
    // The headings looked for are the catalogue's (catalog/appendix-columns.yaml), first wording of each.
    await expect(extract('bad/no-appendix-table.xlsx')).rejects.toThrow(/^no sheet has an appendix table header \(STT \| Chỉ tiêu thống kê \| Đơn vị tính \| Số liệu\); sheets: /);
    await expect(extract('bad/truncated-workbook.xlsx')).rejects.toMatchObject({ stage: 'extract', code: 'unreadable_workbook' });
    await expect(extract('bad/truncated-workbook.xlsx')).rejects.toThrow(RejectedInput);
    await expect(extract('bad/truncated-workbook.xlsx')).rejects.toThrow(/corrupt or truncated workbook/);
  });

  it('the dispatcher rejects what is not a workbook, whatever its name', async () => {
    const bytes = readFixture('bad/not-a-workbook.xlsx');
    await expect(extractFile({ path: 'x.xlsx', bytes, sha256: 'x' }, ctx)).rejects.toThrow(RejectedInput);
    await expect(extractFile({ path: 'x.xlsx', bytes: Buffer.alloc(0), sha256: 'x' }, ctx)).rejects.toThrow('empty file (0 bytes)');
    await expect(extractFile({ path: 'x.xlsx', bytes: Buffer.from([0, 1, 2, 3, 0, 0, 255]), sha256: 'x' }, ctx)).rejects.toThrow(/binary content/);
  });
});

describe('a workbook from another office tool', () => {
  it('reads the same figures from Sheet1, a shifted table and a single heading row of other wordings', async () => {
    const plain = await extract('xlsx/ban-thi-2024-other-tool.xlsx');
    const office = await extract('inbox/ban-thi-2024-phu-luc-II.xlsx');
    const rows = (d: ExtractedDocument) => d.figures.map((f) => [f.rowCode, f.rowLabel, f.unit ?? '', f.raw, f.note ?? '']);
    expect(rows(plain)).toEqual(rows(office));
    expect(plain.figures[1]!.provenance).toMatchObject({ sheet: 'Sheet1', cell: 'E7' });
    expect(plain.period?.key).toBe('2024');
    expect(plain.commune).toMatchObject({ name: 'Bản Thi', unitType: 'xã' });
  });
});
