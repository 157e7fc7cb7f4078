import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import type { ExtractConfig } from '../../../src/extract/index.js';
import { PII_KEY_ENV } from '../../../src/extract/onestop/index.js';
import { ingestPaths } from '../../../src/pipeline/index.js';
import { fixture, LAYOUTS, STATED } from './helpers.js';

/** Every personal value of the fixtures, read from the vendor-B CSV with a plain CSV parser. */
function personalValues(): string[] {
  const rows = parse(readFileSync(fixture('onestop/ban-thi-2024-vendor2.csv')), { bom: true, relax_column_count: true, from_line: 5, columns: true }) as Record<string, string>[];
  const values = rows.flatMap((r) => [r['Người nộp']!, r['Số điện thoại']!, r['CCCD']!, r['Email']!]);
  const tsv = readFileSync(fixture(LAYOUTS[0])).toString('utf16le');
  for (const line of tsv.split('\r\n').slice(1, 20)) if (line) values.push(line.split('\t')[7]!); // Địa chỉ
  return values;
}

const dir = mkdtempSync(join(tmpdir(), 'onestop-privacy-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function ingestAll(dbPath: string) {
  return ingestPaths([...LAYOUTS.map(fixture), fixture('onestop/bieu-06-ban-thi-2024.xlsx'), fixture('bad/onestop-bad-rows.csv')], {
    dbPath,
    config: STATED as unknown as Partial<ExtractConfig>,
  });
}

describe('no personal field reaches the warehouse', () => {
  const values = personalValues();

  it('the fixtures do carry obviously fake personal data (the test would notice a leak)', () => {
    expect(values).toContain('Nguyễn Văn Mẫu 001');
    expect(values).toContain('0900000001');
    expect(values).toContain('000000000196');
    expect(values).toContain('mau001@example.invalid');
    expect(values.length).toBe(196 * 4 + 19);
  });

  it.each([
    ['without a key: no hash either', undefined],
    ['with CCHC_PII_KEY set: only keyed hashes', 'test-key-not-secret'],
  ])('%s', async (_name, key) => {
    const before = process.env[PII_KEY_ENV];
    if (key) process.env[PII_KEY_ENV] = key;
    else delete process.env[PII_KEY_ENV];
    const dbPath = join(dir, `${key ? 'keyed' : 'plain'}.sqlite`);
    try {
      const summary = await ingestAll(dbPath);
      expect(summary.files.map((f) => f.status)).toEqual(['loaded', 'loaded', 'loaded', 'loaded', 'loaded', 'loaded']);
    } finally {
      if (before === undefined) delete process.env[PII_KEY_ENV];
      else process.env[PII_KEY_ENV] = before;
    }
    const db = new SQLite(dbPath, { readonly: true });
    expect((db.prepare('SELECT COUNT(*) AS n FROM dossiers').get() as { n: number }).n).toBe(196 + 2);
    const hashed = (db.prepare('SELECT COUNT(applicant_hmac) AS n FROM dossiers').get() as { n: number }).n;
    expect(hashed).toBe(key ? 196 : 0);
    db.close();
    expect(existsSync(`${dbPath}-wal`) ? readFileSync(`${dbPath}-wal`).length : 0).toBe(0);
    const bytes = readFileSync(dbPath);
    const leaks = values.filter((v) => bytes.includes(Buffer.from(v, 'utf8')) || bytes.includes(Buffer.from(v, 'utf16le')));
    expect(leaks).toEqual([]);
    // The grep itself works: the dossier codes and procedures are there.
    expect(bytes.includes(Buffer.from('000.31.64.H06-231201-0001'))).toBe(true);
    expect(bytes.includes(Buffer.from('Đăng ký khai sinh'))).toBe(true);
  });
});
