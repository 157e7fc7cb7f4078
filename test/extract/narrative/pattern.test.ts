import { describe, expect, it } from 'vitest';
import { compilePattern } from '../../../src/extract/narrative/index.js';
import { probeOf } from '../../../src/extract/narrative/pattern.js';
import { searchForm } from '../../../src/extract/narrative/search-form.js';

/** Runs a pattern on a sentence and returns its named captures (by catalogue name). */
function run(pattern: string, sentence: string): Record<string, string> | null {
  const p = compilePattern(pattern);
  const form = searchForm(sentence);
  p.regex.lastIndex = 0;
  const m = p.regex.exec(form.text);
  if (!m) return null;
  const out: Record<string, string> = {};
  for (const c of p.captures) {
    const v = m.groups?.[c.group];
    if (v !== undefined) out[c.name] = v;
  }
  return out;
}

describe('search form', () => {
  it('folds case and diacritics, keeps the figures, remembers where each character came from', () => {
    const s = 'Thu ngân sách đạt 117,33% (114.984.119đồng/99.000.000 đồng).';
    const form = searchForm(s);
    expect(form.text).toBe('thu ngan sach dat 117,33% 114.984.119dong/99.000.000 dong');
    const i = form.text.indexOf('114');
    expect(s.slice(form.origin[i]!, form.origin[i + ' 114.984.119dong'.length - 2]! + 1)).toBe('114.984.119đồng');
  });

  it('reads text in decomposed form (NFD) like composed', () => {
    expect(searchForm('Tiếp nhận 196 hồ sơ'.normalize('NFD')).text).toBe('tiep nhan 196 ho so');
  });
});

describe('pattern language', () => {
  it('words match with or without accents; accents in the pattern are folded too', () => {
    expect(run('tiep nhan {n:x} ho so', 'đã tiếp nhận 196 hồ sơ')).toEqual({ x: '196' });
    expect(run('tiếp nhận {n:x} hồ sơ', 'da tiep nhan 196 ho so')).toEqual({ x: '196' });
  });

  it('words match whole words only', () => {
    expect(run('ho so {n:x}', 'hoso 12')).toBeNull();
    expect(run('nhan {n:x}', 'tiepnhan 12')).toBeNull();
  });

  it('{n} takes counts with thousands dots, not decimals, percentages, fractions or dates', () => {
    expect(run('tiep nhan {n:x}', 'tiếp nhận 1.205 hồ sơ')).toEqual({ x: '1.205' });
    expect(run('dat {n:x}', 'đạt 85,71%')).toBeNull();
    expect(run('dat {n:x}', 'đạt 85,71')).toBeNull();
    expect(run('nhan {n:x}', 'nhận 168/196')).toBeNull();
    expect(run('ngay {n:x}', 'ngày 01/12/2023')).toBeNull();
  });

  it('{frac} takes a/b with unit words before the slash and glued units after, never a date', () => {
    expect(run('la {frac:a/b}', 'là 61 hồ sơ/196 hồ sơ')).toEqual({ a: '61', b: '196' });
    expect(run('dat 91% {frac:a/b}', 'Đạt 91% (192/211TTHC)')).toEqual({ a: '192', b: '211' });
    expect(run('ngay {frac:a/b}', 'ngày 01/12/2023')).toBeNull();
    expect(run('so {frac:a/b}', 'số 16/2020/QĐ-UBND')).toBeNull();
  });

  it('{pct} and {money} keep what is printed with the number', () => {
    expect(run('dat {pct:r}', 'đạt 86.03%')).toEqual({ r: '86.03%' });
    expect(run('dat {pct:r}', 'dat 100 %')).toEqual({ r: '100 %' });
    expect(run('{money:a} / {money:b}', '882.738.997đ/1.025.997.000đ')).toEqual({ a: '882.738.997d', b: '1.025.997.000d' });
    expect(run('tri gia {money:a}', 'tổng trị giá 28.800.000 đồng')).toEqual({ a: '28.800.000 dong' });
  });

  it('optional parts, alternatives and a capture name used in two alternatives', () => {
    const p = '(tiep nhan [va giai quyet] {n:x} ho so|{n:x} ho so duoc tiep nhan)';
    expect(run(p, 'tiếp nhận và giải quyết 312 hồ sơ')).toEqual({ x: '312' });
    expect(run(p, 'tiếp nhận 312 hồ sơ')).toEqual({ x: '312' });
    expect(run(p, '312 hồ sơ được tiếp nhận')).toEqual({ x: '312' });
  });

  it('a gap spans a bounded number of words and never a semicolon', () => {
    expect(run('thu ngan sach ... {pct:r}', 'thu ngân sách nhà nước năm nay đạt 117,33%')).toEqual({ r: '117,33%' });
    expect(run('thu ngan sach ...2 {pct:r}', 'thu ngân sách nhà nước năm nay đạt 117,33%')).toBeNull();
    expect(run('thu ngan sach ... {pct:r}', 'thu ngân sách đạt; tỷ lệ 50%')).toBeNull();
  });

  it('an unnamed placeholder must be there but captures nothing', () => {
    expect(run('dat {pct} {frac:a/b}', 'đạt 100% (12/12)')).toEqual({ a: '12', b: '12' });
    expect(run('dat {pct} {frac:a/b}', 'đạt (12/12)')).toBeNull();
  });

  it('mayMatch rules out a sentence that lacks a word, an alternative, a "%" or a "/" the pattern needs', () => {
    const p = compilePattern('(tiep nhan|nhan) [tong so] {n:x} ho so ... {pct:r}');
    const may = (s: string) => p.mayMatch(probeOf(searchForm(s).text));
    expect(may('Đã tiếp nhận 196 hồ sơ, đạt 85,71%')).toBe(true);
    expect(may('Đã nhận 196 hồ sơ, đạt 85,71%')).toBe(true);
    expect(may('Đã giải quyết 196 hồ sơ, đạt 85,71%')).toBe(false); // no option of the alternative
    expect(may('Đã tiếp nhận 196 hồ sơ')).toBe(false); // no "%"
    expect(may('Đã tiếp nhận 196 văn bản, đạt 85,71%')).toBe(false); // no "ho"
    expect(compilePattern('{frac:a/b} tthc').mayMatch(probeOf('12 12 tthc'))).toBe(false);
    expect(compilePattern('{frac:a/b} tthc').mayMatch(probeOf('12/12 tthc'))).toBe(true);
    // Words are whole: "ho" is not in "hoso"; a word with a hyphen is looked for as it is.
    expect(compilePattern('{n:x} ho so').mayMatch(probeOf('12 hoso'))).toBe(false);
    expect(compilePattern('so {n:x} kh-ubnd').mayMatch(probeOf('so 12 kh-ubnd'))).toBe(true);
  });
});
