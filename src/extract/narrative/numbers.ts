import { moneyUnitWords } from './money.js';
import { originalIndex, searchForm } from './search-form.js';
import { matchesOf } from '../../text/index.js';

/**
 * The printed numbers of a sentence that may be figures, each one token: a count ("1.247", "05"),
 * a percentage ("94,74%", "84.75 %"), an amount with its unit ("1,25 tỷ đồng", "945.287.000đ"), or
 * one side of a fraction ("36/38", "4.572/4.572 HS", "61 hồ sơ/196"). Dates, document numbers,
 * years, phone numbers, levels and the like are left out by the catalogue's `skip` rules.
 */
export type NumberKind = 'count' | 'percent' | 'money';

export interface NumberToken {
  readonly kind: NumberKind;
  /** Characters in the sentence, end exclusive. */
  readonly start: number;
  readonly end: number;
  /** For one side of "a/b": which, and the index of the other side in the token list. */
  readonly part?: 'numerator' | 'denominator';
  readonly other?: number;
}

const START = String.raw`(?<![\p{L}\d.,/-])`;
const NUM = String.raw`\d+(?:[.,]\d+)*`;
const MONEY_UNIT = String.raw`\s?(?:${moneyUnitWords()})(?![\p{L}\d])`;
// An amount may follow a slash after another amount's unit: "945.287.000đ/1.200.000.000đ".
const MONEY = new RegExp(String.raw`(?:${START}|(?<=\p{L}\s?/\s?))${NUM}${MONEY_UNIT}`, 'gu');
const PERCENT = new RegExp(String.raw`${START}\d+(?:[.,]\d+)?\s?%`, 'gu');
// Unit words may stand between the numerator and the slash: "61 hồ sơ/196", "1101 văn bản/1101".
// "14 trên tổng số 40 nhiệm vụ", "14 trên 40": the same pair in words ("trên" alone only right after the
// number: "500 hồ sơ trên 12 lĩnh vực" is no fraction).
const FRACTION = new RegExp(
  String.raw`${START}(${NUM})((?:\s?[a-z]+){0,3})(?:\s?/\s?|(?<=\d)\stren\s|\stren tong(?: so)?\s)(${NUM})(?![\d%/]|[.,]\d|\s?/)`,
  'gdu',
);
// A count may follow a slash after words ("09 công chức chuyên môn/06 chức danh"), not after digits (a date).
const COUNT = new RegExp(`(?<![\\p{L}\\d.,-])(?<!\\d\\s?/\\s?)${NUM}(?![\\d%]|[.,]\\d|\\s?/\\s?\\d)`, 'gu');

type Span = readonly [number, number];

/** Number tokens of a sentence in reading order; `skip` are regular expressions on its search form. */
export function numberTokens(sentence: string, skip: readonly RegExp[]): NumberToken[] {
  const form = searchForm(sentence);
  const text = form.text;
  // Every token is made of digits: a sentence without one needs none of the expressions below.
  if (!/\d/.test(text)) return [];
  const taken: Span[] = [];
  for (const re of skip) for (const m of matchesOf(re, text)) taken.push([m.index, m.index + m[0].length]);
  const free = (s: number, e: number) => !taken.some(([a, b]) => s < b && a < e);
  const found: { kind: NumberKind; s: number; e: number; part?: 'numerator' | 'denominator'; pair?: number }[] = [];
  const claim = (kind: NumberKind, s: number, e: number, part?: 'numerator' | 'denominator', pair?: number) => {
    found.push({ kind, s, e, ...(part ? { part } : {}), ...(pair !== undefined ? { pair } : {}) });
    taken.push([s, e]);
  };

  let pairs = 0;
  const money = matchesOf(MONEY, text).filter((m) => free(m.index, m.index + m[0].length));
  for (const [i, m] of money.entries()) {
    const next = money[i + 1];
    const s = m.index;
    const e = s + m[0].trimEnd().length;
    // "1.480 triệu đồng/1.650 triệu đồng": spent out of planned.
    if (next && /^\s?\/\s?$/.test(text.slice(e, next.index))) {
      const pair = pairs++;
      claim('money', s, e, 'numerator', pair);
      claim('money', next.index, next.index + next[0].trimEnd().length, 'denominator', pair);
      money.splice(i + 1, 1);
    } else if (!found.some((f) => f.s === s)) claim('money', s, e);
  }
  for (const m of matchesOf(FRACTION, text)) {
    const [a, b] = [m.indices![1]!, m.indices![3]!];
    if (!free(m.index, m.index + m[0].length)) continue;
    const pair = pairs++;
    claim('count', a[0], a[1], 'numerator', pair);
    claim('count', b[0], b[1], 'denominator', pair);
  }
  for (const m of matchesOf(PERCENT, text)) if (free(m.index, m.index + m[0].length)) claim('percent', m.index, m.index + m[0].length);
  for (const m of matchesOf(COUNT, text)) if (free(m.index, m.index + m[0].length)) claim('count', m.index, m.index + m[0].length);

  found.sort((x, y) => x.s - y.s);
  const tokens = found.map((f) => ({ kind: f.kind, start: originalIndex(form, f.s), end: originalIndex(form, f.e - 1) + 1, part: f.part, pair: f.pair }));
  return tokens.map((t) => {
    const other = t.pair === undefined ? -1 : tokens.findIndex((u) => u !== t && u.pair === t.pair);
    return { kind: t.kind, start: t.start, end: t.end, ...(t.part ? { part: t.part } : {}), ...(other >= 0 ? { other } : {}) };
  });
}
