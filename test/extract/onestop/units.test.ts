import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { RejectedInput } from '../../../src/extract/index.js';
import { byKey, extractBytes } from './helpers.js';

describe('one-stop exports covering several units', () => {
  it('derives figures per unit, each with its own commune clues', async () => {
    const csv = [
      'Mã hồ sơ;Địa bàn phát sinh hồ sơ;Kênh tiếp nhận;Trạng thái;Ngày tiếp nhận;Hạn xử lý;Ngày hoàn thành',
      'A-1;Xã Bản Thi - Huyện Chợ Đồn - Tỉnh Bắc Kạn;2;done;02/01/2024;05/01/2024;04/01/2024',
      'A-2;Xã Bản Thi - Huyện Chợ Đồn - Tỉnh Bắc Kạn;1;done;02/01/2024;05/01/2024;08/01/2024',
      'B-1;Xã Yên Thịnh - Huyện Chợ Đồn - Tỉnh Bắc Kạn;1;CHO_BO_SUNG;03/01/2024;05/01/2024;',
      'B-2;Xã Yên Thịnh - Huyện Chợ Đồn - Tỉnh Bắc Kạn;3;Đang xử lý;03/01/2024;05/01/2024;',
    ].join('\n');
    const doc = await extractBytes(Buffer.from(csv, 'utf8'), 'district.csv', { period: '2024-Q1' });
    expect(doc.commune.name).toBeUndefined();
    const units = [...new Set(doc.figures.map((f) => JSON.stringify(f.scope?.commune)))].map((s) => JSON.parse(s));
    expect(units).toEqual([
      { hints: ['Xã Bản Thi - Huyện Chợ Đồn - Tỉnh Bắc Kạn'], unitType: 'xã', name: 'Bản Thi', district: 'Chợ Đồn', province: 'Bắc Kạn' },
      { hints: ['Xã Yên Thịnh - Huyện Chợ Đồn - Tỉnh Bắc Kạn'], unitType: 'xã', name: 'Yên Thịnh', district: 'Chợ Đồn', province: 'Bắc Kạn' },
    ]);
    const bt = byKey(doc.figures.filter((f) => f.scope?.commune?.name === 'Bản Thi'));
    expect(bt).toMatchObject({ '7.2.4.received': 2, '7.2.4.online': 1, '3.3.1.early': 1, '3.3.1.late': 1, '3.3.1': 50, '7.2.4': 50 });
    const yt = byKey(doc.figures.filter((f) => f.scope?.commune?.name === 'Yên Thịnh'));
    // 2024-Q1 ends 14/03/2024: the processing dossier is past its 05/01 deadline, the one waiting for
    // supplements is within it by rule.
    expect(yt).toMatchObject({ '7.2.4.received': 2, '7.2.4.direct': 2, '3.3.1.resolved': 0, '3.3.1.in_progress_within': 1, '3.3.1.in_progress_overdue': 1 });
    expect(byKey(doc.figures)['3.3.1']).toBe(50);
    expect(yt['3.3.1']).toBeUndefined(); // no rate without a resolved dossier
  });

  it('a workbook that is neither an appendix nor a one-stop export is rejected with both reasons', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1').addRow(['Họ tên', 'Ngày sinh', 'Quê quán']);
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    await expect(extractBytes(bytes, 'other.xlsx')).rejects.toThrow(RejectedInput);
    await expect(extractBytes(bytes, 'other.xlsx')).rejects.toThrow(/^workbook holds neither a CCHC appendix table nor a one-stop export: .*; sheet "Sheet1": no header row in the first 30 rows: looked for dossier columns such as Mã hồ sơ/);
  });
});

describe('doubtful rows', () => {
  it('a finish date before the received date is reported and counted by its dates', async () => {
    const csv = 'Mã hồ sơ,Hình thức nộp,Trạng thái,Ngày nhận,Ngày hẹn trả,Ngày trả kết quả\nX-1,Trực tiếp,Đã trả kết quả,10/01/2024,15/01/2024,09/01/2024\n';
    const doc = await extractBytes(Buffer.from(csv), 'order.csv', { period: '2024' });
    expect(doc.warnings).toEqual([{ where: 'line 2', message: 'finished 2024-01-09 before it was received 2024-01-10: counted by its dates' }]);
    expect(byKey(doc.figures)['3.3.1.early']).toBe(1);
  });
});
