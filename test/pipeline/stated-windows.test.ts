import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { ingestPaths } from '../../src/pipeline/index.js';
import { fixture, tempDir } from '../helpers.js';

const EXPORT = fixture('inbox/onestop-ban-thi-2024.tsv');
const REPORT = fixture('inbox/ban-thi-2024-bao-cao.pdf');

interface Row {
  indicator_key: string;
  value_num: number;
  window_start: string;
  window_end: string;
  window_source: string;
}

function onestop(db: string, source: string): Record<string, number> {
  const conn = new SQLite(db, { readonly: true });
  try {
    const rows = conn
      .prepare("SELECT indicator_key, value_num, window_start, window_end, window_source FROM observations WHERE method = 'onestop' AND period_key = '2024' AND window_source = ? AND commune_code = '02035'")
      .all(source) as Row[];
    return Object.fromEntries(rows.map((r) => [r.indicator_key, r.value_num]));
  } finally {
    conn.close();
  }
}

describe('one-stop figures over the window the report states', () => {
  it('counts the export over the regulation window alone, and over the stated window once the report arrives', async () => {
    const db = join(tempDir(), 'w.sqlite');
    await ingestPaths([EXPORT], { dbPath: db });
    expect(onestop(db, 'regulation')).toMatchObject({ '7.2.4.received': 190, '7.2.4.new': 188, '7.2.4.carried_over': 2 });
    expect(onestop(db, 'stated')).toEqual({});

    await ingestPaths([REPORT], { dbPath: db });
    const stated = onestop(db, 'stated');
    // The fixture is made consistent with the report: 196 dossiers, 161 early, 35 on the day, 61 online.
    expect(stated).toMatchObject({
      '7.2.4.received': 196,
      '3.3.1.resolved': 196,
      '3.3.1.early': 161,
      '3.3.1.due_day': 35,
      '3.3.1.late': 0,
      '7.2.4.online': 61,
      '7.2.payment.paid_online': 10,
    });
    const conn = new SQLite(db, { readonly: true });
    const w = conn.prepare("SELECT DISTINCT window_start, window_end FROM observations WHERE window_source = 'stated' AND method = 'onestop'").all();
    conn.close();
    expect(w).toEqual([{ window_start: '2023-12-01', window_end: '2024-11-20' }]);
  });

  it('gives the same stated-window figures whichever file arrives first, and a re-run does not duplicate them', async () => {
    const a = join(tempDir(), 'a.sqlite');
    const b = join(tempDir(), 'b.sqlite');
    await ingestPaths([REPORT], { dbPath: a });
    await ingestPaths([EXPORT], { dbPath: a });
    await ingestPaths([EXPORT, REPORT], { dbPath: b });
    expect(onestop(a, 'stated')).toEqual(onestop(b, 'stated'));
    const count = (db: string) => {
      const conn = new SQLite(db, { readonly: true });
      const n = (conn.prepare("SELECT count(*) AS n FROM observations WHERE window_source = 'stated' AND method = 'onestop'").get() as { n: number }).n;
      conn.close();
      return n;
    };
    const before = count(b);
    expect(before).toBeGreaterThan(10);
    await ingestPaths([REPORT, EXPORT], { dbPath: b });
    expect(count(b)).toBe(before);
  });

  it('streams a large text export and gets the same figures as reading it whole', async () => {
    const whole = join(tempDir(), 'whole.sqlite');
    const streamed = join(tempDir(), 'streamed.sqlite');
    await ingestPaths([EXPORT], { dbPath: whole });
    const s = await ingestPaths([EXPORT], { dbPath: streamed, streamTextAbove: 0 });
    expect(s).toMatchObject({ loaded: 1, rejected: 0 });
    expect(onestop(streamed, 'regulation')).toEqual(onestop(whole, 'regulation'));
    const sha = (db: string) => {
      const conn = new SQLite(db, { readonly: true });
      const r = conn.prepare('SELECT sha256, size_bytes FROM documents').get();
      conn.close();
      return r;
    };
    expect(sha(streamed)).toEqual(sha(whole));
  });
});
