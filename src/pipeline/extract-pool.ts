import { resolve } from 'node:path';
import { Piscina } from 'piscina';
import type { ExtractConfig } from '../extract/index.js';
import { CchcError } from '../model/index.js';
import type { ReconcileSettings, Scope, ScopeRows } from '../reconcile/index.js';
import { type ExtractResult, type ExtractTask, closeLoadedChecks, extractOne } from './extract-worker.js';
import type { PreparedFile } from './ingest.js';
import { type CheckpointTask, type ReconcileTask, closeThreadConnections, reconcileInWorker } from './reconcile-worker.js';
import { STOLEN, type Ticket, WorkQueue } from './work-queue.js';

export { WORKER_TEXT_MAX_BYTES } from './extract-worker.js';

/**
 * Files queued ahead of the writer, per extracting thread (the writer's included). The writer stops
 * taking files while it reconciles a batch (seconds), and when it waits it takes files far ahead of
 * the one it needs: a short window ran dry (16 a thread left the writer idle a quarter of the run).
 * What waits is plain data, a few hundred rows a file; `HELD_DOSSIERS` caps the dossier rows
 * waiting, whatever the files.
 */
const LOOKAHEAD_PER_THREAD = 64;
/**
 * Jobs handed to each pool thread at once, the rest queued here. The writer hears that a thread is
 * done only between two of its own tasks, and a report it extracts itself, or a share of a batch's
 * reconciliation, keeps it up to a second: a thread needs that much work of its own not to idle
 * meanwhile. Handing it more costs nothing: the writer takes back what a thread has not started.
 */
const SLOTS_PER_THREAD = 16;
const HELD_DOSSIERS = 400_000;
/** Most commune-years reconciled by one task. */
const SCOPES_PER_TASK = 8;

/**
 * Threads that extract and normalise the files a backfill will load, ahead of the writer, and the
 * writer's own thread when it would otherwise wait (`WorkQueue`): `prepare` (an
 * `IngestOptions.prepare`) is asked for the files in the order the writer loads them, and keeps the
 * next `lookahead` of them queued. The thread that takes a file reads and hashes it; a file already
 * loaded is not extracted, nor is a text export above `WORKER_TEXT_MAX_BYTES` (the writer streams its
 * dossiers into the transaction batch by batch instead of holding them). What a thread hands back is
 * checked against the hash the writer read: other bytes are done again by the writer.
 *
 * The same threads, and the writer's, reconcile a loaded batch's commune-years (`reconcileScopes`,
 * a `ScopeReconciler`), so that the writer only writes their rows.
 */
export class ExtractPool {
  private readonly pool: Piscina<ExtractTask | ReconcileTask | CheckpointTask, ExtractResult | ScopeRows[] | void>;
  /** The WAL checkpoint under way in a thread, if any. */
  private checkpointing: Promise<unknown> | undefined;
  private readonly queue: WorkQueue;
  private readonly pending = new Map<string, Ticket<ExtractResult | undefined>>();
  private order: string[] = [];
  private readonly position = new Map<string, number>();
  private next = 0;
  private readonly lookahead: number;
  /** Dossier rows in results done but not yet taken by the writer. */
  private held = 0;
  private readonly threads: number;

  constructor(
    private readonly config: ExtractConfig,
    /** The warehouse loaded into: a file whose content it holds is not extracted (a resumed backfill). */
    private readonly warehouse: string | undefined,
    threads: number,
  ) {
    this.lookahead = (threads + 1) * LOOKAHEAD_PER_THREAD;
    this.threads = threads;
    // A thread is handed all its slots' tasks at once, and runs them one after another (extract-worker.ts).
    this.pool = new Piscina({ filename: workerEntry(), minThreads: threads, maxThreads: threads, idleTimeout: 60_000, concurrentTasksPerWorker: SLOTS_PER_THREAD });
    this.queue = new WorkQueue(threads * SLOTS_PER_THREAD);
  }

  /** The files the writer will load, in its order. */
  begin(files: readonly string[]): void {
    this.pending.clear();
    this.position.clear();
    this.order = files.map((f) => resolve(f));
    this.order.forEach((f, i) => this.position.set(f, i));
    this.next = 0;
    this.fill(0);
  }

  readonly prepare = async (file: { readonly path: string; readonly sha256: string }): Promise<PreparedFile | undefined> => {
    const key = resolve(file.path);
    const at = this.position.get(key);
    if (at === undefined) return undefined;
    this.fill(at);
    const ticket = this.pending.get(key);
    const result = ticket ? await this.queue.await(ticket) : undefined;
    this.pending.delete(key);
    this.release(result);
    if (!result || result.sha256 !== file.sha256) return undefined;
    if (result.kind === 'rejected') throw new CchcError(result.stage, result.code, result.message, result.location);
    return result.kind === 'document' ? { document: result.document, dossiers: result.dossiers } : undefined;
  };

  /** Sends the files from `at` on, up to the look-ahead; files the writer has passed are forgotten. */
  private fill(at: number): void {
    for (const [key, ticket] of this.pending) {
      if ((this.position.get(key) ?? 0) >= at) continue;
      this.pending.delete(key);
      if (!this.queue.cancel(ticket, undefined)) void ticket.result.then((r) => this.release(r));
    }
    if (this.next < at) this.next = at;
    // The file the writer asks for is always sent, whatever is held.
    while (this.next < this.order.length && this.next < at + this.lookahead && (this.held < HELD_DOSSIERS || this.next === at)) {
      const path = this.order[this.next++]!;
      this.pending.set(path, this.queue.add({ send: (flag) => this.extract(path, flag), here: () => this.extract(path) }));
    }
  }

  /**
   * Extracts a file in a pool thread (with the job's claim `flag`), or in this one; the thread reads
   * and hashes it itself (extract-worker.ts). `main` or a failed task: the writer does it itself.
   */
  private async extract(path: string): Promise<ExtractResult | undefined>;
  private async extract(path: string, flag: Int32Array): Promise<ExtractResult | undefined | typeof STOLEN>;
  private async extract(path: string, flag?: Int32Array): Promise<ExtractResult | undefined | typeof STOLEN> {
    const task: ExtractTask = { path, config: this.config, ...(this.warehouse ? { warehouse: this.warehouse } : {}) };
    const result = flag
      ? ((await this.pool.run({ ...task, flag }).catch(() => undefined)) as ExtractResult | undefined | typeof STOLEN)
      : await extractOne(task);
    if (result !== STOLEN && result?.kind === 'document') this.held += rows(result.dossiers);
    return result;
  }

  /**
   * Reconciles commune-years in the threads and this one, a few scopes per task (a scope is tens of
   * milliseconds of work; a task per scope would cost a message each), in as many tasks as keep every
   * thread busy. They go ahead of the files queued: the writer waits for them.
   */
  readonly reconcileScopes = async (dbPath: string, scopes: readonly Scope[], settings: ReconcileSettings | undefined): Promise<ScopeRows[]> => {
    const size = Math.max(1, Math.min(SCOPES_PER_TASK, Math.ceil(scopes.length / ((this.threads + 1) * 4))));
    const tickets: Ticket<ScopeRows[]>[] = [];
    const tasks: ReconcileTask[] = [];
    for (let i = 0; i < scopes.length; i += size) tasks.push({ dbPath, scopes: scopes.slice(i, i + size), settings });
    // Queued in reverse, each first: they end up in order, ahead of the files.
    for (const task of [...tasks].reverse()) {
      tickets.unshift(
        this.queue.add({ send: (flag) => this.pool.run({ ...task, flag }, { name: 'reconcileInWorker' }) as Promise<ScopeRows[]>, here: async () => reconcileInWorker(task) }, true),
      );
    }
    const rows: ScopeRows[][] = [];
    for (const t of tickets) rows.push(await this.queue.await(t));
    return rows.flat();
  };

  /**
   * Folds the warehouse's WAL back into its file from a thread (a passive checkpoint: it copies what is
   * committed and never holds the writer up); one at a time, a call while one runs is dropped.
   */
  readonly checkpoint = (dbPath: string): Promise<unknown> => {
    if (this.checkpointing) return this.checkpointing;
    const task: CheckpointTask = { dbPath, checkpoint: true };
    this.checkpointing = this.pool
      .run(task, { name: 'checkpointInWorker' })
      .catch(() => undefined) // the next one, or the end of the run, folds what this one could not
      .finally(() => (this.checkpointing = undefined));
    return this.checkpointing;
  };

  private release(result: ExtractResult | undefined): void {
    if (result?.kind === 'document') this.held -= rows(result.dossiers);
  }

  async close(): Promise<void> {
    await this.checkpointing;
    for (const ticket of this.pending.values()) this.queue.cancel(ticket, undefined);
    await Promise.all([...this.pending.values()].map((t) => t.result));
    this.pending.clear();
    // Jobs dropped after they were handed to a thread are still answered there (STOLEN), to the pool.
    await this.queue.answered();
    await this.pool.destroy();
    closeThreadConnections(); // the ones this thread opened to reconcile
    closeLoadedChecks();
  }
}

const rows = (batches: readonly { readonly count: number }[]) => batches.reduce((n, b) => n + b.count, 0);

/**
 * The worker's file beside this one: compiled JavaScript under dist/, or a small ESM entry that loads
 * the TypeScript through tsx when the sources run directly (tests, scripts).
 */
function workerEntry(): string {
  const here = import.meta.url;
  return new URL(here.endsWith('.ts') ? './extract-worker-tsx.mjs' : './extract-worker.js', here).href;
}
