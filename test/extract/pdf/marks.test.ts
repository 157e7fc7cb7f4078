import { describe, expect, it } from 'vitest';
import { rejoinMarks } from '../../../src/extract/pdf/marks.js';
import { textItemsOf } from '../../../src/extract/pdf/text-items.js';

/** Decomposed text, written as pdf.js gives it from a producer that draws "á" as one glyph mapped to "a" U+0301. */
const nfd = (s: string) => s.normalize('NFD');

describe('rejoining decomposed letters that pdf.js split', () => {
  it('drops the space pdf.js adds after a word-initial marked letter', () => {
    expect(rejoinMarks('pha\u0309n a\u0301 nh, kie\u0302\u0301n nghi\u0323').normalize('NFC')).toBe('phản ánh, kiến nghị');
    expect(rejoinMarks('phương a\u0301 n đơn giản').normalize('NFC')).toBe('phương án đơn giản');
    expect(rejoinMarks('U\u0309 y ban; lo\u031B\u0323i i\u0301 ch').normalize('NFC')).toBe('Ủy ban; lợi ích');
    expect(rejoinMarks('(U\u0309 Y BAN)').normalize('NFC')).toBe('(ỦY BAN)');
  });

  it('keeps the space after a one-letter word: the two pieces do not spell one syllable', () => {
    expect(rejoinMarks(nfd('có ý kiến ở xã, ở nhà')).normalize('NFC')).toBe('có ý kiến ở xã, ở nhà');
  });

  it('drops a space before a combining mark', () => {
    expect(rejoinMarks('Phu \u0323 lu\u0323c').normalize('NFC')).toBe('Phụ lục');
  });

  it('leaves composed text as it is', () => {
    expect(rejoinMarks('Ủ y ban')).toBe('Ủ y ban');
  });

  it('gives cleaned NFC runs from pdf.js items', () => {
    const items = textItemsOf(1, [{ str: 'Tỷ lệ giải quyết phản a\u0301 nh', transform: [11, 0, 0, 11, 124.3, 656.39], width: 120, height: 11 }]);
    expect(items.map((i) => i.text)).toEqual(['Tỷ lệ giải quyết phản ánh']);
  });
});
