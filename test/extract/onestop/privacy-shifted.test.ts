import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { ingestPaths } from '../../../src/pipeline/index.js';
import { tempDir } from '../../helpers.js';
import { fixture } from './helpers.js';

/** Every personal cell of the vendor-A source (address, applicant, phone), and the names the fixture adds. */
function personal(): string[] {
  const lines = new TextDecoder('utf-16le').decode(readFileSync(fixture('inbox/onestop-ban-thi-2024.tsv'))).split('\r\n').filter(Boolean);
  const header = lines[0]!.split('\t');
  const cols = ['Địa chỉ', 'Chủ hồ sơ', 'Số điện thoại'].map((c) => header.indexOf(c));
  const values = lines.slice(1).flatMap((l) => cols.map((i) => l.split('\t')[i]!));
  return [...values, 'Lê Thị Kèm 011', 'Lê Thị Kèm 015'];
}

describe('rows whose columns shifted', () => {
  it('are not counted, are reported without quoting any cell, and no name or phone reaches ingest_errors', async () => {
    const values = personal();
    expect(values).toContain('0900000003');
    expect(values).toContain('Ma Văn Mẫu 011');
    const db = join(tempDir(), 'w.sqlite');
    const s = await ingestPaths([fixture('bad/onestop-shifted-rows.csv')], { dbPath: db });
    expect(s).toMatchObject({ loaded: 1, rejected: 0 });
    const conn = new SQLite(db, { readonly: true });
    const errors = conn.prepare('SELECT * FROM ingest_errors').all() as Record<string, unknown>[];
    const dossiers = conn.prepare('SELECT COUNT(*) FROM dossiers').pluck().get();
    const stored = JSON.stringify([conn.prepare('SELECT * FROM dossiers').all(), conn.prepare('SELECT * FROM observations').all(), conn.prepare('SELECT * FROM documents').all()]);
    conn.close();

    expect(dossiers).toBe(192);
    const shifted = errors.filter((e) => String(e.message).includes('columns shifted'));
    expect(shifted.map((e) => [e.location, e.message])).toEqual(
      ['line 4', 'line 8', 'line 12', 'line 16'].map((l) => [l, '16 cells where the header has 15 (an unquoted delimiter inside a cell?): columns shifted, row not counted']),
    );
    expect(errors.some((e) => String(e.message).startsWith('4 of 196 dossier rows not counted: 4 shifted columns'))).toBe(true);
    const text = JSON.stringify(errors);
    for (const v of values) {
      expect(text, v).not.toContain(v);
      expect(stored, v).not.toContain(v);
    }
  });
});
