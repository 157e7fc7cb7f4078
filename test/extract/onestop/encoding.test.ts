import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectEncoding, sniffDelimiter } from '../../../src/extract/onestop/index.js';
import { fixture } from './helpers.js';

describe('one-stop encodings and delimiters, told from the bytes', () => {
  it.each([
    ['inbox/onestop-ban-thi-2024.tsv', 'utf16le', 'UTF-16LE BOM'],
    ['onestop/ban-thi-2024-vendor2.csv', 'utf8', 'UTF-8 BOM'],
    ['onestop/ban-thi-2024-cp1258.csv', 'windows1258', 'decodes to Vietnamese as Windows-1258'],
    ['bad/onestop-no-header.csv', 'utf8', 'valid UTF-8'],
  ])('%s is %s', (path, encoding, evidence) => {
    expect(detectEncoding(readFileSync(fixture(path)).subarray(0, 65536))).toEqual({ encoding, evidence });
  });

  it('the Windows-1258 fixture carries combining tone marks (what NFC after decoding is for)', () => {
    const bytes = readFileSync(fixture('onestop/ban-thi-2024-cp1258.csv'));
    // "STT;Đơn vị": Đ 0xD0 and ơ 0xF5 are letters of the code page; "ị" is "i" + 0xF2 (combining dot below).
    expect(bytes.subarray(0, 11).toString('hex')).toBe('5354543bd0f56e207669f2');
  });

  it('UTF-16LE without a BOM is recognised by its NUL high bytes', () => {
    expect(detectEncoding(Buffer.from('Mã hồ sơ\tTrạng thái', 'utf16le')).encoding).toBe('utf16le');
  });

  it('a sample cut inside a UTF-8 character is still UTF-8', () => {
    const b = Buffer.from('Mã hồ sơ', 'utf8');
    expect(detectEncoding(b.subarray(0, b.length - 1)).encoding).toBe('utf8');
  });

  it.each([
    ['a\tb\tc\n1\t2\t3\n', '\t'],
    ['a;b;c\n1;2,5;3\n', ';'],
    ['Title line\n\na,b,c\n1,2,3\n4,5,6\n', ','],
    ['"x, y",b,c\n"1, 2",2,3\n', ','],
  ])('delimiter of %j is %j', (text, d) => expect(sniffDelimiter(text)).toBe(d));
});
