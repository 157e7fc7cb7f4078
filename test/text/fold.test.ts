import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { clean, fold, foldAscii, foldCleanAscii, foldCompact } from '../../src/text/index.js';

/** The definitions fold.ts computes letter by letter, as regular expressions over the whole text. */
const foldByRegex = (t: string) =>
  clean(t)
    .toLowerCase()
    .replace(/[^\p{L}\p{N}%]+/gu, ' ')
    .trim();
const foldAsciiByRegex = (t: string) => foldByRegex(t).normalize('NFD').replace(/\p{M}+/gu, '').replace(/đ/g, 'd').normalize('NFC');

const SAMPLES = [
  'Tiếp nhận 196 hồ sơ, đạt 85,71%!',
  'ĐẢNG ỦY XÃ BẢN THI — Độc lập – Tự do',
  'Tiếp nhận 196 hồ sơ'.normalize('NFD'),
  'q\u0301 x\u0323\u0302 (marks no letter composes with)',
  'İstanbul ǅemal ﬁnal ½ ² ⅷ',
  'Ελληνικά Русский 한국어 \u1100\u1161\u11A8 日本語',
  '𝐀𝐁 𝟙 😀 \uD800 lone surrogate',
  '  tabs\tand\u00A0nbsp\u200B zero-width \u00ADsoft  ',
  '',
];

describe('fold and foldAscii', () => {
  it('fold to the label-matching forms', () => {
    expect(fold('Số TTHC công bố mới: 02')).toBe('số tthc công bố mới 02');
    expect(foldAscii('Đường Hữu, Sơn Động (tỉnh Bắc Giang)')).toBe('duong huu son dong tinh bac giang');
    expect(foldCompact('Bản Thi')).toBe('banthi');
  });

  it('give what the whole-text regular expressions give, for any script', () => {
    for (const s of SAMPLES) {
      expect(fold(s)).toBe(foldByRegex(s));
      expect(foldAscii(s)).toBe(foldAsciiByRegex(s));
    }
  });

  it('give what the regular expressions give for every character of the BMP, alone and between letters', () => {
    const bad: string[] = [];
    for (let cp = 0; cp <= 0xffff; cp++) {
      const ch = String.fromCharCode(cp);
      for (const s of [ch, `a${ch}ê${ch}`]) if (fold(s) !== foldByRegex(s) || foldAscii(s) !== foldAsciiByRegex(s)) bad.push(cp.toString(16));
    }
    expect(bad).toEqual([]);
  });

  it('give what the regular expressions give on every line of the seed report', () => {
    const lines = readFileSync(new URL('../../fixtures/source/ban-thi-2024/narrative.txt', import.meta.url), 'utf8').split('\n');
    for (const l of [...lines, ...lines.map((x) => x.normalize('NFD')), ...lines.map((x) => x.toUpperCase())]) {
      expect(fold(l)).toBe(foldByRegex(l));
      expect(foldAscii(l)).toBe(foldAsciiByRegex(l));
    }
  });
});

/** What clean does, as regular expressions over the whole text. */
const cleanByRegex = (t: string) =>
  t
    .replace(/[\uFB00-\uFB04]/g, (c) => ({ '\uFB00': 'ff', '\uFB01': 'fi', '\uFB02': 'fl', '\uFB03': 'ffi', '\uFB04': 'ffl' })[c] ?? c)
    .replace(/[\u00AD\u200B-\u200D\u2060\uFEFF]/g, '')
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g, ' ')
    .normalize('NFC')
    .replace(/[\s\u00A0\u2000-\u200A\u202F\u205F\u3000]+/g, ' ')
    .trim();

describe('clean', () => {
  it('gives what the regular expressions give, for every character of the BMP, alone, between letters and spaces', () => {
    const bad: string[] = [];
    for (let cp = 0; cp <= 0xffff; cp++) {
      const ch = String.fromCharCode(cp);
      for (const s of [ch, `a${ch}b`, `a ${ch} b`, ` ${ch}`, `${ch} `, `e${ch}\u0301`]) if (clean(s) !== cleanByRegex(s)) bad.push(cp.toString(16));
    }
    expect(bad).toEqual([]);
    for (const s of [...SAMPLES, 'a  b', ' a', 'a ', 'Tiếp nhận'.normalize('NFD'), '']) expect(clean(s)).toBe(cleanByRegex(s));
  });

  // The header reader cleans its lines once and hands them on to readers that would clean them again.
  it('leaves a clean text as it is, for every character of the BMP and every line of the seed report', () => {
    const lines = readFileSync(new URL('../../fixtures/source/ban-thi-2024/narrative.txt', import.meta.url), 'utf8').split('\n');
    const texts = [...SAMPLES, ...lines, ...lines.map((x) => x.normalize('NFD'))];
    for (let cp = 0; cp <= 0xffff; cp++) texts.push(` ${String.fromCharCode(cp)}a\u0301${String.fromCharCode(cp)} `);
    const changed = texts.filter((t) => clean(clean(t)) !== clean(t));
    expect(changed).toEqual([]);
    expect(clean('  ﬁnal\u00A0\u200Bx\u0007y  ')).toBe('final x y');
  });
});

describe('foldCleanAscii', () => {
  const lines = readFileSync(new URL('../../fixtures/source/ban-thi-2024/narrative.txt', import.meta.url), 'utf8').split('\n');
  const texts = [...SAMPLES, ...lines, ...lines.map((x) => x.normalize('NFD')), ...lines.map((x) => x.toUpperCase())];

  it('is foldAscii of a clean text', () => {
    for (const t of texts) expect(foldCleanAscii(clean(t))).toBe(foldAscii(t));
    expect(foldCleanAscii(clean(' Đường  Hữu,\u00A0Sơn Động '))).toBe('duong huu son dong');
  });

  // The header reader folds its lines one by one and joins them, in place of folding the joined text.
  it('of each line, the empty ones left out, joined by spaces: foldAscii of the lines joined by line breaks', () => {
    const clean_ = [...texts, '—', '(…)', 'ΑΣ', 'Σ.', "'Σ", 'a\u0301'.normalize('NFD'), '\u0301b'].map(clean).filter(Boolean);
    const joined = (ls: readonly string[]) => ls.map(foldCleanAscii).filter(Boolean).join(' ');
    expect(joined(clean_)).toBe(foldAscii(clean_.join('\n')));
    for (let i = 0; i + 1 < clean_.length; i++) expect(joined([clean_[i]!, clean_[i + 1]!])).toBe(foldAscii(`${clean_[i]}\n${clean_[i + 1]}`));
  });
});
