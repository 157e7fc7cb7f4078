import { describe, expect, it } from 'vitest';
import type { ExtractedFigure } from '../../../src/model/index.js';
import { byKey, extract, extractBytes } from './helpers.js';

// Hand-written dossier lists. Under Nghị định 09/2019 (cut-off day 15) 2024's windows are:
// year 15/12/2023–14/12/2024 (366 days), H1 15/12/2023–14/06/2024 (183), Q1 15/12/2023–14/03/2024 (91),
// Q2 15/03–14/06 (92), Q3 15/06–14/09 (92), 9M 15/12/2023–14/09/2024 (275), H2 15/06–14/12 (183).
const HEADER = 'Mã hồ sơ,Thủ tục,Đơn vị tiếp nhận,Hình thức nộp,Trạng thái,Ngày tiếp nhận,Ngày hẹn trả,Ngày trả kết quả';
const UNIT = 'Xã Tân Lập - Huyện Bắc Sơn - Tỉnh Lạng Sơn';
const csv = (title: readonly string[], rows: readonly string[]) => Buffer.from([...title, HEADER, ...rows.map((r) => r.replace('UNIT', UNIT))].join('\r\n') + '\r\n', 'utf8');

const H1 = csv(
  ['DANH SÁCH HỒ SƠ TIẾP NHẬN', 'Từ ngày 15/12/2023 đến ngày 14/06/2024'],
  [
    'A-1,Khai sinh,UNIT,Trực tuyến,Đã trả kết quả,15/12/2023,18/12/2023,16/12/2023', // Q1, early
    'A-2,Khai sinh,UNIT,Trực tiếp,Đã trả kết quả,10/02/2024,15/02/2024,15/02/2024', // Q1, on the day
    'A-3,Khai sinh,UNIT,Trực tiếp,Đã trả kết quả,10/03/2024,13/03/2024,20/03/2024', // Q1 open (overdue at 14/03), Q2 late
    'A-4,Khai sinh,UNIT,Trực tuyến,Đã trả kết quả,20/03/2024,25/03/2024,28/03/2024', // Q2, late
    'A-5,Khai sinh,UNIT,Trực tiếp,Đang xử lý,01/06/2024,05/06/2024,', // Q2, open and overdue at 14/06
  ],
);

const Q3 = csv(
  ['DANH SÁCH HỒ SƠ TIẾP NHẬN', 'Từ ngày 15/06/2024 đến ngày 14/09/2024'],
  [
    'B-1,Khai sinh,UNIT,Trực tuyến,Đã trả kết quả,15/06/2024,20/06/2024,19/06/2024', // early
    'B-2,Khai sinh,UNIT,Trực tiếp,Đã trả kết quả,02/08/2024,07/08/2024,07/08/2024', // on the day
    'B-3,Khai sinh,UNIT,Trực tiếp,Đang xử lý,12/09/2024,20/09/2024,', // open, within at 14/09
  ],
);

const periodsOf = (figures: readonly ExtractedFigure[]) => [...new Set(figures.map((f) => f.scope?.period?.key))].sort();
const coverageOf = (figures: readonly ExtractedFigure[], key: string) => {
  const f = figures.find((x) => x.scope?.period?.key === key)!;
  return { window: f.scope?.window, coverage_days: f.details?.coverage_days, period_days: f.details?.period_days };
};

describe('a dossier export counts for every reporting period its dossiers reach', () => {
  it('an export of the first half gives full H1, Q1 and Q2 figures, and partial 9M and year figures', async () => {
    const doc = await extractBytes(H1, 'tan-lap-ho-so.csv');
    // The range it states is H1's regulation window: the export is of 2024-H1.
    expect(doc.period?.key).toBe('2024-H1');
    // H2, Q3 and Q4 start after the last day the export lists (14/06): A-5 would be their only dossier.
    expect(periodsOf(doc.figures)).toEqual(['2024', '2024-9M', '2024-H1', '2024-Q1', '2024-Q2']);
    expect(byKey(doc.figures, '2024-H1')).toMatchObject({
      '7.2.4.received': 5, '7.2.4.online': 2, '7.2.4.direct': 3, '7.2.4.carried_over': 0, '7.2.4': 40,
      '3.3.1.resolved': 4, '3.3.1.early': 1, '3.3.1.due_day': 1, '3.3.1.late': 2, '3.3.1': 50,
      '3.3.1.in_progress': 1, '3.3.1.in_progress_overdue': 1,
    });
    expect(coverageOf(doc.figures, '2024-H1')).toEqual({ window: { start: '2023-12-15', end: '2024-06-14', source: 'regulation' }, coverage_days: 183, period_days: 183 });
    expect(byKey(doc.figures, '2024-Q1')).toMatchObject({
      '7.2.4.received': 3, '7.2.4.online': 1, '7.2.4': 33.33, '3.3.1.resolved': 2, '3.3.1': 100, '3.3.1.in_progress_overdue': 1,
    });
    expect(coverageOf(doc.figures, '2024-Q1')).toMatchObject({ coverage_days: 91, period_days: 91 });
    expect(byKey(doc.figures, '2024-Q2')).toMatchObject({
      '7.2.4.received': 3, '7.2.4.new': 2, '7.2.4.carried_over': 1, '7.2.4.online': 1, '3.3.1.resolved': 2, '3.3.1.late': 2, '3.3.1': 0, '3.3.1.in_progress': 1,
    });
    expect(coverageOf(doc.figures, '2024-Q2')).toMatchObject({ coverage_days: 92, period_days: 92 });
    // The year and nine months hold the same dossiers, over 183 of their days.
    expect(byKey(doc.figures, '2024')).toMatchObject({ '7.2.4.received': 5, '7.2.4': 40, '3.3.1.resolved': 4 });
    expect(coverageOf(doc.figures, '2024')).toEqual({ window: { start: '2023-12-15', end: '2024-12-14', source: 'regulation' }, coverage_days: 183, period_days: 366 });
    expect(coverageOf(doc.figures, '2024-9M')).toMatchObject({ coverage_days: 183, period_days: 275 });
  });

  it('an export of a quarter gives that quarter whole, and its half, nine months and year in part', async () => {
    const doc = await extractBytes(Q3, 'tan-lap-ho-so.csv');
    expect(doc.period?.key).toBe('2024-Q3');
    expect(periodsOf(doc.figures)).toEqual(['2024', '2024-9M', '2024-H2', '2024-Q3']);
    expect(byKey(doc.figures, '2024-Q3')).toMatchObject({
      '7.2.4.received': 3, '7.2.4.online': 1, '7.2.4.direct': 2, '7.2.4': 33.33,
      '3.3.1.resolved': 2, '3.3.1.early': 1, '3.3.1.due_day': 1, '3.3.1': 100, '3.3.1.in_progress_within': 1,
    });
    expect(coverageOf(doc.figures, '2024-Q3')).toEqual({ window: { start: '2024-06-15', end: '2024-09-14', source: 'regulation' }, coverage_days: 92, period_days: 92 });
    expect(coverageOf(doc.figures, '2024-H2')).toMatchObject({ coverage_days: 92, period_days: 183 });
    expect(coverageOf(doc.figures, '2024-9M')).toMatchObject({ coverage_days: 92, period_days: 275 });
    expect(coverageOf(doc.figures, '2024')).toMatchObject({ coverage_days: 92, period_days: 366 });
  });

  it('an export that names its period (file name, title line) is bounded by that period, and is of it', async () => {
    // No range above the header: the first dossier is 15/06, the file name says the third quarter.
    const untitled = csv([], ['B-1,Khai sinh,UNIT,Trực tuyến,Đã trả kết quả,20/06/2024,25/06/2024,24/06/2024', 'B-2,Khai sinh,UNIT,Trực tiếp,Đã trả kết quả,02/08/2024,07/08/2024,07/08/2024']);
    const named = await extractBytes(untitled, 'ho-so-quy-iii-2024.csv');
    expect(named.period?.key).toBe('2024-Q3');
    // Q3's window bounds the data: Q3 covered whole although its first dossier is of 20/06; H2 up to 14/09.
    expect(coverageOf(named.figures, '2024-Q3')).toMatchObject({ coverage_days: 92, period_days: 92 });
    expect(coverageOf(named.figures, '2024-H2')).toMatchObject({ coverage_days: 92, period_days: 183 });
    // Unnamed, the data starts at its first dossier and is open-ended: H2 from 20/06 to 14/12.
    const anonymous = await extractBytes(untitled, 'ho-so.csv');
    expect(anonymous.period?.key).toBe('2024');
    expect(coverageOf(anonymous.figures, '2024-Q3')).toMatchObject({ coverage_days: 87, period_days: 92 });
    expect(coverageOf(anonymous.figures, '2024-H2')).toMatchObject({ coverage_days: 178, period_days: 183 });

    const titled = csv(['DANH SÁCH HỒ SƠ TIẾP NHẬN 6 THÁNG ĐẦU NĂM 2024'], ['A-1,Khai sinh,UNIT,Trực tuyến,Đã trả kết quả,03/01/2024,08/01/2024,06/01/2024']);
    const h1 = await extractBytes(titled, 'ho-so.csv');
    expect(h1.period?.key).toBe('2024-H1');
    expect(periodsOf(h1.figures)).toEqual(['2024', '2024-9M', '2024-H1', '2024-Q1']);
    expect(coverageOf(h1.figures, '2024-H1')).toMatchObject({ coverage_days: 183, period_days: 183 });
  });

  it('the caller’s period still gives that period only', async () => {
    const doc = await extractBytes(H1, 'tan-lap-ho-so.csv', { period: '2024-Q2' });
    expect(periodsOf(doc.figures)).toEqual(['2024-Q2']);
    expect(doc.period?.key).toBe('2024-Q2');
    expect(byKey(doc.figures, '2024-Q2')).toMatchObject({ '7.2.4.received': 3, '7.2.4.carried_over': 1 });
  });
});

// fixtures/source/onestop-periods/half-export.yaml: phường Quang Trung, one dossier every 7 days from
// 15/12/2024 to 08/06/2025 (26), the first 10 online, 20 early, 4 late, the last 2 open; its title
// lines state 15/12/2024–14/06/2025, 2025-H1's regulation window (182 days; 2025 has 365, its 9M 274).
describe('a generated first-half export of another year and province', () => {
  it('gives 2025-H1, Q1 and Q2 whole and the year in part', async () => {
    const doc = await extract('onestop/quang-trung-2025-h1-dossiers.csv');
    expect(doc.period?.key).toBe('2025-H1');
    expect(periodsOf(doc.figures)).toEqual(['2025', '2025-9M', '2025-H1', '2025-Q1', '2025-Q2']);
    // Q1 (15/12/2024–14/03/2025) holds the first 13 dossiers: the 10 online ones, all finished early.
    expect(byKey(doc.figures, '2025-Q1')).toMatchObject({ '7.2.4.received': 13, '7.2.4.online': 10, '7.2.4': 76.92, '3.3.1.resolved': 13, '3.3.1.early': 13, '3.3.1': 100, '3.3.1.in_progress': 0 });
    // Q2: 13 direct; 7 early, 4 late (the last finished 01/06), 2 open past their promised days (06/06, 13/06).
    expect(byKey(doc.figures, '2025-Q2')).toMatchObject({ '7.2.4.received': 13, '7.2.4.online': 0, '3.3.1.resolved': 11, '3.3.1.early': 7, '3.3.1.late': 4, '3.3.1': 63.64, '3.3.1.in_progress_overdue': 2 });
    expect(byKey(doc.figures, '2025-H1')).toMatchObject({ '7.2.4.received': 26, '7.2.4.online': 10, '7.2.4': 38.46, '3.3.1.resolved': 24, '3.3.1': 83.33, '3.3.1.in_progress_overdue': 2 });
    expect(coverageOf(doc.figures, '2025-H1')).toEqual({ window: { start: '2024-12-15', end: '2025-06-14', source: 'regulation' }, coverage_days: 182, period_days: 182 });
    expect(coverageOf(doc.figures, '2025-9M')).toMatchObject({ coverage_days: 182, period_days: 274 });
    expect(coverageOf(doc.figures, '2025')).toMatchObject({ coverage_days: 182, period_days: 365 });
  });
});
