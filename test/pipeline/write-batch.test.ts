import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { ingestPaths } from '../../src/pipeline/index.js';
import { WriteBatch } from '../../src/pipeline/write-batch.js';
import { fixture, tempDir } from '../helpers.js';
import { query, snapshot } from './child.js';

function table(): SQLite.Database {
  const db = new SQLite(join(tempDir(), 'batch.sqlite'));
  db.exec('CREATE TABLE rows (document TEXT, n INTEGER)');
  return db;
}
const rows = (db: SQLite.Database) => db.prepare('SELECT document, n FROM rows ORDER BY document, n').all();

describe('a write batch', () => {
  it('commits a batch left open while the writer waits for its next document, never in the middle of one', async () => {
    const db = table();
    const batch = new WriteBatch(db, { documents: 10, ms: 40 });
    const insert = db.prepare('INSERT INTO rows VALUES (?, ?)');
    const other = new SQLite(db.name, { readonly: true });
    const count = () => (other.prepare('SELECT COUNT(*) AS n FROM rows').get() as { n: number }).n;
    const committed: string[] = [];
    batch.beginDocument();
    insert.run('a', 1);
    batch.endDocument(() => committed.push('a'));
    expect(count()).toBe(0);
    // No next document for a while (a large file being read): the lock is given back.
    await new Promise((r) => setTimeout(r, 120));
    expect(committed).toEqual(['a']);
    expect(count()).toBe(1);
    expect(db.inTransaction).toBe(false);
    // A document still being written when its batch is old enough is not cut: it commits at its end.
    batch.beginDocument();
    insert.run('b', 1);
    batch.endDocument(() => committed.push('b'));
    batch.beginDocument();
    insert.run('c', 1);
    await new Promise((r) => setTimeout(r, 120));
    expect(count()).toBe(1);
    insert.run('c', 2);
    batch.endDocument(() => committed.push('c'));
    expect(committed).toEqual(['a', 'b', 'c']);
    expect(count()).toBe(4);
    other.close();
  });

  it('rolls back the document that fails alone: the batch commits the ones before and after it', () => {
    const db = table();
    const batch = new WriteBatch(db, { documents: 10, ms: 60_000 });
    const insert = db.prepare('INSERT INTO rows VALUES (?, ?)');
    const committed: string[] = [];
    batch.beginDocument();
    insert.run('a', 1);
    insert.run('a', 2);
    batch.endDocument(() => committed.push('a'));
    // Half written, then it fails.
    batch.beginDocument();
    insert.run('b', 1);
    batch.abandonDocument();
    batch.beginDocument();
    insert.run('c', 1);
    batch.endDocument(() => committed.push('c'));
    // Not committed yet: another connection sees nothing, and nobody was told.
    const other = new SQLite(db.name, { readonly: true });
    expect(other.prepare('SELECT COUNT(*) AS n FROM rows').get()).toEqual({ n: 0 });
    expect(committed).toEqual([]);
    batch.commit();
    expect(committed).toEqual(['a', 'c']);
    expect(other.prepare('SELECT document, n FROM rows ORDER BY document, n').all()).toEqual([
      { document: 'a', n: 1 },
      { document: 'a', n: 2 },
      { document: 'c', n: 1 },
    ]);
    other.close();
  });

  it('commits once full, and one document per transaction by default', () => {
    const db = table();
    const batch = new WriteBatch(db, { documents: 2, ms: 60_000 });
    const insert = db.prepare('INSERT INTO rows VALUES (?, ?)');
    batch.beginDocument();
    insert.run('a', 1);
    batch.endDocument();
    expect(db.inTransaction).toBe(true);
    batch.beginDocument();
    insert.run('b', 1);
    batch.endDocument();
    expect(db.inTransaction).toBe(false);

    const single = new WriteBatch(db);
    single.beginDocument();
    insert.run('c', 1);
    single.abandonDocument();
    expect(db.inTransaction).toBe(false);
    single.beginDocument();
    insert.run('d', 1);
    single.endDocument();
    expect(db.inTransaction).toBe(false);
    expect(rows(db)).toEqual([
      { document: 'a', n: 1 },
      { document: 'b', n: 1 },
      { document: 'd', n: 1 },
    ]);
  });
});

describe('ingest with documents batched per transaction', () => {
  it('loads the same warehouse as one transaction per document, bad files among good ones included', async () => {
    const dir = tempDir();
    const inbox = join(dir, 'inbox');
    mkdirSync(inbox);
    const files = ['bad/not-a-workbook.xlsx', 'inbox/ban-thi-2024-phu-luc-II.xlsx', 'bad/truncated-workbook.xlsx', 'inbox/onestop-ban-thi-2024.tsv', 'xlsx/yen-thinh-2021-q3-template-cu.xlsx'];
    for (const f of files) copyFileSync(fixture(f), join(inbox, f.split('/')[1]!));
    const one = join(dir, 'one.sqlite');
    const batched = join(dir, 'batched.sqlite');
    const a = await ingestPaths([inbox], { dbPath: one });
    const b = await ingestPaths([inbox], { dbPath: batched, batch: { documents: 50, ms: 60_000 } });
    expect(b).toMatchObject({ loaded: 3, rejected: 2 });
    expect(a).toMatchObject({ loaded: 3, rejected: 2 });
    // The rejected ones have their row and reason, and nothing else of theirs is stored.
    expect(query(batched, "SELECT file_name, observation_count FROM documents WHERE status = 'rejected' ORDER BY file_name")).toEqual([
      { file_name: 'not-a-workbook.xlsx', observation_count: 0 },
      { file_name: 'truncated-workbook.xlsx', observation_count: 0 },
    ]);
    expect(query(batched, "SELECT COUNT(*) AS n FROM observations o JOIN documents d ON d.sha256 = o.document_sha256 WHERE d.status = 'rejected'")).toEqual([{ n: 0 }]);
    expect(snapshot(batched)).toEqual(snapshot(one));
  }, 120_000);
});
