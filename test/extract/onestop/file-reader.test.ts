import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RejectedInput } from '../../../src/extract/errors.js';
import { bufferChunks, type DelimitedInfo, readDelimited } from '../../../src/extract/onestop/delimited-rows.js';
import { readDelimitedFile } from '../../../src/extract/onestop/file-reader.js';
import type { RawRow } from '../../../src/extract/onestop/raw-row.js';
import { tempDir } from '../../helpers.js';
import { fixture } from './helpers.js';

async function fromFile(path: string): Promise<{ rows: RawRow[]; info: Partial<DelimitedInfo> }> {
  const rows: RawRow[] = [];
  const info: Partial<DelimitedInfo> = {};
  let infoAtFirstRow: Partial<DelimitedInfo> | undefined;
  await readDelimitedFile(
    path,
    (r) => {
      infoAtFirstRow ??= { ...info };
      rows.push(r);
    },
    info,
  );
  // What the reader learnt is there before the first row (the dossier reader names the format from it).
  if (rows.length) expect(infoAtFirstRow).toEqual(info);
  return { rows, info };
}

function written(name: string, bytes: Buffer | string): string {
  const path = join(tempDir(), name);
  writeFileSync(path, bytes);
  return path;
}

describe('reading an export on disk in a worker thread', () => {
  it.each([
    ['inbox/onestop-ban-thi-2024.tsv', 'utf16le', '\t'],
    ['onestop/ban-thi-2024-vendor2.csv', 'utf8', ','],
    ['onestop/ban-thi-2024-cp1258.csv', 'windows1258', ';'],
    ['onestop/ban-thi-2024-lone-cr.tsv', 'utf8', '\t'],
  ])('%s: the same rows, lines and order as read from its bytes in this thread (%s, delimiter %j)', async (name, encoding, delimiter) => {
    const bytes = readFileSync(fixture(name));
    const here: RawRow[] = [];
    await readDelimited(bufferChunks(bytes, 4096), (r) => here.push(r), {}, { workerAbove: Infinity });
    const { rows, info } = await fromFile(fixture(name));
    expect(rows.length).toBeGreaterThanOrEqual(197);
    expect(rows).toEqual(here);
    expect(info.encoding?.encoding).toBe(encoding);
    expect(info.delimiter).toBe(delimiter);
  });

  it('a file of many batches comes through whole and in order, with its line numbers', async () => {
    const body = Array.from({ length: 25_000 }, (_, i) => `HS-${i},"Thôn ${i % 7}, xã Mẫu",${i % 3 ? 'Trực tiếp' : 'Trực tuyến'}\n`).join('');
    const { rows } = await fromFile(written('long.csv', 'Mã hồ sơ,Địa chỉ,Hình thức\n' + body));
    expect(rows).toHaveLength(25_001);
    expect(rows[0]).toEqual({ line: 1, cells: ['Mã hồ sơ', 'Địa chỉ', 'Hình thức'] });
    expect(rows[12_345]).toEqual({ line: 12_346, cells: ['HS-12344', 'Thôn 3, xã Mẫu', 'Trực tiếp'] });
    expect(rows[25_000]).toEqual({ line: 25_001, cells: ['HS-24999', 'Thôn 2, xã Mẫu', 'Trực tuyến'] });
  });

  it('cells holding the packing separators (NUL, U+0001) come through whole, far into the file', async () => {
    const head = 'code,note\n' + Array.from({ length: 20_000 }, (_, i) => `A${i},plain ${i}\n`).join('');
    const tail = Array.from({ length: 3000 }, (_, i) => `C${i},after ${i}\n`).join('');
    const { rows } = await fromFile(written('sep.csv', head + 'B1,nul\u0000inside\nB2,"soh\u0001, quoted"\n' + tail));
    expect(rows).toHaveLength(23_003);
    expect(rows[20_001]).toEqual({ line: 20_002, cells: ['B1', 'nul\u0000inside'] });
    expect(rows[20_002]).toEqual({ line: 20_003, cells: ['B2', 'soh\u0001, quoted'] });
    expect(rows[23_002]).toEqual({ line: 23_003, cells: ['C2999', 'after 2999'] });
  });

  it('after megabytes of blank lines (no row to hand over meanwhile), a NUL in the first cells still comes through whole', async () => {
    const { rows } = await fromFile(written('blank.csv', '\r\n'.repeat(1_500_000) + 'code,note\r\nB1,nul\u0000inside\r\n'));
    expect(rows).toEqual([
      { line: 1_500_001, cells: ['code', 'note'] },
      { line: 1_500_002, cells: ['B1', 'nul\u0000inside'] },
    ]);
  });

  it('in UTF-16 too, where every Latin letter has a zero byte: a NUL in a cell comes through whole', async () => {
    const text = 'code\tnote\r\n' + Array.from({ length: 20_000 }, (_, i) => `A${i}\tthôn ${i}\r\n`).join('') + 'B1\tnul\u0000inside\r\nC1\tlast\r\n';
    const { rows, info } = await fromFile(written('utf16.tsv', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])));
    expect(info.encoding?.encoding).toBe('utf16le');
    expect(rows).toHaveLength(20_003);
    expect(rows[1]).toEqual({ line: 2, cells: ['A0', 'thôn 0'] });
    expect(rows[20_001]).toEqual({ line: 20_002, cells: ['B1', 'nul\u0000inside'] });
    expect(rows[20_002]).toEqual({ line: 20_003, cells: ['C1', 'last'] });
  });

  it('an error the row handler throws stops the worker and is the error the read fails with', async () => {
    const path = written('stop.csv', 'a,b\n' + Array.from({ length: 50_000 }, (_, i) => `${i},x\n`).join(''));
    let seen = 0;
    const read = readDelimitedFile(path, (r) => {
      seen++;
      if (r.line === 50) throw new Error('stop at line 50');
    });
    await expect(read).rejects.toThrow('stop at line 50');
    expect(seen).toBe(50);
  });

  it("the worker's rejections come back as rejections, with their code and line", async () => {
    const tooLong = written('open-quote.csv', Buffer.concat([Buffer.from('a,b\n1,2\n"never closed,'), Buffer.alloc(9 * 1024 * 1024, 0x78)]));
    const err = await readDelimitedFile(tooLong, () => {}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RejectedInput);
    expect(err).toMatchObject({ code: 'record_too_long', location: 'line 3', message: 'a record longer than 8388608 characters from line 3 (an unterminated quote?)' });

    const mixed = written('mixed.csv', Buffer.concat([Buffer.from('Mã hồ sơ,Trạng thái\n'), Buffer.from('HS-1,Đã trả kết quả\n'.repeat(20_000)), Buffer.from([0x48, 0x53, 0x2c, 0xff, 0xfe, 0x0a])]));
    await expect(readDelimitedFile(mixed, () => {})).rejects.toMatchObject({ name: 'RejectedInput', code: 'mixed_encoding' });

    await expect(readDelimitedFile(written('empty.csv', ''), () => {})).rejects.toMatchObject({ code: 'empty_file', message: 'empty file (0 bytes)' });
  });

  it('a file that cannot be opened fails the read with the reason', async () => {
    await expect(readDelimitedFile(join(tempDir(), 'missing.csv'), () => {})).rejects.toThrow(/ENOENT/);
  });
});
