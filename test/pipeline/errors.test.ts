import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runIngest } from '../../src/cli/run-ingest.js';
import { backfill, ingestPaths } from '../../src/pipeline/index.js';
import { fixture, tempDir } from '../helpers.js';
import { query } from './child.js';

// Bugs planted in one stage for the files whose name holds a word: a throw inside the real code
// path, the way a TypeError of ours would surface there.
const plant = vi.hoisted(() => ({ extract: new Map<string, () => never>(), normalize: new Map<string, () => never>(), load: new Map<string, () => never>(), reconcile: { trap: undefined as undefined | (() => never) } }));
const spring = (traps: Map<string, () => never>, path: string) => {
  for (const [word, trap] of traps) if (path.includes(word)) trap();
};
vi.mock('../../src/extract/xlsx/index.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/extract/xlsx/index.js')>();
  const extractor = real.appendixXlsxExtractor;
  return {
    ...real,
    appendixXlsxExtractor: {
      ...extractor,
      extract: async (file: Parameters<typeof extractor.extract>[0], ctx: Parameters<typeof extractor.extract>[1]) => {
        spring(plant.extract, file.path);
        return extractor.extract(file, ctx);
      },
    },
  };
});
vi.mock('../../src/normalize/index.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/normalize/index.js')>();
  return {
    ...real,
    normalizeDocument: (...args: Parameters<typeof real.normalizeDocument>) => {
      spring(plant.normalize, args[1].path);
      return real.normalizeDocument(...args);
    },
  };
});
vi.mock('../../src/warehouse/index.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/warehouse/index.js')>();
  return {
    ...real,
    // The document is written first, then the bug: nothing of it may stay.
    loadDocument: async (...args: Parameters<typeof real.loadDocument>) => {
      await real.loadDocument(...args);
      spring(plant.load, args[1].path);
    },
  };
});

vi.mock('../../src/reconcile/index.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/reconcile/index.js')>();
  return {
    ...real,
    reconcileTouched: async (...args: Parameters<typeof real.reconcileTouched>) => {
      plant.reconcile.trap?.();
      return real.reconcileTouched(...args);
    },
  };
});

afterEach(() => {
  plant.reconcile.trap = undefined;
  plant.extract.clear();
  plant.normalize.clear();
  plant.load.clear();
  vi.restoreAllMocks();
});

interface ErrorRow {
  name: string;
  stage: string;
  code: string | null;
  message: string;
}

const errorRows = (db: string) =>
  query<ErrorRow>(db, "SELECT replace(path, rtrim(path, replace(path, '/', '')), '') AS name, stage, code, message FROM ingest_errors WHERE severity = 'error' ORDER BY name");

describe('errors typed per stage', () => {
  it('a bug in an extractor fails the run (exit 1, file and stack on stderr); the other files load, the file is read again next run', async () => {
    const dir = tempDir();
    const inbox = join(dir, 'inbox');
    mkdirSync(inbox);
    copyFileSync(fixture('xlsx/yen-thinh-2021-q3-template-cu.xlsx'), join(inbox, 'a-good.xlsx'));
    copyFileSync(fixture('inbox/ban-thi-2024-phu-luc-II.xlsx'), join(inbox, 'b-bug.xlsx'));
    writeFileSync(join(inbox, 'c-empty.csv'), '');
    copyFileSync(fixture('onestop/bieu-06-ban-thi-2024.xlsx'), join(inbox, 'd-after.xlsx'));
    plant.extract.set('b-bug', () => {
      throw new TypeError("Cannot read properties of undefined (reading 'cells')");
    });
    const db = join(dir, 'w.sqlite');
    const stdout: string[] = [];
    const stderr: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((line: string) => void stdout.push(line));
    vi.spyOn(console, 'error').mockImplementation((line: string) => void stderr.push(line));

    expect(await runIngest([inbox], { dbPath: db })).toBe(1);

    const bug = stderr.find((l) => l.includes('b-bug.xlsx'));
    expect(bug?.split('\n')[0]).toBe(`cchc: ${join(inbox, 'b-bug.xlsx')}: internal error in extract (a bug in cchc-etl): TypeError: Cannot read properties of undefined (reading 'cells')`);
    expect(bug?.split('\n')[1]).toBe("TypeError: Cannot read properties of undefined (reading 'cells')");
    expect(bug?.split('\n')[2]).toMatch(/^ {4}at .*errors\.test\.ts/);
    expect(stdout.find((l) => l.includes('b-bug.xlsx'))).toMatch(/^failed {4}/);
    expect(stdout.at(-1)).toMatch(/: 2 loaded, 0 skipped, 1 rejected, 1 failed \(a bug in cchc-etl\), /);

    expect(query(db, 'SELECT file_name, status FROM documents ORDER BY file_name')).toEqual([
      { file_name: 'a-good.xlsx', status: 'loaded' },
      { file_name: 'c-empty.csv', status: 'rejected' },
      { file_name: 'd-after.xlsx', status: 'loaded' },
    ]);
    expect(errorRows(db)).toEqual([
      { name: 'b-bug.xlsx', stage: 'extract', code: 'internal', message: "internal error in extract (a bug in cchc-etl): TypeError: Cannot read properties of undefined (reading 'cells')" },
      { name: 'c-empty.csv', stage: 'extract', code: 'empty_file', message: 'empty file (0 bytes)' },
    ]);
    expect(query(db, 'SELECT status, files_loaded, files_rejected FROM runs')).toEqual([{ status: 'failed', files_loaded: 2, files_rejected: 1 }]);

    // Fixed: the file that met the bug was never judged, so the next run reads it.
    plant.extract.clear();
    expect(await runIngest([inbox], { dbPath: db })).toBe(3);
    expect(query(db, "SELECT file_name FROM documents WHERE status = 'loaded' ORDER BY file_name")).toEqual([{ file_name: 'a-good.xlsx' }, { file_name: 'b-bug.xlsx' }, { file_name: 'd-after.xlsx' }]);
  });

  it('records each stage and code: read, extract, normalize, load; a reader out of memory is a file too large, not a bug', async () => {
    const dir = tempDir();
    const inbox = join(dir, 'inbox');
    mkdirSync(inbox);
    execFileSync('mkfifo', [join(inbox, 'a-pipe.csv')]);
    writeFileSync(join(inbox, 'b-empty.csv'), '');
    copyFileSync(fixture('bad/encrypted.pdf'), join(inbox, 'c-encrypted.pdf'));
    copyFileSync(fixture('bad/onestop-missing-columns.csv'), join(inbox, 'd-missing-columns.csv'));
    copyFileSync(fixture('bad/onestop-mixed-encoding.csv'), join(inbox, 'e-mixed.csv'));
    copyFileSync(fixture('xlsx/yen-thinh-2021-q3-template-cu.xlsx'), join(inbox, 'f-oom.xlsx'));
    copyFileSync(fixture('inbox/ban-thi-2024-phu-luc-II.xlsx'), join(inbox, 'g-normalize-bug.xlsx'));
    copyFileSync(fixture('xlsx/ban-thi-2024-other-tool.xlsx'), join(inbox, 'h-load-bug.xlsx'));
    copyFileSync(fixture('onestop/bieu-06-y-la-2024-h1.xlsx'), join(inbox, 'i-good.xlsx'));
    plant.extract.set('f-oom', () => {
      throw new RangeError('Invalid string length');
    });
    plant.normalize.set('g-normalize-bug', () => {
      throw new RangeError('assertion failed: a period without a year');
    });
    plant.load.set('h-load-bug', () => {
      throw new TypeError('doc.observations is not iterable');
    });
    const db = join(dir, 'w.sqlite');
    const s = await ingestPaths([inbox], { dbPath: db });
    expect(s).toMatchObject({ loaded: 1, rejected: 6, failed: 2 });

    expect(errorRows(db).map((e) => [e.name, e.stage, e.code])).toEqual([
      ['a-pipe.csv', 'read', 'not_a_file'],
      ['b-empty.csv', 'extract', 'empty_file'],
      ['c-encrypted.pdf', 'extract', 'encrypted_pdf'],
      ['d-missing-columns.csv', 'extract', 'missing_columns'],
      ['e-mixed.csv', 'extract', 'mixed_encoding'],
      ['f-oom.xlsx', 'extract', 'too_large'],
      ['g-normalize-bug.xlsx', 'normalize', 'internal'],
      ['h-load-bug.xlsx', 'load', 'internal'],
    ]);
    const messages = Object.fromEntries(errorRows(db).map((e) => [e.name, e.message]));
    expect(messages['f-oom.xlsx']).toBe('file too large to read in memory (Invalid string length)');
    expect(messages['g-normalize-bug.xlsx']).toBe('internal error in normalize (a bug in cchc-etl): RangeError: assertion failed: a period without a year');
    expect(messages['h-load-bug.xlsx']).toBe('internal error in load (a bug in cchc-etl): TypeError: doc.observations is not iterable');
    // The document whose load met the bug was written, then rolled back whole.
    expect(query(db, "SELECT count(*) AS n FROM observations o JOIN documents d ON d.sha256 = o.document_sha256 WHERE d.file_name = 'h-load-bug.xlsx'")).toEqual([{ n: 0 }]);
    expect(query<{ file_name: string; status: string }>(db, 'SELECT file_name, status FROM documents ORDER BY file_name').map((d) => `${d.file_name} ${d.status}`)).toEqual([
      'b-empty.csv rejected',
      'c-encrypted.pdf rejected',
      'd-missing-columns.csv rejected',
      'e-mixed.csv rejected',
      'f-oom.xlsx rejected',
      'i-good.xlsx loaded',
    ]);
    expect(query(db, 'SELECT status FROM runs')).toEqual([{ status: 'failed' }]);
  });

  it('a file over the size limit is refused at the read stage', async () => {
    const dir = tempDir();
    const file = join(dir, 'big.csv');
    writeFileSync(file, 'Mã hồ sơ\tNgày tiếp nhận\n'.repeat(20));
    const db = join(dir, 'w.sqlite');
    const s = await ingestPaths([file], { dbPath: db, config: { maxBytes: 100 } });
    expect(s).toMatchObject({ rejected: 1, failed: 0 });
    expect(errorRows(db)).toEqual([{ name: 'big.csv', stage: 'read', code: 'too_large', message: `file too large: ${Buffer.byteLength('Mã hồ sơ\tNgày tiếp nhận\n') * 20} bytes (limit 100)` }]);
    expect(query(db, 'SELECT status FROM runs')).toEqual([{ status: 'partial' }]);
  });

  it('warnings say the stage that raised them: an unresolved commune is normalisation’s', async () => {
    const dir = tempDir();
    const db = join(dir, 'w.sqlite');
    // "Yên Thịnh" alone fits several units of the registry: loaded unresolved, with a warning.
    await ingestPaths([fixture('bundles/inbox-1/yen-thinh-2024-phu-luc.xlsx')], { dbPath: db });
    const warnings = query<{ stage: string; location: string; code: string | null; message: string }>(db, "SELECT stage, location, code, message FROM ingest_errors WHERE severity = 'warning' AND location = 'commune'");
    expect(warnings.map((w) => [w.stage, w.code, w.message.split(':')[0]])).toEqual([['normalize', null, 'commune unresolved']]);
  });

  it('a bug in reconciliation fails the run with a reconcile/internal row; what loaded stays, and the next run reconciles it', async () => {
    const dir = tempDir();
    const db = join(dir, 'w.sqlite');
    const appendix = fixture('inbox/ban-thi-2024-phu-luc-II.xlsx');
    plant.reconcile.trap = () => {
      throw new TypeError("Cannot read properties of undefined (reading 'value')");
    };
    await expect(ingestPaths([appendix], { dbPath: db })).rejects.toThrow("internal error in reconcile (a bug in cchc-etl): TypeError: Cannot read properties of undefined (reading 'value')");
    expect(errorRows(db)).toEqual([{ name: '(run)', stage: 'reconcile', code: 'internal', message: "internal error in reconcile (a bug in cchc-etl): TypeError: Cannot read properties of undefined (reading 'value')" }]);
    expect(query(db, 'SELECT status FROM runs')).toEqual([{ status: 'failed' }]);
    expect(query(db, "SELECT status FROM documents")).toEqual([{ status: 'loaded' }]);
    expect(query(db, 'SELECT commune_key, period_key FROM pending_reconcile')).toEqual([{ commune_key: '02035', period_key: '2024' }]);

    plant.reconcile.trap = undefined;
    const again = await ingestPaths([appendix], { dbPath: db });
    expect(again).toMatchObject({ loaded: 0, skipped: 1, reconciled: 1, recovered: 1 });
    expect(query(db, 'SELECT count(*) AS n FROM pending_reconcile')).toEqual([{ n: 0 }]);
    expect(query<{ n: number }>(db, "SELECT count(*) AS n FROM reconciled_values WHERE commune_key = '02035'")[0]!.n).toBeGreaterThan(80);
  });

  it('a rejection made in a backfill worker thread keeps its stage and code', async () => {
    const dir = tempDir();
    const root = join(dir, 'tree', '2024');
    mkdirSync(root, { recursive: true });
    copyFileSync(fixture('bad/encrypted.pdf'), join(root, 'a-encrypted.pdf'));
    copyFileSync(fixture('bad/truncated.pdf'), join(root, 'b-truncated.pdf'));
    const db = join(dir, 'w.sqlite');
    const s = await backfill(join(dir, 'tree'), { dbPath: db, workers: 2 });
    expect(s).toMatchObject({ rejected: 2, failed: 0 });
    expect(errorRows(db).map((e) => [e.name, e.stage, e.code, e.message])).toEqual([
      ['a-encrypted.pdf', 'extract', 'encrypted_pdf', 'encrypted PDF: a password is needed to open it'],
      ['b-truncated.pdf', 'extract', 'corrupt_pdf', 'corrupt PDF: truncated (no %%EOF end marker)'],
    ]);
  });
});
