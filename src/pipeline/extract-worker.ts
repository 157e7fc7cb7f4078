/**
 * The backfill's worker thread (run by piscina; pipeline/extract-pool.ts): extract → normalise one
 * file from the bytes the main thread read and hashed, and hand back plain data: the document and,
 * for a one-stop dossier list, its dossier rows in column batches for the writer to store. It never
 * touches the warehouse.
 */
import { type DossierBatch, type ExtractConfig, TooManyDossiers, collectDossiers, extractFile, isOutOfMemory, tooLargeToRead } from '../extract/index.js';
import { CchcError, type ErrorCode, type Stage } from '../model/index.js';
import { type NormalizedDocument, normalizeDocument, parsePeriodKey } from '../normalize/index.js';

export interface ExtractTask {
  readonly path: string;
  readonly sha256: string;
  /** The file's bytes, moved (not copied) into the worker. */
  readonly bytes: Uint8Array;
  readonly config: ExtractConfig;
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

export default async function extractInWorker(task: ExtractTask): Promise<ExtractResult> {
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

// The same threads reconcile once a batch is loaded, and fold the WAL back (piscina calls these exports by name).
export { checkpointInWorker, reconcileInWorker } from './reconcile-worker.js';
