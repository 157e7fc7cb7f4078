import { describe, expect, it } from 'vitest';
import { dayOf, isoDay, parseDate } from '../../../src/extract/onestop/index.js';

const iso = (v: unknown) => {
  const d = parseDate(v);
  return d ? `${isoDay(d.day)}${d.seconds === undefined ? '' : ` +${d.seconds}s`}` : d;
};

describe('one-stop dates (Asia/Ho_Chi_Minh, calendar days)', () => {
  it.each([
    ['05/12/2023', '2023-12-05'],
    ['5/1/2024', '2024-01-05'],
    ['05/12/2023 16:30', '2023-12-05 +59400s'],
    ['05/12/2023 16:30:15', '2023-12-05 +59415s'],
    ['2023-12-05', '2023-12-05'],
    ['2023-12-05T08:15:00', '2023-12-05 +29700s'],
    ['2023-12-05T08:15:00+07:00', '2023-12-05 +29700s'],
    // 20:00 UTC is 03:00 the next day in Vietnam: the calendar day moves.
    ['2023-12-05T20:00:00Z', '2023-12-06 +10800s'],
    ['2023-12-05T20:00:00.123Z', '2023-12-06 +10800s'],
    ['45265', '2023-12-05'],
    [45265.5, '2023-12-05 +43200s'],
    [new Date(Date.UTC(2023, 11, 5, 7, 30)), '2023-12-05 +27000s'],
  ])('%s → %s', (input, expected) => {
    expect(iso(input)).toBe(expected);
  });

  it.each(['31/02/2024', '29/02/2023', '12/13/2024', '05/12/2023 25:00', 'hôm qua', '2024', 123, 99999])('%s is not a date (null)', (input) => {
    expect(parseDate(input)).toBeNull();
  });

  it('blank is no date (undefined), not an error', () => {
    expect(parseDate('')).toBeUndefined();
    expect(parseDate('  ')).toBeUndefined();
    expect(parseDate(null)).toBeUndefined();
  });

  it('day numbers round-trip', () => {
    expect(dayOf('2024-02-29')).toBe(19782);
    expect(isoDay(19782)).toBe('2024-02-29');
  });
});
