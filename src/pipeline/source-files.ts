import type { Stats } from 'node:fs';
import { type Warehouse, prepareOnce } from '../warehouse/index.js';

/** What says a file is still the one that was read: same inode, size and times. */
export interface Snapshot {
  readonly dev: number;
  readonly ino: number;
  readonly size: number;
  readonly mtimeMs: number;
  /** Changes on every write and cannot be set back (unlike mtime): a rewrite keeping the mtime still shows. */
  readonly ctimeMs: number;
}

export const snapshotOf = (s: Stats): Snapshot => ({ dev: s.dev, ino: s.ino, size: s.size, mtimeMs: s.mtimeMs, ctimeMs: s.ctimeMs });

export const sameSnapshot = (a: Snapshot, b: Snapshot): boolean =>
  a.dev === b.dev && a.ino === b.ino && a.size === b.size && a.mtimeMs === b.mtimeMs && a.ctimeMs === b.ctimeMs;

/**
 * The run that last saw this file exactly as it is now and loaded (or found loaded) its content;
 * undefined when the file is new, changed, or its document is no longer loaded. Lets a nightly run
 * pass over an untouched inbox without reading a byte of it.
 */
export function unchangedSince(wh: Warehouse, path: string, now: Snapshot): string | undefined {
  const row = prepareOnce(
    wh.sqlite,
    `SELECT s.run_id, s.size_bytes, s.mtime_ms, s.ctime_ms, s.inode FROM source_files s
       JOIN documents d ON d.sha256 = s.sha256 AND d.status = 'loaded' WHERE s.path = ?`,
  ).get(path) as { run_id: string; size_bytes: number; mtime_ms: number; ctime_ms: number; inode: number } | undefined;
  if (!row) return undefined;
  const same = row.size_bytes === now.size && row.mtime_ms === now.mtimeMs && row.ctime_ms === now.ctimeMs && row.inode === now.ino;
  return same ? row.run_id : undefined;
}

/** Marks the file as seen with this content (inside the document's transaction when it is loaded). */
export function markSeen(wh: Warehouse, path: string, snapshot: Snapshot, sha256: string, runId: string): void {
  prepareOnce(
    wh.sqlite,
    `INSERT INTO source_files (path, size_bytes, mtime_ms, ctime_ms, inode, sha256, run_id, seen_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT(path) DO UPDATE SET size_bytes = excluded.size_bytes, mtime_ms = excluded.mtime_ms, ctime_ms = excluded.ctime_ms,
         inode = excluded.inode, sha256 = excluded.sha256, run_id = excluded.run_id, seen_at = excluded.seen_at`,
  ).run(path, snapshot.size, snapshot.mtimeMs, snapshot.ctimeMs, snapshot.ino, sha256, runId, new Date().toISOString());
}
