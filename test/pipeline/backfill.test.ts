import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Manifest, generateCountry } from '../../scripts/fixtures/country.js';
import { backfill, fileClues, folderBatches } from '../../src/pipeline/index.js';
import { tempDir } from '../helpers.js';
import { warehouseContents } from './warehouse-contents.js';

/** A file and the byte-identical copy the generator may have planted beside it: whichever the walk meets first loads, the other is skipped. */
const twins = (path: string) => [path, path.replace(/\.xlsx$/, ' (1).xlsx')];

const contents = (db: string) =>
  warehouseContents(db, ['documents', 'observations', 'dossiers', 'communes', 'commune_crosswalk', 'periods', 'document_links', 'reconciled_values', 'conflicts', 'ingest_errors']);

describe('backfill over a generated country', () => {
  let root: string;
  let manifest: Manifest;
  beforeAll(async () => {
    root = join(tempDir('cchc-country-'), 'tree');
    // Two communes, two years, every report of each year; a quarter of the periods with a resent report PDF.
    manifest = await generateCountry({ communes: 2, out: root, from: 2023, to: 2024, seed: 7, pdfShare: 0.25, plantShare: 0.1 });
  }, 120_000);

  it('the corpus is what this test relies on: both formats of workbook and text, PDFs, a truncated workbook, two provinces', () => {
    const kinds = new Set(manifest.files.map((f) => f.kind));
    expect([...kinds].sort()).toEqual(['appendix-xlsx', 'onestop-csv', 'report-pdf']);
    expect(manifest.files.some((f) => f.planted.includes('truncated'))).toBe(true);
    expect(new Set(manifest.communes.map((c) => c.province)).size).toBe(2);
  });

  it('loads the same warehouse with 1 and with 2 workers, row for row, and a re-run loads nothing new', async () => {
    const dir = tempDir();
    const one = await backfill(root, { dbPath: join(dir, 'one.sqlite'), workers: 1, batchFiles: 10 });
    const two = await backfill(root, { dbPath: join(dir, 'two.sqlite'), workers: 2, batchFiles: 10 });
    const files = manifest.files.length;
    const truncated = manifest.files.filter((f) => f.planted.includes('truncated')).length;
    const duplicates = manifest.files.filter((f) => f.planted.includes('duplicate') && !f.planted.includes('truncated') && f.path.includes(' (1)')).length;
    const pdfs = manifest.files.filter((f) => f.kind === 'report-pdf').length;
    // Resent PDFs are copies of a few reports, distinct bytes each: all load.
    expect(one).toMatchObject({ total: files, done: files, rejected: truncated, skipped: duplicates, loaded: files - truncated - duplicates, filteredOut: 0 });
    expect(pdfs).toBeGreaterThan(0);
    expect(one.runIds.length).toBeGreaterThan(1);
    expect(contents(join(dir, 'two.sqlite'))).toEqual(contents(join(dir, 'one.sqlite')));

    const again = await backfill(root, { dbPath: join(dir, 'two.sqlite'), workers: 2 });
    expect(again).toMatchObject({ loaded: 0, skipped: files - truncated, rejected: truncated });
  }, 300_000);

  it('the figures an appendix workbook carries are loaded as the manifest says they were written', async () => {
    const db = join(tempDir(), 'w.sqlite');
    await backfill(root, { dbPath: db, workers: 2, from: 2024, to: 2024 });
    const conn = new SQLite(db, { readonly: true });
    const rows = conn
      .prepare("SELECT d.path, o.indicator_key, o.value_num FROM observations o JOIN documents d ON d.sha256 = o.document_sha256 WHERE o.indicator_key IN ('7.2.4.received', '7.2.4.online')")
      .all() as { path: string; indicator_key: string; value_num: number }[];
    conn.close();
    const appendices = manifest.files.filter((f) => f.kind === 'appendix-xlsx' && f.periodKey.startsWith('2024') && !f.planted.includes('truncated') && !f.path.includes(' (1)'));
    expect(appendices.length).toBeGreaterThan(4);
    for (const f of appendices) {
      const at = (key: string) => rows.find((r) => twins(f.path).some((t) => r.path.endsWith(t)) && r.indicator_key === key)?.value_num;
      expect(at('7.2.4.received'), f.path).toBe(f.truth!.received);
      expect(at('7.2.4.online'), f.path).toBe(f.truth!.online);
    }
  }, 300_000);

  it('--from/--to keep the files of those years (a misfiled report by its own name), --province one province', async () => {
    const dir = tempDir();
    const y2024 = await backfill(root, { dbPath: join(dir, 'a.sqlite'), workers: 0, from: 2024, to: 2024 });
    const expected2024 = manifest.files.filter((f) => f.periodKey.startsWith('2024'));
    expect(y2024.total).toBe(expected2024.length);
    expect(y2024.filteredOut).toBe(manifest.files.length - expected2024.length);
    const loaded = (db: string) => {
      const conn = new SQLite(db, { readonly: true });
      const paths = (conn.prepare('SELECT path FROM documents').all() as { path: string }[]).map((r) => r.path);
      conn.close();
      return paths;
    };
    const paths2024 = loaded(join(dir, 'a.sqlite'));
    for (const f of expected2024) if (!f.path.includes(' (1)')) expect(paths2024.some((p) => twins(f.path).some((t) => p.endsWith(t))), f.path).toBe(true);

    const province = manifest.communes[0]!.province;
    const one = await backfill(root, { dbPath: join(dir, 'b.sqlite'), workers: 0, province, from: 2023, to: 2023 });
    expect(one.total).toBe(manifest.files.filter((f) => f.province === province && f.periodKey.startsWith('2023')).length);
    for (const p of loaded(join(dir, 'b.sqlite'))) expect(p).toContain(`/${manifest.communes[0]!.folder.split('/')[0]}/`);
  }, 300_000);
});

describe('fileClues and folderBatches', () => {
  it('a year in the file name wins over the folder: a misfiled report', () => {
    expect(fileClues('bac-kan/cho-don/ban-thi/2023/phu-luc-2024-quy-1.xlsx')).toEqual({ year: 2024, folders: ['backan', 'chodon', 'banthi', '2023'] });
    expect(fileClues('Bắc Kạn/Chợ Đồn/2022/bao-cao.pdf')).toEqual({ year: 2022, folders: ['backan', 'chodon', '2022'] });
    expect(fileClues('inbox/bao-cao.pdf')).toEqual({ folders: ['inbox'] });
    // Agency codes and counters are not years.
    expect(fileClues('x/H06.31.22-000123.csv').year).toBeUndefined();
  });

  it('cuts batches only between folders', () => {
    const files = ['a/1', 'a/2', 'a/3', 'b/1', 'c/1', 'c/2'];
    expect(folderBatches(files, 2)).toEqual([['a/1', 'a/2', 'a/3'], ['b/1', 'c/1', 'c/2']]);
    expect(folderBatches(files, 100)).toEqual([files]);
  });
});

