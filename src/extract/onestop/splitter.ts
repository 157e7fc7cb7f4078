/**
 * Splits decoded CSV/TSV text into records, chunk by chunk: RFC 4180 quoting ("" inside quotes,
 * delimiters and line breaks inside quoted fields), CRLF or LF, empty lines skipped, and a quote in
 * the middle of an unquoted field kept as text (=HYPERLINK("…") written without quotes).
 *
 * Why not csv-parse here: on a million-row export its byte-at-a-time state machine, with the
 * string→Buffer→string round trip it needs, took more time than the warehouse inserts. Most export
 * lines hold no quote at all; those are split with String.prototype.split, and only lines with a
 * quote go through the character loop. test/extract/onestop/splitter.test.ts holds it to csv-parse's
 * output on the fixtures and on the awkward cases.
 */
export class DelimitedSplitter {
  private pending = '';
  private line = 1;
  private started = false;

  constructor(
    private readonly delimiter: string,
    private readonly onRecord: (cells: string[], line: number) => void,
    /** Longest record accepted; a longer one means an unterminated quote or garbage. */
    private readonly maxRecordChars = 8 * 1024 * 1024,
  ) {}

  write(chunk: string): void {
    let text = this.pending + chunk;
    if (!this.started) {
      this.started = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    const pos = this.consume(text, false);
    this.pending = text.slice(pos);
    if (this.pending.length > this.maxRecordChars) throw new RecordTooLong(this.line, this.maxRecordChars);
  }

  end(): void {
    const text = this.pending;
    this.pending = '';
    if (text) this.consume(text, true);
  }

  /** Emits every complete record of `text` from the start; returns where the incomplete rest begins. */
  private consume(text: string, final: boolean): number {
    const d = this.delimiter;
    let pos = 0;
    const n = text.length;
    while (pos < n) {
      let nl = text.indexOf('\n', pos);
      if (nl < 0) {
        if (!final) return pos;
        nl = n;
      }
      const quote = text.indexOf('"', pos);
      if (quote < 0 || quote > nl) {
        const end = nl > pos && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
        if (end > pos) this.onRecord(text.slice(pos, end).split(d), this.line);
        this.line++;
        pos = nl + 1;
        continue;
      }
      const r = this.quoted(text, pos, final);
      if (!r) return pos;
      if (r.cells.length > 1 || r.cells[0] !== '') this.onRecord(r.cells, this.line);
      this.line += r.lines;
      pos = r.next;
    }
    return pos;
  }

  /** A record with quotes, from `start`; null when the text ends inside it (more data needed). */
  private quoted(text: string, start: number, final: boolean): { cells: string[]; next: number; lines: number } | null {
    const n = text.length;
    const cells: string[] = [];
    let i = start;
    let nl = text.indexOf('\n', start);
    let next = -1;
    while (next < 0) {
      let field = '';
      const fieldStart = i;
      let quoted = false;
      if (i < n && text.charCodeAt(i) === 34) {
        quoted = true;
        // Quoted part: up to the closing quote, "" standing for one quote.
        let from = ++i;
        for (;;) {
          const q = text.indexOf('"', i);
          if (q < 0 || (q + 1 >= n && !final)) {
            if (!final) return null;
            field += text.slice(from);
            i = n;
            break;
          }
          if (text.charCodeAt(q + 1) === 34) {
            field += text.slice(from, q + 1);
            i = from = q + 2;
            continue;
          }
          field += text.slice(from, q);
          i = q + 1;
          break;
        }
      }
      // Unquoted text (or what follows a closing quote) up to a delimiter or the end of the line.
      if (nl >= 0 && nl < i) nl = text.indexOf('\n', i);
      let j = text.indexOf(this.delimiter, i);
      if (j < 0 || (nl >= 0 && nl < j)) j = nl < 0 ? n : nl;
      if (j >= n && !final) return null;
      let rest = text.slice(i, j);
      if (rest.endsWith('\r')) rest = rest.slice(0, -1);
      // Text right after a closing quote means the quotes were not field quotes (csv-parse's
      // relax_quotes): the field is everything as written.
      if (quoted && rest !== '') cells.push(text.slice(fieldStart, i) + rest);
      else cells.push(field + rest);
      if (j >= n) next = n;
      else if (text.charCodeAt(j) === 10) next = j + 1;
      else i = j + 1;
    }
    let lines = 0;
    for (let k = text.indexOf('\n', start); k >= 0 && k < next; k = text.indexOf('\n', k + 1)) lines++;
    return { cells, next, lines: Math.max(lines, 1) };
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
