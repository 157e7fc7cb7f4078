import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RejectedInput } from '../../../src/extract/index.js';
import type { ExtractConfig } from '../../../src/extract/index.js';
import { detectEncoding, extractTextExport } from '../../../src/extract/onestop/index.js';
import { STATED, byKey, extract, extractBytes, fixture, memoryWriter } from './helpers.js';

async function* chunks(bytes: Buffer, size: number): AsyncGenerator<Buffer> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

describe('one-stop exports in TCVN3 and VNI (2019–2021 systems)', () => {
  it.each([
    ['legacy/onestop-ban-thi-2024-tcvn3.csv', 'tcvn3', 'decodes to Vietnamese as TCVN3'],
    ['legacy/onestop-ban-thi-2024-vni.csv', 'vni', 'decodes to Vietnamese as VNI'],
  ])('%s is told from its bytes as %s', (path, encoding, evidence) => {
    const bytes = readFileSync(fixture(path));
    // "Đơn vị": TCVN3 § ¬ n, VNI Ñ ô n.
    expect(bytes.subarray(4, 7).toString('hex')).toBe(encoding === 'tcvn3' ? 'a7ac6e' : 'd1f46e');
    expect(detectEncoding(bytes.subarray(0, 65536))).toEqual({ encoding, evidence });
  });

  it.each([
    ['legacy/onestop-ban-thi-2024-tcvn3-excel-utf8.csv', { encoding: 'utf8', evidence: 'UTF-8 BOM, letters in TCVN3 codes', legacy: 'tcvn3' }],
    ['legacy/onestop-ban-thi-2024-vni-unicode-text.tsv', { encoding: 'utf16le', evidence: 'UTF-16LE BOM, letters in VNI codes', legacy: 'vni' }],
  ])('%s (Excel saving legacy-font cells as Unicode) carries TCVN3/VNI codes as characters', (path, expected) => {
    expect(detectEncoding(readFileSync(fixture(path)).subarray(0, 65536))).toEqual(expected);
  });

  it('the Windows-1258 export is still told as Windows-1258', () => {
    expect(detectEncoding(readFileSync(fixture('onestop/ban-thi-2024-cp1258.csv'))).encoding).toBe('windows1258');
  });

  it.each([
    'legacy/onestop-ban-thi-2024-tcvn3.csv',
    'legacy/onestop-ban-thi-2024-vni.csv',
    'legacy/onestop-ban-thi-2024-tcvn3-excel-utf8.csv',
    'legacy/onestop-ban-thi-2024-vni-unicode-text.tsv',
  ])(
    '%s gives the figures and dossiers of the same export in Windows-1258, in NFC',
    async (path) => {
      const w = memoryWriter();
      const doc = await extract(path, STATED, w);
      const reference = await extract('onestop/ban-thi-2024-cp1258.csv', STATED);
      expect(byKey(doc.figures)).toEqual(byKey(reference.figures));
      // Counted from the source by hand: 196 dossiers, 38 of them "Đăng ký khai sinh", 61 online.
      expect(w.rows).toHaveLength(196);
      expect(w.rows.filter((r) => r.procedure === 'Đăng ký khai sinh')).toHaveLength(38);
      expect(w.rows.filter((r) => r.sector === 'Chứng thực')).toHaveLength(78);
      expect(byKey(doc.figures)['7.2.4.online']).toBe(61);
      expect(doc.warnings.filter((x) => x.where !== 'file')).toEqual([]);
    },
  );

  it.each([
    ['legacy/onestop-ban-thi-2024-tcvn3.csv', 1],
    ['legacy/onestop-ban-thi-2024-vni.csv', 1],
    ['legacy/onestop-ban-thi-2024-vni.csv', 5],
    ['legacy/onestop-ban-thi-2024-vni-unicode-text.tsv', 3],
    ['legacy/onestop-ban-thi-2024-tcvn3-excel-utf8.csv', 2],
  ])('%s in %d-byte chunks gives the same result (VNI base and mark bytes cut apart)', async (path, size) => {
    const whole = await extract(path, STATED);
    const w = memoryWriter();
    const streamed = await extractTextExport(chunks(readFileSync(fixture(path)), size), { path: `fixtures/${path}` }, { config: { maxBytes: 1e9, ...STATED } as unknown as ExtractConfig, dossiers: w }, {});
    expect(byKey(streamed.figures)).toEqual(byKey(whole.figures));
    expect(w.rows.filter((r) => r.procedure === 'Chứng thực bản sao từ bản chính giấy tờ, văn bản')).toHaveLength(60);
  });

  it('bytes that read as Vietnamese in no 8-bit table are rejected with one line', async () => {
    // Windows-1251 Russian.
    const bytes = Buffer.from('\xcd\xee\xec\xe5\xf0;\xc4\xe0\xf2\xe0;\xd1\xf2\xe0\xf2\xf3\xf1\r\n1;\xef\xf0\xe8\xed\xff\xf2;\xe3\xee\xf2\xee\xe2\xee\r\n', 'latin1');
    const err = await extractBytes(bytes).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RejectedInput);
    expect((err as Error).message).toBe('unknown text encoding: not UTF-8 or UTF-16 (no BOM, invalid UTF-8) and it reads as Vietnamese in none of Windows-1258, TCVN3 and VNI');
  });

  it('UTF-8 Vietnamese pasted into a TCVN3 export is a mixed encoding, with its offset', async () => {
    const head = readFileSync(fixture('legacy/onestop-ban-thi-2024-tcvn3.csv'));
    const tail = Buffer.from('999;UBND xã Bản Thi;Hộ tịch\r\n', 'utf8');
    // Past the sampled head (64 KiB): the same rows twice, then the pasted line.
    const bytes = Buffer.concat([head, head, tail]);
    expect(bytes.length).toBeGreaterThan(65536);
    const chunked = extractTextExport(chunks(bytes, 65536), { path: 'x.csv' }, { config: { maxBytes: 1e9, ...STATED } as unknown as ExtractConfig, dossiers: memoryWriter() }, {});
    await expect(chunked).rejects.toThrow(/^mixed encoding: TCVN3 text with UTF-8 bytes at byte \d+$/);
  });
});
