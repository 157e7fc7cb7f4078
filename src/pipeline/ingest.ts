import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, readFile, stat } from 'node:fs/promises';
import { basename, extname, isAbsolute, relative } from 'node:path';
import { indicatorCatalogue } from '../catalog/index.js';
import { type ExtractConfig, RejectedInput, detectContainer, extractFile, extractLargeText } from '../extract/index.js';
import { normalizeDocument, parsePeriodKey } from '../normalize/index.js';
import type { ReconcileSettings, TouchedKey } from '../reconcile/index.js';
import {
  type DocumentIdentity,
  type Warehouse,
  createRecordWriter,
  loadDocument,
  openWarehouse,
  recordRejection,
  syncIndicators,
} from '../warehouse/index.js';
import { listFiles } from './list-files.js';
import { recountStatedWindows } from './stated-windows.js';

export interface IngestOptions {
  /** SQLite file; created if missing. Ignored when `warehouse` is given. */
  readonly dbPath?: string;
  /** An open warehouse to reuse (tests, or a caller running several steps). */
  readonly warehouse?: Warehouse;
  readonly config?: Partial<ExtractConfig>;
  /** Name recorded in `runs.pipeline` ("ingest", "nightly"). */
  readonly pipeline?: string;
  /** Text exports larger than this many bytes are hashed and parsed as streams (default 32 MiB). */
  readonly streamTextAbove?: number;
  /** Reconciliation settings from the pipeline declaration (source precedence). */
  readonly reconcile?: ReconcileSettings;
  /** Receives one line per file and per problem; defaults to silence. */
  readonly log?: (line: string) => void;
}

export type FileStatus = 'loaded' | 'skipped' | 'rejected';

export interface FileOutcome {
  readonly path: string;
  readonly status: FileStatus;
  readonly sha256?: string;
  readonly observations: number;
  readonly warnings: number;
  readonly reason?: string;
}

export interface IngestSummary {
  readonly runId: string;
  readonly files: readonly FileOutcome[];
  readonly loaded: number;
  readonly skipped: number;
  readonly rejected: number;
  readonly observations: number;
  readonly warnings: number;
}

const DEFAULT_MAX_BYTES = 200 * 1024 * 1024;

/**
 * Ingests files and folders into the warehouse: extract → normalise → load, one file at a time,
 * each in its own transaction (all of it or none). A file whose content is already loaded, under
 * any name, is skipped. A bad file is recorded (documents.status = 'rejected' and a line in
 * ingest_errors) and never stops the others. Touched commune-periods are re-reconciled at the end.
 */
export async function ingestPaths(paths: readonly string[], options: IngestOptions): Promise<IngestSummary> {
  const wh = options.warehouse ?? (await openWarehouse(options.dbPath ?? 'output/cchc.sqlite'));
  const log = options.log ?? (() => {});
  const config: ExtractConfig = { maxBytes: DEFAULT_MAX_BYTES, ...options.config };
  const runId = newRunId();
  const startedAt = new Date().toISOString();
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
    })
    .execute();

  const outcomes: FileOutcome[] = [];
  const touched = new Map<string, TouchedKey>();
  let failure: unknown;
  try {
    const catalogue = indicatorCatalogue();
    await syncIndicators(wh.db, catalogue);
    const period = config.period ? parsePeriodKey(config.period) : undefined;
    for (const path of (await listFiles(paths)).map(displayPath)) {
      const outcome = await ingestOne(wh, path, runId, config, period, touched, options.streamTextAbove ?? STREAM_TEXT_ABOVE);
      outcomes.push(outcome);
      log(describeOutcome(outcome));
    }
    if (touched.size) {
      await recountStatedWindows(wh, [...touched.values()], runId);
      const { reconcileTouched } = await import('../reconcile/index.js');
      await reconcileTouched(wh, [...touched.values()], options.reconcile);
    }
  } catch (err) {
    failure = err;
  }

  const count = (s: FileStatus) => outcomes.filter((o) => o.status === s).length;
  const summary: IngestSummary = {
    runId,
    files: outcomes,
    loaded: count('loaded'),
    skipped: count('skipped'),
    rejected: count('rejected'),
    observations: outcomes.reduce((n, o) => n + o.observations, 0),
    warnings: outcomes.reduce((n, o) => n + o.warnings, 0),
  };
  await wh.db
    .updateTable('runs')
    .set({
      finished_at: new Date().toISOString(),
      status: failure ? 'failed' : summary.rejected ? 'partial' : 'ok',
      files_seen: outcomes.length,
      files_loaded: summary.loaded,
      files_skipped: summary.skipped,
      files_rejected: summary.rejected,
      observations: summary.observations,
    })
    .where('id', '=', runId)
    .execute();
  if (!options.warehouse) await wh.close();
  if (failure) throw failure;
  return summary;
}

async function ingestOne(
  wh: Warehouse,
  path: string,
  runId: string,
  config: ExtractConfig,
  period: ReturnType<typeof parsePeriodKey>,
  touched: Map<string, TouchedKey>,
  streamTextAbove: number,
): Promise<FileOutcome> {
  let file: LoadedFile;
  try {
    file = await readSource(path, streamTextAbove);
  } catch (err) {
    const reason = `cannot read file: ${(err as NodeJS.ErrnoException).code ?? String(err)}`;
    await recordError(wh, runId, null, path, 'read', null, reason, 'error');
    return { path, status: 'rejected', observations: 0, warnings: 0, reason };
  }
  const { sha256, bytes } = file;
  const id: DocumentIdentity = {
    sha256,
    path,
    fileName: basename(path),
    sizeBytes: file.size,
    runId,
    at: new Date().toISOString(),
  };
  const existing = await wh.db.selectFrom('documents').select(['status', 'path']).where('sha256', '=', sha256).executeTakeFirst();
  if (existing?.status === 'loaded') {
    const reason = existing.path === path ? 'already loaded' : `already loaded as ${existing.path}`;
    return { path, status: 'skipped', sha256, observations: 0, warnings: 0, reason };
  }

  // One transaction per document, held open while the extractor streams records into it.
  wh.sqlite.exec('BEGIN IMMEDIATE');
  try {
    if (file.size > config.maxBytes) throw new RejectedInput(`file too large: ${file.size} bytes (limit ${config.maxBytes})`);
    const records = createRecordWriter(wh.sqlite, sha256, runId);
    const extracted = file.streamed ? await extractLargeText(path, { config, records }) : await extractFile({ path, bytes, sha256 }, { config, records });
    const doc = normalizeDocument(extracted, { path, bytes, sha256 }, { province: config.province, period, cutoffDay: config.cutoffDay });
    await loadDocument(wh.db, id, doc);
    for (const w of doc.warnings) await recordError(wh, runId, sha256, path, 'extract', w.where, w.message, 'warning');
    wh.sqlite.exec('COMMIT');
    for (const o of doc.observations) {
      if (!o.period_key || !o.indicator_key) continue;
      const communeKey = o.commune_code ?? `name:${o.commune_name ?? ''}`;
      touched.set(`${communeKey}|${o.period_key}`, { communeKey, periodKey: o.period_key });
    }
    return { path, status: 'loaded', sha256, observations: doc.observations.length, warnings: doc.warnings.length };
  } catch (err) {
    if (wh.sqlite.inTransaction) wh.sqlite.exec('ROLLBACK');
    const reason = oneLine(err);
    const location = err instanceof RejectedInput ? (err.location ?? null) : null;
    if (!(err instanceof RejectedInput)) {
      // An unexpected failure in our own code: still one line for the file, and the stack for us.
      if (process.env.CCHC_DEBUG) console.error(err);
    }
    await recordRejection(wh.db, id, formatOf(bytes, path), reason);
    await recordError(wh, runId, sha256, path, 'extract', location, reason, 'error');
    return { path, status: 'rejected', sha256, observations: 0, warnings: 0, reason };
  }
}

async function recordError(
  wh: Warehouse,
  runId: string,
  sha256: string | null,
  path: string,
  stage: string,
  location: string | null,
  message: string,
  severity: 'error' | 'warning',
): Promise<void> {
  await wh.db
    .insertInto('ingest_errors')
    .values({ run_id: runId, document_sha256: sha256, path, stage, severity, location, message, created_at: new Date().toISOString() })
    .execute();
}

/** Text files above this size are hashed and parsed as streams; the rest are read whole. */
const STREAM_TEXT_ABOVE = 32 * 1024 * 1024;

interface LoadedFile {
  readonly sha256: string;
  readonly size: number;
  /** The whole file, or only its first 64 KiB when `streamed`. */
  readonly bytes: Buffer;
  readonly streamed: boolean;
}

/**
 * Reads a file whole, except a large text export: that one is hashed as a stream and handed to the
 * extractor as a path, so that a million-row export never sits in memory.
 */
async function readSource(path: string, streamTextAbove: number): Promise<LoadedFile> {
  const info = await stat(path);
  if (info.size > streamTextAbove) {
    const handle = await open(path, 'r');
    const head = Buffer.alloc(65536);
    try {
      await handle.read(head, 0, head.length, 0);
    } finally {
      await handle.close();
    }
    if (detectContainer(head) === 'text') {
      const hash = createHash('sha256');
      for await (const chunk of createReadStream(path, { highWaterMark: 1024 * 1024 })) hash.update(chunk as Buffer);
      return { sha256: hash.digest('hex'), size: info.size, bytes: head, streamed: true };
    }
  }
  const bytes = await readFile(path);
  return { sha256: createHash('sha256').update(bytes).digest('hex'), size: bytes.length, bytes, streamed: false };
}

function formatOf(bytes: Buffer, path: string): string {
  const c = detectContainer(bytes);
  if (c === 'text') return extname(path).toLowerCase() === '.csv' ? 'csv' : 'tsv';
  return c;
}

export function describeOutcome(o: FileOutcome): string {
  switch (o.status) {
    case 'loaded':
      return `loaded    ${o.path}: ${o.observations} observations${o.warnings ? `, ${o.warnings} warnings (see ingest_errors)` : ''}`;
    case 'skipped':
      return `skipped   ${o.path}: ${o.reason}`;
    case 'rejected':
      return `rejected  ${o.path}: ${o.reason}`;
  }
}

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
