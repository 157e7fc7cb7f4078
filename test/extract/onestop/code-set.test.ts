import { describe, expect, it } from 'vitest';
import { CodeSet } from '../../../src/extract/onestop/code-set.js';

describe('CodeSet', () => {
  it('tells a code seen before from a new one, exactly', () => {
    const set = new CodeSet();
    expect(set.add('H12.34-240101-0001')).toBe(true);
    expect(set.add('H12.34-240101-0002')).toBe(true);
    expect(set.add('H12.34-240101-0001')).toBe(false);
    // A prefix, a longer code, another case and Vietnamese letters are other codes.
    expect(set.add('H12.34-240101-000')).toBe(true);
    expect(set.add('H12.34-240101-00011')).toBe(true);
    expect(set.add('h12.34-240101-0001')).toBe(true);
    expect(set.add('Hồ sơ 7')).toBe(true);
    expect(set.add('Hồ sơ 7')).toBe(false);
    expect(set.add('')).toBe(true);
    expect(set.add('')).toBe(false);
    expect(set.size).toBe(7);
  });

  it('keeps every code while it grows far past its first capacity', () => {
    const set = new CodeSet(4);
    const code = (i: number) => `BENCH-${String(i).padStart(8, '0')}`;
    for (let i = 0; i < 50_000; i++) expect(set.add(code(i))).toBe(true);
    expect(set.size).toBe(50_000);
    let again = 0;
    for (let i = 0; i < 50_000; i += 7) if (!set.add(code(i))) again++;
    expect(again).toBe(Math.ceil(50_000 / 7));
    expect(set.add(code(50_000))).toBe(true);
    expect(set.size).toBe(50_001);
  });
});
