import type { TextEncoding } from './encoding.js';
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

const SEPARATOR_BYTES = [CELL_SEP.charCodeAt(0), RECORD_SEP.charCodeAt(0)];
const SEPARATOR_UNITS = {
  utf16le: SEPARATOR_BYTES.map((b) => Buffer.from([b, 0])),
  utf16be: SEPARATOR_BYTES.map((b) => Buffer.from([0, b])),
};

/**
 * Whether a chunk holds a packing separator (NUL or U+0001) in its text. Checked on the chunk (native
 * indexOf) rather than on every cell: a record may straddle chunks, so once one chunk holds one, every
 * later batch goes as arrays. Decoded text is searched as such; bytes are searched for a byte 0 or 1
 * (UTF-8 and the 8-bit encodings) or, in UTF-16 (`encoding`), for the code unit at an even offset in
 * the file (`offset`: where the chunk starts; every Latin letter has a zero byte).
 */
export function holdsSeparator(chunk: Buffer | string, encoding?: TextEncoding, offset = 0): boolean {
  if (typeof chunk === 'string') return chunk.includes(CELL_SEP) || chunk.includes(RECORD_SEP);
  if (encoding !== 'utf16le' && encoding !== 'utf16be') return SEPARATOR_BYTES.some((b) => chunk.includes(b));
  for (const unit of SEPARATOR_UNITS[encoding]) {
    for (let at = chunk.indexOf(unit); at >= 0; at = chunk.indexOf(unit, at + 1)) if ((offset + at) % 2 === 0) return true;
  }
  return false;
}
