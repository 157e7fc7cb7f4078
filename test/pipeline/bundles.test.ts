import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { ingestPaths } from '../../src/pipeline/index.js';
import { fixture, tempDir } from '../helpers.js';

/** The three bundles of fixtures/source/bundles/bundles.yaml: report PDF, appendix workbook, one-stop export. */
const BUNDLES = [
  { dir: 'bundles/inbox-1', stem: 'yen-thinh-2024' },
  { dir: 'bundles/inbox-2', stem: 'phong-son-2024-h1' },
  { dir: 'bundles/thai-nguyen/yen-thinh/2025', stem: 'bao-cao-cchc-2025' },
];
const reports = BUNDLES.map((b) => fixture(`${b.dir}/${b.stem}-bao-cao.pdf`));
const others = BUNDLES.flatMap((b) => [fixture(`${b.dir}/${b.stem}-phu-luc.xlsx`), fixture(`${b.dir}/${b.stem}-mot-cua.csv`)]);

function query<T = Record<string, unknown>>(db: string, sql: string): T[] {
  const conn = new SQLite(db, { readonly: true });
  try {
    return conn.prepare(sql).all() as T[];
  } finally {
    conn.close();
  }
}

/** Every table's content without what depends on when and in which run a row was written. */
function contents(db: string): Record<string, string[]> {
  const tables: Record<string, string> = {
    documents: 'SELECT * FROM documents',
    observations: 'SELECT * FROM observations',
    communes: 'SELECT * FROM communes',
    commune_crosswalk: 'SELECT * FROM commune_crosswalk',
    document_links: 'SELECT * FROM document_links',
    periods: 'SELECT * FROM periods',
    dossiers: 'SELECT * FROM dossiers',
    reconciled_values: 'SELECT * FROM reconciled_values',
    conflicts: 'SELECT * FROM conflicts',
    ingest_errors: 'SELECT * FROM ingest_errors',
  };
  const volatile = new Set(['id', 'run_id', 'loaded_at', 'created_at']);
  const out: Record<string, string[]> = {};
  for (const [t, sql] of Object.entries(tables)) {
    out[t] = query(db, sql)
      .map((r) => JSON.stringify(Object.fromEntries(Object.entries(r).filter(([k]) => !volatile.has(k)))))
      .sort();
  }
  return out;
}

interface Doc {
  file_name: string;
  commune_code: string | null;
  commune_era: string | null;
  commune_name: string | null;
  bundle_key: string | null;
}

describe('report bundles: the commune one document resolves is the bundle’s, whatever the order of arrival', () => {
  const dir = tempDir();
  const reportLast = join(dir, 'report-last.sqlite');
  const reportFirst = join(dir, 'report-first.sqlite');

  /** The planted mismatch's conflicts before the report arrived (report-last order, first run). */
  let beforeReport: unknown[] = [];

  beforeAll(async () => {
    await ingestPaths(others, { dbPath: reportLast });
    beforeReport = query(reportLast, "SELECT commune_key, severity FROM conflicts WHERE rule = 'cross_source: 7.2.4.online'");
    await ingestPaths(reports, { dbPath: reportLast });
    await ingestPaths(reports, { dbPath: reportFirst });
    await ingestPaths(others, { dbPath: reportFirst });
  }, 120_000);

  it('had only the printed name for the appendix and the export before their report arrived', () => {
    // Both name "Yên Thịnh" (the appendix's line, the export's file name): four units bear that name.
    expect(beforeReport).toEqual([{ commune_key: 'name:Yên Thịnh', severity: 'major' }]);
    expect(query(reportLast, "SELECT COUNT(*) AS n FROM reconciled_values WHERE commune_key LIKE 'name:%'")).toEqual([{ n: 0 }]);
    expect(query(reportLast, "SELECT COUNT(*) AS n FROM conflicts WHERE commune_key LIKE 'name:%'")).toEqual([{ n: 0 }]);
  });

  it('gives every document of a bundle its commune, in both orders', () => {
    for (const db of [reportLast, reportFirst]) {
      const docs = query<Doc>(db, 'SELECT file_name, commune_code, commune_era, commune_name, bundle_key FROM documents ORDER BY file_name');
      const by = (name: string) => docs.find((d) => d.file_name === name)!;
      for (const f of ['yen-thinh-2024-bao-cao.pdf', 'yen-thinh-2024-phu-luc.xlsx', 'yen-thinh-2024-mot-cua.csv']) {
        expect(by(f), f).toMatchObject({ commune_code: '02044', commune_era: 'pre2025', commune_name: 'Xã Yên Thịnh' });
      }
      for (const f of ['phong-son-2024-h1-bao-cao.pdf', 'phong-son-2024-h1-phu-luc.xlsx', 'phong-son-2024-h1-mot-cua.csv']) {
        expect(by(f), f).toMatchObject({ commune_code: '15127', commune_era: 'pre2025', commune_name: 'Thị trấn Phong Sơn' });
      }
      // The new commune: "UBND TỈNH THÁI NGUYÊN" over "UBND XÃ YÊN THỊNH", period 2025, no huyện.
      for (const f of ['bao-cao-cchc-2025-bao-cao.pdf', 'bao-cao-cchc-2025-phu-luc.xlsx', 'bao-cao-cchc-2025-mot-cua.csv']) {
        expect(by(f), f).toMatchObject({ commune_code: '02044', commune_era: 'post2025', commune_name: 'Xã Yên Thịnh' });
      }
      // One bundle key per folder, three members each, and every figure carries the code.
      expect(new Set(docs.map((d) => d.bundle_key)).size).toBe(3);
      expect(query(db, 'SELECT COUNT(*) AS n FROM observations WHERE commune_code IS NULL')).toEqual([{ n: 0 }]);
    }
  });

  it('records why documents are linked', () => {
    const links = query<{ reason: string }>(reportLast, 'SELECT reason FROM document_links ORDER BY reason').map((l) => l.reason);
    expect(links).toContain('attached to report 45/BC-UBND of 2024-11-18');
    expect(links).toContain('attached to report 12/BC-UBND of 2024-06-10');
    // The Phong Sơn export names its half-year in its file name, so it joins by commune and period;
    // the folder rule for an export that names no period is the planner's (test/normalize/commune-bundle).
    expect(links.filter((l) => l === 'same folder, commune and period (2024-H1)')).toHaveLength(2);
    expect(links).toHaveLength(9);
  });

  it('ends with the same tables row for row whichever document came first', () => {
    const a = contents(reportLast);
    const b = contents(reportFirst);
    for (const t of Object.keys(a)) expect(b[t], t).toEqual(a[t]);
    expect(a.observations!.length).toBeGreaterThan(100);
  });

  it('resolves the thị trấn that calls itself xã, with a warning naming both types', () => {
    const w = query<{ message: string }>(reportLast, "SELECT message FROM ingest_errors WHERE path LIKE '%phong-son-2024-h1-bao-cao.pdf' AND location = 'commune'");
    expect(w.map((x) => x.message)).toEqual([
      'unit type differs: the document says "xã Phong Sơn", the registry lists "Thị trấn Phong Sơn" (thị trấn); resolved to 15127 by its other clues',
    ]);
  });

  it('keeps both eras of the code 02044 and the crosswalk between the units it knows', () => {
    expect(query(reportLast, "SELECT era, name, district, province, counterparts FROM communes WHERE code = '02044' ORDER BY era")).toEqual([
      { era: 'post2025', name: 'Xã Yên Thịnh', district: null, province: 'Thái Nguyên', counterparts: '["02035","02044","02047"]' },
      { era: 'pre2025', name: 'Xã Yên Thịnh', district: 'Chợ Đồn', province: 'Bắc Kạn', counterparts: '["02044"]' },
    ]);
    expect(query(reportLast, 'SELECT old_code, new_code FROM commune_crosswalk ORDER BY 1, 2')).toEqual([
      { old_code: '02035', new_code: '02044' },
      { old_code: '02044', new_code: '02044' },
      { old_code: '02047', new_code: '02044' },
      { old_code: '15127', new_code: '15127' },
      { old_code: '15169', new_code: '15127' },
    ]);
  });

  it('finds the planted report-vs-one-stop mismatch once the bundle resolves', () => {
    for (const db of [reportLast, reportFirst]) {
      const c = query<{ commune_code: string; period_key: string; severity: string; message: string }>(
        db,
        "SELECT commune_code, period_key, severity, message FROM conflicts WHERE rule = 'cross_source: 7.2.4.online'",
      );
      expect(c).toHaveLength(1);
      expect(c[0]).toMatchObject({ commune_code: '02044', period_key: '2024', severity: 'major' });
      expect(c[0]!.message).toContain('Hệ thống một cửa điện tử: 30');
      expect(c[0]!.message).toContain('Bảng phụ lục (Excel): 40');
    }
  });
});

describe('one-stop exports that name no unit', () => {
  it('loads unresolved with a warning in ingest_errors when nothing gives its commune', async () => {
    const db = join(tempDir(), 'w.sqlite');
    await ingestPaths([fixture('bundles/orphan/ho-so-mot-cua.csv')], { dbPath: db });
    expect(query(db, 'SELECT commune_code, commune_name FROM documents')).toEqual([{ commune_code: null, commune_name: null }]);
    const w = query<{ severity: string; location: string; message: string }>(db, 'SELECT severity, location, message FROM ingest_errors');
    expect(w).toHaveLength(1);
    expect(w[0]).toMatchObject({ severity: 'warning', location: 'commune' });
    expect(w[0]!.message).toMatch(/^one-stop export without a unit of its own and commune unresolved \(the document names no commune\)/);
  });

  it('takes the commune the pipeline declares', async () => {
    const db = join(tempDir(), 'w.sqlite');
    await ingestPaths([fixture('bundles/orphan/ho-so-mot-cua.csv')], { dbPath: db, config: { commune: 'xã Yên Thịnh, huyện Chợ Đồn' } });
    expect(query(db, 'SELECT commune_code, commune_era FROM documents')).toEqual([{ commune_code: '02044', commune_era: 'pre2025' }]);
    expect(query(db, 'SELECT COUNT(*) AS n FROM observations WHERE commune_code IS NOT \'02044\'')).toEqual([{ n: 0 }]);
  });

  it('reads its commune from a backfill tree named the ASCII way (…/cho-don/yen-thinh/2022/)', async () => {
    const db = join(tempDir(), 'w.sqlite');
    await ingestPaths([fixture('bundles/backfill/cho-don/yen-thinh/2022/ho-so-mot-cua.csv')], { dbPath: db });
    expect(query(db, 'SELECT commune_code, commune_era, commune_name, period_key FROM documents')).toEqual([
      { commune_code: '02044', commune_era: 'pre2025', commune_name: 'Xã Yên Thịnh', period_key: '2022' },
    ]);
  });
});
