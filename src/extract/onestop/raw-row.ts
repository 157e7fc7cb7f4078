/** One row of an export as read, before any meaning: its line (text) or row number (sheet), and its cells. */
export interface RawRow {
  readonly line: number;
  /** Strings from text files; strings, numbers, Dates or null from workbooks. */
  readonly cells: readonly unknown[];
}

/** Text of a cell for header matching and vocabularies. */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (v instanceof Date) return v.toISOString();
  return String(v);
}

/**
 * A copy of `s` that shares no memory with the text it was cut from. Cells are slices of a decoded
 * chunk, and V8 keeps the whole chunk alive while any slice of it lives: a cell kept as a map key
 * (a unit, a vocabulary value) or in a warning would pin a megabyte for every chunk it came from.
 */
export function detach(s: string): string {
  return Buffer.from(s, 'utf8').toString('utf8');
}
