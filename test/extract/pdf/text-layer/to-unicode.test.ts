import { describe, expect, it } from 'vitest';
import { UnsupportedCMap, readToUnicode } from '../../../../src/extract/pdf/text-layer/to-unicode.js';

const cmap = (body: string) => `/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n1 begincodespacerange <0000> <FFFF> endcodespacerange\n${body}\nendcmap end end`;

describe('readToUnicode', () => {
  it('bfchar: two-byte codes to UTF-16BE text, several characters and surrogate pairs included', () => {
    const map = readToUnicode(cmap('3 beginbfchar <0003> <0020> <0041> <00660066> <0042> <D835DC9C> endbfchar'));
    expect([...map]).toEqual([
      [3, ' '],
      [0x41, 'ff'],
      [0x42, '\u{1D49C}'],
    ]);
  });

  it('bfrange: a string destination counts up its last byte and carries into the one before', () => {
    const map = readToUnicode(cmap('2 beginbfrange <0010> <0012> <1EA0> <0020> <0022> <00FE> endbfrange'));
    expect([...map.values()]).toEqual(['Ạ', 'ạ', 'Ả', 'þ', 'ÿ', 'Ā']);
    expect([...map.keys()]).toEqual([0x10, 0x11, 0x12, 0x20, 0x21, 0x22]);
  });

  it('bfrange with an array: one destination per code, as many as the array holds', () => {
    const map = readToUnicode(cmap('1 beginbfrange <01> <03> [<0041> <00410301>] endbfrange'));
    expect([...map]).toEqual([
      [1, 'A'],
      [2, 'A\u0301'],
    ]);
  });

  it('cidrange and cidchar destinations are code points', () => {
    expect([...readToUnicode(cmap('1 begincidrange <01> <02> 65 endcidrange 1 begincidchar <05> 7845 endcidchar'))]).toEqual([
      [1, 'A'],
      [2, 'B'],
      [5, 'ấ'],
    ]);
  });

  it('refuses usecmap (another map underneath) and a malformed section', () => {
    expect(() => readToUnicode('/Identity-H usecmap begincmap endcmap')).toThrow(UnsupportedCMap);
    expect(() => readToUnicode(cmap('1 beginbfchar <01> 65 endbfchar'))).toThrow(UnsupportedCMap);
  });
});
