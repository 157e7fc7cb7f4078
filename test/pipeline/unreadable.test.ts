import { chmodSync, copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { ingestPaths } from '../../src/pipeline/index.js';
import { fixture, tempDir } from '../helpers.js';

// Tests may run as root, for whom chmod 000 stops nothing. There, the permission check the kernel
// would make for another user is made here instead: a path with no read bit gives EACCES, exactly
// where the real call would fail. As any other user the real calls run untouched.
const asRoot = process.getuid?.() === 0;
vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs/promises')>();
  const denied = async (p: Parameters<typeof real.stat>[0]) => asRoot && ((await real.stat(p)).mode & 0o444) === 0;
  const eacces = (p: unknown) => Object.assign(new Error(`EACCES: permission denied, '${String(p)}'`), { code: 'EACCES' });
  return {
    ...real,
    readdir: (async (p: Parameters<typeof real.readdir>[0], o?: unknown) => {
      if (await denied(p)) throw eacces(p);
      return real.readdir(p, o as never);
    }) as typeof real.readdir,
    open: (async (p: Parameters<typeof real.open>[0], ...rest: unknown[]) => {
      if (await denied(p)) throw eacces(p);
      return real.open(p, ...(rest as [never]));
    }) as typeof real.open,
  };
});

const restore: string[] = [];
afterAll(() => {
  for (const p of restore) chmodSync(p, 0o755);
});

describe('unreadable folders and files', () => {
  it('reports each with one line and one error row, and loads the rest', async () => {
    const dir = tempDir();
    const inbox = join(dir, 'inbox');
    mkdirSync(join(inbox, 'locked'), { recursive: true });
    copyFileSync(fixture('inbox/ban-thi-2024-phu-luc-II.xlsx'), join(inbox, 'locked', 'hidden.xlsx'));
    copyFileSync(fixture('inbox/onestop-ban-thi-2024.tsv'), join(inbox, 'secret.tsv'));
    copyFileSync(fixture('xlsx/yen-thinh-2021-q3-template-cu.xlsx'), join(inbox, 'z-good.xlsx'));
    chmodSync(join(inbox, 'locked'), 0o000);
    chmodSync(join(inbox, 'secret.tsv'), 0o000);
    restore.push(join(inbox, 'locked'), join(inbox, 'secret.tsv'));

    const db = join(dir, 'w.sqlite');
    const lines: string[] = [];
    const s = await ingestPaths([inbox], { dbPath: db, log: (l) => lines.push(l) });
    expect(s).toMatchObject({ loaded: 1, rejected: 2 });
    expect(lines.filter((l) => l.startsWith('rejected')).map((l) => l.replace(inbox, 'INBOX').replace(/ +/g, ' '))).toEqual([
      'rejected INBOX/locked: cannot list folder: EACCES (permission denied)',
      'rejected INBOX/secret.tsv: cannot read file: EACCES (permission denied)',
    ]);
    const conn = new SQLite(db, { readonly: true });
    const errors = conn.prepare("SELECT path, stage, message FROM ingest_errors WHERE severity = 'error' ORDER BY path").all() as { path: string; stage: string; message: string }[];
    conn.close();
    expect(errors.map((e) => [e.path.slice(inbox.length + 1), e.stage, e.message])).toEqual([
      ['locked', 'read', 'cannot list folder: EACCES (permission denied)'],
      ['secret.tsv', 'read', 'cannot read file: EACCES (permission denied)'],
    ]);
  });
});
