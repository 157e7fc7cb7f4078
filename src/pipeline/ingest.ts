import { randomBytes } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { hostname } from 'node:os';
import { basename, extname, isAbsolute, relative, resolve } from 'node:path';
import { type DossierBatch, type ExtractConfig, detectContainer, extractFile, extractLargeText } from '../extract/index.js';
import { CchcError, type ErrorCode, type Stage, UnreadableFile } from '../model/index.js';
import { type NormalizedDocument, normalizeDocument, parsePeriodKey } from '../normalize/index.js';
import type { ReconcileSettings, ScopeReconciler } from '../reconcile/index.js';
import {
  type DocumentIdentity,
  type Warehouse,
  checkpointWal,
  createDossierLoader,
  loadDocument,
  openWarehouse,
  prepareOnce,
  recordRejection,
  recordWarnings,
} from '../warehouse/index.js';
import { linkBundles } from './bundles.js';
import { syncIndicatorsIfChanged } from './catalogue-sync.js';
import { type FinishResult, clearPendingBundles, closeCrashedRuns, finishPending, markPending, markPendingBundle, markPendingKeys, pendingBundles, pendingKeys } from './completion.js';
import { type FileActions, moveUnder, quarantine } from './file-actions.js';
import { cannotRead, listFiles } from './list-files.js';
import { FileChanged, type LoadedFile, STREAM_TEXT_ABOVE, assertUnchanged, readSource } from './read-source.js';
import { acquireRunLock } from './run-lock.js';
import { markSeen, snapshotOf, unchangedSince } from './source-files.js';
import { asStageError, isWarehouseUnavailable } from './stage-error.js';
import { pausePoint } from './test-hooks.js';
import { type BatchLimits, ONE_PER_TRANSACTION, WriteBatch } from './write-batch.js';

export interface IngestOptions {
  /** SQLite file; created if missing. Ignored when `warehouse` is given. */
  readonly dbPath?: string;
  /** An open warehouse to reuse (tests, or a caller running several steps). No run lock is taken then. */
  readonly warehouse?: Warehouse;
  readonly config?: Partial<ExtractConfig>;
  /** Name recorded in `runs.pipeline` ("ingest", "nightly"). */
  readonly pipeline?: string;
  /** Text exports larger than this many bytes are hashed and parsed as streams (default 32 MiB). */
  readonly streamTextAbove?: number;
  /** Reconciliation settings from the pipeline declaration (source precedence). */
  readonly reconcile?: ReconcileSettings;
  /** How long a write waits for an analyst's lock before failing (default 60 s). */
  readonly busyTimeoutMs?: number;
  /** How long the end-of-run WAL checkpoint waits for readers (default 5 s). */
  readonly checkpointWaitMs?: number;
  /** What to do with files once read: move loaded ones, quarantine rejected ones (default: leave them). */
  readonly files?: FileActions;
  /** Receives one line per file and per problem; defaults to silence. */
  readonly log?: (line: string) => void;
  /** Receives each file's outcome as data, as it is decided (structured logs, the backfill's progress bar); `log` then gets only the other lines. */
  readonly onFile?: (outcome: FileOutcome) => void;
  /**
   * Extracts and normalises a file elsewhere (the backfill's worker threads; pipeline/backfill.ts),
   * given the hash read here; undefined has it done here. Throws a `CchcError` (model/errors.ts) for a bad file.
   */
  readonly prepare?: (file: { readonly path: string; readonly sha256: string }) => Promise<PreparedFile | undefined>;
  /**
   * Documents per write transaction (each still all or nothing, in a savepoint of its own): the
   * backfill's batches. Default one per transaction. Files are moved (`files`) only once committed.
   */
  readonly batch?: BatchLimits;
  /**
   * Folds the WAL back into the warehouse file from another thread (the backfill's pool): this
   * connection then never checkpoints during the run, which cost its commits a copy of every page
   * and two fsyncs each 1,000 pages. Called after each commit, it resolves once that checkpoint (or
   * the one under way) is done; the end of the run waits for it, then still checkpoints here.
   */
  readonly checkpoint?: (dbPath: string) => Promise<unknown>;
  /** Reconciles commune-years elsewhere (the backfill's worker threads); undefined reconciles here. */
  readonly reconcileScopes?: ScopeReconciler;
}

/** A file extracted and normalised elsewhere: the document and its one-stop dossier rows, plain data for the writer. */
export interface PreparedFile {
  readonly document: NormalizedDocument;
  readonly dossiers: readonly DossierBatch[];
}

/** `failed`: a bug in cchc-etl met on the file (not the file's fault); the run fails, the file is read again next run. */
export type FileStatus = 'loaded' | 'skipped' | 'rejected' | 'failed';

export interface FileOutcome {
  readonly path: string;
  readonly status: FileStatus;
  readonly sha256?: string;
  readonly observations: number;
  readonly warnings: number;
  readonly reason?: string;
  /** The file may read fine next time (it changed while being read): not quarantined. */
  readonly transient?: boolean;
  /** Where the file was moved after it was read. */
  readonly movedTo?: string;
  /** The stack of the bug a `failed` file met, for stderr. */
  readonly stack?: string;
}

export interface IngestSummary {
  readonly runId: string;
  readonly files: readonly FileOutcome[];
  readonly loaded: number;
  readonly skipped: number;
  readonly rejected: number;
  /** Files that met a bug of ours (status `failed`): the run is marked failed. */
  readonly failed: number;
  readonly observations: number;
  readonly warnings: number;
  /** Commune-periods reconciled by this run, and how many of them an earlier, crashed run had left. */
  readonly reconciled: number;
  readonly recovered: number;
  /** Runs found stuck `running` (their process gone) and closed as `crashed`. */
  readonly crashedRuns: readonly string[];
  readonly conflicts: number;
  /** Set when a reader kept the WAL from being folded back into the .sqlite file. */
  readonly checkpointNote?: string;
}

const DEFAULT_MAX_BYTES = 200 * 1024 * 1024;
const DEFAULT_CHECKPOINT_WAIT_MS = 5000;

/**
 * Ingests files and folders into the warehouse: extract → normalise → load, one file at a time,
 * each all of it or none (its own transaction, or its own savepoint in a transaction that several
 * documents share: `batch`). A file whose content is already loaded, under
 * any name, is skipped. A bad file is recorded (documents.status = 'rejected' and a line in
 * ingest_errors) and never stops the others.
 *
 * The unit of completion is the run, not the file: each document's commune-periods go to
 * `pending_reconcile` with the document's own writes, and the last stage (stated-window recount,
 * reconciliation) works from that table and clears it. A run killed at any point leaves the list
 * behind, and the next run finishes it. Only one run at a time holds a warehouse (run-lock.ts).
 */
export async function ingestPaths(paths: readonly string[], options: IngestOptions): Promise<IngestSummary> {
  const runId = newRunId();
  const startedAt = new Date().toISOString();
  const dbPath = options.dbPath ?? 'output/cchc.sqlite';
  const lock = options.warehouse || dbPath === ':memory:' ? undefined : acquireRunLock(resolve(dbPath), runId, startedAt);
  try {
    const wh = options.warehouse ?? (await openWarehouse(dbPath, { busyTimeoutMs: options.busyTimeoutMs ?? 60_000 }));
    try {
      const previous = lock?.previous;
      if (previous) {
        options.log?.(`taking over the warehouse from run ${previous.runId} (pid ${previous.pid} on ${previous.host}, started ${previous.startedAt}): its process is gone`);
      }
      return await runPipeline(wh, paths, options, runId, startedAt);
    } finally {
      if (!options.warehouse) await wh.close();
    }
  } finally {
    lock?.release();
  }
}

async function runPipeline(wh: Warehouse, paths: readonly string[], options: IngestOptions, runId: string, startedAt: string): Promise<IngestSummary> {
  const log = options.log ?? (() => {});
  const config: ExtractConfig = { maxBytes: DEFAULT_MAX_BYTES, ...options.config };
  const crashedRuns = await closeCrashedRuns(wh, runId);
  for (const id of crashedRuns) log(`run ${id} ended without finishing (its process is gone): closed as crashed; this run finishes its work`);
  const recovered = await pendingKeys(wh);
  await wh.db
    .insertInto('runs')
    .values({
      id: runId,
      pipeline: options.pipeline ?? 'ingest',
      started_at: startedAt,
      finished_at: null,
      status: 'running',
      files_seen: 0,
      files_loaded: 0,
      files_skipped: 0,
      files_rejected: 0,
      observations: 0,
      args: JSON.stringify({ paths, config: options.config ?? {} }),
      pid: process.pid,
      host: hostname(),
      note: null,
    })
    .execute();

  const outcomes: FileOutcome[] = [];
  let failure: unknown;
  let finished: FinishResult = { reconciled: 0, conflicts: 0 };
  /** The last WAL checkpoint asked of another thread. */
  let folding: Promise<unknown> | undefined;
  try {
    await syncIndicatorsIfChanged(wh);
    const period = config.period ? parsePeriodKey(config.period) : undefined;
    const checkpoint = options.checkpoint && wh.path !== ':memory:' ? options.checkpoint : undefined;
    if (checkpoint) wh.sqlite.pragma('wal_autocheckpoint = 0');
    // A file is moved only once what was read from it is committed: one document per transaction then.
    const batch = new WriteBatch(wh.sqlite, options.files ? ONE_PER_TRANSACTION : (options.batch ?? ONE_PER_TRANSACTION), checkpoint && (() => void (folding = checkpoint(wh.path))));
    let committedLoads = 0;
    const justCommitted: number[] = [];
    const onCommit = () => justCommitted.push(++committedLoads);
    try {
      for (const entry of await listFiles(paths)) {
        let outcome =
          entry.kind === 'file'
            ? await ingestOne(wh, batch, { fsPath: entry.fsPath, path: displayPath(entry.path) }, runId, config, period, options.streamTextAbove ?? STREAM_TEXT_ABOVE, options.prepare, onCommit)
            : await reportUnreadable(wh, runId, displayPath(entry.path), new UnreadableFile(entry.code, entry.reason));
        if (entry.kind === 'file' && options.files) outcome = await applyFileActions(entry.fsPath, outcome, paths, options.files, runId);
        outcomes.push(outcome);
        if (options.onFile) options.onFile(outcome);
        else log(describeOutcome(outcome));
        for (const n of justCommitted.splice(0)) await pausePoint(`loaded:${n}`);
      }
      batch.commit();
    } catch (err) {
      // The warehouse cannot be written (a full disk): the batch's documents are kept if it can still
      // commit them, or loaded again by the next run.
      try {
        batch.commit();
      } catch {
        batch.rollbackAll();
      }
      throw err;
    }
    for (const n of justCommitted.splice(0)) await pausePoint(`loaded:${n}`);
    // Documents of one report lend each other their commune, whichever arrived first; what they
    // change joins the reconcile to-do list like any loaded document.
    // The documents waiting are this run's and any a killed run loaded but never linked.
    const loaded = pendingBundles(wh);
    markPendingKeys(wh, await linkBundles(wh, loaded, runId), runId);
    clearPendingBundles(wh, loaded.map((l) => l.sha256));
    finished = await finishPending(wh, runId, options.reconcile, options.reconcileScopes).catch((err: unknown) => {
      throw isWarehouseUnavailable(err) ? err : asStageError('reconcile', err);
    });
  } catch (err) {
    failure = err;
  }
  await pausePoint('finish');

  // A stage that failed the whole run (reconciliation) has its row too, under the path "(run)".
  if (failure instanceof CchcError) await recordError(wh, runId, null, '(run)', failure.stage, failure.code, null, oneLine(failure), 'error').catch(() => {});
  const count = (s: FileStatus) => outcomes.filter((o) => o.status === s).length;
  // A checkpoint still running in another thread would look like a reader holding the WAL.
  await folding;
  const checkpoint = failure ? undefined : checkpointWal(wh.sqlite, options.checkpointWaitMs ?? DEFAULT_CHECKPOINT_WAIT_MS);
  if (options.checkpoint) wh.sqlite.pragma('wal_autocheckpoint = 1000'); // SQLite's default, for a caller's connection
  const checkpointNote =
    checkpoint && !checkpoint.complete
      ? `WAL not folded back: a reader held the warehouse open (${checkpoint.copiedFrames} of ${checkpoint.walFrames} pages copied); copy the -wal file with the .sqlite, or re-run to fold it`
      : undefined;
  const recoveredNote = recovered.length ? `finished ${recovered.length} commune-period(s) left by an earlier run` : undefined;
  const summary: IngestSummary = {
    runId,
    files: outcomes,
    loaded: count('loaded'),
    skipped: count('skipped'),
    rejected: count('rejected'),
    failed: count('failed'),
    observations: outcomes.reduce((n, o) => n + o.observations, 0),
    warnings: outcomes.reduce((n, o) => n + o.warnings, 0),
    reconciled: finished.reconciled,
    recovered: failure ? 0 : recovered.length,
    crashedRuns,
    conflicts: finished.conflicts,
    ...(checkpointNote ? { checkpointNote } : {}),
  };
  await wh.db
    .updateTable('runs')
    .set({
      finished_at: new Date().toISOString(),
      status: failure || summary.failed ? 'failed' : summary.rejected ? 'partial' : 'ok',
      files_seen: outcomes.length,
      files_loaded: summary.loaded,
      files_skipped: summary.skipped,
      files_rejected: summary.rejected,
      observations: summary.observations,
      conflicts: summary.conflicts,
      reconciled: summary.reconciled,
      note: [recoveredNote, checkpointNote, failure ? oneLine(failure) : undefined].filter(Boolean).join('; ') || null,
    })
    .where('id', '=', runId)
    .execute();
  if (failure) throw failure;
  return summary;
}

/**
 * Moves a file as the pipeline declares once its outcome is recorded. A failed move is a line in the
 * log and leaves the file where it is: the warehouse already holds the outcome.
 */
async function applyFileActions(fsPath: string | Buffer, outcome: FileOutcome, roots: readonly string[], actions: FileActions, runId: string): Promise<FileOutcome> {
  try {
    if (outcome.status === 'rejected' && actions.quarantineTo && !outcome.transient) {
      return { ...outcome, movedTo: await quarantine(fsPath, outcome.path, roots, actions.quarantineTo, outcome.reason ?? 'rejected', runId) };
    }
    if ((outcome.status === 'loaded' || outcome.status === 'skipped') && actions.loadedTo) return { ...outcome, movedTo: await moveUnder(fsPath, outcome.path, roots, actions.loadedTo) };
  } catch (err) {
    return { ...outcome, reason: `${outcome.reason ? `${outcome.reason}; ` : ''}not moved: ${cannotRead(err).replace(/^cannot read file: /, '')}` };
  }
  return outcome;
}

/** Something listed that cannot be read at all (a FIFO, a folder that cannot be listed): one line and one error row. */
async function reportUnreadable(wh: Warehouse, runId: string, path: string, err: UnreadableFile): Promise<FileOutcome> {
  await recordError(wh, runId, null, path, err.stage, err.code, null, err.message, 'error');
  return { path, status: 'rejected', observations: 0, warnings: 0, reason: err.message, ...(err instanceof FileChanged ? { transient: true } : {}) };
}

async function ingestOne(
  wh: Warehouse,
  batch: WriteBatch,
  source: { readonly fsPath: string | Buffer; readonly path: string },
  runId: string,
  config: ExtractConfig,
  period: ReturnType<typeof parsePeriodKey>,
  streamTextAbove: number,
  prepare: IngestOptions['prepare'],
  onCommit: () => void,
): Promise<FileOutcome> {
  const { path } = source;
  let file: LoadedFile;
  try {
    const before = await stat(source.fsPath);
    const since = before.isFile() ? unchangedSince(wh, path, snapshotOf(before)) : undefined;
    if (since) return { path, status: 'skipped', observations: 0, warnings: 0, reason: `unchanged since run ${since} (already loaded)` };
    file = await readSource(source.fsPath, before, streamTextAbove, config.maxBytes);
  } catch (err) {
    const failure = asStageError('read', err, cannotRead);
    if (failure instanceof UnreadableFile) return reportUnreadable(wh, runId, path, failure);
    await recordError(wh, runId, null, path, failure.stage, failure.code, null, failure.message, 'error');
    return failedOutcome(path, undefined, failure);
  }
  try {
    return await loadSource(wh, batch, source, file, runId, config, period, prepare, onCommit);
  } finally {
    await file.handle.close();
  }
}

async function loadSource(
  wh: Warehouse,
  batch: WriteBatch,
  source: { readonly fsPath: string | Buffer; readonly path: string },
  file: LoadedFile,
  runId: string,
  config: ExtractConfig,
  period: ReturnType<typeof parsePeriodKey>,
  prepare: IngestOptions['prepare'],
  onCommit: () => void,
): Promise<FileOutcome> {
  const { path } = source;
  const { sha256, bytes } = file;
  const id: DocumentIdentity = {
    sha256,
    path,
    fileName: basename(path),
    sizeBytes: file.size,
    runId,
    at: new Date().toISOString(),
  };
  const existing = prepareOnce(wh.sqlite, 'SELECT status, path FROM documents WHERE sha256 = ?').get(sha256) as { status: string; path: string } | undefined;
  if (existing?.status === 'loaded') {
    markSeen(wh, path, file.snapshot, sha256, runId);
    const reason = existing.path === path ? 'already loaded' : `already loaded as ${existing.path}`;
    return { path, status: 'skipped', sha256, observations: 0, warnings: 0, reason };
  }

  // One transaction per document (a savepoint of the batch's), held open while extraction hands over its dossier rows.
  let stage: Stage = 'extract';
  batch.beginDocument();
  try {
    if (file.size > config.maxBytes) throw new UnreadableFile('too_large', `file too large: ${file.size} bytes (limit ${config.maxBytes})`);
    const dossiers = createDossierLoader(wh.sqlite, sha256, runId);
    const prepared = file.streamed ? undefined : await prepare?.({ path, sha256 });
    // Extracted here, a file's dossier batches are stored as they fill, so a long export is never held
    // whole; a worker's come with its document.
    const ctx = { config, dossiers: (batch: DossierBatch) => dossiers.write(batch) };
    // A name that is not UTF-8 is reopened through the descriptor already open on it.
    const streamPath = typeof source.fsPath === 'string' ? source.fsPath : `/proc/self/fd/${file.handle.fd}`;
    const extracted = prepared ? undefined : file.streamed ? await extractLargeText(streamPath, ctx) : await extractFile({ path, bytes, sha256 }, ctx);
    for (const batch of prepared?.dossiers ?? []) dossiers.write(batch);
    // The streamed read is a second pass over the file: it must have read what was hashed.
    if (file.streamed) await assertUnchanged(source.fsPath, file.snapshot);
    stage = 'normalize';
    const doc = prepared?.document ?? normalizeDocument(extracted!, { path, bytes, sha256 }, { province: config.province, commune: config.commune, period, cutoffDay: config.cutoffDay });
    stage = 'load';
    await loadDocument(wh, id, doc);
    const warnings = dossiers.warnings(doc.warnings);
    recordWarnings(wh.sqlite, { runId, sha256, path, stage: 'load' }, warnings);
    markPending(wh, doc.observations, runId);
    markPendingBundle(wh, sha256, runId);
    markSeen(wh, path, file.snapshot, sha256, runId);
    await pausePoint('document');
    batch.endDocument(onCommit);
    return { path, status: 'loaded', sha256, observations: doc.observations.length, warnings: warnings.length };
  } catch (err) {
    batch.abandonDocument();
    // Not a rejected document: the content hashed is not one the file ever held whole; next run retries.
    if (err instanceof FileChanged) return reportUnreadable(wh, runId, path, err);
    if (isWarehouseUnavailable(err)) throw err;
    const failure = asStageError(stage, err);
    const reason = oneLine(failure);
    // A bug of ours is not the document's fault: no `documents` row (the file is read again next run),
    // one error row naming the stage, and the run fails.
    const internal = failure.code === 'internal';
    // The rejection and its reason together or not at all: a crash between them would leave a
    // rejected document with no line saying why.
    batch.beginDocument();
    try {
      if (!internal) await recordRejection(wh.db, id, formatOf(bytes, path), reason);
      await recordError(wh, runId, sha256, path, failure.stage, failure.code, failure.location ?? null, reason, 'error');
      batch.endDocument();
    } catch (e) {
      batch.abandonDocument();
      throw e;
    }
    if (internal) return failedOutcome(path, sha256, failure);
    return { path, status: 'rejected', sha256, observations: 0, warnings: 0, reason };
  }
}

function failedOutcome(path: string, sha256: string | undefined, failure: Error): FileOutcome {
  return { path, status: 'failed', ...(sha256 ? { sha256 } : {}), observations: 0, warnings: 0, reason: oneLine(failure), ...(failure.stack ? { stack: failure.stack } : {}) };
}

async function recordError(
  wh: Warehouse,
  runId: string,
  sha256: string | null,
  path: string,
  stage: Stage,
  code: ErrorCode | null,
  location: string | null,
  message: string,
  severity: 'error' | 'warning',
): Promise<void> {
  await wh.db
    .insertInto('ingest_errors')
    .values({ run_id: runId, document_sha256: sha256, path, stage, code, severity, location, message, created_at: new Date().toISOString() })
    .execute();
}

function formatOf(bytes: Buffer, path: string): string {
  const c = detectContainer(bytes);
  if (c === 'text') return extname(path).toLowerCase() === '.csv' ? 'csv' : 'tsv';
  return c;
}

export function describeOutcome(o: FileOutcome): string {
  switch (o.status) {
    case 'loaded':
      return `loaded    ${o.path}: ${o.observations} observations${o.warnings ? `, ${o.warnings} warnings (see ingest_errors)` : ''}${moved(o)}`;
    case 'skipped':
      return `skipped   ${o.path}: ${o.reason}${moved(o)}`;
    case 'rejected':
      return `rejected  ${o.path}: ${o.reason}${o.movedTo ? ` (quarantined as ${displayPath(o.movedTo)})` : ''}`;
    case 'failed':
      return `failed    ${o.path}: ${o.reason}`;
  }
}

const moved = (o: FileOutcome) => (o.movedTo ? ` (moved to ${displayPath(o.movedTo)})` : '');

function oneLine(err: unknown): string {
  const msg = err instanceof Error ? err.message : String(err);
  return msg.split('\n')[0]!.slice(0, 500);
}

/** Paths inside the working directory are recorded relative to it: the warehouse can move. */
function displayPath(p: string): string {
  const rel = relative(process.cwd(), p);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : p;
}

function newRunId(): string {
  return `${new Date().toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')}-${randomBytes(3).toString('hex')}`;
}
