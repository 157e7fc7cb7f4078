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
