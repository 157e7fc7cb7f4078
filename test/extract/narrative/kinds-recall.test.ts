import { describe, expect, it } from 'vitest';
import { under, values } from './helpers.js';

// More kinds of miss the meaning-based mapper reads (issue 9, recall towards 95%); every sentence is
// written for these tests, in other words than the development set's.
const E_GOV = 'II.6. Xây dựng và phát triển chính quyền điện tử, chính quyền số';
const DIALOGUE = 'I.4. Khảo sát sự hài lòng; đối thoại với Nhân dân';

describe('a part of a rate\'s base, after "trong đó"', () => {
  it('the dossiers with fees, and those of them paid online by the citizens, with the rate', () => {
    const text = 'Trong quý có 240 hồ sơ phát sinh nghĩa vụ tài chính, trong đó 60 hồ sơ được công dân thanh toán trực tuyến qua Cổng dịch vụ công quốc gia, đạt 25%.';
    expect(values(under(E_GOV, text))).toEqual({ '7.2.payment.dossiers': 240, '7.2.payment.paid_online': 60, '7.2.payment.rate': 25 });
  });

  it('the part named before its count', () => {
    const text = 'Số hồ sơ có phí, lệ phí là 150 hồ sơ, trong đó người dân đã thanh toán trực tuyến qua Cổng DVC 45 hồ sơ (30%).';
    expect(values(under(E_GOV, text))).toEqual({ '7.2.payment.dossiers': 150, '7.2.payment.paid_online': 45, '7.2.payment.rate': 30 });
  });

  it('who applies ("tổ chức, cá nhân") is no measure word: the online part of the dossiers received', () => {
    const text = 'Bộ phận một cửa tiếp nhận 500 hồ sơ, trong đó 120 hồ sơ do tổ chức, cá nhân nộp trực tuyến.';
    expect(values(under('II.2. Cải cách thủ tục hành chính', text))).toEqual({ '7.2.4.received': 500, '7.2.4.online': 120 });
  });
});

describe('"người đứng đầu" is the leader', () => {
  it('no dialogue of the head of the commune with the people', () => {
    expect(values(under(DIALOGUE, 'Trong 6 tháng, người đứng đầu chính quyền xã chưa tổ chức đối thoại với Nhân dân.'))).toEqual({ '1.6': false });
  });
});

describe('what is digitized decides the rate', () => {
  const TTHC = 'II.2. Cải cách thủ tục hành chính';
  it('the results kept in the data store are not the parts digitized at intake', () => {
    const text = 'Đã số hóa thành phần hồ sơ khi tiếp nhận 430/450 hồ sơ, đạt 95,56%; kết quả giải quyết được số hóa 300/450 hồ sơ (66,67%).';
    expect(values(under(TTHC, text))).toEqual({
      '3.3.digitized_intake.count': 430,
      '3.3.digitized_intake.dossiers': 450,
      '3.3.digitized_intake.rate': 95.56,
      '3.3.digitized_result.count': 300,
      '3.3.digitized_result.dossiers': 450,
      '3.3.digitized_result.rate': 66.67,
    });
  });

  it('"lưu vào kho dữ liệu của cá nhân, tổ chức": whose store is no action', () => {
    const text = 'Toàn bộ kết quả giải quyết TTHC được số hóa và lưu vào kho dữ liệu của cá nhân, tổ chức đối với 812/840 hồ sơ, đạt 96,67%.';
    expect(values(under(TTHC, text))).toEqual({ '3.3.digitized_result.count': 812, '3.3.digitized_result.dossiers': 840, '3.3.digitized_result.rate': 96.67 });
  });

  it('"bản chính", "bản sao" are papers, not hamlets ("bản")', () => {
    const text = 'Thực hiện chứng thực bản sao điện tử từ bản chính cho 56/700 hồ sơ chứng thực, chiếm 8%.';
    expect(values(under(TTHC, text))).toEqual({ '3.3.e_certification.count': 56, '3.3.e_certification.dossiers': 700, '3.3.e_certification.rate': 8 });
    expect(values(under('Mở đầu', 'Xã có 9 bản.'))).toEqual({ '1.villages.total': 9 });
  });
});

describe('discipline counted as cases or as people', () => {
  const CIVIL_SERVICE = 'II.4. Cải cách chế độ công vụ';
  it('"N trường hợp" broken down in a bracket, then "trong đó" the leaders: the head is the cases, not the last number of the bracket', () => {
    const figures = under(CIVIL_SERVICE, 'Trong kỳ đã thi hành kỷ luật 03 trường hợp (02 công chức, 01 cán bộ), trong đó 01 người là lãnh đạo UBND xã.');
    expect(values(figures)).toEqual({ '5.4': 3, '5.4.leaders': 1 });
    // The parts in the bracket are parts of the 03, not other figures.
    expect(figures.filter((f) => f.indicatorKey).map((f) => f.raw)).toEqual(['03', '01']);
  });

  it('a kind of the staff disciplined', () => {
    expect(values(under(CIVIL_SERVICE, 'Năm 2024 có 02 cán bộ bị xử lý kỷ luật bằng hình thức cảnh cáo.'))).toEqual({ '5.4': 2 });
  });

  it('cases of something else are no discipline', () => {
    expect(values(under('II.2. Cải cách thủ tục hành chính', 'Đã giải quyết 05 trường hợp đăng ký khai sinh quá hạn.'))).toEqual({});
  });

  it('"người" of a staff fraction does not count against the staff\'s university rate after "trong đó"', () => {
    expect(values(under(CIVIL_SERVICE, 'Đội ngũ gồm 20/21 người đạt chuẩn (95,24%), trong đó trình độ đại học chiếm 85,71%.'))).toEqual({
      '5.qualified.count': 20,
      '5.qualified.staff': 21,
      '5.qualified.rate': 95.24,
      '5.qualified.university_rate': 85.71,
    });
  });
});

describe('outgoing documents', () => {
  it('"văn bản đi" is a document: the share sent electronically, also under the general assessment', () => {
    expect(values(under('III. Đánh giá chung', 'Năm 2024: 100% văn bản đi được ký số, gửi trên môi trường điện tử.'))).toEqual({ '7.1.electronic': 100 });
  });

  it('"và" joining two verbs of one figure ends nothing: the total stays the total', () => {
    expect(values(under(E_GOV, 'Số văn bản đi: 860 văn bản, 97% văn bản đi được ký số và phát hành qua phần mềm.'))).toEqual({ '7.1': 860, '7.1.electronic': 97 });
  });
});

describe('the one-stop desk\'s name says nothing was done', () => {
  const TTHC = 'II.2. Cải cách thủ tục hành chính';
  it('"Bộ phận tiếp nhận và trả kết quả đã tiếp nhận": received, and the on-time rate in "đúng và trước hạn"', () => {
    const text = 'Bộ phận tiếp nhận và trả kết quả đã tiếp nhận 820 hồ sơ; 99,5% hồ sơ được giải quyết đúng và trước hạn.';
    expect(values(under(TTHC, text))).toEqual({ '7.2.4.received': 820, '3.3.1': 99.5 });
  });

  it('"tại Bộ phận một cửa" does not make the resolved total an on-time count', () => {
    const text = 'Trong tổng số 700 hồ sơ đã giải quyết tại Bộ phận một cửa, 690 hồ sơ được trả đúng hạn.';
    expect(values(under(TTHC, text))).toEqual({ '3.3.1.resolved': 700, '3.3.1.on_time': 690 });
  });
});

describe('online provision by level', () => {
  it('"dịch vụ công trực tuyến toàn trình" is provision online at that level; a bare label continues the one before, and a/b decides the rate', () => {
    const text = 'TTHC đủ điều kiện cung cấp dịch vụ công trực tuyến toàn trình: 25 thủ tục; đã cung cấp: 20 thủ tục, đạt 80%.';
    expect(values(under(E_GOV, text))).toEqual({ '7.2.2.eligible': 25, '7.2.2.provided': 20, '7.2.2': 80 });
  });

  it('the second level in a list of two takes its own a/b', () => {
    const text = 'Tỷ lệ TTHC được cung cấp trực tuyến toàn trình đạt 100% (35/35 TTHC đủ điều kiện); một phần: 95% (19/20).';
    expect(values(under(E_GOV, text))).toEqual({ '7.2.2': 100, '7.2.2.provided': 35, '7.2.2.eligible': 35, '7.2.1': 95, '7.2.1.provided': 19, '7.2.1.eligible': 20 });
  });

  it('a label that is no continuation: a number with its own subject stays out', () => {
    const text = 'Số VBQPPL cần xử lý sau rà soát: 03 văn bản; 02 văn bản đang chờ HĐND xã thông qua.';
    expect(values(under('II.1. Cải cách thể chế', text))).toEqual({ '2.3.2.total': 3 });
  });
});

describe('the arithmetic names the numerator', () => {
  it('a count that reads like the base beside it, and makes base and rate come out, is the numerator', () => {
    const text = 'Số TTHC đủ điều kiện cung cấp trực tuyến toàn trình là 60 thủ tục, xã đã cung cấp 54 thủ tục, đạt 90%.';
    expect(values(under(E_GOV, text))).toEqual({ '7.2.2.eligible': 60, '7.2.2.provided': 54, '7.2.2': 90 });
  });

  it('not where the arithmetic does not come out', () => {
    const text = 'Số TTHC đủ điều kiện cung cấp trực tuyến toàn trình là 60 thủ tục, xã đã cung cấp 50 thủ tục, đạt 90%.';
    expect(values(under(E_GOV, text))['7.2.2.provided']).toBeUndefined();
  });
});

describe('a label ending in a bracketed remark', () => {
  it('the remark before the colon is part of the label: the leaders appointed, counted in people', () => {
    const text = 'Số lãnh đạo được tuyển chọn, bổ nhiệm qua bầu cử, phê chuẩn (tính từ đầu năm): 04 người.';
    expect(values(under('II.4. Cải cách chế độ công vụ', text))).toEqual({ '5.2': 4 });
  });

  it('the remark alone names nothing: a number after it stays unmapped', () => {
    expect(values(under('II.4. Cải cách chế độ công vụ', 'Kết quả (tính từ đầu năm): 04 người.'))).toEqual({});
  });
});

describe('a general measure word restating the head\'s', () => {
  it('"(14/14 người)" after "100% công chức có máy tính" counts those civil servants', () => {
    const text = '100% công chức được trang bị máy tính phục vụ công việc (14/14 người).';
    expect(values(under(E_GOV, text))).toEqual({
      '7.infrastructure.computers.rate': 100,
      '7.infrastructure.computers.count': 14,
      '7.infrastructure.computers.staff': 14,
    });
  });
});
