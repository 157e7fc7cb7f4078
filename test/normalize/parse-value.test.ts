import { describe, expect, it } from 'vitest';
import { parseNumber, parseValue } from '../../src/normalize/index.js';

describe('parseValue: every way the seed report writes a figure', () => {
  it.each([
    ['1.101', 'count', 1101],
    ['114.984.119', 'money', 114984119],
    ['01', 'count', 1],
    ['08', 'count', 8],
    ['0', 'count', 0],
    ['196 hồ sơ', 'count', 196],
  ] as const)('%s as %s → %d', (raw, type, num) => {
    const v = parseValue(raw, { type });
    expect(v.kind).toBe('number');
    expect(v.num).toBe(num);
  });

  it('reads decimal comma and decimal dot percentages', () => {
    expect(parseValue('85,71%', { type: 'percent' })).toMatchObject({ kind: 'number', num: 85.71, percentSign: true });
    expect(parseValue('86.03%', { type: 'percent' })).toMatchObject({ kind: 'number', num: 86.03 });
    expect(parseValue('0%', { type: 'percent' })).toMatchObject({ kind: 'number', num: 0, percentSign: true });
    expect(parseValue('100%', { type: 'percent' }).num).toBe(100);
  });

  it('decides 1.101 by the indicator type: a count groups thousands, a percent has a decimal', () => {
    expect(parseValue('1.101', { type: 'count' }).num).toBe(1101);
    expect(parseValue('1.101', { type: 'percent' }).num).toBe(1.101);
    expect(parseValue('1,5', { type: 'percent' }).num).toBe(1.5);
    expect(parseValue('1.234,5', { type: 'money' }).num).toBe(1234.5);
  });

  it('scales money to đồng from the printed suffix or the unit', () => {
    expect(parseValue('114.984.119đồng', { type: 'money' }).num).toBe(114984119);
    expect(parseValue('28.800.000 đồng', { type: 'money', unit: 'Triệu đồng' }).num).toBe(28800000);
    expect(parseValue('1.025,997', { type: 'money', unit: 'Triệu đồng' }).num).toBe(1025997000);
    expect(parseValue('882.738.997đ', { type: 'money' }).num).toBe(882738997);
  });

  it('reads Có/không and text values', () => {
    expect(parseValue('Có', { type: 'boolean' })).toMatchObject({ kind: 'boolean', num: 1, text: 'Có' });
    expect(parseValue('không', { type: 'boolean' })).toMatchObject({ kind: 'boolean', num: 0 });
    expect(parseValue('Phù hợp', { type: 'text' })).toMatchObject({ kind: 'text', num: null, text: 'Phù hợp' });
  });

  it('keeps both sides of a fraction, and gives the rate for a percent indicator', () => {
    expect(parseValue('64/404TTHC', { type: 'percent' })).toMatchObject({ kind: 'fraction', numerator: 64, denominator: 404 });
    expect(parseValue('64/404TTHC', { type: 'percent' }).num).toBeCloseTo(15.8416, 3);
    expect(parseValue('1101/1101 văn bản đi', { type: 'percent' })).toMatchObject({ numerator: 1101, denominator: 1101, num: 100 });
    expect(parseValue('61 hồ sơ/196 hồ sơ', { type: 'count' })).toMatchObject({ kind: 'fraction', num: 61, denominator: 196 });
  });

  it('treats blanks as blank and remarks as notes, never as zero', () => {
    expect(parseValue('', { type: 'count' })).toMatchObject({ kind: 'blank', num: null });
    expect(parseValue('   ', { type: 'percent' }).kind).toBe('blank');
    expect(parseValue(null, { type: 'count' }).kind).toBe('blank');
    expect(parseValue('Cấp huyện báo cáo', { type: 'percent' })).toMatchObject({ kind: 'note', num: null, text: 'Cấp huyện báo cáo' });
  });

  it('flags a fractional count', () => {
    expect(parseValue('2,5', { type: 'count' }).warning).toMatch(/whole/);
  });

  it('reads non-NFC input (decomposed diacritics, non-breaking spaces)', () => {
    expect(parseValue('28.800.000\u00a0đ\u0300ồng'.normalize('NFD'), { type: 'money' }).num).toBe(28800000);
  });

  it('parseNumber rejects what is not a number', () => {
    expect(parseNumber('abc')).toBeNull();
    expect(parseNumber('1.2.3', 'count')).toBe(123);
  });
});

describe('a text indicator with catalogued answers', () => {
  const values = ['Phù hợp', 'Chưa phù hợp'];
  it('stores the answer the text states, whatever its case and the words around it', () => {
    expect(parseValue('phù hợp', { type: 'text', values }).text).toBe('Phù hợp');
    expect(parseValue('Cơ bản phù hợp với chức danh', { type: 'text', values }).text).toBe('Phù hợp');
    expect(parseValue('CHƯA PHÙ HỢP', { type: 'text', values }).text).toBe('Chưa phù hợp');
    expect(parseValue('kết hợp (phát phiếu và trực tuyến)', { type: 'text', values: ['Trực tuyến', 'Phát phiếu', 'Kết hợp'] }).text).toBe('Kết hợp');
  });
  it('keeps the printed text when no answer is named, or one is negated', () => {
    expect(parseValue('Đang rà soát', { type: 'text', values }).text).toBe('Đang rà soát');
    expect(parseValue('không phù hợp', { type: 'text', values }).text).toBe('không phù hợp');
  });
});
