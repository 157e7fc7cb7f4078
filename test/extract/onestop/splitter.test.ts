import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DelimitedSplitter, RecordTooLong } from '../../../src/extract/onestop/splitter.js';
import { fixture } from './helpers.js';

/** Splits `text` fed in chunks of `size` characters. */
async function split(text: string, delimiter: string, size: number): Promise<{ cells: string[]; line: number }[]> {
  const out: { cells: string[]; line: number }[] = [];
  const s = new DelimitedSplitter(delimiter, (cells, line) => out.push({ cells, line }));
  for (let i = 0; i < text.length; i += size) s.write(text.slice(i, i + size));
  await s.end();
  return out;
}

describe('delimited splitter (csv-parse)', () => {
  // Expected records written by hand.
  it.each([
    ['plain CRLF', 'a,b,c\r\n1,2,3\r\n', ',', [['a', 'b', 'c'], ['1', '2', '3']]],
    ['plain LF', 'a,b\n1,2\n', ',', [['a', 'b'], ['1', '2']]],
    ['lone CR (old Mac)', 'a,b\r1,2\r3,4', ',', [['a', 'b'], ['1', '2'], ['3', '4']]],
    ['mixed CRLF, LF and CR', 'a,b\r\n1,2\n3,4\r5,6\r\n', ',', [['a', 'b'], ['1', '2'], ['3', '4'], ['5', '6']]],
    ['quoted delimiter and doubled quotes', 'a,"b, c","say ""hi"""\n1,2,3\n', ',', [['a', 'b, c', 'say "hi"'], ['1', '2', '3']]],
    ['quoted line break', 'a,"two\nlines",c\r\nx,y,z\r\n', ',', [['a', 'two\nlines', 'c'], ['x', 'y', 'z']]],
    ['quoted CR inside a CR file', 'a,"two\rlines"\rx,y\r', ',', [['a', 'two\rlines'], ['x', 'y']]],
    ['formula unquoted', 'code,=HYPERLINK("http://x","y"),+1,@u\n', ',', [['code', '=HYPERLINK("http://x"', '"y")', '+1', '@u']]],
    ['formula quoted', 'code,"=HYPERLINK(""http://x"",""y"")",c\n', ',', [['code', '=HYPERLINK("http://x","y")', 'c']]],
    ['empty fields and lines', ',,\n\n\na,,b\n', ',', [['', '', ''], ['a', '', 'b']]],
    ['no final newline', 'a\tb\nc\td', '\t', [['a', 'b'], ['c', 'd']]],
    ['BOM', '\uFEFFa;b\n1;2\n', ';', [['a', 'b'], ['1', '2']]],
  ])('%s', async (_name, text, d, expected) => {
    for (const size of [1, 2, 3, 7, 1000]) expect((await split(text, d, size)).map((r) => r.cells), `chunks of ${size}`).toEqual(expected);
  });

  it('counts lines, a multi-line record taking its first line, in LF and lone-CR files alike', async () => {
    expect((await split('h1,h2\n\n"a\nb",c\nd,e\n', ',', 4)).map((r) => r.line)).toEqual([1, 3, 5]);
    expect((await split('h1,h2\r\r"a\rb",c\rd,e\r', ',', 4)).map((r) => r.line)).toEqual([1, 3, 5]);
  });

  it('reads the vendor-B fixture: its header and 196 dossier lines', async () => {
    const text = readFileSync(fixture('onestop/ban-thi-2024-vendor2.csv'), 'utf8');
    const rows = await split(text, ',', 4096);
    const codes = rows.filter((r) => /\d{6,}/.test(r.cells.join(' ')));
    expect(codes.length).toBeGreaterThanOrEqual(196);
  });

  it('an unterminated quote stops at the record size limit', () => {
    const s = new DelimitedSplitter(',', () => {}, 100);
    expect(() => s.write('a,b\n"never closed,' + 'x'.repeat(200))).toThrow(RecordTooLong);
  });

  it('an error the row handler throws comes out of the splitter (a record at a chunk end waits for the next chunk: CRLF or LF)', async () => {
    const seen: string[] = [];
    const s = new DelimitedSplitter(',', (cells) => {
      if (cells[0] === 'bad') throw new Error('stop here');
      seen.push(cells[0]!);
    });
    s.write('ok,1\n');
    s.write('bad,2\n');
    expect(() => s.write('after,3\n')).toThrow('stop here');
    expect(seen).toEqual(['ok']);
    const t = new DelimitedSplitter(',', () => {
      throw new Error('at the end');
    });
    t.write('last,1');
    await expect(t.end()).rejects.toThrow('at the end');
  });
});
