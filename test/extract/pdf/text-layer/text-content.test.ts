import { describe, expect, it } from 'vitest';
import { readTextLayer } from '../../../../src/extract/pdf/text-layer/text-layer.js';
import { onePage, simpleFont, stream, toUnicodeCMap } from './handmade-pdf.js';
import { type Run, directRuns, pdfjsRuns } from './pdfjs-reference.js';

/** Widths from code 32: space 250, A 600, B 700, C 500, D 650, every other code 500. */
const WIDTHS = Array.from({ length: 59 }, (_, i) => ({ 32: 250, 65: 600, 66: 700, 67: 500, 68: 650 })[i + 32] ?? 500);
const withFont = (content: string, rest = '') => onePage(content, { F1: 5 }, simpleFont(6, 32, WIDTHS, rest));

/** The direct reader's runs of the page, checked to be pdf.js's, field for field. */
async function runs(bytes: Buffer): Promise<Run[]> {
  const layer = readTextLayer(bytes, 10);
  expect(layer).toBeDefined();
  const mine = directRuns(layer!);
  expect(mine).toEqual(await pdfjsRuns(bytes));
  return mine[0]!;
}
const text = (rs: readonly Run[]) => rs.map((r) => r.str);

describe('text state and matrices', () => {
  it('Tm scales the run; a Td to another line ends it (hasEOL) and starts the next there', async () => {
    const [ab, c] = await runs(withFont('BT /F1 12 Tf 1.5 0 0 1.5 72 700 Tm (AB) Tj 10 -20 Td (C) Tj ET'));
    expect(ab).toMatchObject({ str: 'AB', transform: [18, 0, 0, 18, 72, 700], height: 18, hasEOL: true });
    expect(ab!.width).toBeCloseTo((0.6 + 0.7) * 12 * 1.5, 10);
    // Td moves the line matrix in text space: (10, −20) × 1.5.
    expect(c).toMatchObject({ str: 'C', transform: [18, 0, 0, 18, 87, 670], hasEOL: false });
    expect(c!.width).toBeCloseTo(0.5 * 12 * 1.5, 10);
  });

  it('TD sets the leading that T*, \' and " then use', async () => {
    const rs = await runs(withFont('BT /F1 10 Tf 100 700 Td (A) Tj 0 -14 TD (B) Tj T* (C) Tj (D) \' 0 0 (A) " ET'));
    expect(text(rs)).toEqual(['A', 'B', 'C', 'D', 'A']);
    expect(rs.map((r) => r.transform[5])).toEqual([700, 686, 672, 658, 644]);
    expect(rs.map((r) => r.hasEOL)).toEqual([true, true, true, true, false]);
  });

  it('cm between q and Q scales the runs drawn inside only', async () => {
    // Q restores a state without a font: the run ends there, and the jump back is an empty end-of-line run.
    const [inside, eol, after] = await runs(withFont('q 2 0 0 2 10 20 cm BT /F1 10 Tf 5 5 Td (A) Tj ET Q BT /F1 10 Tf 5 5 Td (A) Tj ET'));
    expect(inside).toMatchObject({ str: 'A', transform: [20, 0, 0, 20, 20, 30], height: 20 });
    expect(inside!.width).toBeCloseTo(12, 10);
    expect(eol).toMatchObject({ str: '', hasEOL: true, width: 0 });
    expect(after).toMatchObject({ str: 'A', transform: [10, 0, 0, 10, 5, 5], height: 10 });
    expect(after!.width).toBeCloseTo(6, 10);
  });

  it('Tc, Tw and Tz widen the run; Ts raises it', async () => {
    const [run] = await runs(withFont('BT /F1 10 Tf 2 Tc 3 Tw 50 Tz 4 Ts 100 700 Td (A A) Tj ET'));
    expect(run).toMatchObject({ str: 'A A', transform: [5, 0, 0, 10, 100, 704] });
    // A 6 × ½, then char spacing 2 × ½; the space 2.5 + 2 + 3 (word spacing) × ½; the last A 6 × ½ (its spacing after the run).
    expect(run!.width).toBeCloseTo(3 + 1 + 3.75 + 3, 10);
  });

  it('glyphs off the page are dropped', async () => {
    const [b] = await runs(withFont('BT /F1 10 Tf -100 700 Td (A) Tj 200 0 Td (B) Tj ET'));
    expect(b).toMatchObject({ str: 'B', transform: [10, 0, 0, 10, 100, 700] });
  });
});

describe('form XObjects', () => {
  it('a form is read where it is drawn, through its matrix, with its own resources; an image is passed over', async () => {
    const form = stream('/Type /XObject /Subtype /Form /BBox [0 0 500 500] /Matrix [2 0 0 2 50 50] /Resources << /Font << /F2 5 0 R >> >>', 'BT /F2 10 Tf 10 10 Td (C) Tj ET');
    const image = stream('/Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8', 'x');
    const bytes = onePage('BT /F1 10 Tf 100 700 Td (A) Tj ET /X1 Do /Im1 Do BT /F1 10 Tf 100 600 Td (B) Tj ET', { F1: 5 }, [...simpleFont(6, 32, WIDTHS), form, image], '/XObject << /X1 7 0 R /Im1 8 0 R >>');
    const rs = await runs(bytes);
    expect(text(rs)).toEqual(['A', 'C', '', 'B']); // B's line: an empty end-of-line run, as after any jump back
    expect(rs[1]!.transform).toEqual([20, 0, 0, 20, 70, 70]);
    expect(rs[1]!.width).toBeCloseTo(10, 10);
  });
});

describe('TJ spacing and spaces', () => {
  it('a small gap is kerning, a quarter em a space in the run, a wide one a run of its own', async () => {
    const rs = await runs(withFont('BT /F1 10 Tf 100 700 Td [(A) -250 (B) -1500 (C) 50 (D)] TJ ET'));
    expect(text(rs)).toEqual(['A B', ' ', 'CD']);
    const [ab, gap, cd] = rs;
    expect(ab!.width).toBeCloseTo(6 + 2.5 + 7, 10);
    expect(gap!.width).toBeCloseTo(15, 10);
    expect(cd!.transform[4]).toBeCloseTo(100 + 6 + 2.5 + 7 + 15, 10);
    expect(cd!.width).toBeCloseTo(5 - 0.5 + 6.5, 10);
  });

  it('space glyphs are not kept: one space between words, none leading', async () => {
    expect(text(await runs(withFont('BT /F1 10 Tf 100 700 Td (  A  B C) Tj ET')))).toEqual(['A B C']);
  });
});

describe('Unicode of the codes', () => {
  it('ToUnicode bfchar and bfrange: a counted range (carrying into the byte before), an array of strings, ligatures, surrogate pairs', async () => {
    const cmap = toUnicodeCMap(
      ['1 beginbfchar', '<01> <0041>', 'endbfchar', '3 beginbfrange', '<02> <04> <1EA0>', '<05> <06> [<00660069> <D835DC9C>]', '<07> <08> <00FF>', 'endbfrange'].join('\n'),
    );
    const bytes = onePage('BT /F1 10 Tf 100 700 Td (\\001\\002\\003\\004\\005\\006\\007\\010) Tj ET', { F1: 5 }, [...simpleFont(6, 1, [500, 500, 500, 500, 500, 500, 500, 500], '/ToUnicode 7 0 R'), cmap]);
    expect(text(await runs(bytes))).toEqual(['AẠạẢfi\u{1D49C}ÿĀ']);
  });

  it('no ToUnicode: WinAnsi names with Differences (glyph list, uniXXXX, gXXXX, Cdd), µ as pdf.js names it', async () => {
    const bytes = withFont('BT /F1 10 Tf 100 700 Td (\\200\\201\\202\\203\\265) Tj ET', '/Encoding << /BaseEncoding /WinAnsiEncoding /Differences [128 /Ohorn /uni1EA1 /g0041 /C66] >>');
    expect(text(await runs(bytes))).toEqual(['ƠạABμ']);
  });

  it('Type0, Identity-H: two-byte codes, widths from /W (a list and a range) and /DW', async () => {
    const cmap = toUnicodeCMap(['1 beginbfrange', '<0003> <0012> <0041>', 'endbfrange'].join('\n'));
    const bytes = onePage('BT /F1 10 Tf 100 700 Td <0003000400050010> Tj ET', { F1: 5 }, [
      '<< /Type /Font /Subtype /Type0 /BaseFont /TestSans /Encoding /Identity-H /DescendantFonts [6 0 R] /ToUnicode 9 0 R >>',
      '<< /Type /Font /Subtype /CIDFontType2 /BaseFont /TestSans /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor 7 0 R /W [3 [500 600] 16 18 700] >>',
      '<< /Type /FontDescriptor /FontName /TestSans /Flags 32 /FontBBox [0 -200 1000 900] /ItalicAngle 0 /Ascent 900 /Descent -200 /CapHeight 700 /StemV 80 /FontFile2 8 0 R >>',
      stream('/Length1 4', 'none'),
      cmap,
    ]);
    const [run] = await runs(bytes);
    expect(run!.str).toBe('ABCN');
    expect(run!.width).toBeCloseTo(5 + 6 + 10 + 7, 10);
  });
});

describe('what the direct reader leaves to pdf.js', () => {
  it.each([
    ['a Type1 font', onePage('BT /F1 10 Tf (A) Tj ET', { F1: 5 }, ['<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>'])],
    ['a glyph name outside its list', withFont('BT /F1 10 Tf (\\200) Tj ET', '/Encoding << /Differences [128 /afii10017] >>')],
    ['a form that draws itself', onePage('/X1 Do', { F1: 5 }, [...simpleFont(6, 32, WIDTHS), stream('/Type /XObject /Subtype /Form /BBox [0 0 9 9] /Resources << /XObject << /X1 7 0 R >> >>', '/X1 Do')], '/XObject << /X1 7 0 R >>')],
    ['an inline image', withFont('BI /W 1 /H 1 /BPC 8 /CS /G ID x EI')],
    ['a font set by a graphics state', onePage('/G1 gs BT (A) Tj ET', { F1: 5 }, [...simpleFont(6, 32, WIDTHS), '<< /Font [5 0 R 10] >>'], '/ExtGState << /G1 7 0 R >>')],
    ['an unknown operator', withFont('BT /F1 10 Tf (A) Tj ET 1 zz')],
    ['a standard font not embedded', onePage('BT /F1 10 Tf (A) Tj ET', { F1: 5 }, [...simpleFont(6, 32, WIDTHS).map((o) => o.replaceAll('TestSerif', 'Arial'))])],
  ])('%s', (_, bytes) => {
    expect(readTextLayer(bytes, 10)).toBeUndefined();
  });

  it('an encrypted file, and one longer than the page limit', () => {
    const bytes = withFont('BT /F1 10 Tf (A) Tj ET');
    expect(readTextLayer(bytes, 10)).toBeDefined();
    expect(readTextLayer(bytes, 0)).toBeUndefined();
    const encrypted = Buffer.from(bytes.toString('latin1').replace('/Root 1 0 R', '/Root 1 0 R /Encrypt << /Filter /Standard >>'), 'latin1');
    expect(readTextLayer(encrypted, 10)).toBeUndefined();
  });
});
