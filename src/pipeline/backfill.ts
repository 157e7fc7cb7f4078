import { availableParallelism } from 'node:os';
import { basename, dirname, relative, sep } from 'node:path';
import type { ExtractConfig } from '../extract/index.js';
import { foldAscii } from '../text/index.js';
import { ExtractPool } from './extract-pool.js';
import { type FileOutcome, ingestPaths } from './ingest.js';
import { listFiles } from './list-files.js';
import type { BatchLimits } from './write-batch.js';

export interface BackfillOptions {
  readonly dbPath: string;
  /** Years kept, from folder names and file names (inclusive); a file whose path tells no year is kept. */
  readonly from?: number;
  readonly to?: number;
  /** Province kept: a folder of the path named after it (accents, case and spacing aside). Also a clue for namesake communes. */
  readonly province?: string;
  /**
   * Threads extracting files, this one (the writer's) included (default: the machine's cores): n - 1
   * pool threads beside the writer, which extracts too whenever it would wait. 1 (or 0) does
   * everything in this thread.
   */
  readonly workers?: number;
  /** Files per ingest run (one `runs` row, reconciled at its end); cut at folder boundaries (default 500). */
  readonly batchFiles?: number;
  readonly config?: Partial<ExtractConfig>;
  /** Hears every file's outcome, with the counts so far. */
  readonly onProgress?: (progress: BackfillProgress, outcome: FileOutcome) => void;
  readonly log?: (line: string) => void;
}

export interface BackfillProgress {
  readonly done: number;
  readonly total: number;
  readonly loaded: number;
  readonly skipped: number;
  readonly rejected: number;
  /** Files that met a bug of ours (FileStatus `failed`). */
  readonly failed: number;
  readonly observations: number;
}

export interface BackfillSummary extends BackfillProgress {
  /** Files under the folder that the year or province filter left out. */
  readonly filteredOut: number;
  readonly runIds: readonly string[];
}

const DEFAULT_MAX_BYTES = 200 * 1024 * 1024;
/**
 * Documents per write transaction: a commit per document was a tenth of the writer's time. Half a
 * second at most, so that an analyst waiting to write (busy timeout) waits little longer than for one
 * document, and a kill takes back at most that much work.
 */
const BATCH: BatchLimits = { documents: 200, ms: 500 };

/**
 * Loads a tree of reports (province/district/commune/year/… or any other layout) through the ingest
 * pipeline, in batches of whole folders, one writer (this thread) and `workers - 1` threads extracting
 * ahead of it and reconciling each batch, the writer taking a share of that work whenever it would
 * otherwise wait. Resumable by content: a re-run skips every file whose content is loaded, so a run
 * that was stopped carries on where it was;
 * each document loads all of it or none (a savepoint in a transaction shared by up to `BATCH` documents).
 */
export async function backfill(root: string, options: BackfillOptions): Promise<BackfillSummary> {
  const all = await listFiles([root]);
  const files = all.flatMap((e) => (e.kind === 'file' ? [e.path] : []));
  // Folders and files that cannot be read go through ingest too, which records each of them.
  const unreadable = all.flatMap((e) => (e.kind === 'file' ? [] : [e.path]));
  const selected = files.filter((f) => keep(fileClues(relative(root, f)), options));
  const total = selected.length;
  const workers = options.workers ?? availableParallelism();
  const config: ExtractConfig = { maxBytes: DEFAULT_MAX_BYTES, ...options.config, ...(options.province ? { province: options.province } : {}) };
  const pool = workers > 1 && total > 0 ? new ExtractPool(config, options.dbPath, workers - 1) : undefined;
  const counts = { done: 0, total, loaded: 0, skipped: 0, rejected: 0, failed: 0, observations: 0 };
  const runIds: string[] = [];
  // The pool works through the whole listing, so that it reads ahead into the next batch while the
  // writer reconciles the last one.
  pool?.begin(selected);
  try {
    const batches = folderBatches(selected, options.batchFiles ?? 500);
    if (unreadable.length) batches.push(unreadable);
    for (const batch of batches) {
      const summary = await ingestPaths(batch, {
        dbPath: options.dbPath,
        pipeline: 'backfill',
        config,
        batch: BATCH,
        ...(pool ? { prepare: pool.prepare, checkpoint: pool.checkpoint, reconcileScopes: pool.reconcileScopes } : {}),
        ...(options.log ? { log: options.log } : {}),
        onFile: (o) => {
          counts.done++;
          counts[o.status]++;
          counts.observations += o.observations;
          options.onProgress?.({ ...counts }, o);
        },
      });
      runIds.push(summary.runId);
    }
  } finally {
    await pool?.close();
  }
  return { ...counts, filteredOut: all.length - total, runIds };
}

/** What a file's path tells before it is opened: the year (file name first, then the nearest year folder) and the folders, folded. */
export interface FileClues {
  readonly year?: number;
  /** Folder names, ASCII-folded and without separators ("bac-kan", "Bắc Kạn" → "backan"). */
  readonly folders: readonly string[];
}

const compact = (s: string) => foldAscii(s).replace(/[^a-z0-9]/g, '');

export function fileClues(relPath: string): FileClues {
  const folders = dirname(relPath).split(sep).filter((s) => s && s !== '.');
  // A year in the file name wins over the folder's: a report misfiled under another year's folder.
  const inName = [...basename(relPath).matchAll(/(?<![0-9])((?:19|20)[0-9]{2})(?![0-9])/g)].map((m) => Number(m[1]));
  const folderYear = [...folders].reverse().find((f) => /^(19|20)[0-9]{2}$/.test(f));
  const year = inName.at(-1) ?? (folderYear ? Number(folderYear) : undefined);
  return { ...(year ? { year } : {}), folders: folders.map(compact) };
}

function keep(clues: FileClues, options: BackfillOptions): boolean {
  if (clues.year !== undefined && ((options.from !== undefined && clues.year < options.from) || (options.to !== undefined && clues.year > options.to))) return false;
  if (options.province && !clues.folders.includes(compact(options.province))) return false;
  return true;
}

/** Consecutive files (the listing is sorted, so a folder's files are together) cut into batches at folder boundaries. */
export function folderBatches(files: readonly string[], size: number): string[][] {
  const batches: string[][] = [];
  let current: string[] = [];
  for (let i = 0; i < files.length; i++) {
    current.push(files[i]!);
    const next = files[i + 1];
    if (current.length >= size && (next === undefined || dirname(next) !== dirname(files[i]!))) {
      batches.push(current);
      current = [];
    }
  }
  if (current.length) batches.push(current);
  return batches;
}
