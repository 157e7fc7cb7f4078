import { describe, expect, it } from 'vitest';
import { extractText, mappedOf, raws } from './helpers.js';

/**
 * The same meaning as other communes and years write it: other word orders, other numbers, text
 * typed without accents. Each case lists every figure the sentence must map.
 */
const cases: Record<string, [string, Record<string, string>][]> = {
  'dossiers received': [
    ['Tổng số hồ sơ TTHC đã tiếp nhận 196 hồ sơ.', { '7.2.4.received': '196' }],
    ['Tổng số hồ sơ tiếp nhận là 312.', { '7.2.4.received': '312' }],
    ['Trong kỳ, UBND xã đã tiếp nhận 312 hồ sơ.', { '7.2.4.received': '312' }],
    ['Bộ phận một cửa tiếp nhận và giải quyết 312 hồ sơ TTHC cho công dân.', { '7.2.4.received': '312' }],
    ['Tong so ho so da tiep nhan trong nam: 1.024 ho so.', { '7.2.4.received': '1.024' }],
    ['tiep nhan tong so 87 ho so', { '7.2.4.received': '87' }],
  ],
  'early and on the promised day': [
    ['Tổng số hồ sơ TTHC đã tiếp nhận 196 hồ sơ (trong đó có 161 hồ sơ trả kết quả sớm hạn, 35 hồ sơ trả kết quả đúng hạn).', { '7.2.4.received': '196', '3.3.1.early': '161', '3.3.1.due_day': '35' }],
    ['Trong do: truoc han 250 ho so, dung han 62 ho so.', { '3.3.1.early': '250', '3.3.1.due_day': '62' }],
    ['có 40 hồ sơ giải quyết trước hạn, 12 hồ sơ giải quyết đúng hạn', { '3.3.1.early': '40', '3.3.1.due_day': '12' }],
  ],
  'the parts of the dossiers and their outcome': [
    [
      'Tổng số hồ sơ tiếp nhận 312 hồ sơ (tiếp nhận mới 280, từ kỳ trước chuyển sang 32); đã giải quyết 300 hồ sơ (trước hạn 250, đúng hạn 48, quá hạn 02); đang giải quyết 12 hồ sơ.',
      { '7.2.4.received': '312', '7.2.4.new': '280', '7.2.4.carried_over': '32', '3.3.1.resolved': '300', '3.3.1.early': '250', '3.3.1.due_day': '48', '3.3.1.late': '02', '3.3.1.in_progress': '12' },
    ],
    ['tiep nhan 196 ho so, trong do truc tuyen 61 ho so, truc tiep va qua buu chinh cong ich 135 ho so.', { '7.2.4.received': '196', '7.2.4.online': '61', '7.2.4.direct': '135' }],
  ],
  'on time out of resolved': [
    ['Tỷ lệ hồ sơ giải quyết đúng hạn đạt 100% (196/196 hồ sơ).', { '3.3.1': '100%', '3.3.1.on_time': '196', '3.3.1.resolved': '196' }],
    ['Giai quyet dung han 298/300 ho so, dat 99,33%.', { '3.3.1': '99,33%', '3.3.1.on_time': '298', '3.3.1.resolved': '300' }],
    ['Tỷ lệ giải quyết hồ sơ đúng và trước hạn đạt 98,5%.', { '3.3.1': '98,5%' }],
  ],
  'directives issued': [
    ['Ban hành 13 văn bản lãnh đạo, chỉ đạo thực hiện CCHC năm 2024.', { '1.1': '13' }],
    ['Số văn bản chỉ đạo, điều hành về CCHC đã ban hành là 21 văn bản.', { '1.1': '21' }],
    ['UBND xa da ban hanh 09 van ban chi dao ve cong tac cai cach hanh chinh.', { '1.1': '09' }],
  ],
  'plan completion': [
    ['kế hoạch đã đề ra 41 nhiệm vụ cụ thể/7 nội dung CCHC năm, qua rà soát đơn vị đạt 100% (41/41 nhiệm vụ).', { '1.2': '100%', '1.2.1': '41', '1.2.2': '41' }],
    ['Kế hoạch CCHC năm 2023 đến nay đã hoàn thành 30/35 nhiệm vụ, đạt 85,71%.', { '1.2': '85,71%', '1.2.1': '35', '1.2.2': '30' }],
    ['Ke hoach CCHC nam co 36 nhiem vu; hoan thanh 28/36 nhiem vu trong ke hoach, dat 77,8%.', { '1.2': '77,8%', '1.2.1': '36', '1.2.2': '28' }],
  ],
  'tasks of the province and district': [
    ['Tỷ lệ thực hiện đạt 100% (12/12 nhiệm vụ của UBND tỉnh, Chủ tịch UBND tỉnh giao); thực hiện đạt 100% (9/9 nhiệm vụ của UBND huyện, Chủ tịch UBND huyện giao).', { '1.4.1.province': '12', '1.4.2.province': '12', '1.4.1.district': '9', '1.4.2.district': '9' }],
    ['Đã hoàn thành 7/8 nhiệm vụ do UBND tỉnh giao và 14/15 nhiệm vụ do UBND huyện giao.', { '1.4.1.province': '8', '1.4.2.province': '7', '1.4.1.district': '15', '1.4.2.district': '14' }],
    ['UBND tinh giao 10 nhiem vu, don vi da hoan thanh 9 nhiem vu.', { '1.4.1.province': '10', '1.4.2.province': '9' }],
  ],
  'digitised at intake': [
    ['Số hồ sơ đã số hóa đầy đủ thành phần hồ sơ khi tiếp nhận 168/196 hồ sơ, đạt 85,71%.', { '3.3.digitized_intake.count': '168', '3.3.digitized_intake.dossiers': '196', '3.3.digitized_intake.rate': '85,71%' }],
    ['Ty le ho so duoc so hoa thanh phan khi tiep nhan dat 90% (270/300 ho so).', { '3.3.digitized_intake.count': '270', '3.3.digitized_intake.dossiers': '300', '3.3.digitized_intake.rate': '90%' }],
  ],
  'digitised results': [
    ['Số hồ sơ có số hóa kết quả giải quyết TTHC 119/196 hồ sơ, đạt 60,71%.', { '3.3.digitized_result.count': '119', '3.3.digitized_result.dossiers': '196', '3.3.digitized_result.rate': '60,71%' }],
    ['Ty le so hoa ket qua giai quyet TTHC dat 75% (150/200).', { '3.3.digitized_result.count': '150', '3.3.digitized_result.dossiers': '200', '3.3.digitized_result.rate': '75%' }],
  ],
  'e-certification': [
    ['tỷ lệ hồ sơ được chứng thực điện tử là 63/981 hồ sơ đạt 6,42%', { '3.3.e_certification.count': '63', '3.3.e_certification.dossiers': '981', '3.3.e_certification.rate': '6,42%' }],
    ['Chung thuc dien tu dat 12,5% (25/200 ho so).', { '3.3.e_certification.count': '25', '3.3.e_certification.dossiers': '200', '3.3.e_certification.rate': '12,5%' }],
  ],
  'online dossiers': [
    ['Tỷ lệ hồ sơ phát sinh trực tuyến: 61 hồ sơ/196 hồ sơ (đạt 31,12%)', { '7.2.4.online': '61', '7.2.4.received': '196', '7.2.4': '31,12%' }],
    ['Ty le ho so nop truc tuyen dat 45,5% (91/200 ho so).', { '7.2.4.online': '91', '7.2.4.received': '200', '7.2.4': '45,5%' }],
    ['Trong đó có 80 hồ sơ được tiếp nhận trực tuyến.', { '7.2.4.online': '80' }],
  ],
  'online payment': [
    ['số hồ sơ thanh toán trực tuyến (10 hồ sơ/981 hồ sơ, đạt 1,01%)', { '7.2.payment.paid_online': '10', '7.2.payment.dossiers': '981', '7.2.payment.rate': '1,01%' }],
    ['Ty le ho so thanh toan truc tuyen dat 20% (40/200 ho so).', { '7.2.payment.paid_online': '40', '7.2.payment.dossiers': '200', '7.2.payment.rate': '20%' }],
  ],
  'budget revenue': [
    ['Thu ngân sách hiện đạt 117,33% (114.984.119đồng/99.000.000 đồng)', { '6.revenue.rate': '117,33%', '6.revenue.collected': '114.984.119đồng', '6.revenue.plan': '99.000.000 đồng' }],
    ['Thu ngan sach nha nuoc 250.000.000 dong/200.000.000 dong ke hoach, bang 125%.', { '6.revenue.rate': '125%', '6.revenue.collected': '250.000.000 dong', '6.revenue.plan': '200.000.000 dong' }],
    ['Thu ngân sách đạt 1.250.000.000 đồng, bằng 104% kế hoạch giao là 1.200.000.000 đồng.', { '6.revenue.collected': '1.250.000.000 đồng', '6.revenue.plan': '1.200.000.000 đồng' }],
  ],
  'public investment': [
    ['Kết quả thực hiện kế hoạch giải ngân vốn đầu tư công: 882.738.997đ/1.025.997.000đ đạt 86.03%.', { '6.1': '86.03%', '6.1.2': '882.738.997đ', '6.1.1': '1.025.997.000đ' }],
    ['Giai ngan von dau tu cong dat 95% (950 trieu dong/1.000 trieu dong).', { '6.1': '95%', '6.1.2': '950 trieu dong', '6.1.1': '1.000 trieu dong' }],
  ],
  'staff quota and present': [
    ['tổng số biên chế được giao 20 người, số biên chế có mặt 19 người', { '4.staff.quota': '20', '4.staff.present': '19' }],
    ['Xa duoc giao 21 bien che, hien co 18 can bo, cong chuc.', { '4.staff.quota': '21', '4.staff.present': '18' }],
  ],
  'qualified staff': [
    ['Qua rà soát, 100% (19/19 người) cán bộ công chức xã đạt chuẩn về chuyên môn theo quy định.', { '5.qualified.rate': '100%', '5.qualified.count': '19', '5.qualified.staff': '19' }],
    ['18/20 can bo, cong chuc dat chuan.', { '5.qualified.count': '18', '5.qualified.staff': '20' }],
  ],
  villages: [
    ['thực hiện tuyên truyền chuyển đổi số tại 08/08 thôn với hơn 480 lượt người nghe.', { '1.villages.reached': '08', '1.villages.total': '08', '1.communication.listeners': '480' }],
    ['phat thanh den 04/08 thon', { '1.villages.reached': '04', '1.villages.total': '08' }],
    ['Tổ chức tuyên truyền tại 11 thôn.', { '1.villages.reached': '11' }],
  ],
  'communication': [
    ['tuyên truyền tại 08 thôn theo quý, được 14 buổi với 786 lượt người nghe.', { '1.villages.reached': '08', '1.communication.sessions': '14', '1.communication.listeners': '786' }],
    ['To chuc 6 hoi nghi tuyen truyen voi 350 luot nguoi tham du.', { '1.communication.sessions': '6', '1.communication.listeners': '350' }],
    ['viết 12 tin bài về CCHC trên Trang thông tin điện tử xã.', { '1.communication.news': '12' }],
    ['Dang tai 25 tin, bai ve cai cach hanh chinh; phat duoc 30 luot tren loa truyen thanh.', { '1.communication.news': '25', '1.communication.broadcasts': '30' }],
  ],
  dialogues: [
    ['đã tổ chức 02 cuộc đối thoại (01 cuộc với thanh niên; 01 cuộc với nhân dân).', { '1.6.count': '02' }],
    ['Trong nam to chuc doi thoai duoc 3 buoi voi nhan dan.', { '1.6.count': '3' }],
  ],
  'procedures and online services': [
    ['Cấp xã có tổng số 114 thủ tục hành chính thuộc thẩm quyền giải quyết; có 75 dịch vụ công trực tuyến (trong đó: 62 DVCTT toàn trình, 13 DVCTT một phần).', { '3.1.4': '114', '7.2.3.total': '75', '7.2.2.provided': '62', '7.2.1.provided': '13' }],
    ['Cap xa co 120 TTHC, 80 DVCTT (50 DVCTT muc do 4, 30 DVCTT muc do 3).', { '3.1.4': '120', '7.2.3.total': '80', '7.2.2.provided': '50', '7.2.1.provided': '30' }],
  ],
  'online-service provision': [
    ['Kết quả cung cấp dịch vụ công trực tuyến: Đạt 91% (192/211TTHC).', { '7.2.online_provision.rate': '91%', '7.2.online_provision.provided': '192', '7.2.online_provision.total': '211' }],
    ['Ty le TTHC cung cap DVCTT: 180/200 TTHC, dat 90%.', { '7.2.online_provision.rate': '90%', '7.2.online_provision.provided': '180', '7.2.online_provision.total': '200' }],
  ],
  'procedures with online dossiers': [
    ['Tỷ lệ TTHC có phát sinh hồ sơ trực tuyến đạt 62,5% (05/08 TTHC).', { '7.2.procedures_with_online_dossiers.rate': '62,5%', '7.2.procedures_with_online_dossiers.count': '05', '7.2.procedures_with_online_dossiers.total': '08' }],
    ['Co 12/20 thu tuc hanh chinh co phat sinh ho so truc tuyen.', { '7.2.procedures_with_online_dossiers.count': '12', '7.2.procedures_with_online_dossiers.total': '20' }],
  ],
  'outgoing documents': [
    ['văn bản đi đảm bảo được thực hiện đủ quy trình trên phần mềm QLVB là 1101 văn bản/1101 văn bản, đạt 100%', { '7.1.electronic_count': '1101', '7.1': '1101', '7.1.electronic': '100%' }],
    ['Ty le van ban di duoc gui duoi dang dien tu dat 98,5% (985/1.000 van ban).', { '7.1.electronic_count': '985', '7.1': '1.000', '7.1.electronic': '98,5%' }],
  ],
};

describe('narrative phrasings', () => {
  for (const [meaning, list] of Object.entries(cases)) {
    describe(meaning, () => {
      for (const [sentence, expected] of list) {
        it(sentence, () => {
          expect(mappedOf(extractText(sentence))).toEqual(expected);
        });
      }
    });
  }

  it('a sentence that says nothing the catalogue knows maps nothing', () => {
    const figures = extractText('Trang bị 01 bộ máy tính phục vụ bộ phận một cửa với tổng trị giá 28.800.000 đồng.');
    expect(figures.map((f) => [f.indicatorKey, f.raw])).toEqual([
      [undefined, '01'],
      [undefined, '28.800.000 đồng'],
    ]);
  });

  it('a number is claimed once: the dossiers of a digitisation rate are not also "dossiers received"', () => {
    const figures = extractText('Số hồ sơ đã số hóa đầy đủ thành phần hồ sơ khi tiếp nhận 168/196 hồ sơ, đạt 85,71%.');
    expect(raws(figures, '7.2.4.received')).toEqual([]);
    expect(figures).toHaveLength(3);
  });
});
