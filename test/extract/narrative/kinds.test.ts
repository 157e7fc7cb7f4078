import { describe, expect, it } from 'vitest';
import { under, values } from './helpers.js';

// One test per kind of miss the meaning-based mapper was taught to read (issue 9); every sentence
// is written for these tests.
const TASKS = 'I.3. Thực hiện nhiệm vụ được UBND tỉnh, UBND huyện giao';
const PLAN = 'I.1. Về xây dựng, triển khai kế hoạch CCHC';
const COMMUNICATION = 'I.2. Công tác thông tin, tuyên truyền CCHC';


describe('a fraction in words: "a trên (tổng số) b"', () => {
  it('gives the numerator and the base, and the rate beside them', () => {
    expect(values(under(PLAN, 'Đến cuối quý, xã đã hoàn thành 21 trên tổng số 28 nhiệm vụ của kế hoạch CCHC, đạt 75%.'))).toEqual({
      '1.2.2': 21,
      '1.2.1': 28,
      '1.2': 75,
    });
  });

  it('"trên" after a noun is a place, not a fraction', () => {
    const figures = under('II.2. Cải cách thủ tục hành chính', 'Bộ phận một cửa tiếp nhận 640 hồ sơ trên 15 lĩnh vực.');
    expect(values(figures)).toEqual({ '7.2.4.received': 640 });
  });
});

describe('a count named by its measure word alone', () => {
  it('"có 14 thôn" is the number of villages', () => {
    expect(values(under('Mở đầu', 'Xã Tân Hòa có 14 thôn với 2.950 hộ dân.'))).toEqual({ '1.villages.total': 14 });
  });

  it('not where something was done to them', () => {
    expect(values(under('II.3. Cải cách tổ chức bộ máy hành chính nhà nước', 'Xã đã tổ chức bầu trưởng thôn của 14 thôn.'))).toEqual({});
  });
});

describe('a labelled number whose unit shortens the label', () => {
  it('"số lượt người tham dự: 275 lượt" counts listeners, not broadcasts', () => {
    expect(values(under(COMMUNICATION, 'Số buổi tuyên truyền: 06 buổi; số lượt người nghe: 275 lượt.'))).toEqual({
      '1.communication.sessions': 6,
      '1.communication.listeners': 275,
    });
  });
});

describe('whose figure: the subject decides a sub-row', () => {
  it('a count that names no subject is the total, not the province part', () => {
    expect(values(under(TASKS, 'Kết quả thực hiện nhiệm vụ được giao: 15/16 nhiệm vụ hoàn thành đúng hạn.'))).toEqual({
      '1.4.2': 15,
      '1.4.1': 16,
    });
  });

  it('a count that names both subjects is the total', () => {
    expect(values(under(TASKS, 'Số nhiệm vụ được UBND tỉnh và UBND huyện giao là 17 nhiệm vụ.'))).toEqual({ '1.4.1': 17 });
  });

  it('a subject said once holds for the later clauses, and "chậm so với thời hạn" is no earlier period', () => {
    expect(values(under(TASKS, 'Năm nay xã nhận 8 nhiệm vụ do UBND huyện giao, đã hoàn thành 6 nhiệm vụ đúng hạn; 2 nhiệm vụ hoàn thành chậm so với thời hạn quy định.'))).toEqual({
      '1.4.1.district': 8,
      '1.4.2.district': 6,
      '1.4.3.district': 2,
    });
  });
});

const INSTITUTIONS = 'II.1. Cải cách thể chế';

describe('a part of a list is a sub-row of its head', () => {
  it('the parts of an overdue count by who assigned them', () => {
    expect(values(under(TASKS, 'Còn 03 nhiệm vụ quá hạn nhưng chưa hoàn thành (02 nhiệm vụ tỉnh giao về chuyển đổi số, 01 nhiệm vụ huyện giao về đất đai).'))).toEqual({
      '1.4.4': 3,
      '1.4.4.province': 2,
      '1.4.4.district': 1,
    });
  });
});

describe('a general measure word restates the kind printed before it', () => {
  it('"văn bản" after "VBQPPL" counts legal documents', () => {
    expect(values(under(INSTITUTIONS, 'Năm nay xã rà soát 09 VBQPPL thuộc thẩm quyền; có 03 văn bản cần bãi bỏ, đã xử lý xong 03/03 văn bản.'))).toEqual({
      '2.3.1': 9,
      '2.3.2.total': 3,
      '2.3.2.done': 3,
    });
  });
});

describe('what was done first frames the numbers after it', () => {
  it('after an inspection, the documents to handle are those of the inspection', () => {
    expect(values(under(INSTITUTIONS, 'Tự kiểm tra 04 VBQPPL theo thẩm quyền, phát hiện 01 văn bản cần sửa đổi, bổ sung.'))).toEqual({
      '2.2': 4,
      '2.2.1.total': 1,
    });
  });

  it('and a zero in words after a review', () => {
    expect(values(under(INSTITUTIONS, 'Qua rà soát 07 văn bản QPPL thuộc thẩm quyền, không phát hiện văn bản phải xử lý.'))).toEqual({
      '2.3.1': 7,
      '2.3.2.total': 0,
    });
  });
});

describe('a relative clause after the measure word describes, it does not act', () => {
  it('"do HĐND xã ban hành" does not make checked documents issued ones', () => {
    expect(values(under(INSTITUTIONS, 'Tự kiểm tra 05 văn bản QPPL do HĐND, UBND xã ban hành trong năm.'))).toEqual({ '2.2': 5 });
  });
});

const TTHC = 'II.2. Cải cách thủ tục hành chính';

describe('a row read only as a part of its parent', () => {
  it('"TTHC cấp xã" is the commune share only where the total is split', () => {
    expect(values(under(TTHC, 'Tổng số TTHC thuộc thẩm quyền giải quyết của xã là 241 thủ tục, trong đó 219 TTHC cấp xã, 22 TTHC của cơ quan ngành dọc.'))).toEqual({
      '3.1.4': 241,
      '3.1.4.commune': 219,
    });
  });

  it('a plain count of the procedures under the competence is the total', () => {
    expect(values(under(TTHC, 'Số TTHC cấp xã thuộc thẩm quyền giải quyết: 207 thủ tục.'))).toEqual({ '3.1.4': 207 });
  });
});

describe('"thuộc", "theo" after the measure word describe what is counted', () => {
  it('abolished procedures of the commune level are still abolished ones', () => {
    expect(values(under(TTHC, 'Chủ tịch UBND tỉnh công bố mới 09 TTHC, bãi bỏ 04 TTHC thuộc thẩm quyền của cấp xã theo quyết định công bố.'))).toEqual({
      '3.1.2': 9,
      '3.1.3': 4,
    });
  });
});

const ORGANISATION = 'II.3. Cải cách tổ chức bộ máy hành chính nhà nước';

describe('a bracket of kinds of people breaks down the people before it', () => {
  it('cán bộ and công chức present, after the quota', () => {
    expect(values(under(ORGANISATION, 'Biên chế được giao 22 người, hiện có mặt 21 người (11 cán bộ, 10 công chức).'))).toEqual({
      '4.staff.quota': 22,
      '4.staff.present': 21,
      '4.1.1': 11,
      '4.2.1': 10,
    });
  });

  it('a civil servant counted for another purpose is no staff figure', () => {
    expect(values(under(TTHC, 'Phân công 03 công chức trực tại Bộ phận một cửa vào tất cả các ngày làm việc.'))).toEqual({});
  });
});

const FINANCE = 'II.5. Cải cách tài chính công';

describe('the base of a rate, by the arithmetic', () => {
  it('the plan in brackets after the rate', () => {
    expect(values(under(FINANCE, 'Thu ngân sách nhà nước trên địa bàn đạt 1,8 tỷ đồng, bằng 120% kế hoạch được giao (1,5 tỷ đồng).'))).toEqual({
      '6.revenue.collected': 1800000000,
      '6.revenue.rate': 120,
      '6.revenue.plan': 1500000000,
    });
  });

  it('no base where the arithmetic does not come out', () => {
    const figures = values(under(FINANCE, 'Thu ngân sách nhà nước trên địa bàn đạt 1,8 tỷ đồng, bằng 120% kế hoạch; chi thường xuyên 1,2 tỷ đồng.'));
    expect(figures['6.revenue.plan']).toBeUndefined();
  });

  it('an amount after a slash and its unit is the planned amount of the spent one', () => {
    expect(values(under(FINANCE, 'Vốn đầu tư công đã giải ngân 450.000.000đ/600.000.000đ kế hoạch, đạt 75%.'))).toEqual({
      '6.1.2': 450000000,
      '6.1.1': 600000000,
      '6.1': 75,
    });
  });

  it('a describe line of the lexicon is not merged with the parent row: the plan is no disbursement', () => {
    expect(values(under(FINANCE, 'Kế hoạch vốn đầu tư công được giao năm nay là 3,2 tỷ đồng.'))).toEqual({ '6.1.1': 3200000000 });
  });
});

const CIVIL_SERVICE = 'II.4. Cải cách chế độ công vụ';
const DIGITAL = 'II.6. Xây dựng và phát triển chính quyền điện tử, chính quyền số';

describe('"người" restates the kind of people printed before it', () => {
  it('qualified staff out of all staff', () => {
    expect(values(under(CIVIL_SERVICE, 'Tỷ lệ CBCC đạt chuẩn về trình độ chuyên môn: 91,3% (21/23 người).'))).toEqual({
      '5.qualified.rate': 91.3,
      '5.qualified.count': 21,
      '5.qualified.staff': 23,
    });
  });

  it('not where the number names its own kind', () => {
    expect(values(under(ORGANISATION, 'Biên chế cán bộ, công chức được giao 20 người; số người làm việc theo hợp đồng lao động là 02 người.'))).toEqual({
      '4.staff.quota': 20,
      '4.2.2': 2,
    });
  });
});

describe('synonyms in the catalogue', () => {
  it('online services by level are procedures provided online at that level', () => {
    expect(values(under(DIGITAL, 'Xã đang cung cấp 40 dịch vụ công trực tuyến toàn trình và 15 dịch vụ công trực tuyến một phần.'))).toEqual({
      '7.2.2.provided': 40,
      '7.2.1.provided': 15,
    });
  });

  it('sent through the document software is sent electronically', () => {
    expect(values(under(DIGITAL, 'Trong năm, UBND xã gửi 640 văn bản đi qua phần mềm quản lý văn bản, đạt 95,5% tổng số văn bản đi.'))).toEqual({
      '7.1.electronic_count': 640,
      '7.1.electronic': 95.5,
    });
  });
});

describe('a labelled list continues what the clause before counts', () => {
  it('"một phần: 18" is a level and a count, and "đang cung cấp: 17" the provided ones of that level', () => {
    expect(values(under(DIGITAL, 'Số TTHC đủ điều kiện cung cấp trực tuyến một phần: 19; đang cung cấp: 17.'))).toEqual({
      '7.2.1.eligible': 19,
      '7.2.1.provided': 17,
    });
  });
});

describe('the one-stop form\'s own column names (Biểu 06) as aliases', () => {
  it('received, carried over, newly received online and directly', () => {
    expect(values(under(DIGITAL, 'Số hồ sơ nhận giải quyết: 710 (từ kỳ trước: 12; mới tiếp nhận: 698, gồm trực tuyến 450, trực tiếp 248).'))).toEqual({
      '7.2.4.received': 710,
      '7.2.4.carried_over': 12,
      '7.2.4.new': 698,
      '7.2.4.online': 450,
      '7.2.4.direct': 248,
    });
  });
});

describe('more synonyms of the staff', () => {
  it('"đội ngũ" is the staff, and "người" after it restates them', () => {
    expect(values(under(CIVIL_SERVICE, 'Về chất lượng đội ngũ: đạt chuẩn 22/24 người (91,67%).'))).toEqual({
      '5.qualified.count': 22,
      '5.qualified.staff': 24,
      '5.qualified.rate': 91.67,
    });
  });

  it('the share of civil servants with a computer', () => {
    expect(values(under(DIGITAL, 'Có 100% công chức được trang bị máy tính phục vụ công việc.'))).toEqual({ '7.infrastructure.computers.rate': 100 });
  });
});

describe('a dialogue counted in "lần"', () => {
  it('is the number of dialogues', () => {
    expect(values(under('I.4. Khảo sát sự hài lòng; đối thoại với Nhân dân', 'Trong năm, Chủ tịch UBND xã đối thoại với Nhân dân 02 lần.'))).toEqual({ '1.6.count': 2 });
  });
});
