import type { ValueType } from '../catalog/index.js';
import { unitScale } from '../catalog/index.js';
import { clean, foldAscii } from '../text/index.js';

/**
 * One parser for every way a Vietnamese report writes a figure: `1.101` and `114.984.119` (dot
 * thousands), `85,71%` and `86.03%` (comma or dot decimals), `01` (zero-padded counts),
 * `114.984.119đồng`, `28.800.000 đồng`, `Có`/`không`, `Phù hợp`, `64/404TTHC`, `1101/1101 văn bản đi`,
 * blanks, and notes that are not values (`Cấp huyện báo cáo`).
 *
 * What is ambiguous on its own (is `1.101` 1101 or 1.101?) is decided by the indicator's type:
 * counts and money are whole, so one dot or comma followed by three digits groups thousands; a
 * percent takes it as a decimal separator. The raw text is always kept beside the result.
 */
export type ValueKind = 'number' | 'fraction' | 'boolean' | 'text' | 'blank' | 'note';

export interface ParsedValue {
  readonly kind: ValueKind;
  /** In the stored scale: counts as counts, money in đồng, shares in percent points (85.71). */
  readonly num: number | null;
  /** The value as text, for text and boolean indicators, and for notes. */
  readonly text: string | null;
  readonly numerator?: number;
  readonly denominator?: number;
  /** A "%" was printed. */
  readonly percentSign?: boolean;
  /** Why the value is doubtful (a fractional count, a number in a text row). */
  readonly warning?: string;
}

export interface ValueHint {
  readonly type: ValueType;
  /** The unit as printed or catalogued; money units scale to đồng. */
  readonly unit?: string | undefined;
}

const BLANK = /^[-–—_.…]*$/;
const TRUE_WORDS = new Set(['co', 'x', 'yes', 'true', 'dat', 'co thuc hien', 'da thuc hien', 'da to chuc']);
const FALSE_WORDS = new Set(['khong', 'no', 'false', 'chua', 'khong co', 'chua thuc hien', 'khong to chuc']);
const NUMBER = String.raw`[+-]?\d[\d.,  ]*`;
const FRACTION = new RegExp(String.raw`^(${NUMBER})\s*([^\d/]*?)\s*/\s*(${NUMBER})\s*(.*)$`, 'u');
const NUMBER_WITH_SUFFIX = new RegExp(String.raw`^(${NUMBER})\s*(.*)$`, 'u');
const MONEY_WORDS = /^(d|dong|vnd|vnđ|trieu|trieu dong|ty|ty dong|nghin dong|ngan dong)\b/;

/** Parses a printed value for an indicator of the given type. */
export function parseValue(raw: string | null | undefined, hint: ValueHint): ParsedValue {
  const s = clean(raw ?? '');
  if (s === '' || BLANK.test(s)) return { kind: 'blank', num: null, text: null };

  if (hint.type === 'boolean') {
    const b = parseBoolean(s);
    if (b !== undefined) return { kind: 'boolean', num: b ? 1 : 0, text: s };
  }

  const fraction = FRACTION.exec(s);
  if (fraction) {
    const numerator = parseNumber(fraction[1]!, 'count');
    const denominator = parseNumber(fraction[3]!, 'count');
    if (numerator !== null && denominator !== null) {
      const rate = denominator === 0 ? null : tidy((numerator / denominator) * 100);
      const num = hint.type === 'percent' ? rate : numerator;
      return { kind: 'fraction', num, text: null, numerator, denominator };
    }
  }

  const m = NUMBER_WITH_SUFFIX.exec(s);
  if (m) {
    const suffix = foldAscii(m[2] ?? '');
    const percentSign = (m[2] ?? '').includes('%');
    const numberLike = percentSign || suffix === '' || MONEY_WORDS.test(suffix) || isUnitWord(suffix, hint.unit);
    if (numberLike) {
      const type = percentSign ? 'percent' : hint.type;
      const value = parseNumber(m[1]!, type);
      if (value !== null) {
        let num = value;
        if (hint.type === 'money') num = value * (MONEY_WORDS.test(suffix) ? unitScale(suffix) : unitScale(hint.unit));
        num = tidy(num);
        const warning =
          (hint.type === 'count' && !Number.isInteger(num) && 'a count that is not a whole number') ||
          (hint.type === 'boolean' && 'a number where Có/Không was expected') ||
          undefined;
        // A text indicator answered with a number ("0" for "Hình thức khảo sát": none) keeps it as text too.
        const text = hint.type === 'text' ? s : null;
        return { kind: 'number', num, text, percentSign, ...(warning ? { warning } : {}) };
      }
    }
  }

  if (hint.type === 'text') return { kind: 'text', num: null, text: s };
  return { kind: 'note', num: null, text: s };
}

/** Parses a number written the Vietnamese way, or the English way where that is unambiguous. */
export function parseNumber(token: string, type: ValueType = 'count'): number | null {
  const t = token.replace(/[\s  ]/g, '');
  if (!/^[+-]?\d[\d.,]*$/.test(t)) return null;
  const sign = t.startsWith('-') ? -1 : 1;
  const body = t.replace(/^[+-]/, '').replace(/[.,]$/, '');
  const dots = count(body, '.');
  const commas = count(body, ',');
  let normalised: string;
  if (dots && commas) {
    // Both present: the last one is the decimal separator ("1.234,5" or "1,234.5").
    const decimal = body.lastIndexOf('.') > body.lastIndexOf(',') ? '.' : ',';
    const group = decimal === '.' ? ',' : '.';
    normalised = body.split(group).join('').replace(decimal, '.');
  } else if (dots + commas === 0) {
    normalised = body;
  } else {
    const sep = dots ? '.' : ',';
    const n = dots || commas;
    const after = body.length - body.lastIndexOf(sep) - 1;
    const whole = type === 'count' || type === 'money';
    const grouping = n > 1 || (after === 3 && whole && !/^0\d*[.,]/.test(body));
    normalised = grouping ? body.split(sep).join('') : body.replace(sep, '.');
  }
  const value = Number(normalised);
  return Number.isFinite(value) ? sign * value : null;
}

export function parseBoolean(text: string): boolean | undefined {
  const f = foldAscii(text);
  if (TRUE_WORDS.has(f)) return true;
  if (FALSE_WORDS.has(f)) return false;
  // A yes/no written as a phrase: "Chưa tổ chức đối thoại", "Đã tổ chức đối thoại với Nhân dân".
  const lead = /^(chua|khong|da|co) \S/.exec(f)?.[1];
  if (lead) return lead === 'da' || lead === 'co';
  return undefined;
}

/** A trailing word that is just the unit again ("196 hồ sơ", "13 văn bản", "01 TTHC"). */
function isUnitWord(suffix: string, unit: string | undefined): boolean {
  if (!suffix) return true;
  if (unit && suffix === foldAscii(unit)) return true;
  return /^(ho so|van ban|thu tuc|tthc|nguoi|nhiem vu|quyet dinh|pakn|cuoc|tin bai|buoi|luot|thon|phieu|so luong)\b/.test(suffix);
}

function count(s: string, ch: string): number {
  let n = 0;
  for (const c of s) if (c === ch) n++;
  return n;
}

/** Drops binary floating-point noise (1025.997 × 10⁶ = 1025997000.0000002) at 15 significant digits. */
function tidy(x: number): number {
  return Number(x.toPrecision(15));
}
