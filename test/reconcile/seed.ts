import type { ReconObservation } from '../../src/reconcile/types.js';
import { doc, obs, resetSeq } from './helpers.js';

/**
 * The seed report (Bản Thi 2024) modelled as the extractors store it: its PDF holds the narrative
 * and the appendix, the Excel file holds a copy of the appendix. The narrative contradicts the table.
 */
export function seedObservations(): ReconObservation[] {
  resetSeq();
  const pdf = doc({ sha256: 'b'.repeat(64), isEstimate: true, statedEnd: '2024-11-20' });
  const xlsx = doc({ sha256: 'a'.repeat(64), format: 'xlsx', fileName: 'phu-luc.xlsx', title: 'BIỂU THỐNG KÊ SỐ LIỆU' });
  const table = (d: typeof pdf) => [
    obs(d, { key: '1.4.1', raw: '21', rowCode: '1.4.1', rowLabel: 'Tổng số nhiệm vụ được giao' }),
    obs(d, { key: '1.4.1.province', raw: '11', rowLabel: 'UBND tỉnh' }),
    obs(d, { key: '1.4.1.district', raw: '10', rowLabel: 'UBND huyện' }),
    obs(d, { key: '4.2', raw: '9', rowCode: '4.2', rowLabel: 'Số liệu về biên chế công chức' }),
    obs(d, { key: '4.2.1', raw: '9', rowCode: '4.2.1', rowLabel: 'Tổng số biên chế có mặt tại thời điểm báo cáo' }),
    obs(d, { key: '4.2.part_time', raw: '37', rowCode: '4.2', rowLabel: 'Tổng số người làm việc không chuyên trách' }),
    obs(d, { key: '5.1.1', raw: 'Phù hợp', rowCode: '5.1.1', rowLabel: 'Vị trí việc làm của cán bộ, công chức' }),
    obs(d, { key: '5.2', raw: '0', rowCode: '5.2', rowLabel: 'Số lượng lãnh đạo quản lý được tuyển chọn, bổ nhiệm' }),
    obs(d, { key: '5.4', raw: '0', rowCode: '5.4', rowLabel: 'Số liệu về xử lý kỷ luật cán bộ, công chức' }),
    obs(d, { key: '7.2.1', raw: '15,84%', rowCode: '7.2.1', note: '64/404TTHC' }),
    obs(d, { key: '7.2.1.provided', raw: '64' }),
    obs(d, { key: '7.2.2', raw: '52,23%', rowCode: '7.2.2', note: '211/404 TTHC' }),
    obs(d, { key: '7.2.2.provided', raw: '211' }),
    obs(d, { key: '7.2.3.total', raw: '75' }),
    obs(d, { key: '7.2.4', raw: '30,01%', rowCode: '7.2.4' }),
    obs(d, { key: '7.2.4.received', raw: '653' }),
    obs(d, { key: '7.2.4.online', raw: '196' }),
  ];
  const n = (key: string, raw: string, quote: string) => obs(pdf, { key, raw, quote, method: 'narrative' });
  return [
    ...table(xlsx),
    ...table(pdf),
    n('1.4.1.province', '12', 'Tỷ lệ thực hiện đạt 100% (12/12 nhiệm vụ của UBND tỉnh, Chủ tịch UBND tỉnh giao)'),
    n('1.4.1.district', '9', 'thực hiện đạt 100% (9/9 nhiệm vụ của UBND huyện, Chủ tịch UBND huyện giao)'),
    n('6.revenue.rate', '117,33%', 'Thu ngân sách hiện đạt 117,33% (114.984.119đồng/99.000.000 đồng)'),
    n('6.1', '86.03%', 'Kết quả thực hiện kế hoạch giải ngân vốn đầu tư công: 882.738.997đ/1.025.997.000đ đạt 86.03%.'),
    n('7.2.payment.rate', '1,01%', 'số hồ sơ thanh toán trực tuyến (10 hồ sơ/981 hồ sơ, đạt 1,01%, (Không đạt tỷ lệ giao 50% theo KH số 366/KH-UBND ngày 28/5/2024 của UBND tỉnh))'),
    n('7.2.4', '31,12%', 'Tỷ lệ hồ sơ phát sinh trực tuyến: 61 hồ sơ/196 hồ sơ (đạt 31,12%)'),
    n('7.2.online_procedures', '75', 'Cấp xã có 114 TTHC, 75 dịch vụ công trực tuyến'),
    n('5.qualified.university_rate', '89,47%', 'Qua rà soát, 100% (19/19 người) cán bộ công chức xã đạt chuẩn về chuyên môn theo quy định (từ Trung cấp trở lên), trong đó trình độ đại học chiếm 89,47%.'),
  ];
}
