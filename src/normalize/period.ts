import type { Period, PeriodKind } from '../model/index.js';

/** Builds a period and its analyst-facing key: 2024, 2024-H1, 2024-Q3, 2024-9M, 2024-M10. */
export function makePeriod(kind: PeriodKind, year: number, number: number | null): Period {
  const n = kind === 'year' || kind === 'nine_months' ? null : number;
  return { key: periodKey(kind, year, n), kind, year, number: n };
}

export function periodKey(kind: PeriodKind, year: number, number: number | null): string {
  switch (kind) {
    case 'year':
      return `${year}`;
    case 'half':
      return `${year}-H${number}`;
    case 'quarter':
      return `${year}-Q${number}`;
    case 'nine_months':
      return `${year}-9M`;
    case 'month':
      return `${year}-M${String(number).padStart(2, '0')}`;
  }
}

const KEY = /^(\d{4})(?:-(H[12]|Q[1-4]|9M|M(?:0[1-9]|1[0-2])))?$/;

/** Parses a period key as typed on the command line; undefined when it is not one. */
export function parsePeriodKey(key: string): Period | undefined {
  const m = KEY.exec(key.trim().toUpperCase());
  if (!m) return undefined;
  const year = Number(m[1]);
  const rest = m[2];
  if (!rest) return makePeriod('year', year, null);
  if (rest === '9M') return makePeriod('nine_months', year, null);
  const n = Number(rest.slice(1));
  return makePeriod(rest[0] === 'H' ? 'half' : rest[0] === 'Q' ? 'quarter' : 'month', year, n);
}

/**
 * Which months each kind of period spans: the one definition of period kinds and their numbers,
 * read by the regulation's windows and by whoever lists a year's periods (one-stop exports).
 * `numbers` is how many periods of the kind a year has (null: one, without a number).
 */
const SHAPES: Record<PeriodKind, { readonly numbers: number | null; readonly months: (n: number) => readonly [first: number, last: number] }> = {
  year: { numbers: null, months: () => [1, 12] },
  half: { numbers: 2, months: (n) => [n * 6 - 5, n * 6] },
  quarter: { numbers: 4, months: (n) => [n * 3 - 2, n * 3] },
  nine_months: { numbers: null, months: () => [1, 9] },
  month: { numbers: 12, months: (n) => [n, n] },
};

/** Every period of the given kinds in a year, in the order the kinds are given: 2024, 2024-H1, 2024-H2, … */
export function periodsOfYear(year: number, kinds: readonly PeriodKind[]): Period[] {
  return kinds.flatMap((kind) => {
    const n = SHAPES[kind].numbers;
    return n === null ? [makePeriod(kind, year, null)] : Array.from({ length: n }, (_, i) => makePeriod(kind, year, i + 1));
  });
}

/**
 * The data window Nghị định 09/2019/NĐ-CP (Article 12) sets for a periodic report: from the 15th of
 * the month before the period to the 14th of its last month (a year and a half-year start on
 * 15 December of the previous year). The day is configurable for provinces that cut off otherwise.
 */
export function regulationWindow(period: Period, cutoffDay = 15): { start: string; end: string } {
  const [firstMonth, lastMonth] = SHAPES[period.kind].months(period.number ?? 1);
  const start = addMonths(period.year, firstMonth, -1, cutoffDay);
  const end = ymd(period.year, lastMonth, cutoffDay - 1);
  return { start, end };
}

function addMonths(year: number, month: number, delta: number, day: number): string {
  const d = new Date(Date.UTC(year, month - 1 + delta, day));
  return d.toISOString().slice(0, 10);
}

function ymd(year: number, month: number, day: number): string {
  return new Date(Date.UTC(year, month - 1, day)).toISOString().slice(0, 10);
}
