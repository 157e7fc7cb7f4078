import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bufferChunks, readDelimited } from '../../../src/extract/onestop/delimited-rows.js';
import type { RawRow } from '../../../src/extract/onestop/raw-row.js';
import { fixture } from './helpers.js';

async function rows(bytes: Buffer, workerAbove: number, chunk = 4096): Promise<RawRow[]> {
  const out: RawRow[] = [];
  await readDelimited(bufferChunks(bytes, chunk), (r) => out.push(r), {}, { workerAbove });
  return out;
}

describe('splitting in a worker thread', () => {
  it.each(['inbox/onestop-ban-thi-2024.tsv', 'onestop/ban-thi-2024-vendor2.csv', 'onestop/ban-thi-2024-cp1258.csv', 'onestop/ban-thi-2024-lone-cr.tsv'])(
    '%s: the same rows, lines and order as in this thread',
    async (name) => {
      const bytes = readFileSync(fixture(name));
      const inline = await rows(bytes, Infinity);
      expect(inline.length).toBeGreaterThanOrEqual(197);
      expect(await rows(bytes, 0)).toEqual(inline);
    },
  );

  it('cells holding the packing separators (NUL, U+0001) come through whole, before and after the chunk that holds them', async () => {
    const head = 'code,note\n' + Array.from({ length: 3000 }, (_, i) => `A${i},plain ${i}\n`).join('');
    const tail = Array.from({ length: 3000 }, (_, i) => `C${i},after ${i}\n`).join('');
    const bytes = Buffer.from(head + 'B1,nul\u0000inside\nB2,"soh\u0001, quoted"\n' + tail);
    const out = await rows(bytes, 0, 1024);
    expect(out).toHaveLength(6003);
    expect(out[3001]).toEqual({ line: 3002, cells: ['B1', 'nul\u0000inside'] });
    expect(out[3002]).toEqual({ line: 3003, cells: ['B2', 'soh\u0001, quoted'] });
    expect(out[0]).toEqual({ line: 1, cells: ['code', 'note'] });
    expect(out[6002]).toEqual({ line: 6003, cells: ['C2999', 'after 2999'] });
  });

  it('an error the row handler throws stops the read', async () => {
    const bytes = readFileSync(fixture('onestop/ban-thi-2024-vendor2.csv'));
    let seen = 0;
    const read = readDelimited(
      bufferChunks(bytes, 1024),
      (r) => {
        seen++;
        if (r.line === 50) throw new Error('stop at line 50');
      },
      {},
      { workerAbove: 0 },
    );
    await expect(read).rejects.toThrow('stop at line 50');
    expect(seen).toBeLessThan(60);
  });

  it('a record over the size limit is a rejection naming its line, from the worker too', async () => {
    const bytes = Buffer.concat([Buffer.from('a,b\n1,2\n"never closed,'), Buffer.alloc(9 * 1024 * 1024, 0x78)]);
    await expect(rows(bytes, 0, 256 * 1024)).rejects.toThrow(/^a record longer than 8388608 characters from line 3/);
  });
});
