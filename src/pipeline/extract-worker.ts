/**
 * The backfill's worker thread (run by piscina; pipeline/extract-pool.ts): extract → normalise one
 * file from the bytes the main thread read and hashed, and hand back plain data: the document and,
 * for a one-stop dossier list, its dossier rows in column batches for the writer to store. It never
 * touches the warehouse.
 */
import { type DossierBatch, type ExtractConfig, TooManyDossiers, collectDossiers, extractFile, isOutOfMemory, tooLargeToRead } from '../extract/index.js';
import { CchcError, type ErrorCode, type Stage } from '../model/index.js';
import { type NormalizedDocument, normalizeDocument, parsePeriodKey } from '../normalize/index.js';
import { checkpointInWorker as checkpointHere, reconcileInWorker as reconcileScopesHere } from './reconcile-worker.js';
import { STOLEN, claim } from './work-queue.js';

export interface ExtractTask {
  readonly path: string;
  readonly sha256: string;
  /** The file's bytes, moved (not copied) into the worker. */
  readonly bytes: Uint8Array;
  readonly config: ExtractConfig;
  /** The job's claim flag (work-queue.ts): the thread extracts the file only if it claims it first. */
  readonly flag?: Int32Array;
}

export type ExtractResult =
  | { readonly kind: 'document'; readonly sha256: string; readonly document: NormalizedDocument; readonly dossiers: readonly DossierBatch[] }
  | { readonly kind: 'rejected'; readonly sha256: string; readonly stage: Stage; readonly code: ErrorCode; readonly message: string; readonly location?: string }
  /** Too many dossiers to hold (or failed in our own code): the main thread does the file as ingest always does. */
  | { readonly kind: 'main'; readonly sha256: string };

/**
 * Dossier rows a worker holds for one file before it gives the file back to the writer thread, which
 * stores them batch by batch as it reads: about 60 MB of column arrays here, and as much again while
 * they are cloned to the writer. The pool sends only files below a size that stays under it in practice.
 */
export const WORKER_MAX_DOSSIERS = 200_000;

/** Extracts and normalises one file (in a pool thread, or in the writer's when it takes the job itself). */
export async function extractOne(task: ExtractTask): Promise<ExtractResult> {
  const bytes = Buffer.from(task.bytes.buffer, task.bytes.byteOffset, task.bytes.byteLength);
  const { path, sha256, config } = task;
  const dossiers = collectDossiers(WORKER_MAX_DOSSIERS);
  try {
    const extracted = await extractFile({ path, bytes, sha256 }, { config, dossiers });
    const period = config.period ? parsePeriodKey(config.period) : undefined;
    const document = normalizeDocument(extracted, { path, bytes, sha256 }, { province: config.province, commune: config.commune, period, cutoffDay: config.cutoffDay });
    return { kind: 'document', sha256, document, dossiers: dossiers.batches };
  } catch (err) {
    if (err instanceof TooManyDossiers) return { kind: 'main', sha256 };
    const rejection = isOutOfMemory(err) ? tooLargeToRead(err) : err instanceof CchcError ? err : undefined;
    if (rejection) return { kind: 'rejected', sha256, stage: rejection.stage, code: rejection.code, message: rejection.message, ...(rejection.location ? { location: rejection.location } : {}) };
    // A bug of ours: the main thread runs the file again, where the ingest's own handling reports it.
    if (process.env.CCHC_DEBUG) console.error(err);
    return { kind: 'main', sha256 };
  }
}

/**
 * The pool hands a thread several tasks at once (piscina's `concurrentTasksPerWorker`), so that the
 * thread has its next task when it finishes one: handed one at a time, the next waited until the
 * writer's thread, busy loading a document or extracting one itself, got round to its messages,
 * and the pool thread sat idle half of a backfill. Here they run one after another, as if handed
 * one at a time (two extractions interleaved at their awaits would each hold their memory longer and
 * both finish late), each only if the writer has not taken it back meanwhile (`work-queue.ts`).
 */
let last: Promise<unknown> = Promise.resolve();
function oneAtATime<A, R>(run: (arg: A) => R | Promise<R>): (arg: A & { readonly flag?: Int32Array }) => Promise<R | typeof STOLEN> {
  return (arg) => {
    const result = last.then(() => (arg.flag && !claim(arg.flag) ? STOLEN : run(arg)));
    last = result.catch(() => undefined);
    return result;
  };
}

const extractInWorker = oneAtATime(extractOne);
export default extractInWorker;
// The same threads reconcile once a batch is loaded, and fold the WAL back (piscina calls these exports by name).
export const reconcileInWorker = oneAtATime(reconcileScopesHere);
export const checkpointInWorker = oneAtATime(checkpointHere);
