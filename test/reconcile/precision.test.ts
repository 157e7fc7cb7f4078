import { describe, expect, it } from 'vitest';
import { classifyRatio, printedDecimals } from '../../src/reconcile/precision.js';
import { checkRatio } from '../../src/reconcile/checks.js';

describe('a printed rate against its fraction, at the printed precision', () => {
  it('reads the printed precision from the figure as printed', () => {
    expect(printedDecimals('30,01%')).toBe(2);
    expect(printedDecimals('86.03%')).toBe(2);
    expect(printedDecimals('62,5%')).toBe(1);
    expect(printedDecimals('100%')).toBe(0);
    expect(printedDecimals('đạt 91% (192/211TTHC)')).toBe(0);
    expect(printedDecimals('Có')).toBeNull();
  });

  it('accepts a correctly rounded rate at 0, 1 and 2 decimals', () => {
    expect(checkRatio(91, 0, 192, 211)?.verdict).toBe('exact'); // 90,995…
    expect(checkRatio(62.5, 1, 5, 8)?.verdict).toBe('exact');
    expect(checkRatio(52.23, 2, 211, 404)?.verdict).toBe('exact'); // 52,227…
    expect(checkRatio(85.71, 2, 168, 196)?.verdict).toBe('exact');
  });

  it('tells truncation from rounding: 30,01% for 196/653 and 1,01% for 10/981 drop digits', () => {
    expect(checkRatio(30.01, 2, 196, 653)?.verdict).toBe('truncation'); // 30,0153…
    expect(checkRatio(1.01, 2, 10, 981)?.verdict).toBe('truncation'); // 1,0194…
    expect(checkRatio(86.03, 2, 882_738_997, 1_025_997_000)?.verdict).toBe('truncation'); // 86,0372…
    expect(checkRatio(90, 0, 192, 211)?.verdict).toBe('truncation'); // 90,995… printed 90
    expect(checkRatio(66.6, 1, 2, 3)?.verdict).toBe('truncation');
  });

  it('calls a miss by one unit of the last digit that is neither rounding nor truncation "rounding"', () => {
    expect(checkRatio(85.72, 2, 168, 196)?.verdict).toBe('rounding'); // 85,714…
    expect(checkRatio(63, 1, 5, 8)?.verdict).toBe('wrong'); // one decimal is 0,1 wide: 62,5 → 63,0 is 5 units off
    expect(checkRatio(62.6, 1, 5, 8)?.verdict).toBe('rounding');
    expect(classifyRatio(35, 0, 34.2)).toBe('rounding'); // rounded up past the half
    expect(classifyRatio(36, 0, 34.2)).toBe('wrong');
  });

  it('calls anything further a real error: 117,33% for 114.984.119/99.000.000 = 116,15%', () => {
    const o = checkRatio(117.33, 2, 114_984_119, 99_000_000)!;
    expect(o.verdict).toBe('wrong');
    expect(o.computed).toBeCloseTo(116.1456, 3);
    expect(checkRatio(31.12, 2, 196, 653)?.verdict).toBe('wrong');
  });

  it('does not judge a rate over an empty denominator (0% for 0/0)', () => {
    expect(checkRatio(0, 0, 0, 0)).toBeUndefined();
  });
});
