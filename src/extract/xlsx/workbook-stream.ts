import { StringDecoder } from 'node:string_decoder';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { readLegacyText } from '../../text/legacy/index.js';
import { RejectedInput } from '../errors.js';
import { openZipEntry, readZipDirectory, readZipText, type ZipEntry } from './zip-directory.js';

/** A worksheet of the package: its name as the tab shows it and its part in the zip. */
export interface SheetPart {
  readonly name: string;
  readonly entry: ZipEntry;
}

/** One row as read: its row number, and cells by column (index 0 is column A); empty cells are null. */
export interface StreamedRow {
  readonly line: number;
  readonly cells: readonly (string | number | boolean | Date | null)[];
}

/** Text of the shared strings held at most (UTF-8 bytes, outside the V8 heap), per workbook. */
export const SHARED_TEXT_MAX = 256 * 1024 * 1024;
/** Excel's limits: 16,384 columns (XFD), 32,767 characters a cell; far beyond them a file is not a real sheet. */
const MAX_COLUMNS = 16_384;
const MAX_CELL_CHARS = 1_000_000;
/** Parts read whole (workbook, relationships, styles) are small; a larger one is not a real workbook. */
const SMALL_PART_MAX = 16 * 1024 * 1024;

/**
 * A workbook read from its zip as streams, never as a document tree: rows come out one at a time,
 * in sheet order, with cell values as exceljs gives them (strings, numbers, Dates for date formats,
 * booleans, null; formulas give their cached result). Shared strings are the one part that must be
 * held (cells point into it by index): they are kept as UTF-8 bytes in a few large buffers with an
 * offset table, a few bytes per string instead of a V8 string each, and refused above a ceiling.
 * Text typed in a TCVN3/VNI font is decoded by that font, as the appendix reader does.
 */
export class WorkbookStream {
  private strings: SharedStrings | undefined;

  private constructor(
    private readonly bytes: Buffer,
    readonly entries: ReadonlyMap<string, ZipEntry>,
    readonly sheets: readonly SheetPart[],
    readonly sharedStringsEntry: ZipEntry | undefined,
    private readonly styles: Styles,
    private readonly date1904: boolean,
  ) {}

  static async open(bytes: Buffer): Promise<WorkbookStream> {
    const entries = readZipDirectory(bytes);
    const part = (path: string) => entries.get(path);
    const rootRels = part('_rels/.rels');
    const rels = rootRels ? relationships(await readZipText(bytes, rootRels, SMALL_PART_MAX), '') : new Map<string, Rel>();
    const workbookPath = [...rels.values()].find((r) => r.type.endsWith('/officeDocument'))?.target ?? 'xl/workbook.xml';
    const workbookEntry = part(workbookPath);
    if (!workbookEntry) throw new RejectedInput('unreadable_workbook', `corrupt workbook: no ${workbookPath} part`);
    const dir = workbookPath.slice(0, workbookPath.lastIndexOf('/') + 1);
    const wbRelsEntry = part(`${dir}_rels/${workbookPath.slice(dir.length)}.rels`);
    const wbRels = wbRelsEntry ? relationships(await readZipText(bytes, wbRelsEntry, SMALL_PART_MAX), dir) : new Map<string, Rel>();
    const wb = workbookSheets(await readZipText(bytes, workbookEntry, SMALL_PART_MAX));
    const sheets: SheetPart[] = [];
    for (const s of wb.sheets) {
      const target = wbRels.get(s.rid)?.target;
      const entry = target ? part(target) : undefined;
      if (entry) sheets.push({ name: s.name, entry });
    }
    const byType = (suffix: string) => [...wbRels.values()].find((r) => r.type.endsWith(suffix))?.target;
    const stylesPath = byType('/styles');
    const stylesEntry = stylesPath ? part(stylesPath) : undefined;
    const styles = stylesEntry ? readStyles(await readZipText(bytes, stylesEntry, SMALL_PART_MAX)) : { xfs: [] };
    const sstPath = byType('/sharedStrings');
    return new WorkbookStream(bytes, entries, sheets, sstPath ? part(sstPath) : undefined, styles, wb.date1904);
  }

  /** Rows of one sheet, streamed; stopping early (`return`) inflates and parses nothing more of it. */
  async *rows(sheet: SheetPart): AsyncGenerator<StreamedRow> {
    const strings = await this.sharedStrings();
    const parser = new SaxesParser();
    const out: StreamedRow[] = [];
    let cells: (string | number | boolean | Date | null)[] = [];
    let line = 0;
    let col = 0;
    let cell: { t: string; s: number; formula: boolean } | undefined;
    let text: string | undefined; // collects <v> or <is><t> text
    let collecting = false;
    let inPhonetic = false;
    parser.on('opentag', (tag: SaxesTagPlain) => {
      const name = local(tag.name);
      const a = tag.attributes as Record<string, string>;
      if (name === 'row') {
        line = a.r ? Number(a.r) : line + 1;
        cells = [];
        col = 0;
      } else if (name === 'c') {
        col = a.r ? columnIndex(a.r) : col + 1;
        // Past Excel's last column (XFD) a reference is garbage, and the row array would grow with it.
        if (col > MAX_COLUMNS) throw new RejectedInput('unreadable_workbook', `sheet '${sheet.name}' row ${line}: cell reference ${a.r ?? `column ${col}`} is beyond Excel's last column (XFD)`);
        cell = { t: a.t ?? 'n', s: a.s ? Number(a.s) : 0, formula: false };
      } else if (cell) {
        if (name === 'f') cell.formula = true;
        else if (name === 'rPh') inPhonetic = true;
        else if ((name === 'v' || name === 't') && !inPhonetic) {
          text ??= '';
          collecting = true;
        }
      }
    });
    parser.on('text', (t) => {
      if (collecting && text !== undefined) {
        text += t;
        if (text.length > MAX_CELL_CHARS) throw new RejectedInput('too_large', `sheet '${sheet.name}' row ${line}: a cell holds more than ${MAX_CELL_CHARS.toLocaleString('en')} characters (Excel holds 32,767)`);
      }
    });
    parser.on('closetag', (tag) => {
      const name = local(tag.name);
      if (name === 'rPh') inPhonetic = false;
      else if (name === 'v' || name === 't') collecting = false;
      else if (name === 'c' && cell) {
        const value = this.cellValue(cell, text ?? null, strings);
        if (value !== null) {
          while (cells.length < col - 1) cells.push(null);
          cells[col - 1] = value;
        }
        cell = undefined;
        text = undefined;
      } else if (name === 'row') out.push({ line, cells });
    });
    const decoder = new StringDecoder('utf8');
    try {
      for await (const chunk of openZipEntry(this.bytes, sheet.entry)) {
        parser.write(decoder.write(chunk as Buffer));
        yield* out;
        out.length = 0;
      }
      parser.write(decoder.end()).close();
    } catch (err) {
      if (err instanceof RejectedInput) throw err;
      throw new RejectedInput('unreadable_workbook', `unreadable workbook: sheet '${sheet.name}': ${(err as Error).message.split('\n')[0]}`);
    }
    yield* out;
  }

  /** The shared strings, read once on first use. */
  async sharedStrings(): Promise<SharedStrings> {
    this.strings ??= this.sharedStringsEntry ? await readSharedStrings(this.bytes, this.sharedStringsEntry) : new SharedStrings();
    return this.strings;
  }

  /** The cell's font name, for TCVN3/VNI decoding; none for an unstyled cell (its text is then guessed, as exceljs leaves it). */
  private fontOf(style: number): string | undefined {
    return style ? this.styles.xfs[style]?.font : undefined;
  }

  // Called once per cell: no closures here (a million-row sheet has ten million cells).
  private cellValue(cell: { t: string; s: number; formula: boolean }, v: string | null, strings: SharedStrings): string | number | boolean | Date | null {
    if (v === null) return null;
    switch (cell.t) {
      case 's': {
        const i = Number(v);
        const runs = strings.runs(i);
        if (runs) return runs.map((r) => readLegacyText(r.text, r.font ?? this.fontOf(cell.s)).text).join('');
        const s = strings.get(i);
        return s === undefined ? null : readLegacyText(s, this.fontOf(cell.s)).text;
      }
      case 'inlineStr':
      case 'str':
        return readLegacyText(v, this.fontOf(cell.s)).text;
      case 'b':
        return Number(v) !== 0;
      case 'e':
        return null;
      default: {
        if (v.trim() === '') return null;
        const n = Number(v);
        if (Number.isNaN(n)) return readLegacyText(v, this.fontOf(cell.s)).text;
        // A formula's cached number stays a number, as exceljs gives it.
        if (!cell.formula && cell.s && this.styles.xfs[cell.s]?.date) return new Date(Math.round((n - 25569 + (this.date1904 ? 1462 : 0)) * 86400000));
        return n;
      }
    }
  }
}

/**
 * Shared strings packed as UTF-8 in large buffers: a 5-million-string table costs its text plus
 * 12 bytes a string, outside the V8 heap. A string written in runs with their own fonts (rare) is
 * kept aside as its runs, so that each run is decoded by its font.
 */
export class SharedStrings {
  private readonly chunks: Buffer[] = [];
  private used = CHUNK;
  private starts = new Float64Array(1024);
  private lengths = new Uint32Array(1024);
  private readonly rich = new Map<number, readonly { text: string; font?: string }[]>();
  count = 0;
  textBytes = 0;

  push(text: string, runs?: readonly { text: string; font?: string }[]): void {
    if (this.count === this.starts.length) {
      const starts = new Float64Array(this.count * 2);
      starts.set(this.starts);
      this.starts = starts;
      const lengths = new Uint32Array(this.count * 2);
      lengths.set(this.lengths);
      this.lengths = lengths;
    }
    if (runs?.some((r) => r.font !== undefined)) this.rich.set(this.count, runs);
    const length = Buffer.byteLength(text, 'utf8');
    if (this.used + length > CHUNK) {
      this.chunks.push(Buffer.allocUnsafe(Math.max(CHUNK, length)));
      this.used = 0;
    }
    const chunk = this.chunks.length - 1;
    this.chunks[chunk]!.write(text, this.used, 'utf8');
    this.starts[this.count] = chunk * 2 ** 32 + this.used;
    this.lengths[this.count] = length;
    this.used += length;
    this.textBytes += length;
    this.count++;
  }

  get(i: number): string | undefined {
    if (!(i >= 0 && i < this.count)) return undefined;
    const at = this.starts[i]!;
    const chunk = Math.floor(at / 2 ** 32);
    const start = at - chunk * 2 ** 32;
    return this.chunks[chunk]!.toString('utf8', start, start + this.lengths[i]!);
  }

  runs(i: number): readonly { text: string; font?: string }[] | undefined {
    return this.rich.get(i);
  }
}

const CHUNK = 8 * 1024 * 1024;

async function readSharedStrings(bytes: Buffer, entry: ZipEntry): Promise<SharedStrings> {
  const strings = new SharedStrings();
  const parser = new SaxesParser();
  let parts: string[] | undefined;
  let runs: { text: string; font?: string }[] = [];
  let run: { text: string[]; font?: string } | undefined;
  let inText = false;
  let inPhonetic = false;
  parser.on('opentag', (tag: SaxesTagPlain) => {
    const name = local(tag.name);
    if (name === 'si') {
      parts = [];
      runs = [];
    } else if (name === 'r' && parts) run = { text: [] };
    else if (name === 'rFont' && run) run.font = (tag.attributes as Record<string, string>).val;
    else if (name === 'rPh') inPhonetic = true;
    else if (name === 't' && !inPhonetic) inText = true;
  });
  parser.on('text', (t) => {
    if (!inText || !parts) return;
    parts.push(t);
    run?.text.push(t);
  });
  parser.on('closetag', (tag) => {
    const name = local(tag.name);
    if (name === 't') inText = false;
    else if (name === 'rPh') inPhonetic = false;
    else if (name === 'r' && run) {
      runs.push({ text: run.text.join(''), ...(run.font ? { font: run.font } : {}) });
      run = undefined;
    } else if (name === 'si' && parts) {
      strings.push(parts.join(''), runs.length ? runs : undefined);
      parts = undefined;
      // Each string also costs 12 bytes of offset table: fifty million empty ones are no small table.
      if (strings.textBytes + 12 * strings.count > SHARED_TEXT_MAX) {
        throw new RejectedInput('too_large', `the workbook's shared strings hold more than ${mib(SHARED_TEXT_MAX)} of text (${strings.count.toLocaleString('en')} strings read of a ${mib(entry.size)} part): too large to read within the memory ceiling`);
      }
    }
  });
  const decoder = new StringDecoder('utf8');
  try {
    for await (const chunk of openZipEntry(bytes, entry)) parser.write(decoder.write(chunk as Buffer));
    parser.write(decoder.end()).close();
  } catch (err) {
    if (err instanceof RejectedInput) throw err;
    throw new RejectedInput('unreadable_workbook', `unreadable workbook: shared strings: ${(err as Error).message.split('\n')[0]}`);
  }
  return strings;
}

interface Rel {
  readonly type: string;
  readonly target: string;
}

/** Relationship id → type and target path inside the zip (targets are relative to `dir`). */
function relationships(xml: string, dir: string): Map<string, Rel> {
  const out = new Map<string, Rel>();
  eachTag(xml, (name, a) => {
    if (name !== 'Relationship' || !a.Id || !a.Target || a.TargetMode === 'External') return;
    out.set(a.Id, { type: a.Type ?? '', target: resolvePath(dir, a.Target) });
  });
  return out;
}

function workbookSheets(xml: string): { sheets: { name: string; rid: string }[]; date1904: boolean } {
  const sheets: { name: string; rid: string }[] = [];
  let date1904 = false;
  eachTag(xml, (name, a) => {
    if (name === 'workbookPr') date1904 = a.date1904 === '1' || a.date1904 === 'true';
    if (name === 'sheet') {
      const rid = Object.entries(a).find(([k]) => local(k) === 'id')?.[1];
      if (rid) sheets.push({ name: a.name ?? '', rid });
    }
  });
  return { sheets, date1904 };
}

interface Styles {
  /** By cell style index: whether its number format shows a date, and its font's name. */
  readonly xfs: readonly { date: boolean; font?: string }[];
}

function readStyles(xml: string): Styles {
  const formats = new Map<number, string>();
  const fonts: (string | undefined)[] = [];
  const xfs: { numFmtId: number; fontId: number }[] = [];
  const path: string[] = [];
  const parser = new SaxesParser();
  parser.on('opentag', (tag: SaxesTagPlain) => {
    const name = local(tag.name);
    const a = tag.attributes as Record<string, string>;
    const parent = path[path.length - 1];
    if (name === 'numFmt' && parent === 'numFmts') formats.set(Number(a.numFmtId), a.formatCode ?? '');
    else if (name === 'font' && parent === 'fonts') fonts.push(undefined);
    else if (name === 'name' && parent === 'font' && path[path.length - 2] === 'fonts') fonts[fonts.length - 1] = a.val;
    else if (name === 'xf' && parent === 'cellXfs') xfs.push({ numFmtId: Number(a.numFmtId ?? 0), fontId: Number(a.fontId ?? 0) });
    if (!tag.isSelfClosing) path.push(name);
  });
  parser.on('closetag', (tag) => {
    if (!tag.isSelfClosing) path.pop();
  });
  parser.write(xml).close();
  return {
    xfs: xfs.map((x) => ({ date: isDateFormat(x.numFmtId, formats.get(x.numFmtId)), ...(fonts[x.fontId] !== undefined ? { font: fonts[x.fontId] } : {}) })),
  };
}

/** Built-in date and time formats (ECMA-376 §18.8.30), and custom codes with date letters, as exceljs tells them. */
function isDateFormat(id: number, code: string | undefined): boolean {
  if (code === undefined) return (id >= 14 && id <= 22) || (id >= 45 && id <= 47);
  return /[ymdhMsb]+/.test(code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

function eachTag(xml: string, visit: (name: string, attributes: Record<string, string>) => void): void {
  const parser = new SaxesParser();
  parser.on('opentag', (tag: SaxesTagPlain) => visit(local(tag.name), tag.attributes as Record<string, string>));
  parser.write(xml).close();
}

function resolvePath(dir: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = (dir + target).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.' && p !== '') out.push(p);
  }
  return out.join('/');
}

function local(name: string): string {
  return name.slice(name.indexOf(':') + 1);
}

/** "C12" → 3. */
function columnIndex(ref: string): number {
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return n;
}

export function mib(bytes: number): string {
  return bytes >= 1024 ** 3 ? `${(bytes / 1024 ** 3).toFixed(1)} GB` : `${Math.round(bytes / 1024 ** 2)} MB`;
}
