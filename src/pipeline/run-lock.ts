import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';

/** Who holds a warehouse's run lock, as written beside it. */
export interface LockHolder {
  readonly runId: string;
  readonly pid: number;
  readonly host: string;
  readonly startedAt: string;
}

/** Another run holds the warehouse: the caller exits with status 4 and this one line. */
export class WarehouseBusy extends Error {
  constructor(
    readonly dbPath: string,
    readonly holder: LockHolder | undefined,
  ) {
    super(
      holder
        ? `warehouse ${dbPath} is in use by run ${holder.runId} (pid ${holder.pid} on ${holder.host}, started ${holder.startedAt}); try again when it ends`
        : `warehouse ${dbPath} is in use by another run (it has not said who yet); try again when it ends`,
    );
  }
}

export interface RunLock {
  /** The holder recorded by a run that died without releasing the lock, if any. */
  readonly previous?: LockHolder;
  release(): void;
}

/**
 * One run at a time per warehouse. The lock is a kernel lock, not a file's existence: an exclusive
 * SQLite transaction on `<db>.lock`, which the operating system drops when the process dies however
 * it dies (kill -9 included), so a killed run's lock is never stuck and taking it over needs no
 * guess about whether a pid was reused. `<db>.lock.json` names the holder for the message a second
 * run prints; a holder file whose lock is free is what a killed run left (`previous`).
 */
export function acquireRunLock(dbPath: string, runId: string, startedAt: string): RunLock {
  const lockPath = `${dbPath}.lock`;
  const infoPath = `${dbPath}.lock.json`;
  mkdirSync(dirname(lockPath), { recursive: true });
  const conn = new SQLite(lockPath);
  conn.pragma('busy_timeout = 0');
  try {
    conn.exec('BEGIN EXCLUSIVE');
  } catch (err) {
    conn.close();
    if ((err as { code?: string }).code === 'SQLITE_BUSY') throw new WarehouseBusy(dbPath, readHolder(infoPath));
    throw err;
  }
  const previous = readHolder(infoPath);
  const me: LockHolder = { runId, pid: process.pid, host: hostname(), startedAt };
  const tmp = `${infoPath}.${process.pid}`;
  writeFileSync(tmp, `${JSON.stringify(me)}\n`);
  renameSync(tmp, infoPath);
  return {
    ...(previous ? { previous } : {}),
    release: () => {
      rmSync(infoPath, { force: true });
      conn.exec('ROLLBACK');
      conn.close();
    },
  };
}

function readHolder(infoPath: string): LockHolder | undefined {
  try {
    const h = JSON.parse(readFileSync(infoPath, 'utf8')) as Partial<LockHolder>;
    if (typeof h.pid === 'number' && typeof h.runId === 'string' && typeof h.host === 'string' && typeof h.startedAt === 'string') {
      return { runId: h.runId, pid: h.pid, host: h.host, startedAt: h.startedAt };
    }
  } catch {
    // no holder file, or one being replaced: the message says less
  }
  return undefined;
}
