import type ExcelJS from 'exceljs';
import { undecodableReason } from '../../text/legacy/index.js';
import { type CellReading, readCell } from './cell-text.js';
import { MAX_HEADER_ROW } from './find-table.js';

/** Cells of one sheet whose legacy-font text reads as Vietnamese in no table. */
export interface UndecodableText {
  readonly sheet: string;
  readonly font: string;
  readonly firstCell: string;
  readonly cells: number;
  readonly textCells: number;
  readonly reason: string;
}

/** Tallies, over the cells read, which legacy-font texts did not decode. */
export class LegacyTally {
  private textCells = 0;
  private bad: { font: string; cell: string; reason: string }[] = [];

  constructor(private readonly sheet: string) {}

  note(address: string, reading: CellReading | undefined): void {
    if (!reading?.text) return;
    this.textCells++;
    const u = reading.legacy?.undecodable;
    if (u) this.bad.push({ font: u.font, cell: address, reason: undecodableReason(u) });
  }

  get undecodable(): readonly { font: string; cell: string; reason: string }[] {
    return this.bad;
  }

  /** The sheet's verdict: its first undecodable font with how many cells, or undefined when all decoded. */
  summary(): UndecodableText | undefined {
    const first = this.bad[0];
    if (!first) return undefined;
    const cells = this.bad.filter((b) => b.font === first.font).length;
    return { sheet: this.sheet, font: first.font, firstCell: first.cell, cells, textCells: this.textCells, reason: first.reason };
  }
}

/**
 * Why a sheet's table header could not be read: legacy text that does not decode among the rows the
 * header may sit in. Only a sheet where such text is a real share of the text counts; a stray
 * undecodable word leaves the verdict to the other extractors (a one-stop list is no appendix).
 */
export function scanSheet(ws: ExcelJS.Worksheet): UndecodableText | undefined {
  const tally = new LegacyTally(ws.name);
  const last = Math.min(ws.rowCount, MAX_HEADER_ROW);
  for (let r = 1; r <= last; r++) {
    ws.getRow(r).eachCell({ includeEmpty: false }, (cell) => {
      if (cell.master && cell.master.address !== cell.address) return;
      tally.note(cell.address, readCell(cell));
    });
  }
  const u = tally.summary();
  return u && u.cells * MIN_UNDECODABLE_SHARE >= u.textCells ? u : undefined;
}

/** One text cell in this many undecodable (or more) hides a header. */
const MIN_UNDECODABLE_SHARE = 4;

/** "sheet 'Sheet1' has text in .VnTime that does not decode as TCVN3 (12 of 40 text cells, first at B9)". */
export function describeUndecodable(u: UndecodableText): string {
  return `sheet '${u.sheet}' ${u.reason} (${u.cells} of ${u.textCells} text cells, first at ${u.firstCell})`;
}
