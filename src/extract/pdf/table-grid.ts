import { PDFParse } from 'pdf-parse';
import { clean } from '../../text/index.js';
import { type ColumnBands, innerRight, roleAt } from './column-bands.js';
import { joinCellLines } from './cell-text.js';
import { readFilledRuleTables } from './filled-rules.js';
import { type ColumnRole, ROLES, headingRole } from '../appendix-columns.js';
import type { RawRow } from './table-rebuild.js';
import type { TextItem } from './text-items.js';

/** What one page of a ruled table needs: its runs below the header and its column bands. */
export interface GridPage {
  readonly page: number;
  readonly body: readonly TextItem[];
  readonly bands: ColumnBands;
}

/**
 * Reads ruled tables with pdf-parse's `getTable` (cells from the drawn grid), one call for all the
 * table's pages. Returns undefined for a page whose grid is missing or does not line up with the
 * header's columns, so that the caller rebuilds that page from positioned runs instead.
 */
export async function readGridRows(bytes: Buffer, pages: readonly GridPage[]): Promise<Map<number, RawRow[]>> {
  const out = new Map<number, RawRow[]>();
  if (pages.length === 0) return out;
  const parser = new PDFParse({ data: new Uint8Array(bytes), verbosity: 0 });
  try {
    const result = await parser.getTable({ partial: pages.map((p) => p.page) });
    for (const pageResult of result.pages) {
      const page = pages.find((p) => p.page === pageResult.num);
      const rows = page ? appendixGridRows(pageResult.tables, page) : undefined;
      if (rows) out.set(page!.page, rows);
    }
  } finally {
    await parser.destroy();
  }
  // Pages without a stroked grid may have one drawn as thin filled rectangles (a browser's print).
  const missing = pages.filter((p) => !out.has(p.page));
  for (const [num, tables] of await readFilledRuleTables(bytes, missing.map((p) => p.page))) {
    const rows = appendixGridRows(tables, missing.find((p) => p.page === num)!);
    if (rows) out.set(num, rows);
  }
  return out;
}

/** The page's appendix grid (the table with a label heading) as rows, if it lines up with the header's columns. */
function appendixGridRows(tables: readonly (readonly (readonly string[])[])[], page: GridPage): RawRow[] | undefined {
  const table = tables.find((t) => t.some((row) => row.some((c) => headingRole(c.split('\n')[0] ?? '') === 'label')));
  return table ? gridRows(table, page) : undefined;
}

/** Grid cells → rows with roles. Header rows (every cell a heading, or fewer cells than the grid) are dropped. */
function gridRows(table: readonly (readonly string[])[], page: GridPage): RawRow[] | undefined {
  const width = Math.max(...table.map((r) => r.length));
  const body = table.filter((row) => row.length === width && !row.every((c) => c.trim() === '' || headingRole(firstLine(c)) !== undefined));
  const roles = columnRoles(body, width, page);
  if (!roles) return undefined;
  const edges = Object.fromEntries(ROLES.map((r) => [r, innerRight(page.bands, r, page.body.filter((i) => roleAt(page.bands, i) === r))]));
  const rows: RawRow[] = [];
  let below = Infinity;
  for (const row of body) {
    const parts = Object.fromEntries(ROLES.map((r) => [r, [] as string[]])) as Record<ColumnRole, string[]>;
    row.forEach((text, j) => {
      const role = roles[j]!;
      const joined = joinCellLines(
        text.split('\n').map((line) => geometry(clean(line), role, page, below)),
        edges[role],
      );
      if (joined) parts[role].push(joined);
    });
    const cells = Object.fromEntries(ROLES.map((r) => [r, parts[r].join(' ')])) as Record<ColumnRole, string>;
    if (ROLES.every((r) => cells[r] === '')) continue;
    const at = locate(row, roles, page.body, below);
    if (at) below = at.y;
    rows.push({ page: page.page, x: round(at?.x ?? 0), y: round(at?.y ?? below), cells });
  }
  return rows;
}

/**
 * Which header column each grid column is: the runs printing its cells' first lines are looked up on
 * the page and placed in the header's bands. A column no run can place (empty on this page) takes
 * the band at its position when the grid has as many columns as the header. Undefined when a column
 * cannot be placed or two grid columns land in one band (the grid is not the appendix's).
 */
function columnRoles(body: readonly (readonly string[])[], width: number, page: GridPage): ColumnRole[] | undefined {
  const roles: (ColumnRole | undefined)[] = [];
  for (let j = 0; j < width; j++) {
    const votes = new Map<ColumnRole, number>();
    for (const row of body) {
      const text = firstLine(row[j] ?? '');
      const run = text ? page.body.find((i) => i.text === text) : undefined;
      if (!run) continue;
      const role = roleAt(page.bands, run);
      votes.set(role, (votes.get(role) ?? 0) + 1);
      if ([...votes.values()].reduce((a, b) => a + b) >= 5) break;
    }
    roles.push([...votes.entries()].sort((p, q) => q[1] - p[1])[0]?.[0]);
  }
  if (width === page.bands.roles.length) {
    const byPosition = page.bands.roles;
    return roles.every((r, j) => r === undefined || r === byPosition[j]) ? [...byPosition] : undefined;
  }
  if (roles.some((r) => r === undefined)) return undefined;
  const placed = roles as ColumnRole[];
  return new Set(placed).size === placed.length ? placed : undefined;
}

/** The run printing the row's label (or first non-empty cell), the first such below the previous row. */
function locate(row: readonly string[], roles: readonly ColumnRole[], runs: readonly TextItem[], below: number): TextItem | undefined {
  const order = [roles.indexOf('label'), ...row.keys()];
  for (const j of order) {
    const text = firstLine(row[j] ?? '');
    if (!text) continue;
    const run = runs.find((i) => i.y < below - 0.5 && i.text === text) ?? runs.find((i) => i.y < below - 0.5 && i.text.startsWith(text));
    if (run) return run;
  }
  return undefined;
}

/** A cell line with the extent of the run printing it (the first such run in its column below the previous row). */
function geometry(text: string, role: ColumnRole, page: GridPage, below: number): { text: string; right?: number; width?: number } {
  const run = page.body.find((i) => i.y < below - 0.5 && i.text === text && roleAt(page.bands, i) === role);
  return run ? { text, right: run.x + run.width, width: run.width } : { text };
}

const firstLine = (cell: string) => clean(cell.split('\n')[0] ?? '');
const round = (n: number) => Math.round(n * 10) / 10;
