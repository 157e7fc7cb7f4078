import { mib, type SheetPart, WorkbookStream } from './workbook-stream.js';
import { openZipEntry, type ZipEntry } from './zip-directory.js';

/**
 * What reading a workbook whole (exceljs's document tree) would cost, told from its zip directory
 * and the first kilobytes of each sheet before anything is read whole. exceljs holds an object per
 * cell and a string per shared string: measured (bench/xlsx-memory.ts) at roughly 10–15 times the
 * XML, so a 27 MB workbook of 250 MB of XML takes gigabytes. Above these ceilings a workbook is only
 * streamed: an appendix is a few hundred cells, a large workbook can only be a dossier list.
 */
export const WHOLE_READ_MAX_XML = 24 * 1024 * 1024;
export const WHOLE_READ_MAX_CELLS = 200_000;

export interface SheetSize {
  readonly name: string;
  readonly xmlBytes: number;
  /** From the sheet's declared dimension, else estimated from the cells in its first kilobytes. */
  readonly cells: number;
  readonly estimated: boolean;
}

export interface WorkbookSurvey {
  /** The workbook opened for streaming (zip directory, workbook part, styles already read). */
  readonly workbook: WorkbookStream;
  readonly sheets: readonly SheetSize[];
  readonly sharedStringsBytes: number;
  /**
   * Set when a whole read would exceed the ceilings: "sheet 'Sheet1' is 1.9 GB of XML (12,000,000
   * cells): too large to read whole". Such a workbook is streamed as a dossier list or refused.
   */
  readonly tooLarge?: string;
}

export async function surveyWorkbook(bytes: Buffer): Promise<WorkbookSurvey> {
  const workbook = await WorkbookStream.open(bytes);
  const sheets: SheetSize[] = [];
  for (const sheet of workbook.sheets) sheets.push({ name: sheet.name, xmlBytes: sheet.entry.size, ...(await countCells(bytes, sheet)) });
  const sharedStringsBytes = workbook.sharedStringsEntry?.size ?? 0;
  const xml = sheets.reduce((n, s) => n + s.xmlBytes, sharedStringsBytes);
  const cells = sheets.reduce((n, s) => n + s.cells, 0);
  const survey = { workbook, sheets, sharedStringsBytes };
  const limits = `more than ${mib(WHOLE_READ_MAX_XML)} of XML or ${WHOLE_READ_MAX_CELLS.toLocaleString('en')} cells`;
  if (xml <= WHOLE_READ_MAX_XML && cells <= WHOLE_READ_MAX_CELLS) {
    // Declared sizes can lie (a zip bomb): under the ceiling by its directory, the workbook is
    // inflated once, counting, before exceljs may hold it whole. It costs a few milliseconds.
    const real = await inflatedSize(bytes, [...workbook.sheets.map((s) => s.entry), ...(workbook.sharedStringsEntry ? [workbook.sharedStringsEntry] : [])]);
    if (real.bytes <= WHOLE_READ_MAX_XML && real.cells <= WHOLE_READ_MAX_CELLS) return survey;
    return { ...survey, tooLarge: `its parts inflate to more than their zip directory declares (${mib(real.bytes)} of XML, ${real.cells.toLocaleString('en')} cells read so far): too large to read whole (${limits})` };
  }
  const largest = [...sheets].sort((a, b) => b.xmlBytes - a.xmlBytes)[0];
  const parts = largest ? [`sheet '${largest.name}' is ${mib(largest.xmlBytes)} of XML (${largest.estimated ? 'about ' : ''}${largest.cells.toLocaleString('en')} cells)`] : [];
  if (sharedStringsBytes > (largest?.xmlBytes ?? 0) / 4) parts.push(`its shared strings ${mib(sharedStringsBytes)}`);
  return { ...survey, tooLarge: `${parts.join(', ') || `${mib(xml)} of XML`}: too large to read whole (${limits})` };
}

/** The parts' real inflated bytes and cells, counted until either passes the ceiling. */
async function inflatedSize(bytes: Buffer, entries: readonly ZipEntry[]): Promise<{ bytes: number; cells: number }> {
  let total = 0;
  let cells = 0;
  for (const entry of entries) {
    const stream = openZipEntry(bytes, entry);
    for await (const chunk of stream) {
      total += (chunk as Buffer).length;
      cells += ((chunk as Buffer).toString('latin1').match(CELL_TAG) ?? []).length;
      if (total > WHOLE_READ_MAX_XML || cells > WHOLE_READ_MAX_CELLS) {
        stream.destroy();
        return { bytes: total, cells };
      }
    }
  }
  return { bytes: total, cells };
}

const CELL_TAG = /<(?:\w+:)?c[\s>/]/g;

/** Bytes of a sheet's XML inflated to find its dimension, and to count cells when there is none. */
const LOOK_BYTES = 64 * 1024;

async function countCells(bytes: Buffer, sheet: SheetPart): Promise<{ cells: number; estimated: boolean }> {
  let head = '';
  let whole = true;
  const stream = openZipEntry(bytes, sheet.entry);
  for await (const chunk of stream) {
    head += (chunk as Buffer).toString('latin1');
    if (head.length >= LOOK_BYTES) {
      whole = false;
      break;
    }
  }
  stream.destroy();
  const dim = /<(?:\w+:)?dimension\s+ref="([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?"/.exec(head);
  if (dim?.[3] && dim[4]) {
    const cells = (column(dim[3]) - column(dim[1]!) + 1) * (Number(dim[4]) - Number(dim[2]) + 1);
    // A dimension of one cell is what some writers put whatever the content: not a count then.
    if (cells > 1) return { cells, estimated: false };
  }
  const data = head.indexOf('<sheetData') >= 0 ? head.slice(head.indexOf('<sheetData')) : head;
  const seen = (data.match(CELL_TAG) ?? []).length;
  if (whole || seen === 0) return { cells: seen, estimated: !whole };
  return { cells: Math.round((seen * sheet.entry.size) / Math.max(data.length, 1)), estimated: true };
}

function column(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}
