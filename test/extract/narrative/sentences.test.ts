import { describe, expect, it } from 'vitest';
import { extractNarrative, splitSentences } from '../../../src/extract/narrative/index.js';
import { extractText, raws, unmapped } from './helpers.js';

describe('sentences and provenance', () => {
  it('a sentence that runs over a page break: the figure has the page it is printed on, the quote the whole sentence', () => {
    const figures = extractNarrative([
      { page: 3, text: 'Kết quả giải quyết hồ sơ.\nTổng số hồ sơ TTHC đã tiếp nhận' },
      { page: 4, text: '196 hồ sơ (trong đó có 161 hồ sơ trả kết quả sớm hạn,\n35 hồ sơ trả kết quả đúng hạn).' },
    ]);
    expect(figures.map((f) => [f.indicatorKey, f.raw, f.provenance.page])).toEqual([
      ['7.2.4.received', '196', 4],
      ['3.3.1.early', '161', 4],
      ['3.3.1.due_day', '35', 4],
    ]);
    expect(figures[0]!.provenance.quote).toBe(
      'Tổng số hồ sơ TTHC đã tiếp nhận 196 hồ sơ (trong đó có 161 hồ sơ trả kết quả sớm hạn, 35 hồ sơ trả kết quả đúng hạn).',
    );
  });

  it('joins a line broken by a blank line when the next one continues in lower case', () => {
    const s = splitSentences([{ page: 1, text: 'UBND xã ban hành văn bản chỉ đạo thực hiện kỷ luật, kỷ\n\ncương hành chính. 100% cán bộ chấp hành.' }], { end: [] });
    expect(s.map((x) => x.text)).toEqual(['UBND xã ban hành văn bản chỉ đạo thực hiện kỷ luật, kỷ cương hành chính.', '100% cán bộ chấp hành.']);
  });

  it('starts a new sentence at list bullets and headings, and leaves the marker out of the quote', () => {
    const text = 'II. KẾT QUẢ THỰC HIỆN\n+) Tổng số hồ sơ TTHC đã tiếp nhận 196 hồ sơ\n4. UBND cử 05 cán bộ tham gia các lớp bồi dưỡng';
    const figures = extractText(text);
    expect(figures.map((f) => [f.raw, f.provenance.quote])).toEqual([
      ['196', 'Tổng số hồ sơ TTHC đã tiếp nhận 196 hồ sơ'],
      ['05', 'UBND cử 05 cán bộ tham gia các lớp bồi dưỡng'],
    ]);
  });

  it('does not split after an abbreviation or an initial', () => {
    const s = splitSentences([{ page: 1, text: 'Đoàn công tác của TP. Bắc Kạn làm việc với ông Nguyễn V. An tại xã.' }], { end: [] });
    expect(s).toHaveLength(1);
  });

  it('stops at the signature block and the appendix', () => {
    const figures = extractNarrative([
      { page: 1, text: 'Tổng số hồ sơ tiếp nhận là 312.\nNơi nhận:\n- Phòng Nội vụ huyện;\n- Lưu: VP' },
      { page: 2, text: 'Phụ lục II\n1.1\tSố văn bản chỉ đạo CCHC đã ban hành\tVăn bản\t13' },
    ]);
    expect(figures.map((f) => f.raw)).toEqual(['312']);
  });

  it('keeps a number alone on a line inside a page: only the first and last lines can be page numbers', () => {
    const figures = extractNarrative([{ page: 2, text: '2\nTổng số hồ sơ TTHC đã tiếp nhận là\n312\nGhi chú cuối trang.\n- 2 -' }]);
    expect(figures.map((f) => [f.indicatorKey, f.raw])).toEqual([['7.2.4.received', '312']]);
  });

  it("reads Word's symbol-font bullets as list markers", () => {
    const figures = extractText('\uF0B7 Tổng số hồ sơ tiếp nhận là 312.\n\uF0D8 Đã giải quyết xong 300 hồ sơ.');
    expect(figures.map((f) => [f.raw, f.provenance.quote])).toEqual([
      ['312', 'Tổng số hồ sơ tiếp nhận là 312.'],
      ['300', 'Đã giải quyết xong 300 hồ sơ.'],
    ]);
  });

  it('drops page-number lines and reads NFD, non-breaking and zero-width spaces', () => {
    const text = 'Trang 2\n' + 'Đã tiếp nhận\u00a0312 hồ\u200b sơ.'.normalize('NFD') + '\n- 3 -';
    const figures = extractText(text);
    expect(figures.map((f) => [f.indicatorKey, f.raw])).toEqual([['7.2.4.received', '312']]);
    expect(figures[0]!.provenance.quote).toBe('Đã tiếp nhận 312 hồ sơ.');
  });
});

describe('unmapped numbers', () => {
  it('are kept with a few words around them and the sentence', () => {
    const figures = extractText('UBND xã chỉ đạo và phân công 04 công chức chuyên môn duy trì trực thường xuyên, diện tích 36m².');
    expect(figures.map((f) => [f.indicatorKey, f.raw, f.rowLabel])).toEqual([
      [undefined, '04', 'đạo và phân công 04 công chức chuyên môn'],
      [undefined, '36', 'thường xuyên, diện tích 36m²'],
    ]);
    expect(figures[0]!.provenance).toEqual({
      page: 1,
      quote: 'UBND xã chỉ đạo và phân công 04 công chức chuyên môn duy trì trực thường xuyên, diện tích 36m².',
    });
  });

  it('keep a percentage and an amount whole; a fraction gives its two sides', () => {
    const figures = unmapped(extractText('Có 09 công chức chuyên môn/06 chức danh, 7/9 người đạt 77,8%, kinh phí 28.800.000 đồng.'));
    expect(figures.map((f) => [f.raw, f.unit])).toEqual([
      ['09', undefined],
      ['06', undefined],
      ['7', undefined],
      ['9', undefined],
      ['77,8%', '%'],
      ['28.800.000 đồng', 'đồng'],
    ]);
  });

  const notFigures: [string, string][] = [
    ['dates', 'Kế hoạch ngày 30/01/2024 và ngày 4/7/2023, báo cáo ngày /11/2024.'],
    ['a date in words', 'Bản Thi, ngày 20 tháng 11 năm 2024'],
    ['years and ranges', 'Nghị quyết giai đoạn 2021-2030, kế hoạch năm 2025, nhiệm kỳ 2021 - 2026.'],
    ['document numbers', 'Quyết định số 20/KH-UBND, văn bản số 2250/UBND-VP, Nghị định số 09/2019/NĐ-CP, Quyết định 16/2020/QĐ-UBND.'],
    ['legal references without a slash', 'Nghị quyết 76 của Chính phủ; Điều 12 Nghị định; Luật số 15; kế hoạch số 18.'],
    ['phone numbers', 'Đường dây nóng 0209 3882 123, di động 0912.345.678, hoặc +84 912 345 678.'],
    ['section and criterion numbers', 'Theo mục 2.1 và tiêu chí 3 của bộ chỉ số, chỉ tiêu 1.4.1 của biểu.'],
    ['weekdays and online-service levels', 'Phát vào thứ 3, thứ 5 hàng tuần; DVCTT mức độ 3 và 4.'],
    ['period lengths', 'Báo cáo định kỳ (quý, 6 tháng, năm) và 9 tháng đầu năm.'],
  ];
  for (const [what, sentence] of notFigures) {
    it(`skip ${what}`, () => {
      expect(extractText(sentence).map((f) => f.raw)).toEqual([]);
    });
  }

  it('a skipped reference does not hide the figures beside it', () => {
    const figures = extractText('Theo Kế hoạch số 366/KH-UBND ngày 28/5/2024, tỷ lệ giao 30%, xã đã tiếp nhận 45 hồ sơ.');
    expect(figures.map((f) => [f.indicatorKey, f.raw])).toEqual([
      [undefined, '30%'],
      ['7.2.4.received', '45'],
    ]);
    expect(raws(figures, '7.2.4.received')).toEqual(['45']);
  });
});

describe('hostile text', () => {
  // No timing assertion (timings are the benchmarks' business): a pattern that backtracks
  // exponentially on this input runs for minutes and trips the per-test timeout below.
  it('a very long unpunctuated paragraph full of numbers is read whole (no runaway backtracking)', { timeout: 20_000 }, () => {
    const words = Array.from({ length: 4000 }, (_, i) => (i % 7 === 0 ? `${i}/${i + 1}` : i % 5 === 0 ? `${i},5%` : 'tiếp nhận hồ sơ thu ngân sách'));
    const figures = extractText(words.join(' '));
    expect(figures.length).toBeGreaterThan(1000);
  });
});
