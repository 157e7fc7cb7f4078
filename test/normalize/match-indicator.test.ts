import { describe, expect, it } from 'vitest';
import { indicatorCatalogue } from '../../src/catalog/index.js';
import { TableRowMatcher } from '../../src/normalize/index.js';
import { appendixSource } from '../helpers.js';

describe('TableRowMatcher', () => {
  const catalogue = indicatorCatalogue();

  it('maps every row of the seed appendix to an indicator, sub-rows by their context', () => {
    const m = new TableRowMatcher(catalogue);
    const keys = appendixSource().map((r) => m.match(r.code === 'Trong đó' ? '' : r.code, r.label)?.indicator.key);
    expect(keys.filter((k) => k === undefined)).toEqual([]);
    expect(new Set(keys).size).toBe(keys.length); // no two rows on one indicator
    const source = appendixSource();
    const keyOf = (label: string, nth = 0) => keys[source.map((r, i) => (r.label === label ? i : -1)).filter((i) => i >= 0)[nth]!];
    expect(keyOf('UBND tỉnh', 0)).toBe('1.4.1.province');
    expect(keyOf('UBND huyện', 3)).toBe('1.4.4.district');
    expect(keyOf('Tổng số hồ sơ TTHC đã giải quyết xong', 1)).toBe('3.3.2.resolved');
    expect(keyOf('Số VBQPPL có kiến nghị xử lý đã được xử lý xong', 1)).toBe('2.3.2.done');
    expect(keyOf('Tổng số người làm việc không chuyên trách')).toBe('4.2.part_time');
    expect(keyOf('Số liệu về biên chế công chức')).toBe('4.2');
  });

  it('matches other templates by label before code, with an accent-free fallback', () => {
    const m = new TableRowMatcher(catalogue);
    expect(m.match('I', 'Công tác chỉ đạo, điều hành cải cách hành chính')?.indicator.key).toBe('1');
    expect(m.match('1', 'Số văn bản chỉ đạo, điều hành về CCHC đã ban hành')).toMatchObject({ indicator: { key: '1.1' }, method: 'label' });
    expect(m.match('4', 'So VBQPPL da ban hanh')).toMatchObject({ indicator: { key: '2.1' }, method: 'label_ascii' });
    expect(m.match('6', 'Tỷ lệ hồ sơ TTHC được giải quyết đúng hạn')?.indicator.key).toBe('3.3.1');
    expect(m.match('7', 'Tỷ lệ hồ sơ TTHC được tiếp nhận trực tuyến mức độ 3, 4')?.indicator.key).toBe('7.2.4');
  });

  it('falls back to the code only when the label is close', () => {
    const m = new TableRowMatcher(catalogue);
    expect(m.match('3.1.2', 'Số thủ tục hành chính TTHC công bố mới trong kỳ')).toBeUndefined();
    expect(m.match('3.1.2', 'Số TTHC được công bố mới')).toMatchObject({ indicator: { key: '3.1.2' }, method: 'code' });
    expect(m.match('3', 'Số cuộc kiểm tra CCHC tại các bộ phận')).toBeUndefined();
  });

  it('ignores spacing, case, punctuation and Unicode form', () => {
    const m = new TableRowMatcher(catalogue);
    expect(m.match('', '  TỔNG SỐ  TTHC thuộc thẩm quyền giải quyết tại cơ quan , đơn vị. '.normalize('NFD'))?.indicator.key).toBe('3.1.4');
  });
});
