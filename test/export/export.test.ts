import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { asyncBufferFromFile, parquetMetadataAsync, parquetReadObjects } from 'hyparquet';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import { fixture, tempDir } from '../helpers.js';

const FORMULA_STARTS = ['=1+2', '+84 912', '-x', '@SUM(A1)', '\tTab', '\rCR'];

describe('cchc export', () => {
  let dir: string;
  let db: string;
  let hostileDoc: string;
  const run = (...args: string[]) => main(['node', 'cchc', ...args, '--db', db]);

  beforeAll(async () => {
    dir = tempDir();
    db = join(dir, 'w.sqlite');
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await main(['node', 'cchc', 'ingest', fixture('inbox'), '--db', db]);
    // Labels as hostile files print them: each begins with what a spreadsheet reads as a formula.
    const raw = new SQLite(db);
    const doc = (raw.prepare(`SELECT sha256, run_id FROM documents WHERE file_name = 'ban-thi-2024-phu-luc-II.xlsx'`).get()) as { sha256: string; run_id: string };
    const insert = raw.prepare(
      `INSERT INTO observations (document_sha256, run_id, seq, method, mapped, commune_code, period_key, row_label, raw_text, value_num, value_kind)
       VALUES (?, ?, ?, 'table', 0, '02035', '2024', ?, ?, ?, 'number')`,
    );
    hostileDoc = doc.sha256;
    FORMULA_STARTS.forEach((label, i) => insert.run(doc.sha256, doc.run_id, 9000 + i, label, label, -5 - i));
    insert.run(doc.sha256, doc.run_id, 9100, 'Dài', 'x'.repeat(40_000), 1);
    raw.close();
  });
  afterAll(() => vi.restoreAllMocks());

  const view = (sql: string) => {
    const raw = new SQLite(db, { readonly: true });
    try {
      return raw.prepare(sql).all() as Record<string, unknown>[];
    } finally {
      raw.close();
    }
  };

  it('CSV: BOM, header, the view\'s values, Vietnamese beside the codes, read back by csv-parse', async () => {
    const out = join(dir, 'iv.csv');
    await run('export', '--commune', 'Bản Thi', '--period', '2024', '--out', out);
    const bytes = readFileSync(out);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parse(bytes, { bom: true, columns: true }) as Record<string, string>[];
    const expected = view(`SELECT * FROM indicator_values WHERE commune_key = '02035' AND period_key = '2024' ORDER BY indicator_key`);
    expect(rows.map((r) => r.indicator_key)).toEqual(expected.map((r) => r.indicator_key));
    expect(rows.map((r) => (r.value_num === '' ? null : Number(r.value_num)))).toEqual(expected.map((r) => r.value_num));
    const district = rows.find((r) => r.indicator_key === '1.4.2.district')!;
    expect([district.value_num, district.indicator_label, district.status, district.status_vi, district.rule, district.rule_vi]).toEqual([
      '10', '1.4.2 — UBND huyện', 'resolved', 'Các nguồn khác nhau, đã chọn', 'precedence', 'Thứ tự ưu tiên nguồn',
    ]);
    expect(district.source_vi).toBe('Bảng phụ lục: ban-thi-2024-phu-luc-II.xlsx!Phụ lục II!D23');
  });

  it('CSV: a header row even when nothing matches', async () => {
    const out = join(dir, 'empty.csv');
    await run('export', '--view', 'conflicts', '--period', '2031', '--out', out);
    const text = readFileSync(out, 'utf8');
    expect(text.startsWith('\uFEFFid,commune_key,commune_code,commune_name,period_key,indicators,rule,rule_vi,')).toBe(true);
    expect(text.split('\r\n')).toHaveLength(2);
  });

  it('CSV and XLSX neutralise every cell that begins like a formula, and keep numbers numbers', async () => {
    const csv = join(dir, 'obs.csv');
    const xlsx = join(dir, 'obs.xlsx');
    await run('export', '--view', 'observations', '--format', 'xlsx', '--out', xlsx);
    await run('export', '--view', 'observations', '--out', csv);
    const rows = (parse(readFileSync(csv), { bom: true, columns: true }) as Record<string, string>[]).filter((r) => r.document_sha256 === hostileDoc && Number(r.seq) >= 9000 && Number(r.seq) < 9100);
    expect(rows.map((r) => r.row_label)).toEqual(["'=1+2", "'+84 912", "'-x", "'@SUM(A1)", "'\tTab", "'\rCR"]);
    expect(rows.map((r) => r.value_num)).toEqual(['-5', '-6', '-7', '-8', '-9', '-10']);
    // Unquoted in the file: a number, not text.
    expect(readFileSync(csv, 'utf8')).toMatch(/,-5,/);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    const ws = wb.getWorksheet('observations')!;
    const header = (ws.getRow(1).values as unknown[]).slice(1) as string[];
    const col = (name: string) => header.indexOf(name) + 1;
    const hostile: [unknown, unknown][] = [];
    ws.eachRow((row, n) => {
      if (n > 2 && row.getCell(col('document_sha256')).value === hostileDoc && Number(row.getCell(col('seq')).value) >= 9000) hostile.push([row.getCell(col('row_label')).value, row.getCell(col('value_num')).value]);
    });
    // XML reads a carriage return back as a line feed; the quote before it is what matters.
    expect(hostile.slice(0, 6)).toEqual([["'=1+2", -5], ["'+84 912", -6], ["'-x", -7], ["'@SUM(A1)", -8], ["'\tTab", -9], ["'\nCR", -10]]);
    // Past Excel's 32,767 characters a cell, text is cut visibly in XLSX and kept whole in CSV.
    let long = '';
    ws.eachRow((row) => {
      if (row.getCell(col('document_sha256')).value === hostileDoc && row.getCell(col('seq')).value === 9100) long = row.getCell(col('raw_text')).value as string;
    });
    expect([long.length, long.at(-1)]).toEqual([32_767, '…']);
    expect((parse(readFileSync(csv), { bom: true, columns: true }) as Record<string, string>[]).find((r) => r.seq === '9100')?.raw_text).toHaveLength(40_000);
  });

  it('XLSX: a sheet per view, names then Vietnamese titles frozen, filters on, Vietnamese number formats', async () => {
    const out = join(dir, 'all.xlsx');
    await run('export', '--view', 'all', '--format', 'xlsx', '--commune', '02035', '--out', out);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['indicator_values', 'published_values', 'conflicts', 'dossiers', 'observations']);
    const ws = wb.getWorksheet('indicator_values')!;
    const names = (ws.getRow(1).values as unknown[]).slice(1) as string[];
    const titles = (ws.getRow(2).values as unknown[]).slice(1) as string[];
    expect(titles[names.indexOf('value_num')]).toBe('Giá trị (số)');
    expect(titles[names.indexOf('status_vi')]).toBe('Trạng thái');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(ws.autoFilter).toBeTruthy();
    const expected = view(`SELECT indicator_key, value_num FROM indicator_values WHERE commune_key = '02035' ORDER BY period_key, indicator_key`);
    const got: Record<string, unknown>[] = [];
    const formats: Record<string, string> = {};
    ws.eachRow((row, n) => {
      if (n <= 2) return;
      const key = row.getCell(names.indexOf('indicator_key') + 1).value as string;
      const value = row.getCell(names.indexOf('value_num') + 1);
      got.push({ indicator_key: key, value_num: value.value ?? null });
      formats[key] = value.numFmt;
    });
    expect(got).toEqual(expected);
    expect(formats['7.2.4']).toBe('[$-42A]#,##0.00"%"');
    expect(formats['1.1']).toBe('[$-42A]#,##0');
    const dossiers = wb.getWorksheet('dossiers')!;
    const dn = (dossiers.getRow(1).values as unknown[]).slice(1) as string[];
    expect(dossiers.getRow(3).getCell(dn.indexOf('received_date') + 1).value).toBeInstanceOf(Date);
  });

  it('Parquet: typed columns, the same values as the view, read back by hyparquet', async () => {
    const out = join(dir, 'dossiers.parquet');
    await run('export', '--view', 'dossiers', '--format', 'parquet', '--out', out);
    const file = await asyncBufferFromFile(out);
    const meta = await parquetMetadataAsync(file);
    const types = Object.fromEntries(meta.schema.slice(1).map((s) => [s.name, [s.type, s.converted_type ?? null]]));
    expect(types.received_date).toEqual(['INT32', 'DATE']);
    expect(types.working_days).toEqual(['INT64', null]);
    expect(types.code).toEqual(['BYTE_ARRAY', 'UTF8']);
    const rows = (await parquetReadObjects({ file })) as Record<string, unknown>[];
    const expected = view(`SELECT code, received_date, working_days, outcome FROM dossiers ORDER BY rowid`);
    expect(rows).toHaveLength(expected.length);
    expect(rows.map((r) => [r.code, (r.received_date as Date).toISOString().slice(0, 10), r.working_days === null ? null : Number(r.working_days), r.outcome, r.outcome_vi !== undefined])).toEqual(
      expected.map((r) => [r.code, r.received_date, r.working_days, r.outcome, true]),
    );

    const iv = join(dir, 'iv.parquet');
    await run('export', '--format', 'parquet', '--indicator', '7.2.4', '--out', iv);
    const ivFile = await asyncBufferFromFile(iv);
    const ivTypes = Object.fromEntries((await parquetMetadataAsync(ivFile)).schema.slice(1).map((s) => [s.name, s.type]));
    expect(ivTypes.value_num).toBe('DOUBLE');
    expect(((await parquetReadObjects({ file: ivFile })) as Record<string, unknown>[]).map((r) => r.value_num)).toEqual(
      view(`SELECT value_num FROM indicator_values WHERE indicator_key = '7.2.4' ORDER BY commune_key, period_key`).map((r) => r.value_num),
    );
  });

  it('a filter the view cannot apply, and an unknown name, are one-line errors', async () => {
    const errors: string[] = [];
    vi.mocked(console.error).mockImplementation((...a: unknown[]) => void errors.push(a.join(' ')));
    await run('export', '--view', 'dossiers', '--indicator', '7.2.4', '--out', join(dir, 'x.csv'));
    await run('export', '--province', 'Atlantis', '--out', join(dir, 'y.csv'));
    expect(errors).toEqual(['cchc: --indicator does not apply to dossiers', `cchc: no commune of province "Atlantis" in ${db}`]);
    process.exitCode = undefined;
  });
});
