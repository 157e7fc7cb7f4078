import { valueWords } from '../catalog/index.js';
import { parseNumber, parseValue } from './parse-value.js';

/**
 * The fraction a rate is printed with, found once here so that reconciliation compares numbers and
 * never reads text again: the rate's own cell ("61/196"), else its Ghi chú cell ("64/404TTHC"), else
 * the fraction printed right beside it in its sentence ("117,33% (114.984.119đồng/99.000.000 đồng)").
 * Stored as the observation's `numerator`/`denominator` with `details.fraction` saying where it was
 * read, the text it was read from and the money scale its parts were printed in.
 */
export interface FoundFraction {
  readonly numerator: number;
  readonly denominator: number;
  readonly from: 'note' | 'quote';
  readonly text: string;
  /** Multiplier from the printed money unit to đồng (1 when the text names none). */
  readonly scale: number;
}

// A fraction in running text: "61 hồ sơ/196 hồ sơ", "114.984.119đồng/99.000.000 đồng", "64/404TTHC".
// A few unit words may sit between the numerator and the slash; dates (28/5/2024) are not fractions.
const IN_TEXT = /(?<![\d/])(\d[\d.,]*)\s*([^\d/();,]{0,12}?)\s*\/\s*(\d[\d.,]*)(?![\d]*\/\d)/gu;

// How far (in characters) a fraction may sit from the rate it explains: "117,33% (114.984.119đồng/…)",
// "882.738.997đ/1.025.997.000đ đạt 86.03%". Further away it belongs to another figure of the sentence.
const NEAR = 40;

interface Located {
  readonly numerator: number;
  readonly denominator: number;
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/** The fraction of a percent figure that states none in its own cell, from its note or its sentence. */
export function findFraction(figure: { readonly raw: string; readonly note?: string | undefined; readonly quote?: string | undefined; readonly narrative: boolean }): FoundFraction | undefined {
  if (figure.note) {
    const p = parseValue(figure.note, { type: 'percent' });
    if (p.kind === 'fraction' && p.numerator !== undefined && p.denominator !== undefined) {
      return { numerator: p.numerator, denominator: p.denominator, from: 'note', text: figure.note, scale: scaleOf(figure.note) };
    }
  }
  if (!figure.narrative) return undefined;
  const own = fractionsIn(figure.raw);
  const found = own.length === 1 ? own[0] : own.length === 0 && figure.quote ? single(nearFractions(figure.quote, figure.raw)) : undefined;
  return found && { numerator: found.numerator, denominator: found.denominator, from: 'quote', text: found.text, scale: scaleOf(found.text) };
}

const single = <T>(xs: readonly T[]): T | undefined => (xs.length === 1 ? xs[0] : undefined);
const scaleOf = (text: string) => valueWords().moneyScale(text);

/** Fractions printed right beside the rate, with no other percentage or clause break between them. */
function nearFractions(quote: string, raw: string): Located[] {
  const at = quote.indexOf(raw.trim());
  if (at < 0) return [];
  const rawEnd = at + raw.trim().length;
  return fractionsIn(quote).filter((f) => {
    const between = f.end <= at ? quote.slice(f.end, at) : f.start >= rawEnd ? quote.slice(rawEnd, f.start) : null;
    return between !== null && between.length <= NEAR && !/\d\s*%|;/.test(between);
  });
}

function fractionsIn(text: string): Located[] {
  const out: Located[] = [];
  for (const m of text.matchAll(IN_TEXT)) {
    const numerator = parseNumber(m[1]!, 'count');
    const denominator = parseNumber(m[3]!, 'count');
    if (numerator === null || denominator === null) continue;
    out.push({ numerator, denominator, text: m[0].trim(), start: m.index, end: m.index + m[0].length });
  }
  return out;
}
