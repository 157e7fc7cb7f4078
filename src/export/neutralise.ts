/**
 * Text a spreadsheet would read as a formula ("CSV injection", OWASP): a cell that begins with
 * = + - @, a tab or a carriage return. Such text comes straight from reports and from analysts'
 * override reasons, so every text cell of every export goes through here. Numbers are never text
 * here: a negative number stays a number.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutralise(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** A cell as exports write it: numbers stay numbers, text is neutralised, null is empty. */
export type Cell = string | number | null;

export function cell(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'boolean') return value ? 1 : 0;
  return neutralise(typeof value === 'string' ? value : JSON.stringify(value));
}
