/**
 * The backfill's worker thread (run by piscina; pipeline/extract-pool.ts): extract → normalise one
 * file from the bytes the main thread read and hashed, and hand back plain data. It never touches
 * the warehouse. An extractor that would stream records into the load transaction (a one-stop dossier
 * list) cannot run here: the task answers `main` and the writer thread does that file itself.
 */
import { type ExtractConfig, extractFile, isOutOfMemory, tooLargeToRead } from '../extract/index.js';
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
  | { readonly kind: 'document'; readonly sha256: string; readonly document: NormalizedDocument }
  | { readonly kind: 'rejected'; readonly sha256: string; readonly stage: Stage; readonly code: ErrorCode; readonly message: string; readonly location?: string }
  /** Needs the writer's transaction (or failed in our own code): the main thread does the file as ingest always does. */
  | { readonly kind: 'main'; readonly sha256: string };

/** Thrown by the record writer handed to extractors here; recognised by its message wherever it is wrapped. */
const NEEDS_WRITER = 'cchc: this extractor streams records and runs beside the writer';

export default async function extractInWorker(task: ExtractTask): Promise<ExtractResult> {
  const bytes = Buffer.from(task.bytes.buffer, task.bytes.byteOffset, task.bytes.byteLength);
  const { path, sha256, config } = task;
  const records = {
    write(): void {
      throw new Error(NEEDS_WRITER);
    },
  };
  try {
    const extracted = await extractFile({ path, bytes, sha256 }, { config, records });
    const period = config.period ? parsePeriodKey(config.period) : undefined;
    const document = normalizeDocument(extracted, { path, bytes, sha256 }, { province: config.province, commune: config.commune, period });
    return { kind: 'document', sha256, document };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    if (message.includes(NEEDS_WRITER)) return { kind: 'main', sha256 };
    const rejection = isOutOfMemory(err) ? tooLargeToRead(err) : err instanceof CchcError ? err : undefined;
    if (rejection) return { kind: 'rejected', sha256, stage: rejection.stage, code: rejection.code, message: rejection.message, ...(rejection.location ? { location: rejection.location } : {}) };
    // A bug of ours: the main thread runs the file again, where the ingest's own handling reports it.
    if (process.env.CCHC_DEBUG) console.error(err);
    return { kind: 'main', sha256 };
  }
}
