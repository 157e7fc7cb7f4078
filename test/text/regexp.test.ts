import { describe, expect, it } from 'vitest';
import { matchesOf } from '../../src/text/index.js';

const plain = (ms: Iterable<RegExpMatchArray>) => [...ms].map((m) => ({ at: m.index, text: m[0], groups: m.slice(1), indices: m.indices }));

describe('matchesOf', () => {
  it('gives what matchAll gives: groups, indices, empty matches stepped over by a code point in unicode mode', () => {
    const cases: [RegExp, string][] = [
      [/(\d+)(?:[.,](\d+))?/g, 'tiếp nhận 1.101 hồ sơ, đạt 85,71%'],
      [/(?<n>\d+)\s?%/dgu, '12 % và 99%'],
      [/x*/g, 'axxb'],
      [/(?:)/gu, 'a😀b'],
      [/(?:)/g, 'a😀b'],
      [/\p{Lu}\p{Ll}+/gu, 'Bản Thi, Chợ Đồn, Bắc Kạn'],
      [/z/g, 'nothing to find'],
    ];
    for (const [re, text] of cases) expect(plain(matchesOf(re, text))).toEqual(plain(text.matchAll(re)));
    expect(matchesOf(/x*/g, 'axxb').map((m) => m.index)).toEqual([0, 1, 3, 4]);
  });

  it('starts where the expression stands, as matchAll does, and leaves its lastIndex as it was', () => {
    const re = /\d/g;
    re.lastIndex = 2;
    expect(matchesOf(re, '1234').map((m) => m[0])).toEqual(['3', '4']);
    expect(re.lastIndex).toBe(2);
    expect(plain(matchesOf(re, '1234'))).toEqual(plain('1234'.matchAll(re)));
  });

  it('refuses an expression that is not global, as matchAll does', () => {
    expect(() => matchesOf(/\d/, '1')).toThrow(TypeError);
    expect(() => '1'.matchAll(/\d/)).toThrow(TypeError);
  });
});
