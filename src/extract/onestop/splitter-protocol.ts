/**
 * What the main thread and the CSV workers (splitter.ts and splitter-worker.ts; file-reader.ts and
 * file-reader-worker.ts) say to each other: its own file, so that neither side imports the other for it.
 */
import type { ErrorCode } from '../../model/index.js';
import type { DetectedEncoding } from './encoding.js';

/** How a worker packs a batch of records into one string. */
export const CELL_SEP = '\u0000';
export const RECORD_SEP = '\u0001';

/**
 * A batch of records: joined by RECORD_SEP, cells by CELL_SEP (one string clones far faster than
 * arrays of them); or as arrays once the file showed a separator character, which a cell may hold.
 */
export type RecordBatch = { readonly lines: number[]; readonly packed: string } | { readonly lines: number[]; readonly cells: string[][] };

export interface SplitterWorkerData {
  readonly delimiter: string;
  readonly maxRecordChars: number;
}
export type ToWorker = { readonly chunk: Uint8Array | string } | { readonly end: true };
export type FromWorker =
  | RecordBatch
  | { readonly ack: true }
  | { readonly done: true }
  | { readonly error: { readonly tooLong?: { line: number; limit: number }; readonly message: string } };

/** Slots of the file reader's control words (an Int32Array over shared memory). */
export const CREDITS = 0;
export const STOP = 1;

export interface FileReaderData {
  readonly path: string;
  /** [CREDITS]: batches the reader may still post before the main thread has read them; [STOP]: 1 when the main thread gave up. */
  readonly control: Int32Array;
}
export type FromFileReader =
  | RecordBatch
  /** What the reader learnt of the file (delimited-rows.ts DelimitedInfo), posted before its first batch. */
  | { readonly info: { readonly encoding?: DetectedEncoding; readonly delimiter?: string } }
  | { readonly done: true }
  | { readonly error: { readonly rejected?: { readonly code: ErrorCode; readonly location?: string }; readonly message: string } };
