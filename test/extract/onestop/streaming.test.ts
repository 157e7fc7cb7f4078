import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractTextExport } from '../../../src/extract/onestop/index.js';
import type { ExtractConfig } from '../../../src/extract/index.js';
import { byKey, extract, fixture, memoryWriter, STATED } from './helpers.js';

async function* chunks(bytes: Buffer, size: number): AsyncGenerator<Buffer> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

describe('streaming path: chunk boundaries never change the result', () => {
  it.each([
    ['inbox/onestop-ban-thi-2024.tsv', 7], // cuts UTF-16 code units and CRLF pairs
    ['onestop/ban-thi-2024-vendor2.csv', 5], // cuts UTF-8 sequences of Vietnamese letters
    ['onestop/ban-thi-2024-cp1258.csv', 3], // cuts base letters from their combining tone marks
  ])('%s in %d-byte chunks', async (path, size) => {
    const whole = await extract(path, STATED);
    const w = memoryWriter();
    const stats: Record<string, unknown> = {};
    const streamed = await extractTextExport(chunks(readFileSync(fixture(path)), size), { path: `fixtures/${path}` }, { config: { maxBytes: 1e9, ...STATED } as unknown as ExtractConfig, dossiers: w }, stats);
    expect(byKey(streamed.figures)).toEqual(byKey(whole.figures));
    expect(w.rows).toHaveLength(196);
    // Stored NFC whatever the source (Windows-1258 decodes to combining tone marks).
    expect(w.rows.filter((r) => r.procedure === 'Đăng ký khai sinh'.normalize('NFC'))).toHaveLength(38);
    expect(stats).toMatchObject({ rows: 196, counted: 196, notCounted: 0 });
  });
});

describe('recount from the dossiers table for a window known later', () => {
  it('gives the extractor figures for the report window, from the warehouse alone', async () => {
    const { memoryWarehouse } = await import('./helpers.js');
    const { recountDossiers } = await import('../../../src/extract/onestop/index.js');
    const { storedDossiers } = await import('../../../src/warehouse/index.js');
    const recountFromWarehouse = (sqlite: typeof wh.sqlite, { units, ...options }: typeof STATED & { units: string[] }) => recountDossiers(storedDossiers(sqlite, units), options);
    const wh = await memoryWarehouse();
    // Loaded without a period: figures per regulation year. The report comes later with its window.
    await extract('onestop/ban-thi-2024-vendor2.csv', {}, wh.writer('a'.repeat(64)));
    const recount = recountFromWarehouse(wh.sqlite, { ...STATED, units: ['Xã Bản Thi - Huyện Chợ Đồn - Tỉnh Bắc Kạn'] });
    const direct = await extract('inbox/onestop-ban-thi-2024.tsv', STATED);
    expect(byKey(recount)).toEqual(byKey(direct.figures));
    expect(recount[0]!.scope?.window).toEqual({ start: '2023-12-01', end: '2024-11-20', source: 'stated' });
    expect(recountFromWarehouse(wh.sqlite, { ...STATED, units: ['UBND xã Khác'] })).toEqual([]);
    await wh.close();
  });
});
