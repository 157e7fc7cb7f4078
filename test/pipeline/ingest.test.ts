import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { ingestPaths } from '../../src/pipeline/index.js';
import { appendixSource, fixture, tempDir } from '../helpers.js';

const APPENDIX = fixture('inbox/ban-thi-2024-phu-luc-II.xlsx');

function query<T>(db: string, sql: string, ...params: unknown[]): T[] {
  const conn = new SQLite(db, { readonly: true });
  try {
    return conn.prepare(sql).all(...params) as T[];
  } finally {
    conn.close();
  }
}

describe('ingestPaths, end to end on the appendix workbook', () => {
  it('loads every appendix row into indicator_values, equal to the printed value, with sheet and cell', async () => {
    const db = join(tempDir(), 'w.sqlite');
    const summary = await ingestPaths([APPENDIX], { dbPath: db });
    expect(summary).toMatchObject({ loaded: 1, rejected: 0, skipped: 0 });

    const rows = query<{ indicator_key: string; value_num: number | null; value_text: string | null; raw_text: string; sheet: string; cell: string; commune_code: string; period_key: string; status: string }>(
      db,
      'SELECT * FROM indicator_values',
    );
    // Every printed figure of the appendix is in the view, under its own indicator, as printed.
    const obs = query<{ row_label: string; raw_text: string; indicator_key: string | null }>(db, 'SELECT row_label, raw_text, indicator_key FROM observations');
    const printed = appendixSource().filter((r) => r.value !== '');
    expect(printed).toHaveLength(84);
    for (const s of printed) {
      const o = obs.find((x) => x.row_label === s.label && x.raw_text === s.value);
      expect(o?.indicator_key, s.label).toBeTruthy();
      expect(rows.find((r) => r.indicator_key === o!.indicator_key)?.raw_text, s.label).toBe(s.value);
    }
    expect(obs.filter((o) => o.indicator_key === null)).toEqual([]);
    const byKey = new Map(rows.map((r) => [r.indicator_key, r]));
    expect(byKey.get('1.4.1.province')).toMatchObject({ value_num: 11, raw_text: '11', sheet: 'Phụ lục II', cell: 'D19', commune_code: '02035', period_key: '2024', status: 'single_source' });
    expect(byKey.get('7.2.1')).toMatchObject({ value_num: 15.84, raw_text: '15,84%' });
    expect(byKey.get('7.2.4.received')).toMatchObject({ value_num: 653 });
    expect(byKey.get('4.2')).toMatchObject({ value_num: 9 });
    expect(byKey.get('4.2.part_time')).toMatchObject({ value_num: 37 });
    expect(byKey.get('5.1.1')).toMatchObject({ value_num: null, value_text: 'Phù hợp' });
    expect(byKey.get('1.6')).toMatchObject({ value_num: 1, value_text: 'Có' });
    expect(byKey.get('6.1')).toMatchObject({ value_num: null, raw_text: '' });
    // Every printed value of the fixture's source is stored as the number a reader takes it for:
    // whole numbers as printed (the source has no grouped thousands), the rest written out here.
    const notWhole: Record<string, number | null> = { '100%': 100, '0%': 0, '15,84%': 15.84, '52,23%': 52.23, '30,01%': 30.01, '53,33%': 53.33, 'Có': 1, 'Phù hợp': null };
    for (const s of printed) {
      const expected = /^\d+$/.test(s.value) ? Number(s.value) : notWhole[s.value];
      expect(expected, `no expected value written for "${s.value}"`).not.toBeUndefined();
      const o = obs.find((x) => x.row_label === s.label && x.raw_text === s.value)!;
      expect(rows.find((r) => r.indicator_key === o.indicator_key)?.value_num, `${s.label}: ${s.value}`).toBe(expected);
    }

    const doc = query<{ commune_code: string; commune_name: string; period_key: string; status: string }>(db, 'SELECT * FROM documents')[0];
    expect(doc).toMatchObject({ commune_code: '02035', commune_name: 'Xã Bản Thi', period_key: '2024', status: 'loaded' });
    expect(query(db, "SELECT code, name, district, province, new_code, new_name, new_province FROM communes WHERE code = '02035' AND era = 'pre2025'")).toEqual([
      { code: '02035', name: 'Xã Bản Thi', district: 'Chợ Đồn', province: 'Bắc Kạn', new_code: '02044', new_name: 'Xã Yên Thịnh', new_province: 'Thái Nguyên' },
    ]);
    expect(query(db, "SELECT key, kind, number, year, start_date, end_date FROM periods")).toEqual([
      { key: '2024', kind: 'year', number: null, year: 2024, start_date: '2023-12-15', end_date: '2024-12-14' },
    ]);
  });

  it('is idempotent: the same content again, even under another name, adds nothing', async () => {
    const dir = tempDir();
    const db = join(dir, 'w.sqlite');
    const copy = join(dir, 'renamed.xlsx');
    copyFileSync(APPENDIX, copy);
    await ingestPaths([APPENDIX], { dbPath: db });
    const before = query<{ n: number }>(db, 'SELECT count(*) AS n FROM observations')[0]!.n;
    const again = await ingestPaths([APPENDIX, copy], { dbPath: db });
    expect(again).toMatchObject({ loaded: 0, skipped: 2, rejected: 0, observations: 0 });
    expect(again.files[1]!.reason).toMatch(/already loaded as/);
    expect(query<{ n: number }>(db, 'SELECT count(*) AS n FROM observations')[0]!.n).toBe(before);
    expect(query<{ n: number }>(db, 'SELECT count(*) AS n FROM documents')[0]!.n).toBe(1);
    expect(query<{ status: string }>(db, 'SELECT status FROM runs ORDER BY started_at').map((r) => r.status)).toEqual(['ok', 'ok']);
  });

  it('loads the good files beside bad ones, and records each bad one with a one-line reason', async () => {
    const dir = tempDir();
    const inbox = join(dir, 'inbox');
    mkdirSync(inbox);
    for (const f of ['bad/not-a-workbook.xlsx', 'bad/truncated-workbook.xlsx', 'bad/no-appendix-table.xlsx']) copyFileSync(fixture(f), join(inbox, f.split('/')[1]!));
    copyFileSync(APPENDIX, join(inbox, 'good.xlsx'));
    const db = join(dir, 'w.sqlite');
    const summary = await ingestPaths([inbox, join(dir, 'missing.xlsx')], { dbPath: db });
    expect(summary).toMatchObject({ loaded: 1, rejected: 4 });
    const errors = query<{ path: string; message: string; severity: string }>(db, "SELECT path, message, severity FROM ingest_errors WHERE severity = 'error' ORDER BY path");
    expect(errors).toHaveLength(4);
    expect(errors.find((e) => e.path.endsWith('truncated-workbook.xlsx'))!.message).toMatch(/^corrupt or truncated workbook/);
    expect(errors.find((e) => e.path.endsWith('no-appendix-table.xlsx'))!.message).toMatch(/neither a CCHC appendix table nor a one-stop export/);
    expect(errors.find((e) => e.path.endsWith('missing.xlsx'))!.message).toBe('cannot read file: ENOENT (no such file or folder)');
    for (const e of errors) expect(e.message).not.toContain('\n');
    const docs = query<{ file_name: string; status: string; observation_count: number }>(db, 'SELECT file_name, status, observation_count FROM documents ORDER BY file_name');
    expect(docs.filter((d) => d.status === 'rejected').map((d) => d.file_name)).toEqual(['no-appendix-table.xlsx', 'not-a-workbook.xlsx', 'truncated-workbook.xlsx']);
    // Nothing half-loaded: rejected documents have no observations.
    expect(query<{ n: number }>(db, "SELECT count(*) AS n FROM observations o JOIN documents d ON d.sha256 = o.document_sha256 WHERE d.status = 'rejected'")[0]!.n).toBe(0);
    expect(query<{ status: string }>(db, 'SELECT status FROM runs')[0]!.status).toBe('partial');
  });

  it('keeps rows of another template that match nothing as unmapped, and resolves namesakes by district', async () => {
    const db = join(tempDir(), 'w.sqlite');
    await ingestPaths([fixture('xlsx/yen-thinh-2021-q3-template-cu.xlsx')], { dbPath: db });
    const obs = query<{ indicator_key: string | null; row_label: string; value_num: number; match: string | null; commune_code: string; period_key: string }>(
      db,
      'SELECT indicator_key, row_label, value_num, match, commune_code, period_key FROM observations ORDER BY seq',
    );
    expect(obs.find((o) => o.row_label === 'Số cuộc kiểm tra CCHC tại các bộ phận')).toMatchObject({ indicator_key: null, value_num: 2 });
    expect(obs.find((o) => o.row_label === 'So VBQPPL da ban hanh')).toMatchObject({ indicator_key: '2.1', match: 'label_ascii' });
    expect(obs.find((o) => o.row_label === 'Tổng số hồ sơ đã giải quyết')).toMatchObject({ indicator_key: '3.3.1.resolved', value_num: 1203 });
    expect(obs.find((o) => o.indicator_key === '3.3.1')).toMatchObject({ value_num: 98.5 });
    expect(obs.every((o) => o.commune_code === '02044' && o.period_key === '2021-Q3')).toBe(true);
  });

  it('records an unreadable cell as a warning naming the cell, and loads the rest', async () => {
    const db = join(tempDir(), 'w.sqlite');
    const summary = await ingestPaths([fixture('xlsx/unreadable-cell.xlsx')], { dbPath: db });
    expect(summary).toMatchObject({ loaded: 1, warnings: 1 });
    expect(query(db, 'SELECT severity, location, message FROM ingest_errors')).toEqual([
      { severity: 'warning', location: "sheet 'Phụ lục II' cell D41", message: 'unreadable cell: formula result is the error #DIV/0!' },
    ]);
  });
});
