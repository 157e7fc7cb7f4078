import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { STATED, byKey, extract, fixture, memoryWriter } from './helpers.js';

/** The first sheet's cell as the file stores it: the legacy font's characters, and the font's name. */
async function stored(path: string, address: string): Promise<{ value: unknown; font: string | undefined }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(fixture(path)) as unknown as ArrayBuffer);
  const cell = wb.worksheets[0]!.getCell(address);
  return { value: cell.value, font: cell.font?.name };
}

describe('one-stop workbooks typed in TCVN3/VNI fonts (2019–2021 offices)', () => {
  it('the TCVN3 dossier list holds .VnTime codes, not Unicode', async () => {
    expect(await stored('legacy/onestop-ban-thi-2024-tcvn3-list.xlsx', 'E4')).toEqual({ value: '§¬n vÞ tiÕp nhËn', font: '.VnTime' });
    expect(await stored('legacy/onestop-ban-thi-2024-tcvn3-list.xlsx', 'A1')).toEqual({ value: 'ubnd huyÖn chî ®ån', font: '.VnTimeH' });
  });

  it('the TCVN3 dossier list gives the dossiers and figures of the Unicode workbook, in NFC', async () => {
    const w = memoryWriter();
    const doc = await extract('legacy/onestop-ban-thi-2024-tcvn3-list.xlsx', STATED, w);
    const reference = await extract('onestop/ban-thi-2024-list.xlsx', STATED);
    expect(doc.kind).toBe('onestop');
    expect(doc.commune.name).toBe('Bản Thi');
    expect(byKey(doc.figures)).toEqual(byKey(reference.figures));
    // By construction (fixtures/source/ban-thi-2024/onestop.yaml): 196 dossiers, 161 early, 61 online,
    // 38 of them "Đăng ký khai sinh", 78 in "Chứng thực".
    expect(byKey(doc.figures)).toMatchObject({ '7.2.4.received': 196, '7.2.4.online': 61, '3.3.1.early': 161, '3.3.1.due_day': 35, '3.3.1': 100 });
    expect(w.rows).toHaveLength(196);
    expect(w.rows.filter((r) => r.procedure === 'Đăng ký khai sinh')).toHaveLength(38);
    expect(w.rows.filter((r) => r.sector === 'Chứng thực')).toHaveLength(78);
    expect(doc.warnings).toEqual(reference.warnings);
  });

  it('the VNI Biểu 06 form gives the Unicode form’s title, commune, window and figures', async () => {
    expect(await stored('legacy/bieu-06-ban-thi-2024-vni.xlsx', 'A6')).toEqual({ value: 'Ñôn vò tính: Soá hoà sô TTHC', font: 'VNI-Times' });
    const doc = await extract('legacy/bieu-06-ban-thi-2024-vni.xlsx');
    const reference = await extract('onestop/bieu-06-ban-thi-2024.xlsx');
    expect(doc.title).toBe('TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT TTHC TẠI CƠ QUAN, ĐƠN VỊ TRỰC TIẾP GIẢI QUYẾT TTHC');
    expect(doc.commune).toMatchObject({ name: 'Bản Thi', unitType: 'xã' });
    expect(byKey(doc.figures)).toEqual(byKey(reference.figures));
    expect(byKey(doc.figures)).toMatchObject({ '7.2.4.received': 196, '7.2.4.online': 61, '7.2.4.direct': 135, '3.3.1.early': 161, '3.3.1.late': 0 });
    const early = doc.figures.find((f) => f.indicatorKey === '3.3.1.early')!;
    expect(early.scope?.window).toEqual({ start: '2023-12-01', end: '2024-11-20', source: 'form' });
    const checks = doc.figures.filter((f) => f.indicatorKey?.includes('.check_'));
    expect(checks).toHaveLength(16);
    expect(checks.every((c) => c.details?.ok === true)).toBe(true);
  });
});
