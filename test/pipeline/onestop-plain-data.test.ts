import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DossierBatch } from '../../src/extract/index.js';
import { ExtractPool } from '../../src/pipeline/extract-pool.js';
import { type PreparedFile, ingestPaths } from '../../src/pipeline/ingest.js';
import { tempDir } from '../helpers.js';
import { warehouseContents } from './warehouse-contents.js';

const HEADER = 'Số hồ sơ,Thủ tục,Lĩnh vực,Địa bàn phát sinh hồ sơ,Kênh tiếp nhận,Mức độ,Trạng thái,Ngày tiếp nhận,Hạn xử lý,Ngày hoàn thành';
const UNIT = 'Xã Bản Thi - Huyện Chợ Đồn - Tỉnh Bắc Kạn';
const line = (code: string, received: string, promised: string, finished: string, channel = '1') => `${code},Đăng ký khai sinh,Hộ tịch,${UNIT},${channel},,done,${received},${promised},${finished}`;

/**
 * Export A: line 4 repeats line 2 word for word; line 6 repeats line 5's code with a later finish.
 * Export B overlaps it: line 2 is A's line 3 again, line 3 A's T-0003 with the later finish, line 4 is new.
 */
const A = [
  HEADER,
  line('T-0001', '2024-01-02', '05/01/2024', '2024-01-04', '2'), // early, online
  line('T-0002', '2024-01-03', '08/01/2024', '2024-01-09'), // late
  line('T-0001', '2024-01-02', '05/01/2024', '2024-01-04', '2'),
  line('T-0003', '2024-02-01', '06/02/2024', '2024-02-05'), // early
  line('T-0003', '2024-02-01', '06/02/2024', '2024-02-07'), // late, if it were counted
];
const B = [
  HEADER,
  line('T-0002', '2024-01-03', '08/01/2024', '2024-01-09'),
  line('T-0003', '2024-02-01', '06/02/2024', '2024-02-07'),
  line('T-0004', '2024-03-04', '07/03/2024', '2024-03-06'),
];

function writeExports(dir: string): { a: string; b: string; shaA: string } {
  const a = join(dir, 'a-mot-cua.csv');
  const b = join(dir, 'b-mot-cua.csv');
  const bytesA = Buffer.from(A.join('\r\n') + '\r\n', 'utf8');
  writeFileSync(a, bytesA);
  writeFileSync(b, B.join('\r\n') + '\r\n');
  return { a, b, shaA: createHash('sha256').update(bytesA).digest('hex') };
}

function query<T>(db: string, sql: string): T[] {
  const conn = new SQLite(db, { readonly: true });
  try {
    return conn.prepare(sql).all() as T[];
  } finally {
    conn.close();
  }
}

const contents = (db: string) => warehouseContents(db, ['documents', 'observations', 'dossiers', 'periods', 'reconciled_values', 'conflicts', 'ingest_errors']);

describe('one-stop dossiers handed to the writer as plain data', () => {
  it('a repeated line and an overlapping export give the dossiers, counts and warnings written here by hand', async () => {
    const dir = tempDir();
    const { a, b, shaA } = writeExports(dir);
    const db = join(dir, 'w.sqlite');
    const run = await ingestPaths([a, b], { dbPath: db, config: { period: '2024' } });
    expect(run.files.map((f) => [f.status, f.warnings])).toEqual([
      ['loaded', 1],
      ['loaded', 1],
    ]);
    // The first row stored wins: A's lines 2, 3 and 5, and B's new line 4.
    expect(query(db, 'SELECT code, source_line, finished_date, outcome, channel, d.path FROM dossiers JOIN documents d ON d.sha256 = document_sha256 ORDER BY code')).toEqual([
      { code: 'T-0001', source_line: 2, finished_date: '2024-01-04', outcome: 'early', channel: 'online', path: a },
      { code: 'T-0002', source_line: 3, finished_date: '2024-01-09', outcome: 'late', channel: 'direct', path: a },
      { code: 'T-0003', source_line: 5, finished_date: '2024-02-05', outcome: 'early', channel: 'direct', path: a },
      { code: 'T-0004', source_line: 4, finished_date: '2024-03-06', outcome: 'early', channel: 'direct', path: b },
    ]);
    // A counts its three dossiers once each; B counts its own three, whatever A brought.
    const year = (key: string) =>
      query<{ file_name: string; value_num: number }>(
        db,
        `SELECT d.file_name, o.value_num FROM observations o JOIN documents d ON d.sha256 = o.document_sha256
         WHERE o.indicator_key = '${key}' AND o.period_key = '2024' ORDER BY d.file_name`,
      ).map((r) => [r.file_name, r.value_num]);
    expect(year('7.2.4.received')).toEqual([
      ['a-mot-cua.csv', 3],
      ['b-mot-cua.csv', 3],
    ]);
    expect(year('7.2.4.online')).toEqual([
      ['a-mot-cua.csv', 1],
      ['b-mot-cua.csv', 0],
    ]);
    expect(query(db, "SELECT path, location, message FROM ingest_errors WHERE severity = 'warning' ORDER BY id").map((r) => Object.values(r as object).slice(1))).toEqual([
      ['line 6', 'dossier T-0003 also at line 5 of this file with different finished_date, outcome: the warehouse keeps the first, this row is not counted'],
      ['line 3', `dossier T-0003 also at line 5 of document ${shaA.slice(0, 12)} with different finished_date, outcome: the warehouse keeps the first`],
    ]);
  }, 120_000);

  it('a one-stop CSV extracted in a backfill worker gives the warehouse the writer thread gives', async () => {
    const dir = tempDir();
    const { a, b } = writeExports(dir);
    const here = join(dir, 'here.sqlite');
    const there = join(dir, 'worker.sqlite');
    await ingestPaths([a, b], { dbPath: here, config: { period: '2024' } });

    const config = { maxBytes: 200 * 1024 * 1024, period: '2024' };
    const pool = new ExtractPool(config, undefined, 1);
    const handed: number[] = [];
    try {
      pool.begin([a, b]);
      const prepare = async (file: { path: string; sha256: string }): Promise<PreparedFile | undefined> => {
        const prepared = await pool.prepare(file);
        // Every row the export holds comes back from the worker, repeated lines too (the writer judges them).
        handed.push(prepared ? prepared.dossiers.reduce((n, batch) => n + DossierBatch.parse(batch).count, 0) : -1);
        return prepared;
      };
      await ingestPaths([a, b], { dbPath: there, config, prepare });
    } finally {
      await pool.close();
    }
    expect(handed).toEqual([5, 3]);
    expect(contents(there)).toEqual(contents(here));
  }, 120_000);

  it('a text export too long for a worker is left to the writer, which streams it', async () => {
    const dir = tempDir();
    const { a } = writeExports(dir);
    // The pool sends nothing above its limit: the writer extracts it and stores its batches itself.
    const { WORKER_TEXT_MAX_BYTES } = await import('../../src/pipeline/extract-pool.js');
    const big = join(dir, 'big-mot-cua.csv');
    const rows = Math.ceil(WORKER_TEXT_MAX_BYTES / 90) + 10;
    const lines = [HEADER];
    for (let i = 0; i < rows; i++) lines.push(line(`L-${i}`, '2024-01-02', '05/01/2024', '2024-01-04'));
    writeFileSync(big, lines.join('\n') + '\n');
    expect(readFileSync(big).length).toBeGreaterThan(WORKER_TEXT_MAX_BYTES);
    const pool = new ExtractPool({ maxBytes: 200 * 1024 * 1024, period: '2024' }, undefined, 1);
    try {
      pool.begin([a, big]);
      const db = join(dir, 'w.sqlite');
      const seen: boolean[] = [];
      await ingestPaths([a, big], {
        dbPath: db,
        config: { period: '2024' },
        prepare: async (f) => {
          const p = await pool.prepare(f);
          seen.push(p !== undefined);
          return p;
        },
      });
      expect(seen).toEqual([true, false]);
      expect(query(db, 'SELECT COUNT(*) AS n FROM dossiers')).toEqual([{ n: rows + 3 }]);
    } finally {
      await pool.close();
    }
  }, 180_000);
});
