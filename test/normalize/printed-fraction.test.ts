import { describe, expect, it } from 'vitest';
import { findFraction } from '../../src/normalize/printed-fraction.js';

describe('the fraction a rate is printed with', () => {
  it('comes from the rate\'s note cell', () => {
    expect(findFraction({ raw: '15,84%', note: '64/404TTHC', narrative: false })).toEqual({ numerator: 64, denominator: 404, from: 'note', text: '64/404TTHC', scale: 1 });
  });

  it('comes from the sentence when printed right beside the rate, with its money unit', () => {
    const quote = 'Thu ngân sách hiện đạt 117,33% (114.984.119đồng/99.000.000 đồng)';
    expect(findFraction({ raw: '117,33%', quote, narrative: true })).toEqual({
      numerator: 114_984_119, denominator: 99_000_000, from: 'quote', text: '114.984.119đồng/99.000.000', scale: 1,
    });
    const millions = 'giải ngân 882,7 triệu đồng/1.025,9 triệu đồng, đạt 86,03%';
    expect(findFraction({ raw: '86,03%', quote: millions, narrative: true })?.scale).toBe(1e6);
  });

  it('is none when the fraction nearby belongs to another figure, or is a date', () => {
    const apart = 'Tiếp nhận 61 hồ sơ/196 hồ sơ trực tuyến; tỷ lệ hồ sơ giải quyết đúng hạn đạt 98,5%';
    expect(findFraction({ raw: '98,5%', quote: apart, narrative: true })).toBeUndefined();
    const date = 'theo Kế hoạch ngày 28/5/2024, đạt 45%';
    expect(findFraction({ raw: '45%', quote: date, narrative: true })).toBeUndefined();
    // A table's rate does not borrow a fraction from its row's label.
    expect(findFraction({ raw: '30,01%', quote: '61/196', narrative: false })).toBeUndefined();
  });
});
