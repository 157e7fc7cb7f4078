import { z } from 'zod';
import { loadCatalog } from '../../catalog/index.js';
import type { ExtractedDocument, ExtractedFigure, Period, StatedWindow } from '../../model/index.js';
import { readPeriod, readWindow } from '../../normalize/document-header.js';
import { parsePeriodKey } from '../../normalize/period.js';
import { clean, foldAscii } from '../../text/fold.js';
import { NotThisKind, RejectedInput } from '../errors.js';
import type { ExtractContext } from '../extractor.js';
import { dayOf } from './dates.js';
import { cellText, type RawRow } from './raw-row.js';
import { catalogueUnit, CountName, countIndicator, countingRules, rates } from './rules.js';
import { coverage } from './tally.js';
import { unitClues } from './unit.js';
import type { OnestopSettings } from './windows.js';

/** `catalog/onestop-summary-form.yaml`: the layout and wordings of Biểu 06 / II.06a. */
const FormCatalog = z.strictObject({
  column_count: z.number().int().min(3),
  code_column: z.number().int().min(1),
  label_column: z.number().int().min(1),
  columns: z.record(z.string().regex(/^\d+$/), CountName),
  sums: z.partialRecord(CountName, z.array(z.number().int().min(1)).min(1)),
  identities: z.array(z.strictObject({ key: z.string().min(1), total: z.number().int(), parts: z.array(z.number().int()).min(1), text: z.string() })),
  title: z.string(),
  form_name: z.string(),
  unit_line: z.string(),
  unit_label: z.string(),
  period_line: z.string(),
  total_row: z.string(),
});
type FormCatalog = z.infer<typeof FormCatalog>;

interface Form {
  readonly columnCount: number;
  readonly codeColumn: number;
  readonly labelColumn: number;
  readonly columns: readonly { n: number; count: CountName }[];
  readonly sums: readonly { count: CountName; columns: readonly number[] }[];
  readonly identities: FormCatalog['identities'];
  /** Tried on folded lines. */
  readonly title: RegExp;
  readonly formName: RegExp;
  readonly unitLine: RegExp;
  readonly periodLine: RegExp;
  readonly totalRow: RegExp;
  /** Tried on the unit line as printed. */
  readonly unitLabel: RegExp;
}

let cached: Form | undefined;
function form(): Form {
  if (cached) return cached;
  const c = loadCatalog('onestop-summary-form.yaml', FormCatalog);
  cached = {
    columnCount: c.column_count,
    codeColumn: c.code_column,
    labelColumn: c.label_column,
    columns: Object.entries(c.columns).map(([n, count]) => ({ n: Number(n), count })),
    sums: (Object.entries(c.sums) as [CountName, number[]][]).map(([count, columns]) => ({ count, columns })),
    identities: c.identities,
    title: new RegExp(c.title, 'u'),
    formName: new RegExp(c.form_name, 'u'),
    unitLine: new RegExp(c.unit_line, 'u'),
    periodLine: new RegExp(c.period_line, 'u'),
    totalRow: new RegExp(c.total_row, 'u'),
    unitLabel: new RegExp(c.unit_label, 'iu'),
  };
  return cached;
}

/** The column-number row: cells "(1)", "(2)", … in order. Returns the index of each number. */
export function columnNumberRow(row: RawRow): Map<number, number> | undefined {
  const found = new Map<number, number>();
  row.cells.forEach((c, i) => {
    const m = /^\(?\s*(\d{1,2})\s*\)?$/.exec(cellText(c).trim());
    if (m && /\(/.test(cellText(c))) found.set(Number(m[1]), i);
  });
  for (let n = 1; n <= form().columnCount; n++) if (!found.has(n)) return undefined;
  return found;
}

export function looksLikeSummaryForm(head: readonly RawRow[]): boolean {
  return head.some((r) => columnNumberRow(r) !== undefined);
}

/** Reads the form from its rows (first sheet that has the column-number row). */
export function extractSummaryForm(rows: readonly (RawRow & { sheet?: string })[], file: { path: string }, ctx: ExtractContext): ExtractedDocument {
  const f = form();
  const rules = countingRules();
  const numbersAt = rows.findIndex((r) => columnNumberRow(r) !== undefined);
  if (numbersAt < 0) throw new NotThisKind(`no column-number row (1)…(${f.columnCount}) of Biểu 06`);
  const cols = columnNumberRow(rows[numbersAt]!)!;
  const sheet = rows[numbersAt]!.sheet;
  const preamble = rows.slice(0, numbersAt).map((r) => clean(r.cells.map(cellText).join(' '))).filter(Boolean);
  const title = preamble.find((l) => f.title.test(foldAscii(l))) ?? preamble.find((l) => f.formName.test(foldAscii(l)));
  const settings = ctx.config as OnestopSettings;
  const unitLine = preamble.find((l) => f.unitLine.test(foldAscii(l)) && !f.title.test(foldAscii(l)));
  const unit = unitLine?.replace(f.unitLabel, '') ?? '';
  const { period, window, stated } = formPeriod(preamble, settings, f);

  const value = (r: RawRow, n: number): number | undefined => {
    const v = r.cells[cols.get(n)!];
    if (v === null || v === undefined || cellText(v).trim() === '') return undefined;
    const num = typeof v === 'number' ? v : Number(cellText(v).replace(/[.\s]/g, '').replace(',', '.'));
    return Number.isFinite(num) ? num : NaN;
  };
  const address = (r: RawRow, n: number) => `${columnLetters(cols.get(n)!)}${r.line}`;
  const labelOf = (r: RawRow) => clean(cellText(r.cells[cols.get(f.labelColumn)!]));
  // The first column of each group ((3), (7), (11)): a row with none of them is not a data row.
  const groupTotals = f.identities.map((id) => id.total);

  const body = rows.slice(numbersAt + 1);
  const figures: ExtractedFigure[] = [];
  const scope: ExtractedFigure['scope'] = {
    ...(unit ? { commune: unitClues(unit) } : {}),
    ...(period ? { period } : {}),
    ...(window ? { window } : {}),
  };
  let total: RawRow | undefined;
  const fieldRows: RawRow[] = [];
  for (const r of body) {
    const label = labelOf(r);
    const stt = clean(cellText(r.cells[cols.get(f.codeColumn)!]));
    const numbers = groupTotals.map((n) => value(r, n));
    if (numbers.every((x) => x === undefined)) continue;
    if (numbers.some((x) => Number.isNaN(x))) throw new RejectedInput('bad_summary_form', `Biểu 06 row ${r.line} ("${label}"): a count that is not a number`, `row ${r.line}`);
    if (f.totalRow.test(foldAscii(label)) || f.totalRow.test(foldAscii(stt))) total = r;
    else if (/^\d+$/.test(stt)) fieldRows.push(r);
  }
  if (!total) throw new RejectedInput('bad_summary_form', 'Biểu 06 without a total row ("Tổng cộng"): cannot tell the unit\'s figures');
  const totalRow = total;

  // A form counts over the window it prints, so it covers that window whole.
  const covered = window ? coverage({ start: dayOf(window.start), end: dayOf(window.end) }, undefined) : {};
  const details = (r: RawRow, extra: Record<string, unknown> = {}) => ({ source: 'bieu-06', file: file.path, row_label: labelOf(r), ...covered, ...extra });
  const withUnit = (key: string) => {
    const u = catalogueUnit(key);
    return u ? { unit: u } : {};
  };
  const t = (n: number) => value(totalRow, n) ?? 0;
  const counts: Partial<Record<CountName, number>> = {};
  for (const { n, count } of f.columns) {
    const v = value(totalRow, n);
    if (v === undefined) continue;
    counts[count] = v;
    const key = countIndicator(rules, count);
    figures.push({
      method: 'onestop',
      indicatorKey: key,
      ...withUnit(key),
      raw: cellText(totalRow.cells[cols.get(n)!]),
      number: v,
      provenance: { ...(sheet ? { sheet } : {}), cell: address(totalRow, n), quote: `Biểu 06 column (${n}), total row` },
      scope,
      details: details(totalRow, { column: n }),
    });
  }
  const derived = (key: string, num: number, raw: string, how: string, extra: Record<string, unknown>) =>
    figures.push({ method: 'onestop', indicatorKey: key, ...withUnit(key), raw, number: num, provenance: { ...(sheet ? { sheet } : {}), quote: how }, scope, details: details(totalRow, extra) });
  for (const { count, columns } of f.sums) {
    const n = columns.reduce((s, c) => s + t(c), 0);
    counts[count] = n;
    derived(countIndicator(rules, count), n, String(n), `Biểu 06 ${columns.map((c) => `(${c})`).join(' + ')}`, { columns });
  }
  // The shares, as catalog/onestop-rules.yaml defines them: the same definition as for dossier exports.
  for (const r of rates(rules, counts)) {
    const how = `Biểu 06, ${r.rule.text}: (${r.rule.numerator.join(' + ')}) / (${r.rule.denominator.join(' + ')})`;
    derived(r.indicator, r.value, `${String(r.value).replace('.', ',')}%`, how, { numerator: r.numerator, denominator: r.denominator });
  }

  // Identities, on the total row first (the one the reconciliation reads), then on every field row.
  for (const r of [totalRow, ...fieldRows]) {
    for (const id of f.identities) {
      const left = value(r, id.total) ?? 0;
      const right = id.parts.reduce((s, n) => s + (value(r, n) ?? 0), 0);
      figures.push(checkFigure(id.key, left === right, `${id.text} on "${labelOf(r)}": ${left} vs ${right}`, scope, sheet, `${address(r, id.total)}`, details(r, { identity: id.text, ok: left === right, left, right })));
    }
  }
  if (fieldRows.length) {
    const mismatched: number[] = [];
    for (let n = 3; n <= f.columnCount; n++) {
      const sum = fieldRows.reduce((s, r) => s + (value(r, n) ?? 0), 0);
      if (sum !== t(n)) mismatched.push(n);
    }
    const ok = mismatched.length === 0;
    const identity = `total row = sum of field rows, columns (3)…(${f.columnCount})`;
    const quote = `total row = sum of ${fieldRows.length} field rows${ok ? '' : `: differs in columns ${mismatched.map((n) => `(${n})`).join(', ')}`}`;
    figures.push(checkFigure('3.3.1.check_fields_total', ok, quote, scope, sheet, address(totalRow, 3), details(totalRow, { identity, ok, columns_differing: mismatched, field_rows: fieldRows.length })));
  }
  return {
    format: 'xlsx',
    ...(title ? { title } : {}),
    commune: unit ? unitClues(unit) : { hints: [...preamble, file.path] },
    ...(period ? { period } : {}),
    ...(stated ? { window: stated } : {}),
    figures,
    warnings: [],
    kind: 'onestop',
  };
}

function checkFigure(key: string, ok: boolean, quote: string, scope: ExtractedFigure['scope'], sheet: string | undefined, cell: string, details: Record<string, unknown>): ExtractedFigure {
  return { method: 'onestop', indicatorKey: key, raw: ok ? 'true' : 'false', number: ok ? 1 : 0, provenance: { ...(sheet ? { sheet } : {}), cell, quote }, scope, details };
}

/**
 * "Kỳ báo cáo: Quý I năm 2025 (Từ ngày 01/01/2025 đến hết ngày 31/3/2025)": the period and window the
 * form prints, read with the header catalogue's phrases (the same as for reports); the caller's period
 * wins. The "Kỳ báo cáo" line is read first: other lines may name a year too ("Thông tư 01/2020").
 * A window known only by its end ("tính đến ngày …") stays the document's, not the figures'.
 */
function formPeriod(preamble: readonly string[], settings: OnestopSettings, f: Form): { period?: Period; window?: { start: string; end: string; source: string }; stated?: StatedWindow } {
  const periodLines = preamble.filter((l) => f.periodLine.test(foldAscii(l)));
  const others = preamble.filter((l) => !periodLines.includes(l));
  const stated = (periodLines.length ? readWindow(periodLines) : undefined) ?? readWindow(preamble);
  const window = stated?.start && stated.end ? { start: stated.start, end: stated.end, source: 'form' } : undefined;
  const period = (settings.period ? parsePeriodKey(settings.period) : undefined) ?? readPeriod([...periodLines, ...others]);
  return { ...(period ? { period } : {}), ...(window ? { window } : {}), ...(stated?.end ? { stated } : {}) };
}

function columnLetters(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}
