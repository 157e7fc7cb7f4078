import { describe, expect, it } from 'vitest';
import { parsePeriodKey, readDocumentHeader, regulationWindow } from '../../src/normalize/index.js';

describe('readDocumentHeader', () => {
  it('reads commune, period and stated window from a report opening', () => {
    const lines = [
      'Bản Thi, ngày tháng 11 năm 2024',
      'BÁO CÁO',
      'Công tác cải cách hành chính năm 2024',
      'Ủy ban nhân dân (UBND) xã Bản Thi báo cáo kết quả thực hiện công tác cải cách hành chính năm 2024 với các nội dung cụ thể như sau (số liệu tính từ ngày 01/12/2023 ước thực hiện đến ngày 20/11/2024):',
      'tại địa chỉ (http://banthi.chodon.backan.gov.vn)',
    ];
    const h = readDocumentHeader(lines, 'inbox/bao-cao.pdf');
    expect(h.title).toBe('BÁO CÁO Công tác cải cách hành chính năm 2024');
    expect(h.commune).toMatchObject({ name: 'Bản Thi', unitType: 'xã' });
    expect(h.commune.hints).toContain('banthi.chodon.backan.gov.vn');
    expect(h.period).toEqual({ key: '2024', kind: 'year', year: 2024, number: null });
    expect(h.window).toEqual({
      start: '2023-12-01',
      end: '2024-11-20',
      estimate: true,
      quote: 'số liệu tính từ ngày 01/12/2023 ước thực hiện đến ngày 20/11/2024',
    });
  });

  it.each([
    ['BÁO CÁO CÔNG TÁC CCHC 6 THÁNG ĐẦU NĂM 2023', '2023-H1'],
    ['Báo cáo kết quả CCHC 6 tháng cuối năm 2022', '2022-H2'],
    ['BIỂU THỐNG KÊ SỐ LIỆU CCHC QUÝ III NĂM 2021', '2021-Q3'],
    ['Báo cáo CCHC quý 1 năm 2020', '2020-Q1'],
    ['Báo cáo công tác cải cách hành chính 9 tháng năm 2024', '2024-9M'],
    ['BÁO CÁO Công tác cải cách hành chính năm 2019', '2019'],
  ])('period of "%s" is %s', (title, key) => {
    expect(readDocumentHeader([title], 'x.xlsx').period?.key).toBe(key);
  });

  it('falls back to the file name for the period', () => {
    expect(readDocumentHeader(['Phụ lục'], 'inbox/phu-luc-2022-q4.xlsx').period?.key).toBe('2022-Q4');
    expect(readDocumentHeader(['Phụ lục'], 'inbox/phu-luc.xlsx').period).toBeUndefined();
  });

  it('reads all-caps unit names and district', () => {
    const h = readDocumentHeader(['UBND HUYỆN CHỢ ĐỒN', 'ỦY BAN NHÂN DÂN XÃ BẢN THI'], 'a.xlsx');
    expect(h.commune).toMatchObject({ name: 'Bản Thi', unitType: 'xã', district: 'Chợ Đồn' });
  });
});

describe('regulation windows (Nghị định 09/2019/NĐ-CP, Article 12)', () => {
  it.each([
    ['2024', '2023-12-15', '2024-12-14'],
    ['2024-H1', '2023-12-15', '2024-06-14'],
    ['2024-H2', '2024-06-15', '2024-12-14'],
    ['2024-Q1', '2023-12-15', '2024-03-14'],
    ['2024-Q3', '2024-06-15', '2024-09-14'],
    ['2024-9M', '2023-12-15', '2024-09-14'],
  ])('%s runs %s … %s', (key, start, end) => {
    expect(regulationWindow(parsePeriodKey(key)!)).toEqual({ start, end });
  });

  it('rejects what is not a period key', () => {
    expect(parsePeriodKey('2024-Q5')).toBeUndefined();
    expect(parsePeriodKey('năm 2024')).toBeUndefined();
  });
});
