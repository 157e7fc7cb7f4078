import { clean } from '../../text/index.js';

/** A printed line of a cell, with its horizontal extent when known. */
export interface CellLineText {
  readonly text: string;
  readonly right?: number;
  readonly width?: number;
}

/**
 * Joins the lines of a wrapped cell. Lines break between words, so they are joined with a space,
 * except where the renderer had to cut a word too long for the cell ("64/404TTH" + "C"): the line
 * before is one word reaching the cell's right edge, with no room left for the next line's first
 * character. `innerRight` is the furthest right any text of the column reaches on the page.
 */
export function joinCellLines(lines: readonly CellLineText[], innerRight: number | undefined): string {
  let out = '';
  lines.forEach((line, i) => {
    const prev = lines[i - 1];
    out += prev && !cutWord(prev, line, innerRight) ? ` ${line.text}` : line.text;
  });
  return clean(out);
}

const DIGIT_LETTER = /^(?:\p{N}\p{L}|\p{L}\p{N})$/u;

function cutWord(prev: CellLineText, next: CellLineText, innerRight: number | undefined): boolean {
  if (innerRight === undefined || prev.right === undefined || next.width === undefined) return false;
  if (/\s/.test(prev.text) || /[\p{P}]$/u.test(prev.text) || next.text.length === 0) return false;
  // A number ends where letters start: "1441/1441" + "văn bản", "223/411" + "TTHC" are two words that
  // happened to fill the line, not one word cut (a count is typed apart from its unit word).
  if (DIGIT_LETTER.test(prev.text.slice(-1) + next.text[0])) return false;
  const firstChar = next.width / [...next.text].length;
  return prev.right + firstChar > innerRight + 0.5;
}
