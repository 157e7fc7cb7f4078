/** Renders rows as an aligned text table, CSV or JSON: the formats every listing command offers. */
export type OutputFormat = 'table' | 'csv' | 'json';

export function render(rows: readonly Record<string, unknown>[], format: OutputFormat, columns?: readonly string[]): string {
  const cols = columns ?? (rows[0] ? Object.keys(rows[0]) : []);
  if (format === 'json') return JSON.stringify(rows, null, 2);
  if (format === 'csv') {
    const esc = (v: unknown) => {
      const s = v === null || v === undefined ? '' : String(v);
      return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
    };
    return [cols.join(','), ...rows.map((r) => cols.map((c) => esc(r[c])).join(','))].join('\n');
  }
  const text = (v: unknown) => (v === null || v === undefined ? '' : String(v));
  const widths = cols.map((c) => Math.min(60, Math.max(c.length, ...rows.map((r) => text(r[c]).length))));
  const line = (vals: string[]) => vals.map((v, i) => (v.length > widths[i]! ? `${v.slice(0, widths[i]! - 1)}…` : v.padEnd(widths[i]!))).join('  ').trimEnd();
  return [line([...cols]), line(widths.map((w) => '-'.repeat(w))), ...rows.map((r) => line(cols.map((c) => text(r[c]))))].join('\n');
}

export function parseFormat(value: string): OutputFormat {
  if (value === 'table' || value === 'csv' || value === 'json') return value;
  throw new Error(`unknown format "${value}" (table, csv or json)`);
}
