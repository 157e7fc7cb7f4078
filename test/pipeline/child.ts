import { type ChildProcess, spawn } from 'node:child_process';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterEach, beforeEach, vi } from 'vitest';
import { ROOT, fixture, tempDir } from '../helpers.js';

const ENTRY = join(ROOT, 'test/pipeline/cli-entry.ts');

export interface ChildResult {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Starts `cchc <args>` in a child process (from the sources, through tsx). */
export function startCli(args: readonly string[], env: Record<string, string> = {}): { child: ChildProcess; done: Promise<ChildResult>; output: () => { stdout: string; stderr: string } } {
  const child = spawn(process.execPath, ['--import', 'tsx', ENTRY, ...args], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const done = new Promise<ChildResult>((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })));
  return { child, done, output: () => ({ stdout, stderr }) };
}

export function runCli(args: readonly string[], env: Record<string, string> = {}): Promise<ChildResult> {
  return startCli(args, env).done;
}

/** Resolves once the child has printed `text` on stderr (a pause point), or rejects when it ends first. */
export async function waitForStderr(started: ReturnType<typeof startCli>, text: string, timeoutMs = 60_000): Promise<void> {
  const t0 = Date.now();
  for (;;) {
    if (started.output().stderr.includes(text)) return;
    if (started.child.exitCode !== null || started.child.signalCode !== null) throw new Error(`child ended before "${text}": ${started.output().stderr}${started.output().stdout}`);
    if (Date.now() - t0 > timeoutMs) throw new Error(`no "${text}" after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A folder holding copies of the given fixtures: an inbox the test may change. */
export function inboxOf(...fixtures: string[]): string {
  const dir = join(tempDir('cchc-inbox-'), 'inbox');
  mkdirSync(dir, { recursive: true });
  for (const f of fixtures) copyFileSync(fixture(f), join(dir, f.split('/').pop()!));
  return dir;
}

/** Columns that name the run or the moment, not the data: left out when two warehouses are compared. */
const RUN_COLUMNS = new Set(['run_id', 'loaded_at', 'created_at']);
/** Tables compared row for row, with columns that are counters of the database rather than data. */
const TABLES: Record<string, readonly string[]> = {
  documents: [],
  observations: ['id'],
  dossiers: [],
  communes: [],
  periods: [],
  indicators: [],
  reconciled_values: [],
  conflicts: [],
  pending_reconcile: [],
  pending_bundles: [],
  ingest_errors: ['id'],
};

/**
 * Every data table of a warehouse as sorted JSON lines, without run ids and timestamps. Error lines
 * are compared as a set: a rejected file is retried, and reported again, by every run.
 */
export function snapshot(dbPath: string): Record<string, string[]> {
  const conn = new SQLite(dbPath, { readonly: true });
  try {
    const out: Record<string, string[]> = {};
    for (const [table, skip] of Object.entries(TABLES)) {
      const rows = conn.prepare(`SELECT * FROM ${table}`).all() as Record<string, unknown>[];
      const lines = rows.map((r) => JSON.stringify(Object.fromEntries(Object.entries(r).filter(([k]) => !RUN_COLUMNS.has(k) && !skip.includes(k)))));
      out[table] = (table === 'ingest_errors' ? [...new Set(lines)] : lines).sort();
    }
    return out;
  } finally {
    conn.close();
  }
}

/** Rows of a query on a warehouse, opened read-only for the query alone. */
export function query<T>(dbPath: string, sql: string): T[] {
  const conn = new SQLite(dbPath, { readonly: true });
  try {
    return conn.prepare(sql).all() as T[];
  } finally {
    conn.close();
  }
}

/** Console lines of in-process CLI calls, and a clean exit code around each test. */
export function captureConsole(): { lines: string[] } {
  const captured = { lines: [] as string[] };
  beforeEach(() => {
    captured.lines.length = 0;
    for (const m of ['log', 'error'] as const) vi.spyOn(console, m).mockImplementation((...a: unknown[]) => void captured.lines.push(a.join(' ')));
    process.exitCode = undefined;
  });
  afterEach(() => {
    vi.restoreAllMocks();
    process.exitCode = undefined;
  });
  return captured;
}
