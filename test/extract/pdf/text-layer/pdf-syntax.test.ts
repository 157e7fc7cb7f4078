import { describe, expect, it } from 'vitest';
import { PdfCmd, PdfName, PdfParser, PdfRef } from '../../../../src/extract/pdf/text-layer/pdf-syntax.js';

const all = (s: string, refs = true) => {
  const p = new PdfParser(s, 0, s.length, refs);
  const out: unknown[] = [];
  for (let v = p.next(); v !== undefined; v = p.next()) out.push(v);
  return out;
};

describe('PdfParser', () => {
  it('numbers as pdf.js reads them: digits then one division, a leading point, a sign', () => {
    expect(all('12.34 -.5 +7 841.889763779528 0.1 4.')).toEqual([12.34, -0.5, 7, 841.889763779528, 0.1, 4]);
  });

  it('literal strings: escapes, octal codes, balanced parentheses, a line continuation; hex strings padded', () => {
    expect(all('(a\\(b\\)\\n\\101\\0501) (x(y)z) (ab\\\ncd) <41 42 4> <>')).toEqual(['a(b)\nA(1', 'x(y)z', 'abcd', 'AB@', '']);
  });

  it('names with #xx, arrays, dictionaries, references only where asked for', () => {
    const [dict] = all('<< /Type /Font /A#20B [1 0 R 2] /N null >>');
    expect(dict).toEqual(
      new Map<string, unknown>([
        ['Type', new PdfName('Font')],
        ['A B', [new PdfRef(1, 0), 2]],
        ['N', null],
      ]),
    );
    expect(all('1 0 R', false)).toEqual([1, 0, PdfCmd.of('R')]);
  });

  it('operators between operands, comments skipped', () => {
    expect(all('BT /F1 12 Tf % a comment\n[(A) -250 (B)] TJ ET')).toEqual([
      PdfCmd.of('BT'),
      new PdfName('F1'),
      12,
      PdfCmd.of('Tf'),
      ['A', -250, 'B'],
      PdfCmd.of('TJ'),
      PdfCmd.of('ET'),
    ]);
  });
});
