import { CsvError, Parser } from 'csv-parse';

/**
 * Splits CSV/TSV bytes or text into records, chunk by chunk, with csv-parse: RFC 4180 quoting (""
 * inside quotes, delimiters and line breaks inside quoted fields), records ended by CRLF, LF or a
 * lone CR (old Mac exports) — any of the three, even mixed in one file —, empty lines skipped, and a
 * quote in the middle of an unquoted field kept as text (=HYPERLINK("…") written without quotes:
 * relax_quotes).
 *
 * The parser is driven through its stream interface, one synchronous `write` per chunk: records are
 * taken in `on_record` and never queued on the readable side, so nothing is buffered per row and an
 * error (a record over the size limit, or one the row handler throws) surfaces from the `write`
 * that caused it. Each record is given the line it starts on: the line after the previous record
 * ended (csv-parse reports where a record ends).
 */
export class DelimitedSplitter {
  private readonly parser: Parser;
  /** The line the next record starts on. */
  private nextLine = 1;

  constructor(
    delimiter: string,
    private readonly onRecord: (cells: string[], line: number) => void,
    /** Longest record accepted; a longer one means an unterminated quote or garbage. */
    maxRecordChars = 8 * 1024 * 1024,
  ) {
    this.parser = new Parser({
      delimiter,
      record_delimiter: ['\r\n', '\n', '\r'],
      bom: true,
      encoding: 'utf8',
      relax_column_count: true,
      relax_quotes: true,
      // Empty lines come through as [''] and are dropped here, so that line numbers stay exact.
      skip_empty_lines: false,
      max_record_size: maxRecordChars,
      on_record: (record: string[], info: { lines: number }) => {
        const line = this.nextLine;
        this.nextLine = info.lines + 1;
        if (record.length > 1 || record[0] !== '') this.onRecord(record, line);
        return null;
      },
    });
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
    const err = this.parser.errored;
    if (!err) return;
    if (err instanceof CsvError && err.code === 'CSV_MAX_RECORD_SIZE') throw new RecordTooLong(this.nextLine, Number(err.message.match(/of (\d+)/)?.[1] ?? 0));
    throw err;
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
