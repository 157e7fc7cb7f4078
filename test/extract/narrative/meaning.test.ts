import { describe, expect, it } from 'vitest';
import { extractNarrative, pagesOfTextLines } from '../../../src/extract/narrative/index.js';
import type { ExtractedFigure } from '../../../src/model/index.js';
import { values } from './helpers.js';

// Sentences written for these tests, in the ways commune offices phrase their figures.
const read = (lines: string[]): ExtractedFigure[] => extractNarrative(pagesOfTextLines(lines));
const under = (heading: string, text: string) => read([heading, text]);
const TTHC = 'II.2. Cải cách thủ tục hành chính';


describe('word orders: the same fact however it is phrased', () => {
  it.each([
    'Trong quý, xã tiếp nhận 230 hồ sơ.',
    'Số hồ sơ tiếp nhận trong quý: 230.',
    '230 hồ sơ đã được tiếp nhận trong quý.',
    'Bộ phận một cửa đã tiếp nhận tổng cộng 230 hồ sơ của tổ chức, công dân.',
  ])('%s → 7.2.4.received = 230', (sentence) => {
    expect(values(under(TTHC, sentence))).toEqual({ '7.2.4.received': 230 });
  });
});

describe('lists are read as lists, in order', () => {
  it('"trong đó: trước hạn …, đúng hạn …, quá hạn …" gives three keys after the total', () => {
    expect(values(under(TTHC, 'Đã giải quyết 226 hồ sơ, trong đó: trước hạn 180, đúng hạn 40, quá hạn 6.'))).toEqual({
      '3.3.1.resolved': 226,
      '3.3.1.early': 180,
      '3.3.1.due_day': 40,
      '3.3.1.late': 6,
    });
  });

  it('a bracket breaks down the number before it', () => {
    expect(values(under(TTHC, 'Tổng số hồ sơ tiếp nhận: 640 hồ sơ (trực tuyến 410, trực tiếp 230).'))).toEqual({
      '7.2.4.received': 640,
      '7.2.4.online': 410,
      '7.2.4.direct': 230,
    });
  });

  it('a part of a total in its own measure word keeps no key', () => {
    const figures = under('I.1. Về xây dựng, triển khai kế hoạch CCHC', 'UBND xã ban hành 14 văn bản chỉ đạo, điều hành về CCHC, gồm 02 kế hoạch và 12 công văn.');
    expect(values(figures)).toEqual({ '1.1': 14 });
  });
});

describe('synonyms and abbreviations from the lexicon', () => {
  it('HS, sớm hẹn, trễ hẹn', () => {
    expect(values(under(TTHC, 'Tổng số HS đã giải quyết: 226; trong đó sớm hẹn 180 HS, trễ hẹn 6 HS.'))).toMatchObject({
      '3.3.1.early': 180,
      '3.3.1.late': 6,
    });
  });

  it('mức độ 3 ≡ một phần, mức độ 4 ≡ toàn trình; the level digit is no figure', () => {
    const figures = under('II.6. Hiện đại hóa hành chính', 'Năm 2020, xã cung cấp 14 dịch vụ công trực tuyến mức độ 3 và 5 dịch vụ công trực tuyến mức độ 4.');
    expect(values(figures)).toEqual({ '7.2.1.provided': 14, '7.2.2.provided': 5 });
    expect(figures.filter((f) => !f.indicatorKey).map((f) => f.raw)).not.toContain('3');
  });

  it('PAKN, VBQPPL', () => {
    expect(values(under(TTHC, 'Trong năm tiếp nhận 03 PAKN về quy định hành chính, đã giải quyết xong 03 PAKN.'))).toEqual({ '3.4.1': 3, '3.4.2': 3 });
    expect(values(under('II.1. Cải cách thể chế', 'Đã rà soát 07 VBQPPL thuộc thẩm quyền.'))).toEqual({ '2.3.1': 7 });
  });
});

describe('zero in words and yes/no', () => {
  it('"không có hồ sơ … quá hạn" → 3.3.1.late = 0', () => {
    const figures = under(TTHC, 'Trong quý không có hồ sơ giải quyết quá hạn.');
    expect(values(figures)).toEqual({ '3.3.1.late': 0 });
    expect(figures[0]!.raw).toBe('không có hồ sơ giải quyết quá hạn');
  });

  it('"không phát sinh PAKN" → 3.4.1 = 0; "không ban hành VBQPPL" → 2.1 = 0', () => {
    expect(values(under(TTHC, 'Trong 6 tháng đầu năm, đơn vị không phát sinh PAKN về quy định hành chính.'))).toEqual({ '3.4.1': 0 });
    expect(values(under('II.1. Cải cách thể chế', 'Năm 2025 xã không ban hành VBQPPL.'))).toEqual({ '2.1': 0 });
  });

  it('"chưa tổ chức đối thoại" → 1.6 = false', () => {
    expect(values(under('I.4. Khảo sát sự hài lòng; đối thoại với Nhân dân', 'Trong kỳ, UBND xã chưa tổ chức đối thoại với người dân.'))).toEqual({ '1.6': false });
  });

  it('a negated state that counts nothing is no zero ("chưa hoàn thành")', () => {
    expect(values(under('I.1. Về xây dựng, triển khai kế hoạch CCHC', 'Một số nội dung chưa hoàn thành do thiếu kinh phí.'))).toEqual({});
  });
});

describe('x/x, rates and approximations', () => {
  it('"a/b hồ sơ" gives the numerator and the denominator, the percentage beside it the rate', () => {
    expect(values(under(TTHC, 'Đã giải quyết đúng hạn 1.205/1.205 hồ sơ, đạt 100%.'))).toEqual({
      '3.3.1.on_time': 1205,
      '3.3.1.resolved': 1205,
      '3.3.1': 100,
    });
  });

  it('a dot decimal with a space before the percent sign', () => {
    expect(values(under(TTHC, 'Tỷ lệ hồ sơ được giải quyết đúng hạn đạt 97.25 %.'))).toEqual({ '3.3.1': 97.25 });
  });

  it('"hơn 620 lượt người nghe" keeps the printed number', () => {
    expect(values(under('I.2. Công tác thông tin, tuyên truyền CCHC', 'Tổ chức 7 buổi tuyên truyền, thu hút hơn 620 lượt người nghe.'))).toEqual({
      '1.communication.sessions': 7,
      '1.communication.listeners': 620,
    });
  });

  it('money in đồng whatever the printed unit', () => {
    expect(values(under('II.5. Cải cách tài chính công', 'Giải ngân vốn đầu tư công 850 triệu đồng/1.000 triệu đồng, đạt 85%.'))).toEqual({
      '6.1.2': 850_000_000,
      '6.1.1': 1_000_000_000,
      '6.1': 85,
    });
  });
});

describe('subjects and sections', () => {
  it('a bracket naming cán bộ and công chức makes a count of both together', () => {
    const figures = under('II.3. Cải cách tổ chức bộ máy hành chính nhà nước', 'Hiện có mặt 17 người (cán bộ 8, công chức 9).');
    expect(values(figures)['4.staff.present']).toBe(17);
    expect(values(figures)['4.2.part_time.present']).toBeUndefined();
  });

  it('tasks of UBND huyện take the district sub-rows', () => {
    expect(values(under('I.3. Thực hiện nhiệm vụ được UBND tỉnh, UBND huyện giao', 'UBND huyện giao 8 nhiệm vụ, xã đã hoàn thành đúng hạn 7 nhiệm vụ.'))).toEqual({
      '1.4.1.district': 8,
      '1.4.2.district': 7,
    });
  });

  it("another body's figure stays unmapped; the commune's own beside it is mapped", () => {
    expect(values(under(TTHC, 'Toàn huyện tiếp nhận 9.800 hồ sơ; riêng xã tiếp nhận 415 hồ sơ.'))).toEqual({ '7.2.4.received': 415 });
  });

  it('nothing under section IV (plans for the next period) is a figure', () => {
    const figures = under('IV. Phương hướng, nhiệm vụ năm tới', 'Tiếp nhận và giải quyết 500 hồ sơ trực tuyến, tỷ lệ đúng hạn 100%.');
    expect(figures.length).toBeGreaterThan(0);
    expect(values(figures)).toEqual({});
  });

  it('a target and an earlier period stay unmapped', () => {
    expect(values(under(TTHC, 'Phấn đấu tỷ lệ hồ sơ trực tuyến đạt 70%.'))).toEqual({});
    expect(values(under(TTHC, 'So với cùng kỳ năm trước (380 hồ sơ), số hồ sơ tiếp nhận tăng 12%.'))).toEqual({});
  });
});

describe('numbers that are no figure', () => {
  it('document numbers, dates, years, phone numbers, levels, villages, ranks', () => {
    const figures = under(
      TTHC,
      'Thực hiện Kế hoạch số 12/KH-UBND ngày 05/3/2024, năm 2024 xã niêm yết số điện thoại 0212.3856.111 tại thôn 5; chỉ số CCHC xếp thứ 3/15 xã; dịch vụ mức độ 4.',
    );
    expect(values(figures)).toEqual({});
    const raws = figures.map((f) => f.raw);
    for (const notAFigure of ['12', '05/3/2024', '2024', '0212.3856.111', '4']) expect(raws).not.toContain(notAFigure);
  });

  it('"a/b thôn" is villages reached only where the sentence speaks of communication', () => {
    const E_GOV = 'II.6. Xây dựng và phát triển chính quyền điện tử, chính quyền số';
    expect(values(under(E_GOV, 'Mạng cáp quang đã kéo đến 05/08 thôn của xã.'))).not.toHaveProperty('1.villages.reached');
    expect(values(under('I.2. Công tác thông tin, tuyên truyền CCHC', 'Loa truyền thanh đã phát đến 05/08 thôn.'))).toMatchObject({
      '1.villages.reached': 5,
      '1.villages.total': 8,
    });
  });

  it('subsets and breakdowns without a key: dossiers of non-residents, shares of lower degrees', () => {
    expect(values(under(TTHC, 'Trong quý, bộ phận một cửa đã tiếp nhận 14 hồ sơ của công dân ngoài địa bàn xã.'))).toEqual({});
    expect(values(under('II.4. Cải cách chế độ công vụ', 'Có 9 công chức trình độ cao đẳng, chiếm 40%.'))).toEqual({});
    // "from trung cấp up" is the qualification standard itself, not a lower degree.
    expect(values(under('II.4. Cải cách chế độ công vụ', 'Tỷ lệ CBCC đạt chuẩn trình độ từ trung cấp trở lên đạt 100%.'))).toEqual({ '5.qualified.rate': 100 });
  });

  it('an action the figure states and the wording does not weighs against it: unfinished tasks are not the tasks set out', () => {
    expect(values(under('III. Đánh giá chung', 'Còn 04 nhiệm vụ trong Kế hoạch CCHC chưa hoàn thành.'))).toEqual({});
  });

  it('a ";" inside a bracket does not lend the remark to the number after it', () => {
    expect(values(under(TTHC, 'Thực hiện liên thông 04 TTHC cùng cấp (khai sinh – thường trú – cấp thẻ BHYT; khai tử – xóa đăng ký thường trú – hưởng mai táng phí) và 02 TTHC liên thông giữa các cấp.'))).toEqual({
      '3.2.1': 4,
      '3.2.2': 2,
    });
  });

  it('results stored in the data warehouse are digitised results, not dossiers resolved on time', () => {
    const figures = values(under('II.6. Xây dựng và phát triển chính quyền điện tử, chính quyền số', 'Kết quả giải quyết TTHC được trả vào kho dữ liệu điện tử cho 640/700 hồ sơ.'));
    expect(figures).toEqual({ '3.3.digitized_result.count': 640, '3.3.digitized_result.dossiers': 700 });
  });

  it('the base of a rate stated alone is the base, not the numerator it resembles', () => {
    expect(values(under('II.6. Xây dựng và phát triển chính quyền điện tử, chính quyền số', 'Trong 45 TTHC có phát sinh hồ sơ, 30 TTHC phát sinh hồ sơ nộp trực tuyến.'))).toEqual({
      '7.2.procedures_with_online_dossiers.total': 45,
      '7.2.procedures_with_online_dossiers.count': 30,
    });
  });

  it('a part that adds nothing to a head left open is not the figure the head came close to', () => {
    expect(values(under('II.1. Cải cách thể chế', 'Đã rà soát, hệ thống hóa 14 văn bản thuộc thẩm quyền, trong đó 10 văn bản còn hiệu lực, 04 văn bản hết hiệu lực.'))).toEqual({});
  });

  it('a kind of person as the measure word says which count of people it is', () => {
    const STAFF = 'II.3. Cải cách tổ chức bộ máy hành chính nhà nước';
    expect(values(under(STAFF, 'Xã bố trí 17 người hoạt động không chuyên trách.'))).toEqual({ '4.2.part_time': 17 });
    expect(values(under(STAFF, 'Số hợp đồng lao động: 04 người.'))).toEqual({ '4.2.2': 4 });
    // A bare count of people still says nothing.
    expect(values(under(STAFF, 'Có 17 người.'))).toEqual({});
  });

  it('survey forms counted after the survey that collected them', () => {
    expect(values(under('I.4. Khảo sát sự hài lòng; đối thoại với Nhân dân', 'Xã khảo sát sự hài lòng của tổ chức, công dân bằng 85 phiếu.'))).toEqual({ '1.5.1': 85 });
  });

  it('a percentage equal to a/b of a rate\'s two counts printed apart is that rate', () => {
    expect(values(under('I.1. Về xây dựng, triển khai kế hoạch CCHC', 'Kế hoạch CCHC năm đề ra 16 nhiệm vụ; đến nay đã hoàn thành 12 nhiệm vụ, đạt tỷ lệ 75%.'))).toEqual({
      '1.2.1': 16,
      '1.2.2': 12,
      '1.2': 75,
    });
  });

  it('a leading "Sau kiểm tra," / "Sau rà soát," tells which handling the count after it is', () => {
    const LAW = 'II.1. Cải cách thể chế';
    expect(values(under(LAW, 'Sau kiểm tra, 03 văn bản có kiến nghị xử lý đã được xử lý xong.'))).toEqual({ '2.2.1.done': 3 });
    expect(values(under(LAW, 'Sau rà soát, 02 văn bản có kiến nghị xử lý đã được xử lý xong.'))).toEqual({ '2.3.2.done': 2 });
  });

  it('revenue collected, said as "đã thu được", beside its plan; fees collected are no budget revenue', () => {
    const FIN = 'II.5. Cải cách tài chính công';
    expect(values(under(FIN, 'Kế hoạch thu ngân sách được giao 900 triệu đồng; đến nay đã thu được 720 triệu đồng, đạt 80%.'))).toEqual({
      '6.revenue.plan': 900_000_000,
      '6.revenue.collected': 720_000_000,
      '6.revenue.rate': 80,
    });
    expect(values(under(FIN, 'Thu phí, lệ phí được 15 triệu đồng.'))).toEqual({});
  });

  it('leaders counted by their title: "bầu 02 Phó Chủ tịch" is leaders elected', () => {
    expect(values(under('II.4. Cải cách chế độ công vụ', 'Trong năm, HĐND xã đã bầu 02 Phó Chủ tịch UBND xã.'))).toEqual({ '5.2': 2 });
  });

  it('dossiers not yet due stay apart from those resolved', () => {
    expect(values(under(TTHC, 'Đã trả kết quả 300 hồ sơ, còn 4 hồ sơ chưa đến hạn trả kết quả.'))).not.toMatchObject({ '3.3.1.resolved': 4 });
  });

  it('a bare count with nothing that says which one stays unmapped (the margin)', () => {
    expect(values(under(TTHC, 'Có 12 hồ sơ.'))).toEqual({});
  });
});

describe('why and where', () => {
  it('each mapped figure records its span in the quote, the deciding words and its score', () => {
    const figures = under(TTHC, 'Đã giải quyết 226 hồ sơ, trong đó: trước hạn 180, đúng hạn 40, quá hạn 6.');
    for (const f of figures.filter((x) => x.indicatorKey)) {
      const [start, end] = f.details!['span'] as [number, number];
      expect(f.provenance.quote!.slice(start, end)).toBe(f.raw);
      expect(f.details!['section']).toBe(TTHC);
    }
    // A catalogue pattern may decide first; the mapper's reading of the number then gives the words and score.
    for (const key of ['3.3.1.resolved', '3.3.1.early', '3.3.1.due_day', '3.3.1.late']) {
      const why = figures.find((f) => f.indicatorKey === key)!.details!['why'] as { score: number; words: string[]; rule: string };
      expect(['meaning', 'pattern']).toContain(why.rule);
      expect(why.score).toBeGreaterThan(0);
    }
    const early = figures.find((f) => f.indicatorKey === '3.3.1.early')!.details!['why'] as { words: string[] };
    expect(early.words).toContain('trước hạn (early)');
  });
});
