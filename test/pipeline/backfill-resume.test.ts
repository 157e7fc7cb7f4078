import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Manifest, generateCountry } from '../../scripts/fixtures/country.js';
import { backfill } from '../../src/pipeline/index.js';
import { ROOT, tempDir } from '../helpers.js';
import { warehouseContents } from './warehouse-contents.js';

/** What was loaded: documents, their observations and dossiers (reconciliation after a crash is the ingest's own recovery). */
const loaded = (db: string) => warehouseContents(db, ['documents', 'observations', 'dossiers']);

function loadedCount(db: string): number {
  if (!existsSync(db)) return 0;
  try {
    const conn = new SQLite(db, { readonly: true });
    try {
      return (conn.prepare("SELECT COUNT(*) AS n FROM documents WHERE status = 'loaded'").get() as { n: number }).n;
    } finally {
      conn.close();
    }
  } catch {
    return 0; // not migrated yet
  }
}

describe('backfill killed with SIGKILL, then run again', () => {
  let root: string;
  let manifest: Manifest;
  beforeAll(async () => {
    root = join(tempDir('cchc-country-'), 'tree');
    manifest = await generateCountry({ communes: 1, out: root, from: 2023, to: 2024, seed: 3, pdfShare: 0.3, plantShare: 0 });
  }, 120_000);

  it('carries on: no duplicate, nothing half-loaded, the same documents, observations and dossiers as an uninterrupted run', async () => {
    const dir = tempDir();
    const clean = join(dir, 'clean.sqlite');
    const killed = join(dir, 'killed.sqlite');
    const first = await backfill(root, { dbPath: clean, workers: 1 });
    expect(first.loaded).toBe(manifest.files.length);

    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'test/pipeline/backfill-child.ts'), root, killed], { cwd: ROOT, stdio: 'ignore' });
    const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
    // Killed once a few documents have committed, in the middle of the listing.
    for (let i = 0; i < 1200 && loadedCount(killed) < 4; i++) await new Promise((r) => setTimeout(r, 100));
    child.kill('SIGKILL');
    await exited;
    const before = loadedCount(killed);
    expect(before).toBeGreaterThanOrEqual(4);
    expect(before).toBeLessThan(manifest.files.length);

    const resumed = await backfill(root, { dbPath: killed, workers: 2 });
    expect(resumed.skipped).toBe(before);
    expect(resumed.loaded).toBe(manifest.files.length - before);
    expect(loaded(killed)).toEqual(loaded(clean));
  }, 300_000);
});
