import { execFileSync } from 'node:child_process';
import { appendFileSync, copyFileSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { ingestPaths, listFiles } from '../../src/pipeline/index.js';
import { fixture, tempDir } from '../helpers.js';
import { query } from './child.js';

const APPENDIX = fixture('inbox/ban-thi-2024-phu-luc-II.xlsx');
const EXPORT = fixture('inbox/onestop-ban-thi-2024.tsv');

// The streamed read of a large export, made to find its file appended to after it was hashed.
const changeDuringRead = vi.hoisted(() => ({ path: '' }));
vi.mock('../../src/extract/index.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/extract/index.js')>();
  return {
    ...real,
    extractLargeText: async (path: string, ctx: Parameters<typeof real.extractLargeText>[1]) => {
      if (changeDuringRead.path) appendFileSync(changeDuringRead.path, 'more rows\n');
      return real.extractLargeText(path, ctx);
    },
  };
});


describe('files as they are on disk', () => {
  it('refuses FIFOs and devices by type without opening them, and loads the rest', async () => {
    const dir = tempDir();
    const inbox = join(dir, 'inbox');
    mkdirSync(inbox);
    copyFileSync(APPENDIX, join(inbox, 'b-good.xlsx'));
    execFileSync('mkfifo', [join(inbox, 'a-pipe.csv')]);
    const db = join(dir, 'w.sqlite');
    // A FIFO opened for reading would block for ever and /dev/zero never ends: the run must return.
    const s = await ingestPaths([inbox, '/dev/zero'], { dbPath: db });
    expect(s).toMatchObject({ loaded: 1, rejected: 2 });
    const reasons = Object.fromEntries(s.files.map((f) => [f.path.split('/').pop(), f.reason]));
    expect(reasons['a-pipe.csv']).toBe('not a regular file: a FIFO (named pipe); refused without opening it');
    expect(reasons['zero']).toBe('not a regular file: a character device; refused without opening it');
    expect(query<{ message: string; stage: string }>(db, "SELECT message, stage FROM ingest_errors WHERE path LIKE '%a-pipe.csv'")).toEqual([
      { message: 'not a regular file: a FIFO (named pipe); refused without opening it', stage: 'read' },
    ]);
  });

  it('follows symlinks once: a linked file loads, a dangling link and a loop are reported', async () => {
    const dir = tempDir();
    const inbox = join(dir, 'inbox');
    mkdirSync(join(inbox, 'sub'), { recursive: true });
    copyFileSync(APPENDIX, join(dir, 'outside.xlsx'));
    symlinkSync(join(dir, 'outside.xlsx'), join(inbox, 'linked.xlsx'));
    symlinkSync(join(dir, 'nowhere.xlsx'), join(inbox, 'dangling.xlsx'));
    symlinkSync(inbox, join(inbox, 'sub', 'back-up'));
    symlinkSync(join(inbox, 'self'), join(inbox, 'self'));
    const listed = await listFiles([inbox]);
    expect(listed.map((e) => [e.path.slice(inbox.length + 1), e.kind === 'problem' ? e.reason : 'file'])).toEqual([
      ['dangling.xlsx', 'dangling symlink: its target does not exist'],
      ['linked.xlsx', 'file'],
      ['self', 'symlink loop: the link leads back to itself'],
      ['sub/back-up', 'symlink loop: leads back to a folder already listed; not followed again'],
    ]);
    const db = join(dir, 'w.sqlite');
    const s = await ingestPaths([inbox], { dbPath: db });
    expect(s).toMatchObject({ loaded: 1, rejected: 3 });
    expect(query(db, "SELECT file_name FROM documents WHERE status = 'loaded'")).toEqual([{ file_name: 'linked.xlsx' }]);
  });

  it('reads a file whose name is not UTF-8 by its bytes, and records the name with the odd bytes escaped', async () => {
    const dir = tempDir();
    const inbox = join(dir, 'inbox');
    mkdirSync(inbox);
    // "Bản Thi" as a CP1258 tool writes it: 0xD2 is "ả" there, and not UTF-8.
    const name = Buffer.concat([Buffer.from(`${inbox}/B`), Buffer.from([0x61, 0xd2]), Buffer.from('n Thi.xlsx')]);
    writeFileSync(name, readFileSync(APPENDIX));
    const db = join(dir, 'w.sqlite');
    const s = await ingestPaths([inbox], { dbPath: db });
    expect(s).toMatchObject({ loaded: 1, rejected: 0 });
    expect(query<{ file_name: string; observation_count: number }>(db, 'SELECT file_name, observation_count FROM documents')).toEqual([{ file_name: 'Ba\\xd2n Thi.xlsx', observation_count: 88 }]);
  });

  it('a file appended to while it is read loads nothing and is not marked loaded; the next run loads it', async () => {
    const dir = tempDir();
    const file = join(dir, 'export.tsv');
    copyFileSync(EXPORT, file);
    const db = join(dir, 'w.sqlite');
    changeDuringRead.path = file;
    // streamTextAbove: 1 makes the export a streamed read, the path where hashing and parsing are two passes.
    const s = await ingestPaths([file], { dbPath: db, streamTextAbove: 1 });
    changeDuringRead.path = '';
    expect(s).toMatchObject({ loaded: 0, rejected: 1 });
    expect(s.files[0]!.reason).toBe('file changed while being read; will retry next run');
    expect(query(db, 'SELECT * FROM documents')).toEqual([]);
    expect(query(db, 'SELECT * FROM dossiers')).toEqual([]);
    expect(query(db, 'SELECT * FROM observations')).toEqual([]);
    expect(query<{ message: string }>(db, 'SELECT message FROM ingest_errors')).toEqual([{ message: 'file changed while being read; will retry next run' }]);

    const again = await ingestPaths([file], { dbPath: db, streamTextAbove: 1 });
    expect(again).toMatchObject({ loaded: 1, rejected: 0 });
    expect(query<{ n: number }>(db, 'SELECT COUNT(*) AS n FROM dossiers')[0]!.n).toBe(196);
  });
});
