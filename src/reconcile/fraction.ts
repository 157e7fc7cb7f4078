import { parseNumber, parseValue } from '../normalize/parse-value.js';
import type { ReconObservation } from './types.js';

export interface PrintedFraction {
  readonly numerator: number;
  readonly denominator: number;
  /** Where it was read: the observation's own columns, its Ghi chú cell or its sentence. */
  readonly from: 'columns' | 'note' | 'quote';
  readonly text: string;
}

// A fraction in running text: "61 hồ sơ/196 hồ sơ", "114.984.119đồng/99.000.000 đồng", "64/404TTHC".
// A few unit words may sit between the numerator and the slash.
const IN_TEXT = /(?<![\d/])(\d[\d.,]*)\s*([^\d/();,]{0,12}?)\s*\/\s*(\d[\d.,]*)(?![\d]*\/\d)/gu;

/**
 * The fraction printed with a figure, if any: its own numerator/denominator, else the Ghi chú cell
 * ("64/404TTHC"), else the fraction printed right beside it in its sentence. A fraction further away,
 * or past another percentage, belongs to another figure; dates (28/5/2024) are not fractions.
 */
export function printedFraction(obs: ReconObservation): PrintedFraction | undefined {
  if (obs.numerator !== null && obs.denominator !== null) {
    const text = obs.rawText.includes('/') ? obs.rawText : `${obs.numerator}/${obs.denominator}`;
    return { numerator: obs.numerator, denominator: obs.denominator, from: 'columns', text };
  }
  if (obs.note) {
    const p = parseValue(obs.note, { type: 'percent' });
    if (p.kind === 'fraction' && p.numerator !== undefined && p.denominator !== undefined) {
      return { numerator: p.numerator, denominator: p.denominator, from: 'note', text: obs.note };
    }
  }
  if (obs.method === 'narrative') {
    const own = fractionsIn(obs.rawText);
    if (own.length === 1) return { ...own[0]!, from: 'quote' };
    if (own.length > 1 || !obs.quote) return undefined;
    const near = nearFractions(obs.quote, obs.rawText);
    if (near.length === 1) return { ...near[0]!, from: 'quote' };
  }
  return undefined;
}

interface FoundFraction {
  numerator: number;
  denominator: number;
  text: string;
  start: number;
  end: number;
}

// How far (in characters) a fraction may sit from the rate it explains: "117,33% (114.984.119đồng/…)",
// "882.738.997đ/1.025.997.000đ đạt 86.03%". Further away it belongs to another figure of the sentence.
const NEAR = 40;

/** Fractions printed right beside the rate, with no other percentage or clause break between them. */
function nearFractions(quote: string, raw: string): FoundFraction[] {
  const at = quote.indexOf(raw.trim());
  if (at < 0) return [];
  const rawEnd = at + raw.trim().length;
  return fractionsIn(quote).filter((f) => {
    const between = f.end <= at ? quote.slice(f.end, at) : f.start >= rawEnd ? quote.slice(rawEnd, f.start) : null;
    return between !== null && between.length <= NEAR && !/\d\s*%|;/.test(between);
  });
}

function fractionsIn(text: string): FoundFraction[] {
  const out: FoundFraction[] = [];
  for (const m of text.matchAll(IN_TEXT)) {
    const numerator = parseNumber(m[1]!, 'count');
    const denominator = parseNumber(m[3]!, 'count');
    if (numerator === null || denominator === null) continue;
    out.push({ numerator, denominator, text: m[0].trim(), start: m.index, end: m.index + m[0].length });
  }
  return out;
}
