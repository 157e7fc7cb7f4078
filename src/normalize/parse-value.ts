import type { ValueType } from '../catalog/index.js';
import { unitScale, valueWords } from '../catalog/index.js';
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
  /** A text indicator's catalogued answers ("Phù hợp", "Chưa phù hợp"): the printed text is stored as the one it states. */
  readonly values?: readonly string[] | undefined;
}

const BLANK = /^[-–—_.…]*$/;
const NUMBER = String.raw`[+-]?\d[\d.,  ]*`;
const FRACTION = new RegExp(String.raw`^(${NUMBER})\s*([^\d/]*?)\s*/\s*(${NUMBER})\s*(.*)$`, 'u');
const NUMBER_WITH_SUFFIX = new RegExp(String.raw`^(${NUMBER})\s*(.*)$`, 'u');

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
    const money = suffix !== '' && valueWords().startsWithMoneyUnit(suffix);
    const numberLike = percentSign || suffix === '' || money || isUnitWord(suffix, hint.unit);
    if (numberLike) {
      const type = percentSign ? 'percent' : hint.type;
      const value = parseNumber(m[1]!, type);
      if (value !== null) {
        let num = value;
        if (hint.type === 'money') num = value * (money ? unitScale(suffix) : unitScale(hint.unit));
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

  if (hint.type === 'text') return { kind: 'text', num: null, text: (hint.values && catalogued(s, hint.values)) ?? s };
  return { kind: 'note', num: null, text: s };
}

/**
 * The catalogued answer a text states, whatever its case, accents or the words around it: the one
 * named first ("kết hợp (phát phiếu và trực tuyến)" → Kết hợp), the longest at one place ("chưa phù
 * hợp" → Chưa phù hợp, not Phù hợp). None named, or one negated ("không phù hợp"): the text stays as printed.
 */
function catalogued(text: string, values: readonly string[]): string | undefined {
  const f = ` ${foldAscii(text).replace(/[^a-z0-9]+/g, ' ').trim()} `;
  let best: { at: number; length: number; value: string } | undefined;
  for (const value of values) {
    const v = foldAscii(value).replace(/[^a-z0-9]+/g, ' ').trim();
    const at = f.indexOf(` ${v} `);
    if (at < 0) continue;
    // "không phù hợp" does not state Phù hợp: a no-word (catalog/value-words.yaml) right before it negates it.
    const before = f.slice(0, at).trim().split(' ').pop() ?? '';
    if (before && valueWords().yesNo(before) === false) continue;
    if (!best || at < best.at || (at === best.at && v.length > best.length)) best = { at, length: v.length, value };
  }
  return best?.value;
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

/** Có / Không and the other yes/no words of catalog/value-words.yaml. */
export function parseBoolean(text: string): boolean | undefined {
  return valueWords().yesNo(text);
}

/** A trailing word that is just the unit again ("196 hồ sơ", "13 văn bản", "01 TTHC"): `count_units` of catalog/value-words.yaml. */
function isUnitWord(suffix: string, unit: string | undefined): boolean {
  if (!suffix) return true;
  if (unit && suffix === foldAscii(unit)) return true;
  return valueWords().startsWithCountUnit(suffix);
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
