import { Option } from 'commander';
import { csvText } from '../export/csv.js';

/** Renders rows as an aligned text table, CSV or JSON: the formats every listing command offers. */
export const OUTPUT_FORMATS = ['table', 'csv', 'json'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** `--format`, checked by commander: a wrong value is a wrong command line (exit 2, valid values named). */
export function formatOption(what = 'output format'): Option {
  return new Option('--format <format>', what).choices(OUTPUT_FORMATS).default('table');
}

export function render(rows: readonly Record<string, unknown>[], format: OutputFormat, columns?: readonly string[]): string {
  const cols = columns ?? (rows[0] ? Object.keys(rows[0]) : []);
  if (format === 'json') return JSON.stringify(rows, null, 2);
  // The exports' writer: BOM, header, quoting, formula text neutralised. Without the final line end,
  // which console.log adds back.
  if (format === 'csv') return csvText(rows, cols).replace(/\r\n$/, '');
  const text = (v: unknown) => (v === null || v === undefined ? '' : String(v));
  const widths = cols.map((c) => Math.min(60, Math.max(c.length, ...rows.map((r) => text(r[c]).length))));
  const line = (vals: string[]) => vals.map((v, i) => (v.length > widths[i]! ? `${v.slice(0, widths[i]! - 1)}…` : v.padEnd(widths[i]!))).join('  ').trimEnd();
  return [line([...cols]), line(widths.map((w) => '-'.repeat(w))), ...rows.map((r) => line(cols.map((c) => text(r[c]))))].join('\n');
}
