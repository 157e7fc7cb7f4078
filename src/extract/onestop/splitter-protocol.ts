/**
 * What the main thread and the CSV worker (splitter.ts, splitter-worker.ts) say to each other: its own
 * file, so that neither side imports the other for it.
 */

/** How the worker packs a batch of records into one string. */
export const CELL_SEP = '\u0000';
export const RECORD_SEP = '\u0001';

export interface SplitterWorkerData {
  readonly delimiter: string;
  readonly maxRecordChars: number;
}
export type ToWorker = { readonly chunk: Uint8Array | string } | { readonly end: true };
export type FromWorker =
  /** A batch: records joined by RECORD_SEP, cells by CELL_SEP (one string clones far faster than arrays of them). */
  | { readonly lines: number[]; readonly packed: string }
  /** A batch once the file showed a separator character (garbage bytes), which a cell may hold: sent as arrays. */
  | { readonly lines: number[]; readonly cells: string[][] }
  | { readonly ack: true }
  | { readonly done: true }
  | { readonly error: { readonly tooLong?: { line: number; limit: number }; readonly message: string } };

