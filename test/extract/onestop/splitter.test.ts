import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { DelimitedSplitter, RecordTooLong } from '../../../src/extract/onestop/splitter.js';
import { fixture } from './helpers.js';

/** Splits `text` fed in chunks of `size` characters. */
function split(text: string, delimiter: string, size: number): { cells: string[]; line: number }[] {
  const out: { cells: string[]; line: number }[] = [];
  const s = new DelimitedSplitter(delimiter, (cells, line) => out.push({ cells, line }));
  for (let i = 0; i < text.length; i += size) s.write(text.slice(i, i + size));
  s.end();
  return out;
}

const reference = (text: string, delimiter: string) =>
  parse(text, { delimiter, bom: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: true }) as string[][];

describe('delimited splitter, held to csv-parse', () => {
  it.each([
    ['plain', 'a,b,c\r\n1,2,3\r\n', ','],
    ['quoted delimiter and doubled quotes', 'a,"b, c","say ""hi"""\n1,2,3\n', ','],
    ['quoted line break', 'a,"two\nlines",c\r\nx,y,z\r\n', ','],
    ['formula unquoted', 'code,=HYPERLINK("http://x","y"),+1,@u\n', ','],
    ['formula quoted', 'code,"=HYPERLINK(""http://x"",""y"")",c\n', ','],
    ['empty fields and lines', ',,\n\n\na,,b\n', ','],
    ['no final newline', 'a\tb\nc\td', '\t'],
    ['BOM', '\uFEFFa;b\n1;2\n', ';'],
    ['quote then text', 'a,"b"c,d\n', ','],
  ])('%s', (_name, text, d) => {
    for (const size of [1, 2, 3, 7, 1000]) expect(split(text, d, size).map((r) => r.cells)).toEqual(reference(text, d));
  });

  it('counts lines, a multi-line record taking its first line', () => {
    expect(split('h1,h2\n\n"a\nb",c\nd,e\n', ',', 4).map((r) => r.line)).toEqual([1, 3, 5]);
  });

  it('gives the same records as csv-parse for the vendor-B fixture', () => {
    const text = readFileSync(fixture('onestop/ban-thi-2024-vendor2.csv'), 'utf8');
    expect(split(text, ',', 4096).map((r) => r.cells)).toEqual(reference(text, ','));
  });

  it('an unterminated quote stops at the record size limit', () => {
    const s = new DelimitedSplitter(',', () => {}, 100);
    expect(() => s.write('a,b\n"never closed,' + 'x'.repeat(200))).toThrow(RecordTooLong);
  });
});
