import { indicatorCatalogue } from '../catalog/index.js';
import { bareName } from '../normalize/commune/units.js';
import { parsePeriodKey } from '../normalize/period.js';
import { resolveCommune } from '../reconcile/overrides.js';
import { foldAscii } from '../text/index.js';
import type { Warehouse } from '../warehouse/index.js';
import type { ExportFilters } from './views.js';

/** Filters as typed on the command line: names or codes, a period key, an indicator key or code. */
export interface FilterInput {
  readonly commune?: string | undefined;
  readonly province?: string | undefined;
  readonly district?: string | undefined;
  readonly period?: string | undefined;
  readonly indicator?: string | undefined;
}

/** A name without its unit-type word (catalog/units.yaml), folded: "Tỉnh Bắc Kạn" = "bac kan". */
const bare = (name: string) => foldAscii(bareName(name));

/** Resolves typed filters to warehouse keys; an unknown name is a one-line error naming the warehouse. */
export function resolveFilters(wh: Warehouse, input: FilterInput): ExportFilters {
  let communes: string[] | undefined;
  if (input.commune) communes = [resolveCommune(wh, input.commune)];
  for (const [column, value] of [['province', input.province], ['district', input.district]] as const) {
    if (!value) continue;
    const rows = wh.sqlite.prepare(`SELECT code, ${column} AS area FROM communes`).all() as { code: string; area: string | null }[];
    const codes = rows.filter((r) => r.area && bare(r.area) === bare(value)).map((r) => r.code);
    if (!codes.length) throw new Error(`no commune of ${column} "${value}" in ${wh.path}`);
    communes = communes ? communes.filter((c) => codes.includes(c)) : codes;
  }
  let period: ExportFilters['period'];
  if (input.period) {
    const p = parsePeriodKey(input.period);
    if (!p) throw new Error(`not a period: "${input.period}" (2024, 2024-H1, 2024-Q3, 2024-9M, 2024-M10)`);
    period = { key: p.key, ...calendarRange(p.kind, p.year, p.number) };
  }
  let indicator: string | undefined;
  if (input.indicator) {
    const catalogue = indicatorCatalogue();
    const byCode = catalogue.findByCode(input.indicator);
    const ind = catalogue.get(input.indicator) ?? (byCode.length === 1 ? byCode[0] : undefined);
    if (!ind) throw new Error(`unknown indicator "${input.indicator}" (see \`cchc indicators\`)`);
    indicator = ind.key;
  }
  return { communes, period, indicator };
}

/** The calendar days a period covers: how dated rows (dossiers) are filtered by period. */
function calendarRange(kind: string, year: number, n: number | null): { start: string; end: string } {
  const [first, last] =
    kind === 'half' ? [n === 1 ? 1 : 7, n === 1 ? 6 : 12] : kind === 'quarter' ? [(n! - 1) * 3 + 1, n! * 3] : kind === 'nine_months' ? [1, 9] : kind === 'month' ? [n!, n!] : [1, 12];
  const lastDay = new Date(Date.UTC(year, last, 0)).getUTCDate();
  const mm = (m: number) => String(m).padStart(2, '0');
  return { start: `${year}-${mm(first)}-01`, end: `${year}-${mm(last)}-${lastDay}` };
}
