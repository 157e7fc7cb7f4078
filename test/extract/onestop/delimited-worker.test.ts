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
