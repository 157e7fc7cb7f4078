import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RejectedInput } from '../../../src/extract/index.js';
import { createHash, extract, extractBytes, fixture, memoryWarehouse } from './helpers.js';

const reason = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(RejectedInput);
    return (err as Error).message;
  }
  throw new Error('not rejected');
};

describe('one-stop exports: bad input, each with a clear one-line reason', () => {
  it.each([
    ['bad/onestop-empty.csv', /^empty file \(0 bytes\)$/],
    ['bad/onestop-blank-lines.csv', /^empty file: only blank lines$/],
    ['bad/onestop-garbage.csv', /binary content of unknown format/],
    // TCVN3 is decoded now: what is wrong with this file is its columns.
    ['bad/onestop-tcvn3.csv', /^header at line 1 lacks required columns: promised_at/],
    ['bad/onestop-mixed-encoding.csv', /^mixed encoding/],
    ['bad/onestop-no-header.csv', /^text file is not a one-stop export: no header row in the first 30 rows: looked for dossier columns such as Mã hồ sơ \/ Số hồ sơ; Ngày tiếp nhận/],
  ])('%s is rejected', async (path, expected) => {
    const message = await reason(extract(path));
    expect(message).toMatch(expected);
    expect(message).not.toContain('\n');
  });

  it('a file missing required columns is rejected naming the columns it looked for', async () => {
    const message = await reason(extract('bad/onestop-missing-columns.csv'));
    expect(message).toMatch(/^header at line 1 lacks required columns: promised_at \(looked for "Ngày hẹn trả", "Hạn xử lý"/);
    expect(message).toContain('status (looked for "Trạng thái"');
    expect(message).toContain('channel (looked for "Hình thức nộp", "Kênh tiếp nhận"');
    expect(message).not.toContain('code (');
  });

  it('bytes that stop being UTF-8 after the sampled head are a mixed encoding, with the offset', async () => {
    const header = 'Mã hồ sơ,Trạng thái,Hình thức nộp,Ngày nhận,Ngày hẹn trả,Ngày hoàn thành\r\n';
    const row = (i: number) => `X-${i},Đã trả kết quả,Trực tiếp,02/01/2024,05/01/2024,04/01/2024\r\n`;
    const good = Buffer.from(header + Array.from({ length: 1500 }, (_, i) => row(i)).join(''), 'utf8');
    const bad = Buffer.from('X-9999,\xd0\xe3 tr\xe3 k\xea\xcc t qu\xe3\xd2,1,02/01/2024,05/01/2024,04/01/2024\r\n', 'latin1');
    expect(good.length).toBeGreaterThan(64 * 1024);
    const message = await reason(extractBytes(Buffer.concat([good, bad])));
    expect(message).toMatch(/^mixed encoding: bytes after offset \d+ are not valid UTF-8/);
  });

  it('rows with bad dates, unknown channels or statuses are counted and reported by line; formulas stay text; duplicates are judged', async () => {
    const wh = await memoryWarehouse();
    const bytes = readFileSync(fixture('bad/onestop-bad-rows.csv'));
    const sha = createHash('sha256').update(bytes).digest('hex');
    const w = wh.writer(sha);
    const doc = await extractBytes(bytes, 'fixtures/bad/onestop-bad-rows.csv', {}, w);
    // Line 13 repeats line 4's code with another finish: the extractor does not count it again, and
    // the writer, which stores the first, says how they differ; its warning takes its place by line.
    expect(w.loader.warnings(doc.warnings)).toEqual([
      { where: 'line 8', message: 'unparseable received date "31/02/2024 08:00": row not counted' },
      { where: 'line 9', message: 'unknown channel "9": counted as received, not as online or direct' },
      { where: 'line 10', message: 'unknown status "teleported": row not counted' },
      { where: 'line 13', message: 'dossier 000.31.64.H06-231204-0003 also at line 4 of this file with different finished_date, outcome: the warehouse keeps the first, this row is not counted' },
      { where: 'file', message: '2 of 12 dossier rows not counted: 1 bad date, 1 unknown status' },
    ]);
    const n = (sql: string) => (wh.sqlite.prepare(sql).get() as { n: number }).n;
    // 6 good + unknown channel + formula row; line 12 (same content as line 3) is one row.
    expect(n('SELECT COUNT(*) AS n FROM dossiers')).toBe(8);
    const formula = wh.sqlite.prepare("SELECT procedure, sector, unit_name FROM dossiers WHERE code = 'FORMULA-0001'").get();
    expect(formula).toEqual({ procedure: '=HYPERLINK("http://example.invalid/x","Bấm vào đây")', sector: '+Hộ tịch', unit_name: '@Xã Bản Thi - Huyện Chợ Đồn - Tỉnh Bắc Kạn' });
    // New dossiers of the reporting years (the export also counts each half, quarter and nine months).
    const received = doc.figures.filter((f) => f.indicatorKey === '7.2.4.new' && f.scope?.period?.kind === 'year').reduce((s, f) => s + (f.number ?? 0), 0);
    expect(received).toBe(8);
    await wh.close();
  });

  it('an overlapping export is deduplicated in the warehouse but still counts its own rows', async () => {
    const wh = await memoryWarehouse();
    const load = async (path: string) => {
      const bytes = readFileSync(fixture(path));
      const w = wh.writer(createHash('sha256').update(bytes).digest('hex'));
      const doc = await extractBytes(bytes, path, { period: '2024', window: { start: '2023-12-01', end: '2024-11-20' } }, w);
      return { doc, w };
    };
    const a = await load('inbox/onestop-ban-thi-2024.tsv');
    const b = await load('onestop/ban-thi-2024-vendor2.csv');
    expect(a.w.loader.inserted).toBe(196);
    expect(b.w.loader.inserted).toBe(0);
    expect(b.w.loader.duplicates).toBe(196);
    expect(b.w.loader.warnings(b.doc.warnings)).toEqual([]); // same meaning in another vendor's words: no conflict
    expect(b.doc.figures.find((f) => f.indicatorKey === '7.2.4.received')!.number).toBe(196);
    expect((wh.sqlite.prepare('SELECT COUNT(*) AS n FROM dossiers').get() as { n: number }).n).toBe(196);
    await wh.close();
  });

  it('a 1 MB field is reported and its row left out; the rest of the file loads', async () => {
    const doc = await extract('bad/onestop-huge-field.csv');
    expect(doc.warnings[0]).toEqual({ where: 'line 4', message: 'column "Thủ tục" holds 1048576 characters (limit 32768): row not counted' });
    expect(doc.figures.filter((f) => f.indicatorKey === '7.2.4.new' && f.scope?.period?.kind === 'year').reduce((s, f) => s + (f.number ?? 0), 0)).toBe(6);
  });
});
