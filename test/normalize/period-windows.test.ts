import { describe, expect, it } from 'vitest';
import { isAppendixTitle, parsePeriodKey, periodsOfYear, readPeriod, readWindow, regulationWindow } from '../../src/normalize/index.js';

describe('window phrases (catalog/document-header.yaml `windows`), for reports and forms alike', () => {
  it.each([
    ['số liệu tính từ ngày 01/12/2023 ước thực hiện đến ngày 20/11/2024', { start: '2023-12-01', end: '2024-11-20', estimate: true }],
    ['Kỳ báo cáo: Quý I năm 2025 (Từ ngày 01/01/2025 đến hết ngày 31/3/2025)', { start: '2025-01-01', end: '2025-03-31', estimate: false }],
    ['Thời gian lấy số liệu: từ 01/7/2025 đến 31/12/2025', { start: '2025-07-01', end: '2025-12-31', estimate: false }],
    ['(Số liệu tính đến ngày 14/6/2025)', { end: '2025-06-14', estimate: false }],
    ['SỐ LIỆU ĐẾN HẾT NGÀY 30/9/2024', { end: '2024-09-30', estimate: false }],
  ])('%s', (line, window) => {
    expect(readWindow([line])).toMatchObject(window);
    if (!('start' in window)) expect(readWindow([line])?.start).toBeUndefined();
  });

  it('quotes the phrase as printed, from its parentheses', () => {
    expect(readWindow(['Kỳ báo cáo: 6 tháng đầu năm 2024 (Từ ngày 01/01/2024 đến hết ngày 30/6/2024)'])?.quote).toBe('Từ ngày 01/01/2024 đến hết ngày 30/6/2024');
  });

  it('reads no window from a day that does not exist or a window that ends before it starts', () => {
    expect(readWindow(['từ ngày 31/02/2024 đến ngày 14/03/2024'])).toBeUndefined();
    expect(readWindow(['từ ngày 15/06/2024 đến ngày 14/03/2024'])).toBeUndefined();
  });
});

describe('readPeriod', () => {
  it.each([
    [['Biểu số II.06a/VPCP/KSTT (Ban hành kèm theo Thông tư số 01/2020/TT-VPCP)', 'Kỳ báo cáo: Quý III năm 2024 (Từ ngày 15/6/2024 đến ngày 14/9/2024)'], '2024-Q3'],
    [['Kỳ báo cáo: 9 tháng năm 2023 (Số liệu tính đến ngày 14/9/2023)'], '2023-9M'],
    [['Kỳ báo cáo: 6 tháng năm 2025'], '2025-H1'],
    [['Kỳ báo cáo: Quý I/2025'], '2025-Q1'],
    [['Kỳ báo cáo: 6 tháng cuối năm 2024'], '2024-H2'],
    // The window's dates come first on the line; the period's year is the one after "năm".
    [['Kỳ báo cáo: từ ngày 15/12/2024 đến ngày 14/6/2025 (6 tháng đầu năm 2025)'], '2025-H1'],
  ])('%j is %s', (lines, key) => {
    const kyBaoCao = lines.filter((l) => l.startsWith('Kỳ'));
    expect(readPeriod(kyBaoCao)?.key).toBe(key);
  });

  it('falls back to the file name', () => {
    expect(readPeriod(['Đơn vị tính: hồ sơ'], 'inbox/bieu-06-2025-q2.xlsx')?.key).toBe('2025-Q2');
  });
});

describe('appendix titles', () => {
  it.each([
    ['Phụ lục II', true],
    ['PHỤ LỤC', true],
    ['Phụ lục số 02', true],
    ['Nội dung phụ lục II', false],
  ])('%s: %s', (line, yes) => expect(isAppendixTitle(line)).toBe(yes));
});

describe('regulation windows with another cut-off day', () => {
  it.each([
    ['2024', 20, '2023-12-20', '2024-12-19'],
    ['2024-Q1', 1, '2023-12-01', '2024-02-29'],
    ['2025-H2', 10, '2025-06-10', '2025-12-09'],
  ])('%s from day %i runs %s … %s', (key, day, start, end) => {
    expect(regulationWindow(parsePeriodKey(key)!, day)).toEqual({ start, end });
  });
});

describe('months, and dates that are not periods', () => {
  it.each([
    [['BÁO CÁO', 'Kết quả công tác cải cách hành chính tháng 10 năm 2024'], '2024-M10'],
    [['Báo cáo CCHC tháng 3/2025'], '2025-M03'],
    // A date on a title line is the document's date, not its period.
    [['Báo cáo số 12/BC-UBND ngày 10/06/2024'], undefined],
    [['Báo cáo số 45/BC-UBND ngày 18 tháng 11 năm 2024'], undefined],
    // A line citing another document: its month and year are that document's date, with or without a day.
    [['(Kèm theo Báo cáo số …/BC-UBND ngày … tháng 11 năm 2024 của UBND xã Yên Thịnh)'], undefined],
    [['Kèm theo Báo cáo … tháng 11 năm 2024'], undefined],
    // …but a period it names still counts, and the appendix title before it wins.
    [['(Kèm theo Báo cáo kết quả CCHC quý III năm 2024 của UBND xã Hoàng Khai)'], '2024-Q3'],
    [['(Kèm theo Báo cáo số 45/BC-UBND ngày 18 tháng 11 năm 2024)', 'BIỂU THỐNG KÊ KẾT QUẢ CCHC 6 THÁNG ĐẦU NĂM 2024'], '2024-H1'],
    // The end of a window in months is not a monthly period.
    [['Báo cáo CCHC năm 2024 (số liệu tính đến tháng 11 năm 2024)'], '2024'],
  ])('%j is %s', (lines, key) => {
    expect(readPeriod(lines)?.key).toBe(key);
  });

  it('reads a month from a file name and gives it the regulation window (15th of the month before to the 14th)', () => {
    const m = readPeriod([], 'inbox/bao-cao-cchc-thang-10-2024.pdf')!;
    expect(m).toEqual({ key: '2024-M10', kind: 'month', year: 2024, number: 10 });
    expect(regulationWindow(m)).toEqual({ start: '2024-09-15', end: '2024-10-14' });
    expect(regulationWindow(parsePeriodKey('2025-M01')!)).toEqual({ start: '2024-12-15', end: '2025-01-14' });
  });

  it('reads no period from the day a file was made', () => {
    expect(readPeriod([], 'inbox/ho-so-2024-12-01.csv')).toBeUndefined();
    expect(readPeriod([], 'inbox/ho-so-quy-iii-2024-xuat-2024-10-02.csv')?.key).toBe('2024-Q3');
  });
});

describe('periods of a year, from the one definition of period kinds', () => {
  it('lists a year’s periods of the given kinds in order', () => {
    expect(periodsOfYear(2024, ['year', 'half', 'quarter', 'nine_months']).map((p) => p.key)).toEqual(['2024', '2024-H1', '2024-H2', '2024-Q1', '2024-Q2', '2024-Q3', '2024-Q4', '2024-9M']);
    expect(periodsOfYear(2025, ['month']).map((p) => p.key)).toEqual(Array.from({ length: 12 }, (_, i) => `2025-M${String(i + 1).padStart(2, '0')}`));
  });

  it('gives every kind its Nghị định 09 window', () => {
    const windows = Object.fromEntries(periodsOfYear(2024, ['half', 'quarter', 'nine_months']).map((p) => [p.key, regulationWindow(p)]));
    expect(windows).toEqual({
      '2024-H1': { start: '2023-12-15', end: '2024-06-14' },
      '2024-H2': { start: '2024-06-15', end: '2024-12-14' },
      '2024-Q1': { start: '2023-12-15', end: '2024-03-14' },
      '2024-Q2': { start: '2024-03-15', end: '2024-06-14' },
      '2024-Q3': { start: '2024-06-15', end: '2024-09-14' },
      '2024-Q4': { start: '2024-09-15', end: '2024-12-14' },
      '2024-9M': { start: '2023-12-15', end: '2024-09-14' },
    });
  });
});
