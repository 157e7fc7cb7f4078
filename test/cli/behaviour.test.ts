import { createHash } from 'node:crypto';
import { chmodSync, copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import { ROOT, fixture, tempDir } from '../helpers.js';

describe('a command line that behaves', () => {
  let out: string[];
  let db: string;
  const run = (...args: string[]) => main(['node', 'cchc', ...args]);
  const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

  beforeAll(async () => {
    db = join(tempDir(), 'w.sqlite');
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    await main(['node', 'cchc', 'ingest', fixture('inbox/ban-thi-2024-phu-luc-II.xlsx'), fixture('xlsx/yen-thinh-2021-q3-template-cu.xlsx'), '--db', db]);
    vi.restoreAllMocks();
  });
  beforeEach(() => {
    out = [];
    vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
    vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => (out.push(String(chunk)), true));
    process.exitCode = undefined;
  });
  afterEach(() => {
    vi.restoreAllMocks();
    process.exitCode = undefined;
  });

  it('--version prints the version package.json declares', async () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    await run('--version');
    expect(out.join('').trim()).toBe(version);
    expect(process.exitCode ?? 0).toBe(0);
  });

  it.each([
    [['conflicts', '--severity', 'grave'], 'info, minor, major'],
    [['unmapped', '--format', 'xml'], 'table, csv, json'],
    [['indicators', '--format', 'CSV'], 'table, csv, json'],
    [['export', '--format', 'ods'], 'csv, xlsx, parquet'],
    [['export', '--view', 'everything'], 'indicator_values, published_values, conflicts, dossiers, observations, all'],
  ])('a wrong choice (%j) exits 2 with one line naming the valid values', async (args, valid) => {
    await run(...args, '--db', db);
    expect(process.exitCode).toBe(2);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatch(/^cchc: option '--[a-z]+ <[a-z]+>' argument '.+' is invalid\. Allowed choices are /);
    expect(out[0]).toContain(valid);
  });

  it.each([['conflicts'], ['unmapped'], ['override', '--list'], ['export']])('%s on a missing warehouse says so, exits 1 and creates nothing', async (...args) => {
    const missing = join(tempDir(), 'typo.sqlite');
    await run(...args, '--db', missing);
    expect(process.exitCode).toBe(1);
    expect(out).toEqual([`cchc: no warehouse at ${missing}`]);
    expect(existsSync(missing)).toBe(false);
  });

  it('listing commands read a read-only copy without changing a byte', async () => {
    const copy = join(tempDir(), 'ro.sqlite');
    copyFileSync(db, copy);
    chmodSync(copy, 0o444);
    const before = sha(copy);
    for (const args of [['conflicts'], ['unmapped', '--format', 'json'], ['override', '--list'], ['export', '--view', 'conflicts']]) {
      out = [];
      await run(...args, '--db', copy);
      expect(process.exitCode ?? 0).toBe(0);
    }
    expect(sha(copy)).toBe(before);
  });

  it('listing commands run no migration: an older warehouse is refused with its path', async () => {
    const old = join(tempDir(), 'old.sqlite');
    copyFileSync(db, old);
    const raw = new SQLite(old);
    raw.prepare(`DELETE FROM kysely_migration WHERE name = '007-current-units'`).run();
    raw.close();
    await run('conflicts', '--db', old);
    expect(process.exitCode).toBe(1);
    expect(out).toHaveLength(1);
    expect(out[0]).toContain(`warehouse ${old}: written by an older cchc (missing 007-current-units)`);
    const check = new SQLite(old, { readonly: true });
    expect(check.prepare(`SELECT COUNT(*) AS n FROM kysely_migration WHERE name = '007-current-units'`).get()).toEqual({ n: 0 });
    check.close();
  });

  it('the warehouse holds the Vietnamese text of its codes, to join beside them', () => {
    const raw = new SQLite(db, { readonly: true });
    const rows = raw
      .prepare(
        `SELECT v.status, s.label AS status_vi FROM indicator_values v JOIN code_labels s ON s.domain = 'status' AND s.code = v.status
         WHERE v.commune_code = '02035' AND v.period_key = '2024' AND v.indicator_key = '1.1'`,
      )
      .all();
    raw.close();
    expect(rows).toEqual([{ status: 'single_source', status_vi: 'Một nguồn duy nhất' }]);
  });

  it('a file that is no warehouse is refused in one line naming it', async () => {
    const notDb = join(tempDir(), 'notes.sqlite');
    writeFileSync(notDb, 'Ghi chú của chuyên viên, không phải kho dữ liệu\n'.repeat(100));
    await run('unmapped', '--db', notDb);
    expect(process.exitCode).toBe(1);
    expect(out).toEqual([`cchc: warehouse ${notDb}: not a cchc warehouse (file is not a database)`]);
  });

  it('indicators name a sub-row with its parent', async () => {
    await run('indicators', '--format', 'json', '--section', '1');
    const rows = JSON.parse(out.join('\n')) as { key: string; label: string }[];
    expect(rows.find((r) => r.key === '1.4.2.district')?.label).toBe('1.4.2 — UBND huyện');
    expect(rows.find((r) => r.key === '1.4.1.district')?.label).toBe('1.4.1 — UBND huyện');
  });

  describe('override', () => {
    let wdb: string;
    beforeEach(() => {
      wdb = join(tempDir(), 'o.sqlite');
      copyFileSync(db, wdb);
    });

    it('refuses a commune neither the registry nor the warehouse knows', async () => {
      await run('override', '99999', '2024', '1.1', '3', '--reason', 'thử', '--db', wdb);
      expect(process.exitCode).toBe(1);
      expect(out).toEqual([`cchc: unknown commune 99999: neither in the commune registry nor in ${wdb}`]);
    });

    it('refuses a period with no figures unless forced', async () => {
      await run('override', '02035', '2031', '1.1', '3', '--reason', 'thử', '--db', wdb);
      expect(process.exitCode).toBe(1);
      expect(out).toEqual([`cchc: no figures for 02035 in 2031 in ${wdb}: nothing to overrule (--force records it anyway)`]);
      out = [];
      process.exitCode = undefined;
      await run('override', '02035', '2031', '1.1', '3', '--reason', 'số sẽ bổ sung', '--force', '--db', wdb);
      expect(out).toEqual(['override #1 recorded']);
    });

    it('a second override of one cell replaces the first, which stays on record as superseded', async () => {
      await run('override', '02035', '2024', '1.4.1.district', '9', '--reason', 'Theo biểu của huyện', '--by', 'lan', '--db', wdb);
      await run('override', 'Bản Thi', '2024', '1.4.1.district', '8', '--reason', 'Huyện đính chính', '--by', 'minh', '--db', wdb);
      expect(out).toEqual(['override #1 recorded', 'override #2 recorded (supersedes #1)']);
      out = [];
      await run('override', '--list', '--format', 'json', '--db', wdb);
      expect((JSON.parse(out.join('\n')) as { id: number; value: string; status: string }[]).map((o) => [o.id, o.value, o.status])).toEqual([[2, '8', 'in_force']]);
      out = [];
      await run('override', '--list', '--all', '--format', 'json', '--db', wdb);
      const all = JSON.parse(out.join('\n')) as { id: number; status: string; status_vi: string; superseded_by: number | null }[];
      expect(all.map((o) => [o.id, o.status, o.status_vi, o.superseded_by])).toEqual([
        [1, 'superseded', 'Đã được thay thế', 2],
        [2, 'in_force', 'Đang áp dụng', null],
      ]);
      const check = new SQLite(wdb, { readonly: true });
      expect(check.prepare(`SELECT value_num, status, override_id FROM reconciled_values WHERE commune_key = '02035' AND period_key = '2024' AND indicator_key = '1.4.1.district'`).get()).toEqual({ value_num: 8, status: 'overridden', override_id: 2 });
      check.close();
    });

    it('a usage mistake exits 2; a decision into a missing warehouse creates none', async () => {
      await run('override', '02035', '2024', '1.1', '--db', wdb);
      expect(process.exitCode).toBe(2);
      expect(out).toHaveLength(1);
      out = [];
      process.exitCode = undefined;
      const missing = join(tempDir(), 'nope.sqlite');
      await run('override', '02035', '2024', '1.1', '3', '--reason', 'x', '--db', missing);
      expect(out).toEqual([`cchc: no warehouse at ${missing}`]);
      expect(existsSync(missing)).toBe(false);
    });
  });
});
