import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers.js';
import { inboxOf, query as rows, runCli, snapshot, startCli, waitForStderr } from './child.js';

// Two communes, a report that states its window, the one-stop export it recounts, an appendix workbook.
const INBOX = ['inbox/ban-thi-2024-bao-cao.pdf', 'inbox/ban-thi-2024-phu-luc-II.xlsx', 'inbox/onestop-ban-thi-2024.tsv', 'xlsx/yen-thinh-2021-q3-template-cu.xlsx'];


describe('a run killed with SIGKILL, then run again', () => {
  const inbox = inboxOf(...INBOX);
  let clean: Record<string, string[]> | undefined;
  const cleanSnapshot = async () => {
    if (!clean) {
      const db = join(tempDir(), 'clean.sqlite');
      const r = await runCli(['ingest', inbox, '--db', db]);
      expect(r.code, r.stderr).toBe(0);
      clean = snapshot(db);
      expect(clean.reconciled_values!.length).toBeGreaterThan(100);
      expect(clean.pending_reconcile).toEqual([]);
    }
    return clean;
  };

  // Inside a document's transaction; after two documents; between two stated-window recounts;
  // after the recount, before reconciling; after reconciling, before the to-do list is cleared.
  it.each(['document', 'loaded:2', 'recount-step', 'reconcile', 'reconciled'])(
    'killed at %s: the next run finishes the work and the warehouse equals an uninterrupted run',
    async (point) => {
      const expected = await cleanSnapshot();
      const db = join(tempDir(), 'w.sqlite');
      const started = startCli(['ingest', inbox, '--db', db], { CCHC_TEST_PAUSE_AT: point });
      await waitForStderr(started, `paused at ${point}`);
      started.child.kill('SIGKILL');
      const killed = await started.done;
      expect(killed.signal).toBe('SIGKILL');
      expect(rows<{ status: string }>(db, 'SELECT status FROM runs')).toEqual([{ status: 'running' }]);
      if (point === 'reconcile') {
        // The failure this guards against: everything loaded, nothing reconciled.
        expect(rows(db, 'SELECT * FROM reconciled_values')).toEqual([]);
        expect(rows<{ n: number }>(db, 'SELECT COUNT(*) AS n FROM pending_reconcile')[0]!.n).toBeGreaterThan(0);
      }

      const again = await runCli(['ingest', inbox, '--db', db]);
      expect(again.code, again.stderr).toBe(0);
      expect(again.stdout).toMatch(/closed as crashed/);
      expect(snapshot(db)).toEqual(expected);
      const runs = rows<{ status: string; finished_at: string | null; pid: number }>(db, 'SELECT status, finished_at, pid FROM runs ORDER BY started_at');
      expect(runs.map((r) => r.status)).toEqual(['crashed', 'ok']);
      expect(runs[0]!.pid).toBe(started.child.pid);
      expect(runs.every((r) => r.finished_at !== null)).toBe(true);
    },
    240_000,
  );

  // A report bundle (report, appendix naming it, one-stop export without a unit column): every file
  // loaded, then killed before the run links them; the next run passes over all three as loaded.
  it('killed after its last file, before bundling: the next run links the bundle all the same', async () => {
    const bundle = inboxOf('bundles/inbox-1/yen-thinh-2024-bao-cao.pdf', 'bundles/inbox-1/yen-thinh-2024-phu-luc.xlsx', 'bundles/inbox-1/yen-thinh-2024-mot-cua.csv');
    const cleanDb = join(tempDir(), 'clean.sqlite');
    expect((await runCli(['ingest', bundle, '--db', cleanDb])).code).toBe(0);
    const expected = snapshot(cleanDb);
    expect(new Set(expected.documents!.map((d) => (JSON.parse(d) as { bundle_key: string | null }).bundle_key)).size).toBe(1);
    expect(expected.documents!.every((d) => (JSON.parse(d) as { bundle_key: string | null }).bundle_key !== null)).toBe(true);

    const db = join(tempDir(), 'w.sqlite');
    const started = startCli(['ingest', bundle, '--db', db], { CCHC_TEST_PAUSE_AT: 'loaded:3' });
    await waitForStderr(started, 'paused at loaded:3');
    started.child.kill('SIGKILL');
    await started.done;
    expect(rows<{ n: number }>(db, 'SELECT COUNT(*) AS n FROM pending_bundles')[0]!.n).toBe(3);
    const again = await runCli(['ingest', bundle, '--db', db]);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toMatch(/0 loaded, 3 skipped/);
    expect(snapshot(db)).toEqual(expected);
  }, 240_000);
});
