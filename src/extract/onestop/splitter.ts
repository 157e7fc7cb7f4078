import type { Worker } from 'node:worker_threads';
import { CsvError, Parser, type Options } from 'csv-parse';
import { unpack } from './record-packer.js';
import type { FromWorker, SplitterWorkerData, ToWorker } from './splitter-protocol.js';
import { startWorker } from './start-worker.js';

/**
 * Splits CSV/TSV bytes or text into records, chunk by chunk, with csv-parse: RFC 4180 quoting (""
 * inside quotes, delimiters and line breaks inside quoted fields), records ended by CRLF, LF or a
 * lone CR (old Mac exports) — any of the three, even mixed in one file —, empty lines skipped, and a
 * quote in the middle of an unquoted field kept as text (=HYPERLINK("…") written without quotes:
 * relax_quotes).
 *
 * The parser is driven through its stream interface, one synchronous `write` per chunk: records are
 * taken as the parser pushes them (RecordParser) and never queued on the readable side, so nothing
 * is buffered per row and an error (a record over the size limit, or one the row handler throws)
 * surfaces from the `write` that caused it. Each record is given the line it starts on: the line
 * after the previous record ended (csv-parse counts the line a record ends on).
 */
export class DelimitedSplitter {
  private readonly parser: RecordParser;
  /** The line the next record starts on. */
  private nextLine = 1;
  /** An error the row handler threw: the rest of the chunk is parsed and dropped, then it is thrown. */
  private failure: unknown;

  constructor(
    delimiter: string,
    private readonly onRecord: (cells: string[], line: number) => void,
    /** Longest record accepted; a longer one means an unterminated quote or garbage. */
    maxRecordChars = 8 * 1024 * 1024,
  ) {
    const parser = new RecordParser(
      {
        delimiter,
        record_delimiter: ['\r\n', '\n', '\r'],
        bom: true,
        encoding: 'utf8',
        relax_column_count: true,
        relax_quotes: true,
        // Empty lines come through as [''] and are dropped here, so that line numbers stay exact.
        skip_empty_lines: false,
        max_record_size: maxRecordChars,
      },
      (record: string[]) => {
        if (this.failure !== undefined) return;
        const line = this.nextLine;
        this.nextLine = parser.info.lines + 1;
        if (record.length === 1 && record[0] === '') return;
        try {
          this.onRecord(record, line);
        } catch (err) {
          this.failure = err;
        }
      },
    );
    this.parser = parser;
    // Errors are read from `errored` after each write; the listener only keeps Node from throwing them again.
    this.parser.on('error', () => {});
  }

  /** Parses a chunk: UTF-8 bytes, or text. Records complete in it are handed over before it returns. */
  write(chunk: Buffer | string): void {
    this.parser.write(chunk);
    this.check();
  }

  /** Parses what is left (a last record without a line break) and ends. */
  async end(): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.parser.end((err?: Error | null) => (err ? reject(err) : resolve()));
    }).catch(() => {});
    this.check();
  }

  private check(): void {
    if (this.failure !== undefined) throw this.failure;
    const err = this.parser.errored;
    if (!err) return;
    if (err instanceof CsvError && err.code === 'CSV_MAX_RECORD_SIZE') throw new RecordTooLong(this.nextLine, Number(err.message.match(/of (\d+)/)?.[1] ?? 0));
    throw err;
  }
}

/**
 * csv-parse's stream parser, with each record handed to `onParsed` as the parser pushes it instead of
 * queued for a reader. Not `on_record`: csv-parse builds a snapshot of its `info` (two object
 * spreads) for every record it calls that with, which cost an eighth of the parse; the one figure
 * wanted, the line a record ends on, is read from `info` directly at the same moment.
 */
class RecordParser extends Parser {
  constructor(
    options: Options,
    private readonly onParsed: (record: string[]) => void,
  ) {
    super(options);
  }

  override push(record: unknown, encoding?: BufferEncoding): boolean {
    // null ends the readable side (the stream machinery's own call).
    if (record === null) return super.push(null, encoding);
    this.onParsed(record as string[]);
    return true;
  }
}

export class RecordTooLong extends Error {
  constructor(
    readonly line: number,
    readonly limit: number,
  ) {
    super(`a record from line ${line} runs past ${limit} characters`);
  }
}

/** The worker holds a few chunks and one batch at a time: a small young generation keeps its memory down. */
export const WORKER_LIMITS = { maxYoungGenerationSizeMb: 8 };

/** Chunks posted to the worker and not yet parsed, at most: memory stays a few chunks deep. */
const IN_FLIGHT = 2;
/**
 * Bytes (or characters) gathered before a post: a stream may hand over 16–64 KiB at a time, and each
 * post, acknowledgement and end-of-chunk batch costs this thread time it is short of. Not more: with
 * 1 MiB posts the worker's heap grew and the loader's peak RSS rose by about 55 MB (bench/onestop.ts).
 */
const POST_SIZE = 256 * 1024;

/**
 * The same splitting in a worker thread, so that csv-parse's byte-by-byte scan runs on another core
 * while this thread reads dossiers and writes them to the warehouse. Records come back in batches
 * and are handed to `onRecord` in file order; `write` waits when a few chunks are in flight.
 * An error `onRecord` throws stops the worker and comes out of the next `write` or `end`.
 */
export class WorkerSplitter {
  private readonly worker: Worker;
  private inFlight = 0;
  private failure: unknown;
  private wake: (() => void) | undefined;
  private finished = false;
  /** Bytes gathered for the next post, and how many of them are used; or text. */
  private bytes: Uint8Array | undefined;
  private used = 0;
  private text = '';

  constructor(delimiter: string, onRecord: (cells: string[], line: number) => void, maxRecordChars = 8 * 1024 * 1024) {
    const data: SplitterWorkerData = { delimiter, maxRecordChars };
    this.worker = startWorker('splitter-worker', data, WORKER_LIMITS);
    this.worker.on('message', (m: FromWorker) => {
      if ('packed' in m || 'cells' in m) {
        if (this.failure) return;
        try {
          unpack(m, onRecord);
        } catch (err) {
          this.fail(err);
        }
      } else if ('ack' in m) this.inFlight--;
      else if ('done' in m) this.finished = true;
      else this.fail(m.error.tooLong ? new RecordTooLong(m.error.tooLong.line, m.error.tooLong.limit) : new Error(`CSV worker: ${m.error.message}`));
      this.wakeUp();
    });
    this.worker.on('error', (err) => this.fail(err));
    this.worker.on('exit', () => {
      if (!this.finished) this.fail(this.failure ?? new Error('CSV worker ended before the file did'));
      this.wakeUp();
    });
  }

  async write(chunk: Buffer | string): Promise<void> {
    this.check();
    if (typeof chunk === 'string') {
      await this.postBytes();
      this.text += chunk;
      if (this.text.length >= POST_SIZE) await this.postText();
      return;
    }
    await this.postText();
    // Copied into a buffer the worker can own (stream chunks share pooled memory with others).
    for (let at = 0; at < chunk.length; ) {
      this.bytes ??= new Uint8Array(POST_SIZE);
      const n = Math.min(chunk.length - at, POST_SIZE - this.used);
      this.bytes.set(chunk.subarray(at, at + n), this.used);
      this.used += n;
      at += n;
      if (this.used === POST_SIZE) await this.postBytes();
    }
  }

  private async postBytes(): Promise<void> {
    if (!this.bytes || this.used === 0) return;
    const view = this.bytes.subarray(0, this.used);
    this.bytes = undefined;
    this.used = 0;
    await this.post(view);
  }

  private async postText(): Promise<void> {
    if (this.text === '') return;
    const text = this.text;
    this.text = '';
    await this.post(text);
  }

  private async post(chunk: Uint8Array | string): Promise<void> {
    while (this.inFlight >= IN_FLIGHT && !this.failure) await this.sleep();
    this.check();
    this.inFlight++;
    this.worker.postMessage({ chunk } satisfies ToWorker, typeof chunk === 'string' ? [] : [chunk.buffer as ArrayBuffer]);
  }

  async end(): Promise<void> {
    await this.postBytes();
    await this.postText();
    this.check();
    this.worker.postMessage({ end: true } satisfies ToWorker);
    while (!this.finished && !this.failure) await this.sleep();
    await this.worker.terminate();
    this.check();
  }

  /** Stops the worker (the caller gave up on the file). */
  async stop(): Promise<void> {
    this.finished = true;
    await this.worker.terminate();
  }

  private fail(err: unknown): void {
    if (this.failure) return;
    this.failure = err;
    void this.worker.terminate();
  }

  private check(): void {
    if (this.failure) throw this.failure;
  }

  private sleep(): Promise<void> {
    return new Promise((resolve) => (this.wake = resolve));
  }

  private wakeUp(): void {
    const w = this.wake;
    this.wake = undefined;
    w?.();
  }
}
