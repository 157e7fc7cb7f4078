import { describe, expect, it } from 'vitest';
import { columnCatalogue, vocabulary } from '../../../src/extract/onestop/index.js';

describe('one-stop vocabularies (catalog/onestop-vocabulary.yaml)', () => {
  const v = vocabulary();
  it.each([
    ['Đã trả kết quả', 'done'],
    ['ĐÃ TRẢ KẾT QUẢ', 'done'],
    ['Da tra ket qua', 'done'],
    ['10', 'done'],
    ['9', 'done'],
    ['DA_TRA_KET_QUA', 'done'],
    ['done', 'done'],
    ['Đang xử lý', 'processing'],
    ['4', 'processing'],
    ['processing', 'processing'],
    ['Chờ bổ sung', 'supplement'],
    ['CHO_BO_SUNG', 'supplement'],
    ['waiting', 'supplement'],
    ['5', 'supplement'],
    ['Trả lại/Xin rút', 'returned'],
    ['Công dân yêu cầu rút hồ sơ', 'withdrawn'],
    ['7', 'withdrawn'],
    ['Dừng xử lý', 'suspended'],
    ['DANG_TAM_DUNG', 'suspended'],
    ['Mới đăng ký', 'submitted'],
    ['DA_NOP', 'submitted'],
    ['Không được tiếp nhận', 'not_accepted'],
    ['canceled', 'not_accepted'],
  ])('status %s → %s', (value, meaning) => expect(v.status(value)).toBe(meaning));

  it.each([
    ['1', 'direct'],
    ['Trực tiếp', 'direct'],
    ['2', 'online'],
    ['Trực tuyến', 'online'],
    ['online', 'online'],
    ['3', 'postal'],
    ['Qua bưu chính công ích', 'postal'],
  ])('channel %s → %s', (value, meaning) => expect(v.channel(value)).toBe(meaning));

  it.each([
    ['Mức độ 3', 'partial'],
    ['Một phần', 'partial'],
    ['Mức độ 4', 'full'],
    ['Toàn trình', 'full'],
    ['Trực tuyến toàn trình', 'full'],
  ])('online level %s → %s', (value, meaning) => expect(v.onlineLevel(value)).toBe(meaning));

  it('payments: method and state, and the yes/no column', () => {
    expect(v.paymentMethod('Thanh toán trực tuyến')).toBe('online');
    expect(v.paymentMethod('Tiền mặt')).toBe('cash');
    expect(v.paymentState('Đã thanh toán')).toBe('paid');
    expect(v.paymentState('Hoàn phí')).toBe('refunded');
    expect(v.yesNo('x')).toBe('yes');
    expect(v.yesNo('Không')).toBe('no');
  });

  it('unknown values are unknown, never guessed', () => {
    expect(v.status('teleported')).toBeUndefined();
    expect(v.status('11')).toBeUndefined();
    expect(v.channel('9')).toBeUndefined();
    expect(v.channel('')).toBeUndefined();
  });

  it('column headers are recognised from synonyms, case, spacing and diacritics folded', () => {
    const c = columnCatalogue();
    expect(c.recognise('Mã hồ sơ')).toBe('code');
    expect(c.recognise('SỐ HỒ SƠ')).toBe('code');
    expect(c.recognise('Ngày hẹn trả (*)')).toBe('promised_at');
    expect(c.recognise('Hạn xử lý')).toBe('promised_at');
    expect(c.recognise('Kenh tiep nhan')).toBe('channel');
    expect(c.recognise('Địa bàn phát sinh hồ sơ')).toBe('unit');
    expect(c.recognise('Chủ hồ sơ')).toBe('applicant');
    expect(c.recognise('CCCD/CMND')).toBe('id_number');
    expect(c.recognise('Ghi chú')).toBeUndefined();
    expect(c.required.map((e) => e.field)).toEqual(['code', 'received_at', 'promised_at', 'finished_at', 'status', 'channel']);
  });
});
