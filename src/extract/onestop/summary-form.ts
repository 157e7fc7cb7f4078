import type { ExtractedDocument, ExtractedFigure, Period } from '../../model/index.js';
import { makePeriod, parsePeriodKey } from '../../normalize/period.js';
import { clean, foldAscii } from '../../text/fold.js';
import { NotThisKind, RejectedInput } from '../errors.js';
import type { ExtractContext } from '../extractor.js';
import { parseDate, isoDay } from './dates.js';
import { cellText, type RawRow } from './raw-row.js';
import { unitClues } from './unit.js';
import type { OnestopSettings } from './windows.js';

/**
 * "Biểu số 06/VPCP/KSTT" (and II.06a): results of dossier handling, one row per field (lĩnh vực) and
 * level, a total row, thirteen numbered columns. Its headers are two merged rows that differ between
 * exports, so columns are found by the printed column-number row "(1) … (13)", which the form always has.
 */
const COLUMN_COUNT = 13;
/** Indicator of each numbered column (3–13) on the total row. */
const COLUMN_INDICATORS: Readonly<Record<number, string>> = {
  3: '7.2.4.received',
  4: '7.2.4.online',
  5: '7.2.4.direct',
  6: '7.2.4.carried_over',
  7: '3.3.1.resolved',
  8: '3.3.1.early',
  9: '3.3.1.due_day',
  10: '3.3.1.late',
  11: '3.3.1.in_progress',
  12: '3.3.1.in_progress_within',
  13: '3.3.1.in_progress_overdue',
};
/** The form's identities: (3) = (4)+(5)+(6), (7) = (8)+(9)+(10), (11) = (12)+(13). */
const IDENTITIES = [
  { key: '7.2.4.check_received', total: 3, parts: [4, 5, 6], text: '(3) = (4) + (5) + (6): received = online + direct/postal + carried over' },
  { key: '3.3.1.check_resolved', total: 7, parts: [8, 9, 10], text: '(7) = (8) + (9) + (10): resolved = early + on time + late' },
  { key: '3.3.1.check_in_progress', total: 11, parts: [12, 13], text: '(11) = (12) + (13): in progress = within + past the deadline' },
] as const;

/** The column-number row: cells "(1)", "(2)", … in order. Returns the index of each number. */
export function columnNumberRow(row: RawRow): Map<number, number> | undefined {
  const found = new Map<number, number>();
  row.cells.forEach((c, i) => {
    const m = /^\(?\s*(\d{1,2})\s*\)?$/.exec(cellText(c).trim());
    if (m && /\(/.test(cellText(c))) found.set(Number(m[1]), i);
  });
  for (let n = 1; n <= COLUMN_COUNT; n++) if (!found.has(n)) return undefined;
  return found;
}

export function looksLikeSummaryForm(head: readonly RawRow[]): boolean {
  return head.some((r) => columnNumberRow(r) !== undefined);
}

/** Reads the form from its rows (first sheet that has the column-number row). */
export function extractSummaryForm(rows: readonly (RawRow & { sheet?: string })[], file: { path: string }, ctx: ExtractContext): ExtractedDocument {
  const numbersAt = rows.findIndex((r) => columnNumberRow(r) !== undefined);
  if (numbersAt < 0) throw new NotThisKind('no column-number row (1)…(13) of Biểu 06');
  const cols = columnNumberRow(rows[numbersAt]!)!;
  const sheet = rows[numbersAt]!.sheet;
  const preamble = rows.slice(0, numbersAt).map((r) => clean(r.cells.map(cellText).join(' '))).filter(Boolean);
  const title = preamble.find((l) => /tình hình|kết quả giải quyết/iu.test(l)) ?? preamble.find((l) => /biểu số/iu.test(l));
  const settings = ctx.config as OnestopSettings;
  const unitLine = preamble.find((l) => /đơn vị báo cáo|^ubnd|(^|\s)(xã|phường|thị trấn)(\s|$)/iu.test(l) && !/tình hình/iu.test(l));
  const unit = unitLine?.replace(/^.*?đơn vị báo cáo\s*:?\s*/iu, '') ?? '';
  const { period, window } = formPeriod(preamble, settings);

  const value = (r: RawRow, n: number): number | undefined => {
    const v = r.cells[cols.get(n)!];
    if (v === null || v === undefined || cellText(v).trim() === '') return undefined;
    const num = typeof v === 'number' ? v : Number(cellText(v).replace(/[.\s]/g, '').replace(',', '.'));
    return Number.isFinite(num) ? num : NaN;
  };
  const address = (r: RawRow, n: number) => `${columnLetters(cols.get(n)!)}${r.line}`;

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
    const label = clean(cellText(r.cells[cols.get(2)!]));
    const stt = clean(cellText(r.cells[cols.get(1)!]));
    const numbers = [3, 7, 11].map((n) => value(r, n));
    if (numbers.every((x) => x === undefined)) continue;
    if (numbers.some((x) => Number.isNaN(x))) throw new RejectedInput(`Biểu 06 row ${r.line} ("${label}"): a count that is not a number`, `row ${r.line}`);
    if (/^tong( cong| so)?\b/.test(foldAscii(label)) || /^tong/.test(foldAscii(stt))) total = r;
    else if (/^\d+$/.test(stt)) fieldRows.push(r);
  }
  if (!total) throw new RejectedInput('Biểu 06 without a total row ("Tổng cộng"): cannot tell the unit\'s figures');

  const details = (r: RawRow, extra: Record<string, unknown> = {}) => ({ source: 'bieu-06', file: file.path, row_label: clean(cellText(r.cells[cols.get(2)!])), ...extra });
  for (const [n, key] of Object.entries(COLUMN_INDICATORS)) {
    const v = value(total, Number(n));
    if (v === undefined) continue;
    figures.push({
      method: 'onestop',
      indicatorKey: key,
      unit: 'Hồ sơ',
      raw: cellText(total.cells[cols.get(Number(n))!]),
      number: v,
      provenance: { ...(sheet ? { sheet } : {}), cell: address(total, Number(n)), quote: `Biểu 06 column (${n}), total row` },
      scope,
      details: details(total, { column: Number(n) }),
    });
  }
  const t = (n: number) => value(total!, n) ?? 0;
  const derived = (key: string, unit: string, num: number, raw: string, how: string, extra: Record<string, unknown>) =>
    figures.push({ method: 'onestop', indicatorKey: key, unit, raw, number: num, provenance: { ...(sheet ? { sheet } : {}), quote: how }, scope, details: details(total!, extra) });
  derived('7.2.4.new', 'Hồ sơ', t(4) + t(5), String(t(4) + t(5)), 'Biểu 06 (4) + (5)', { columns: [4, 5] });
  derived('3.3.1.on_time', 'Hồ sơ', t(8) + t(9), String(t(8) + t(9)), 'Biểu 06 (8) + (9)', { columns: [8, 9] });
  if (t(4) + t(5) > 0) {
    const r = Math.round((t(4) / (t(4) + t(5))) * 10000) / 100;
    derived('7.2.4', '%', r, `${String(r).replace('.', ',')}%`, 'Biểu 06 (4) / ((4) + (5))', { numerator: t(4), denominator: t(4) + t(5) });
  }
  if (t(7) > 0) {
    const r = Math.round(((t(8) + t(9)) / t(7)) * 10000) / 100;
    derived('3.3.1', '%', r, `${String(r).replace('.', ',')}%`, 'Biểu 06 ((8) + (9)) / (7)', { numerator: t(8) + t(9), denominator: t(7) });
  }

  // Identities, on the total row first (the one the reconciliation reads), then on every field row.
  for (const r of [total, ...fieldRows]) {
    for (const id of IDENTITIES) {
      const left = value(r, id.total) ?? 0;
      const right = id.parts.reduce((s, n) => s + (value(r, n) ?? 0), 0);
      figures.push(checkFigure(id.key, left === right, `${id.text} on "${clean(cellText(r.cells[cols.get(2)!]))}": ${left} vs ${right}`, scope, sheet, `${address(r, id.total)}`, details(r, { identity: id.text, ok: left === right, left, right })));
    }
  }
  if (fieldRows.length) {
    const mismatched: number[] = [];
    for (let n = 3; n <= COLUMN_COUNT; n++) {
      const sum = fieldRows.reduce((s, r) => s + (value(r, n) ?? 0), 0);
      if (sum !== t(n)) mismatched.push(n);
    }
    const ok = mismatched.length === 0;
    figures.push(
      checkFigure('3.3.1.check_fields_total', ok, `total row = sum of ${fieldRows.length} field rows${ok ? '' : `: differs in columns ${mismatched.map((n) => `(${n})`).join(', ')}`}`, scope, sheet, address(total, 3), details(total, { identity: 'total row = sum of field rows, columns (3)…(13)', ok, columns_differing: mismatched, field_rows: fieldRows.length })),
    );
  }
  return {
    format: 'xlsx',
    ...(title ? { title } : {}),
    commune: unit ? unitClues(unit) : { hints: [...preamble, file.path] },
    ...(period ? { period } : {}),
    ...(window ? { window: { start: window.start, end: window.end, estimate: false } } : {}),
    figures,
    warnings: [],
    kind: 'onestop',
  };
}

function checkFigure(key: string, ok: boolean, quote: string, scope: ExtractedFigure['scope'], sheet: string | undefined, cell: string, details: Record<string, unknown>): ExtractedFigure {
  return { method: 'onestop', indicatorKey: key, raw: ok ? 'true' : 'false', number: ok ? 1 : 0, provenance: { ...(sheet ? { sheet } : {}), cell, quote }, scope, details };
}

/** "Kỳ báo cáo: Năm 2024 (Từ ngày 01/12/2023 đến ngày 20/11/2024)"; the caller's period wins. */
function formPeriod(preamble: readonly string[], settings: OnestopSettings): { period?: Period; window?: { start: string; end: string; source: string } } {
  const text = preamble.join(' ');
  const w = /từ ngày\s+(\d{1,2}\/\d{1,2}\/\d{4})\s+(?:ước thực hiện\s+)?đến ngày\s+(\d{1,2}\/\d{1,2}\/\d{4})/iu.exec(text);
  const start = w ? parseDate(w[1]) : undefined;
  const end = w ? parseDate(w[2]) : undefined;
  const window = start && end ? { start: isoDay(start.day), end: isoDay(end.day), source: 'form' } : undefined;
  let period = settings.period ? parsePeriodKey(settings.period) : undefined;
  if (!period) {
    const y = /kỳ báo cáo[^0-9]*?năm\s+(\d{4})/iu.exec(text) ?? /\bnăm\s+(\d{4})/iu.exec(text);
    if (y) period = makePeriod('year', Number(y[1]), null);
  }
  return { ...(period ? { period } : {}), ...(window ? { window } : {}) };
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
