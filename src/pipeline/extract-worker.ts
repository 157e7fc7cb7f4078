/**
 * The backfill's worker thread (run by piscina; pipeline/extract-pool.ts): read → extract → normalise
 * one file, and hand back plain data: the document and, for a one-stop dossier list, its dossier rows
 * in column batches for the writer to store. It never writes the warehouse; the writer reads and
 * hashes every file again as it loads it, and uses what a thread handed back only for the same hash.
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { type DossierBatch, type ExtractConfig, TooManyDossiers, collectDossiers, detectContainer, extractFile, isOutOfMemory, tooLargeToRead } from '../extract/index.js';
import { CchcError, type ErrorCode, type Stage } from '../model/index.js';
import { type NormalizedDocument, normalizeDocument, parsePeriodKey } from '../normalize/index.js';
import { LoadedCheck } from './loaded-check.js';
import { checkpointInWorker as checkpointHere, reconcileInWorker as reconcileScopesHere } from './reconcile-worker.js';
import { STOLEN, claim } from './work-queue.js';

export interface ExtractTask {
  readonly path: string;
  readonly config: ExtractConfig;
  /** The warehouse whose loaded documents are not extracted again (a resumed backfill). */
  readonly warehouse?: string;
  /** The job's claim flag (work-queue.ts): the thread extracts the file only if it claims it first. */
  readonly flag?: Int32Array;
}

export type ExtractResult =
  | { readonly kind: 'document'; readonly sha256: string; readonly document: NormalizedDocument; readonly dossiers: readonly DossierBatch[] }
  | { readonly kind: 'rejected'; readonly sha256: string; readonly stage: Stage; readonly code: ErrorCode; readonly message: string; readonly location?: string }
  /**
   * The writer does the file as ingest always does: not a file for a thread (not a regular file,
   * unreadable, a text export to stream, over the size limit), loaded already, too many dossiers to
   * hold, or failed in our own code.
   */
  | { readonly kind: 'main'; readonly sha256?: string };

/**
 * Text exports up to this size go to a worker, which hands their dossiers back whole (≈ 50,000 rows at
 * 170 bytes a line, well under WORKER_MAX_DOSSIERS); larger ones the writer reads as a stream itself.
 */
export const WORKER_TEXT_MAX_BYTES = 8 * 1024 * 1024;

/**
 * Dossier rows a worker holds for one file before it gives the file back to the writer thread, which
 * stores them batch by batch as it reads: about 60 MB of column arrays here, and as much again while
 * they are cloned to the writer. The pool sends only files below a size that stays under it in practice.
 */
export const WORKER_MAX_DOSSIERS = 200_000;

/** One read-only look-up per warehouse and thread (the writer's thread runs tasks too). */
const loadedChecks = new Map<string, LoadedCheck>();
function isLoaded(warehouse: string | undefined, sha256: string): boolean {
  if (!warehouse) return false;
  let check = loadedChecks.get(warehouse);
  if (!check) loadedChecks.set(warehouse, (check = new LoadedCheck(warehouse)));
  return check.isLoaded(sha256);
}

/** Closes the look-ups this thread opened. */
export function closeLoadedChecks(): void {
  for (const check of loadedChecks.values()) check.close();
  loadedChecks.clear();
}

/**
 * Reads a file for extraction in this thread, or undefined when the writer is to do it (see `main`).
 * Read here, not in the writer: the writer's thread spends whole seconds in synchronous SQLite work
 * (a batch's reconciled rows, its commit), and a read it had to finish before handing the file over
 * left the pool thread idle a tenth of a backfill.
 */
async function readForExtraction(path: string, config: ExtractConfig): Promise<{ bytes: Buffer; sha256: string } | undefined> {
  let bytes: Buffer;
  try {
    // Only a regular file is opened here: a FIFO or a device would block or never end.
    if (!(await stat(path)).isFile()) return undefined;
    bytes = await readFile(path);
  } catch {
    return undefined; // the writer reads it too, and reports why it cannot
  }
  if (bytes.length > config.maxBytes) return undefined;
  const container = detectContainer(bytes);
  if (container !== 'pdf' && container !== 'xlsx' && !(container === 'text' && bytes.length <= WORKER_TEXT_MAX_BYTES)) return undefined;
  return { bytes, sha256: createHash('sha256').update(bytes).digest('hex') };
}

/** Reads, extracts and normalises one file (in a pool thread, or in the writer's when it takes the job itself). */
export async function extractOne(task: ExtractTask): Promise<ExtractResult> {
  const { path, config } = task;
  const file = await readForExtraction(path, config);
  if (!file) return { kind: 'main' };
  const { bytes, sha256 } = file;
  if (isLoaded(task.warehouse, sha256)) return { kind: 'main', sha256 };
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
