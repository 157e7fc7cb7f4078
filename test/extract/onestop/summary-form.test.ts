import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { byKey, extract, extractBytes, fixture } from './helpers.js';

describe('Biểu số 06/VPCP/KSTT summary form', () => {
  it('reads the total row into the 7.2.4 and 3.3.1 indicators, with the form window and unit', async () => {
    const doc = await extract('onestop/bieu-06-ban-thi-2024.xlsx');
    expect(doc.kind).toBe('onestop');
    expect(doc.title).toBe('TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT TTHC TẠI CƠ QUAN, ĐƠN VỊ TRỰC TIẾP GIẢI QUYẾT TTHC');
    expect(doc.commune).toMatchObject({ name: 'Bản Thi', unitType: 'xã' });
    expect(doc.period?.key).toBe('2024');
    expect(byKey(doc.figures)).toMatchObject({
      '7.2.4.received': 196,
      '7.2.4.online': 61,
      '7.2.4.direct': 135,
      '7.2.4.carried_over': 0,
      '7.2.4.new': 196,
      '7.2.4': 31.12,
      '3.3.1.resolved': 196,
      '3.3.1.early': 161,
      '3.3.1.due_day': 35,
      '3.3.1.late': 0,
      '3.3.1.on_time': 196,
      '3.3.1': 100,
      '3.3.1.in_progress': 0,
    });
    const early = doc.figures.find((f) => f.indicatorKey === '3.3.1.early')!;
    expect(early.provenance).toMatchObject({ sheet: 'Biểu 06', cell: 'H15' });
    expect(early.scope?.window).toEqual({ start: '2023-12-01', end: '2024-11-20', source: 'form' });
  });

  it('checks the identities on the total row and every field row, and the total against the fields', async () => {
    const doc = await extract('onestop/bieu-06-ban-thi-2024.xlsx');
    const checks = doc.figures.filter((f) => f.indicatorKey?.includes('.check_'));
    // 3 identities × (total + 4 field rows) + the total-versus-fields check.
    expect(checks).toHaveLength(16);
    expect(checks.every((c) => c.details?.ok === true && c.raw === 'true' && c.number === 1)).toBe(true);
    expect(checks[0]!.details).toMatchObject({ identity: expect.stringContaining('(3) = (4) + (5) + (6)'), left: 196, right: 196, row_label: 'Tổng cộng' });
  });

  it('reports a broken identity as a false check, naming both sides', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(fixture('onestop/bieu-06-ban-thi-2024.xlsx')) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    ws.getCell('D15').value = 60; // online on the total row: 60 + 135 + 0 ≠ 196
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    const doc = await extractBytes(bytes, 'bieu-06-broken.xlsx');
    const received = doc.figures.find((f) => f.indicatorKey === '7.2.4.check_received')!;
    expect(received.details).toMatchObject({ ok: false, left: 196, right: 195 });
    expect(received.number).toBe(0);
    const fields = doc.figures.find((f) => f.indicatorKey === '3.3.1.check_fields_total')!;
    expect(fields.details).toMatchObject({ ok: false, columns_differing: [4] });
  });
});
