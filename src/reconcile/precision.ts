/**
 * Comparing a printed rate with the rate its numerator and denominator give, at the precision the
 * rate was printed with. Reports round, truncate, or get it wrong; only the last is an error.
 */
export type RatioVerdict = 'exact' | 'truncation' | 'rounding' | 'wrong';

/** Beyond this many decimals a printed figure is a stored float, not a typed one. */
const MAX_DECIMALS = 6;

/** Decimals printed in the figure ("30,01%" → 2, "100%" → 0, "86.03" → 2); null when none is printed. */
export function printedDecimals(raw: string): number | null {
  const m = /(\d+(?:[.,]\d+)?)\s*%/.exec(raw) ?? /^\s*[+-]?(\d+(?:[.,]\d+)?)\s*$/.exec(raw);
  if (!m) return null;
  const sep = m[1]!.search(/[.,]/);
  return sep < 0 ? 0 : Math.min(m[1]!.length - sep - 1, MAX_DECIMALS);
}

/** Half away from zero, as people and spreadsheets round; a tiny nudge absorbs binary noise. */
export function roundAt(x: number, decimals: number): number {
  const f = 10 ** decimals;
  return (Math.sign(x) * Math.round(Math.abs(x) * f + 1e-7)) / f;
}

export function truncateAt(x: number, decimals: number): number {
  const f = 10 ** decimals;
  return (Math.sign(x) * Math.floor(Math.abs(x) * f + 1e-7)) / f;
}

/**
 * `exact`: the computed rate rounds to the printed one. `truncation`: the printed one drops digits
 * instead of rounding (1,01% for 1,0194%). `rounding`: off by at most one unit of the last printed
 * digit otherwise (85,72% for 85,714%). `wrong`: anything further (117,33% for 116,15%).
 */
export function classifyRatio(printed: number, decimals: number, computed: number): RatioVerdict {
  const unit = 10 ** -decimals;
  const eps = unit / 1000;
  if (Math.abs(printed - roundAt(computed, decimals)) < eps) return 'exact';
  if (Math.abs(printed - truncateAt(computed, decimals)) < eps) return 'truncation';
  if (Math.abs(printed - computed) <= unit + eps) return 'rounding';
  return 'wrong';
}

/** Whether two figures of one indicator are the same once printed at the coarser of their precisions. */
export function samePrinted(a: number, aDecimals: number | null, b: number, bDecimals: number | null): boolean {
  if (Math.abs(a - b) < 1e-9) return true;
  if (aDecimals === null || bDecimals === null) return false;
  const d = Math.min(aDecimals, bDecimals);
  return Math.abs(roundAt(a, d) - roundAt(b, d)) < 10 ** -d / 1000;
}
