import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { ingestPaths } from '../../src/pipeline/index.js';
import { ROOT, fixture, tempDir } from '../helpers.js';
import { inboxOf, runCli, startCli, waitForStderr } from './child.js';

describe('one run at a time per warehouse', () => {
  it('a second run exits at once with status 4 and names the holder; once the holder is killed, the next run takes over', async () => {
    const inbox = inboxOf('inbox/ban-thi-2024-phu-luc-II.xlsx', 'xlsx/yen-thinh-2021-q3-template-cu.xlsx');
    const db = join(tempDir(), 'w.sqlite');
    const first = startCli(['ingest', inbox, '--db', db], { CCHC_TEST_PAUSE_AT: 'loaded:1' });
    await waitForStderr(first, 'paused at loaded:1');

    const t0 = Date.now();
    const second = await runCli(['ingest', inbox, '--db', db]);
    expect(second.code).toBe(4);
    const lines = second.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`in use by run \\S+ \\(pid ${first.child.pid} on ${hostname()}, started \\d{4}-\\d\\d-\\d\\dT`));
    expect(second.stdout).toBe('');
    // "At once": no waiting for the holder (the child's own start-up is most of this).
    expect(Date.now() - t0).toBeLessThan(15_000);

    first.child.kill('SIGKILL');
    await first.done;
    const third = await runCli(['ingest', inbox, '--db', db]);
    expect(third.code, third.stderr).toBe(0);
    expect(third.stdout).toMatch(/closed as crashed/);
    const conn = new SQLite(db, { readonly: true });
    expect(conn.prepare('SELECT status FROM runs ORDER BY started_at').pluck().all()).toEqual(['crashed', 'ok']);
    expect(conn.prepare("SELECT COUNT(*) FROM documents WHERE status = 'loaded'").pluck().get()).toBe(2);
    conn.close();
  }, 120_000);

  it('a holder file left by a dead process does not stop a run', async () => {
    const db = join(tempDir(), 'w.sqlite');
    writeFileSync(`${db}.lock.json`, JSON.stringify({ runId: 'dead-run', pid: 999_999, host: hostname(), startedAt: '2026-01-01T00:00:00.000Z' }));
    const lines: string[] = [];
    const s = await ingestPaths([fixture('xlsx/yen-thinh-2021-q3-template-cu.xlsx')], { dbPath: db, log: (l) => lines.push(l) });
    expect(s.loaded).toBe(1);
    expect(lines[0]).toBe('taking over the warehouse from run dead-run (pid 999999 on ' + hostname() + ', started 2026-01-01T00:00:00.000Z): its process is gone');
    // Released at the end: the holder file is gone and the next run starts with no takeover.
    const again: string[] = [];
    await ingestPaths([fixture('xlsx/yen-thinh-2021-q3-template-cu.xlsx')], { dbPath: db, log: (l) => again.push(l) });
    expect(again.some((l) => l.startsWith('taking over'))).toBe(false);
  });

  it('two processes opening one new warehouse at once both succeed (no "table runs already exists")', async () => {
    // Both children load everything first, then open at the same instant (busy-waiting for it).
    const script = `import { openWarehouse } from './src/warehouse/index.ts'; const at = Number(process.argv[2]); while (Date.now() < at); const w = await openWarehouse(process.argv[1]); await w.close(); console.log('ok');`;
    for (let round = 0; round < 3; round++) {
      const db = join(tempDir(), 'new.sqlite');
      const at = String(Date.now() + 5000);
      const open = () =>
        new Promise<{ code: number | null; out: string }>((resolve) => {
          const c = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script, db, at], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
          let out = '';
          c.stdout.on('data', (d: Buffer) => (out += d.toString()));
          c.stderr.on('data', (d: Buffer) => (out += d.toString()));
          c.on('close', (code) => resolve({ code, out }));
        });
      const results = await Promise.all([open(), open()]);
      for (const r of results) expect(r, r.out).toMatchObject({ code: 0, out: 'ok\n' });
      const conn = new SQLite(db, { readonly: true });
      expect(conn.prepare('SELECT COUNT(*) FROM kysely_migration').pluck().get()).toBeGreaterThanOrEqual(4);
      conn.close();
    }
  }, 120_000);
});

describe('analysts during a run', () => {
  it('an analyst holding a write transaction longer than 5 s delays a run, not fails it', async () => {
    const db = join(tempDir(), 'w.sqlite');
    await ingestPaths([fixture('xlsx/yen-thinh-2021-q3-template-cu.xlsx')], { dbPath: db });
    const analyst = new SQLite(db);
    analyst.exec('BEGIN IMMEDIATE');
    analyst.prepare('UPDATE communes SET name = name').run();
    const run = runCli(['ingest', fixture('inbox/ban-thi-2024-phu-luc-II.xlsx'), '--db', db]);
    await new Promise((r) => setTimeout(r, 7000));
    analyst.exec('COMMIT');
    analyst.close();
    const r = await run;
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/1 loaded/);
  }, 120_000);

  it('a reader never sees a half-loaded document, and a reader holding the WAL is named in the summary', async () => {
    const db = join(tempDir(), 'w.sqlite');
    await ingestPaths([fixture('xlsx/yen-thinh-2021-q3-template-cu.xlsx')], { dbPath: db });
    const reader = new SQLite(db, { readonly: true });
    reader.exec('BEGIN');
    const before = reader.prepare('SELECT COUNT(*) FROM observations').pluck().get();
    const s = await ingestPaths([fixture('inbox/ban-thi-2024-phu-luc-II.xlsx')], { dbPath: db, checkpointWaitMs: 300 });
    // The reader's snapshot is the one it began with: the new document is all absent, not partly there.
    expect(reader.prepare('SELECT COUNT(*) FROM observations').pluck().get()).toBe(before);
    reader.exec('COMMIT');
    expect(s.loaded).toBe(1);
    expect(s.checkpointNote).toMatch(/^WAL not folded back: a reader held the warehouse open/);
    const after = reader.prepare('SELECT COUNT(*) FROM observations').pluck().get() as number;
    expect(after).toBe((before as number) + s.observations);
    expect(reader.prepare('SELECT note FROM runs ORDER BY started_at DESC LIMIT 1').pluck().get()).toMatch(/WAL not folded back/);
    reader.close();

    // With no reader, the run folds the WAL back and says nothing.
    const s2 = await ingestPaths([fixture('inbox/onestop-ban-thi-2024.tsv')], { dbPath: db, checkpointWaitMs: 300 });
    expect(s2.checkpointNote).toBeUndefined();
  }, 60_000);
});
