import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractFile } from '../../src/extract/index.js';
import type { ExtractedDocument } from '../../src/model/index.js';
import { fixture, readFixture, type SourceRow } from '../helpers.js';

const ctx = { config: { maxBytes: 50 * 1024 * 1024 } };
const source = (name: string) => JSON.parse(readFileSync(fixture(`source/legacy-2019/${name}`), 'utf8')) as { rows: SourceRow[] };

async function extract(rel: string): Promise<ExtractedDocument> {
  const bytes = readFixture(rel);
  return extractFile({ path: fixture(rel), bytes, sha256: createHash('sha256').update(bytes).digest('hex') }, ctx);
}
const tableRows = (d: ExtractedDocument) =>
  d.figures.filter((f) => f.method === 'table' && (f.rowLabel || f.rowCode)).map((f) => [f.rowCode, f.rowLabel, f.unit ?? '', f.raw, f.note ?? '']);
const truth = (name: string) => source(name).rows.map((r) => [r.code, r.label, r.unit, r.value, r.note]);

describe('report PDFs typed in legacy fonts, text layers without a Unicode map', () => {
  it('TCVN3 (.VnTime, WinAnsi, no ToUnicode): every appendix cell reads as its Unicode truth', async () => {
    // The text layer holds glyph-name forms of the bytes: "hµnh" as "hμnh" (Greek mu), "ng­êi" as "ng-êi".
    const raw = readFixture('legacy/legacy-tcvn3-nghia-ta-2019-winansi.pdf').toString('latin1');
    expect(raw).toContain('/BaseFont /.VnTime /Encoding /WinAnsiEncoding');
    expect(raw).not.toContain('ToUnicode');
    const doc = await extract('legacy/legacy-tcvn3-nghia-ta-2019-winansi.pdf');
    expect(tableRows(doc)).toEqual(truth('nghia-ta-2019.json'));
    // Capitals typed in .VnTimeH with the small letters' codes: upper-cased once pdf.js names the font.
    expect(raw).toContain('/BaseFont /.VnTimeH');
    expect(doc.title).toBe('BIỂU THỐNG KÊ SỐ LIỆU BÁO CÁO CÔNG TÁC CẢI CÁCH HÀNH CHÍNH NĂM 2019');
    expect(doc.commune).toMatchObject({ name: 'Nghĩa Tá', unitType: 'xã', district: 'Chợ Đồn' });
    expect(doc.period?.key).toBe('2019');
  });

  it('VNI (drawn by Chromium from VNI-Times text): every appendix cell reads as its Unicode truth', async () => {
    const doc = await extract('legacy/legacy-vni-bao-ha-2020-h1.pdf');
    expect(tableRows(doc)).toEqual(truth('bao-ha-2020-h1.json'));
    expect(doc.title).toBe('BIỂU THỐNG KÊ SỐ LIỆU CÔNG TÁC CẢI CÁCH HÀNH CHÍNH 6 THÁNG ĐẦU NĂM 2020');
    expect(doc.commune).toMatchObject({ name: 'Bảo Hà', unitType: 'xã', district: 'Bảo Yên' });
    expect(doc.period?.key).toBe('2020-H1');
  });
});
