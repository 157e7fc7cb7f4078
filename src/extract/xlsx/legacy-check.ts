import type ExcelJS from 'exceljs';
import { undecodableReason } from '../../text/legacy/index.js';
import { type CellReading, readCell } from './cell-text.js';

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

/** Scans a sheet for legacy text that does not decode (why a sheet's table header could not be read). */
export function scanSheet(ws: ExcelJS.Worksheet): UndecodableText | undefined {
  const tally = new LegacyTally(ws.name);
  ws.eachRow({ includeEmpty: false }, (row) => {
    row.eachCell({ includeEmpty: false }, (cell) => {
      if (cell.master && cell.master.address !== cell.address) return;
      tally.note(cell.address, readCell(cell));
    });
  });
  return tally.summary();
}

/** "sheet 'Sheet1' has text in .VnTime that does not decode as TCVN3 (12 of 40 text cells, first at B9)". */
export function describeUndecodable(u: UndecodableText): string {
  return `sheet '${u.sheet}' ${u.reason} (${u.cells} of ${u.textCells} text cells, first at ${u.firstCell})`;
}
