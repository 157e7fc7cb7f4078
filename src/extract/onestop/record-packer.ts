import { CELL_SEP, RECORD_SEP, type RecordBatch } from './splitter-protocol.js';

/** Records per batch: large enough that posting costs little per row, small enough to stay flat. */
const BATCH = 1000;

/**
 * Gathers the records a CSV worker thread parsed into batches for the thread that reads them:
 * records joined into one string (one string clones far faster than arrays of them), or as arrays
 * once a cell may hold a packing separator (`unpackable`). Used by both CSV workers.
 */
export class RecordPacker {
  private lines: number[] = [];
  /** The batch packed as it grows (a rope: flattened once, when posted). */
  private packed = '';
  /** The batch as arrays, once a separator character may be in a cell: from then on. */
  private cells: string[][] | undefined;

  constructor(private readonly post: (batch: RecordBatch) => void) {}

  /** Whether records still go packed (`unpackable` not called yet). */
  packs(): boolean {
    return this.cells === undefined;
  }

  /** From now on records go as arrays: a cell may hold NUL or U+0001 (garbage bytes). */
  unpackable(): void {
    if (this.cells) return;
    this.flush();
    this.cells = [];
  }

  add(record: string[], line: number): void {
    if (this.cells) this.cells.push(record);
    else this.packed = this.lines.length === 0 ? record.join(CELL_SEP) : this.packed + RECORD_SEP + record.join(CELL_SEP);
    this.lines.push(line);
    if (this.lines.length >= BATCH) this.flush();
  }

  flush(): void {
    if (this.lines.length === 0) return;
    const lines = this.lines;
    this.lines = [];
    if (this.cells) {
      const cells = this.cells;
      this.cells = [];
      this.post({ lines, cells });
    } else {
      const packed = this.packed;
      this.packed = '';
      this.post({ lines, packed });
    }
  }
}

/** Hands each record of a batch to `onRecord`, in order. */
export function unpack(batch: RecordBatch, onRecord: (cells: string[], line: number) => void): void {
  const records = 'packed' in batch ? batch.packed.split(RECORD_SEP) : batch.cells;
  for (let i = 0; i < records.length; i++) {
    const r = records[i]!;
    onRecord(typeof r === 'string' ? r.split(CELL_SEP) : r, batch.lines[i]!);
  }
}
