import { isUtf8 } from 'node:buffer';
import { RejectedInput } from '../errors.js';
import { createDecoder, detectEncoding, type DetectedEncoding } from './encoding.js';
import type { RawRow } from './raw-row.js';
import { DelimitedSplitter, RecordTooLong, WorkerSplitter } from './splitter.js';

/** What the reader learnt about a delimited text export. */
export interface DelimitedInfo {
  encoding: DetectedEncoding;
  delimiter: string;
}

/** Bytes sampled to detect the encoding and delimiter. */
const HEAD_BYTES = 64 * 1024;
/** One record larger than this is not a dossier row: an unterminated quote or garbage. */
const MAX_RECORD_CHARS = 8 * 1024 * 1024;
const DELIMITERS = ['\t', ';', ',', '|'] as const;

/** Splits a buffer into chunks for the streaming path (no copies). */
export async function* bufferChunks(bytes: Buffer, size = 256 * 1024): AsyncGenerator<Buffer> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

/** Exports longer than this are split in a worker thread; shorter ones are not worth starting one. */
const WORKER_ABOVE = 1024 * 1024;

export interface ReadDelimitedOptions {
  /** Split in a worker thread when the file holds more than this many bytes (default 1 MiB; Infinity: never). */
  readonly workerAbove?: number;
}

/**
 * Reads the rows of a CSV/TSV export and hands each to `onRow` as it is parsed: detects the encoding
 * from the first bytes, decodes chunk by chunk (memory stays flat however long the file), sniffs the
 * delimiter and splits records (splitter.ts), in a worker thread for a long export so that parsing
 * and loading run on two cores. `info` is filled before the first row.
 */
export async function readDelimited(
  chunks: AsyncIterable<Buffer>,
  onRow: (row: RawRow) => void,
  info: Partial<DelimitedInfo> = {},
  options: ReadDelimitedOptions = {},
): Promise<void> {
  const iterator = chunks[Symbol.asyncIterator]();
  const workerAbove = options.workerAbove ?? WORKER_ABOVE;
  // Read ahead: the head to detect the encoding and delimiter, and, when a worker may split, enough
  // to know whether the file is long enough for one (a bounded amount either way).
  const readAhead = Math.max(HEAD_BYTES, Number.isFinite(workerAbove) ? workerAbove + 1 : 0);
  const parts: Buffer[] = [];
  let length = 0;
  let done = false;
  while (length < readAhead) {
    const next = await iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    parts.push(next.value);
    length += next.value.length;
  }
  const ahead = Buffer.concat(parts);
  if (ahead.length === 0) throw new RejectedInput('empty_file', 'empty file (0 bytes)');
  const head = ahead.subarray(0, HEAD_BYTES);
  const encoding = detectEncoding(head);
  const decoder = createDecoder(encoding);
  const headText = decoder.write(head);
  const delimiter = sniffDelimiter(headText);
  info.encoding = encoding;
  info.delimiter = delimiter;
  if (headText.replace(/^\uFEFF/, '').trim() === '' && done && ahead.length <= HEAD_BYTES) throw new RejectedInput('empty_file', 'empty file: only blank lines');

  const emit = (cells: string[], line: number) => onRow({ line, cells });
  const splitter = length > workerAbove ? new WorkerSplitter(delimiter, emit, MAX_RECORD_CHARS) : new DelimitedSplitter(delimiter, emit, MAX_RECORD_CHARS);
  const tooLong = (err: unknown) => {
    if (err instanceof RecordTooLong) return new RejectedInput('record_too_long', `a record longer than ${MAX_RECORD_CHARS} characters from line ${err.line} (an unterminated quote?)`, `line ${err.line}`);
    return err;
  };
  // UTF-8 bytes go to the parser as they are (checked, not decoded: csv-parse decodes each field);
  // other encodings are decoded to text first, and so is UTF-8 whose letters are TCVN3/VNI codes
  // (an Excel "CSV UTF-8" of cells typed in .VnTime: `legacy`, told by detectEncoding from the head).
  const utf8 = encoding.encoding === 'utf8' && !encoding.legacy ? utf8Checker(encoding.evidence) : undefined;
  const feed = async (bytes: Buffer) => {
    if (utf8) {
      utf8.check(bytes);
      await splitter.write(bytes);
    } else {
      const text = decoder.write(bytes);
      if (text) await splitter.write(text);
    }
  };
  try {
    if (utf8) await feed(ahead);
    else {
      if (headText) await splitter.write(headText); // the head is decoded already (to sniff the delimiter)
      if (ahead.length > head.length) await feed(ahead.subarray(head.length));
    }
    if (!done) {
      for (;;) {
        const next = await iterator.next();
        if (next.done) break;
        await feed(next.value);
      }
    }
    if (utf8) utf8.end();
    else {
      const rest = decoder.end();
      if (rest) await splitter.write(rest);
    }
    await splitter.end();
  } catch (err) {
    if (splitter instanceof WorkerSplitter) await splitter.stop();
    throw tooLong(err);
  }
}

/**
 * Checks that a stream of bytes is UTF-8 without decoding it (buffer.isUtf8, native), carrying a
 * character cut at a chunk's end over to the next chunk. Same messages as the decoder's.
 */
function utf8Checker(evidence: string): { check(chunk: Buffer): void; end(): void } {
  let carry: Buffer = Buffer.alloc(0);
  let offset = 0;
  return {
    check(chunk) {
      const bytes = carry.length ? Buffer.concat([carry, chunk]) : chunk;
      const cut = incompleteTail(bytes);
      if (!isUtf8(bytes.subarray(0, bytes.length - cut))) throw new RejectedInput('mixed_encoding', `mixed encoding: bytes after offset ${offset} are not valid UTF-8 (file detected as ${evidence})`);
      offset += bytes.length - cut;
      carry = cut ? Buffer.from(bytes.subarray(bytes.length - cut)) : Buffer.alloc(0);
    },
    end() {
      if (carry.length) throw new RejectedInput('mixed_encoding', 'mixed encoding: the file ends inside a utf8 character');
    },
  };
}

/** How many bytes at the end start a UTF-8 character that the buffer does not finish (0–3). */
function incompleteTail(b: Buffer): number {
  for (let back = 1; back <= Math.min(3, b.length); back++) {
    const c = b[b.length - back]!;
    if ((c & 0xc0) === 0x80) continue; // continuation byte: look further back
    const need = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
    return need > back ? back : 0;
  }
  return 0;
}

/**
 * The delimiter that splits the first lines most consistently: for each candidate, the most common
 * non-zero count per line, weighted by how many lines share it. Title lines above the header have
 * none, so they do not vote.
 */
export function sniffDelimiter(text: string): string {
  const lines = text.split(/\r\n|\n|\r/, 60).filter((l) => l.trim() !== '');
  let best: { d: string; score: number } = { d: ',', score: 0 };
  for (const d of DELIMITERS) {
    const counts = new Map<number, number>();
    for (const line of lines) {
      const n = countOutsideQuotes(line, d);
      if (n > 0) counts.set(n, (counts.get(n) ?? 0) + 1);
    }
    let score = 0;
    for (const [n, lines] of counts) score = Math.max(score, lines * Math.min(n, 30) + lines * 10);
    if (score > best.score) best = { d, score };
  }
  return best.d;
}

function countOutsideQuotes(line: string, d: string): number {
  let n = 0;
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (ch === d && !quoted) n++;
  }
  return n;
}
